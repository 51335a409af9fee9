"""How a cell stands: the one function that decides a cell's status (its colour, its CSV state)."""
from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from itertools import compress, repeat
from operator import attrgetter

from models.report import ERROR, INFO, WARNING, Cell, Issue
from models.values import NA, Value

OPEN, ACCEPTED, RESOLVED = "open", "accepted", "resolved"
STATUSES = ("error", "warning", "corrected", "accepted", "uncertain", "ocr", "blank", "na", "ok")


def cell_status(issues: Iterable[tuple[str, str]], corrected: bool, uncertain: bool, value: Value,
                ocr: bool = False) -> str:
    """error, warning, corrected, accepted, uncertain, ocr, blank, na or ok.

    `issues` are (severity, state) of every issue naming the cell. An open error or warning shows
    first, so a corrected cell that still takes part in a broken rule is red (the ledger and the
    tooltip still say it was corrected). A value read from a scan by OCR (`ocr`) that nothing else
    marks is "ocr", so the auditor always sees which numbers no one has read in print.
    """
    named = False
    warning = False
    for sev, state in issues:
        if sev == INFO:
            continue
        named = True
        if state == OPEN:
            if sev == ERROR:
                return "error"
            warning = warning or sev == WARNING
    if warning:
        return "warning"
    if corrected:
        return "corrected"
    if named:
        return "accepted"
    if uncertain:
        return "uncertain"
    if ocr:
        return "ocr"
    if value is None:
        return "blank"
    if value == NA:
        return "na"
    return "ok"


def cell_statuses(values: Mapping[str, Value], cells: Mapping[str, Cell], issues: Iterable[Issue],
                  corrected: Collection[str] = ()) -> dict[str, str]:
    """cell_status() of every field in `values` at once, each issue in the state it carries (for rows
    made from a report and its issues without a review, which keeps its own)."""
    # Layer by layer, from the weakest status to the strongest, each layer set on the cells it concerns
    # at once: the status a cell is left with is the strongest that applies, as cell_status() decides
    # it cell by cell (a grouped issue names a hundred cells; one call a cell costs more than the rest).
    out = {fid: "blank" if v is None else "na" if v == NA else "ok" for fid, v in values.items()}
    has = out.__contains__
    out.update(zip(filter(has, compress(cells, map(_OCR, cells.values()))), repeat("ocr")))
    out.update(zip(filter(has, compress(cells, map(_UNCERTAIN, cells.values()))), repeat("uncertain")))
    issues = [i for i in issues if i.severity != INFO]  # an information note marks no cell
    for i in issues:
        out.update(zip(filter(has, i.fields), repeat("accepted")))  # named by an item: accepted, unless open
    out.update(zip(filter(has, corrected), repeat("corrected")))
    for severity, status in ((WARNING, "warning"), (ERROR, "error")):  # an open error outranks a warning
        for i in issues:
            if i.severity == severity and i.state == OPEN:
                out.update(zip(filter(has, i.fields), repeat(status)))
    return out


_OCR, _UNCERTAIN = attrgetter("ocr"), attrgetter("uncertain")
