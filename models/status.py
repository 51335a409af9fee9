"""How a cell stands: the one function that decides a cell's status (its colour, its CSV state)."""
from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

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
    named: dict[str, list[tuple[str, str]]] = {}
    for i in issues:
        for f in i.fields:
            named.setdefault(f, []).append((i.severity, i.state))
    out = {}
    for fid, value in values.items():
        c = cells.get(fid)
        out[fid] = cell_status(named.get(fid, ()), fid in corrected, c is not None and c.uncertain, value,
                               c is not None and c.ocr is not None)
    return out
