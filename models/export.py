"""The cleaned dataset: reports.csv, cells.csv, issues.csv, data_dictionary.csv (UTF-8 with BOM)."""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from models.report import ERROR, WARNING, Issue, Report
from models.template import ALL_FIELDS, FIELDS, STANDARD_IDS, field_order
from models.values import NA, Value, format_value

# Spreadsheet programs run a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "＝", "＋", "－", "＠", "\t", "\r")


_PLAIN_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def neutralize(text: str) -> str:
    """Text made safe for Excel: a leading formula trigger is quoted with an apostrophe.

    A plain negative number such as -3 (本年增/减) is data, not a formula, and stays as it is.
    """
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


@dataclass
class ExportItem:
    """One report as exported: what was read, the values to publish and how each cell stands."""
    report: Report
    issues: list[Issue]
    sha256: str = ""
    values: dict[str, Value] | None = None  # cleaned values; the published ones when None
    statuses: dict[str, str] | None = None  # each cell's review state, when reviewed
    extra: dict[str, Any] = field(default_factory=dict)  # more columns for reports.csv


def sha256_file(path: str) -> str:
    """Hash of a file's bytes, read-only."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def cell_status(fid: str, value: Value, issues: Sequence[Issue], uncertain: bool = False) -> str:
    """How a cell stands: error, warning, uncertain, blank, na or ok."""
    sev = {i.severity for i in issues if fid in i.fields}
    if ERROR in sev:
        return "error"
    if WARNING in sev:
        return "warning"
    if uncertain:
        return "uncertain"
    if value is None:
        return "blank"
    if value == NA:
        return "na"
    return "ok"


def _csv_value(v: Value) -> str:
    return format_value(v)


def _frames(items: Sequence[ExportItem]) -> dict[str, list[dict[str, Any]]]:
    reports, cells, issues = [], [], []
    for it in items:
        r = it.report
        published = r.values()
        values = dict(published)
        if it.values is not None:
            values.update(it.values)
        ids = list(STANDARD_IDS) + sorted((f for f in values if f not in set(STANDARD_IDS)), key=field_order)
        row: dict[str, Any] = {
            "source": r.source, "sha256": it.sha256, "agency": r.meta.agency or "", "year": r.meta.year or "",
            "period": r.meta.period or "", "format": r.format, "encoding": r.encoding or "",
            "error": r.error or "",
            "errors": sum(1 for i in it.issues if i.severity == ERROR),
            "warnings": sum(1 for i in it.issues if i.severity == WARNING),
        }
        row.update(it.extra)
        for fid in ids:
            row[fid] = _csv_value(values.get(fid))
        reports.append(row)
        if r.error:
            continue
        for fid in ids:
            f = FIELDS[fid]
            c = r.cells.get(fid)
            cells.append({
                "source": r.source, "id": fid, "table": f.table, "row_label": f.row_label,
                "column_label": f.column_label, "value": _csv_value(values.get(fid)),
                "published": _csv_value(published.get(fid)),
                "raw": c.raw if c and c.raw is not None else "",
                "span_start": c.span[0] if c and c.span else "", "span_end": c.span[1] if c and c.span else "",
                "status": (it.statuses or {}).get(fid) or cell_status(fid, values.get(fid), it.issues,
                                                                      bool(c and c.uncertain)),
            })
        for i in it.issues:
            issues.append({"source": r.source, "rule": i.rule, "severity": i.severity,
                           "fields": " ".join(i.fields), "message": i.message,
                           "expected": _csv_value(i.expected) if i.expected is not None else "",
                           "state": i.state})
    return {"reports": reports, "cells": cells, "issues": issues}


def data_dictionary() -> list[dict[str, Any]]:
    """One row per field id: table, block, Chinese labels, unit, whether it is one of the 200."""
    std = set(STANDARD_IDS)
    return [{"id": f.id, "table": f.table, "block": f.block, "row_label": f.row_label,
             "column_label": f.column_label, "unit": f.unit, "standard": "yes" if f.id in std else "no"}
            for f in ALL_FIELDS]


def write_csv(rows: Iterable[dict[str, Any]], path: Path, columns: Sequence[str] | None = None) -> None:
    """Write rows as UTF-8-with-BOM CSV atomically; every cell is text, blanks stay empty."""
    import pandas as pd  # imported here: the command line starts without it

    df = pd.DataFrame(list(rows), columns=list(columns) if columns else None, dtype=object)
    df = df.fillna("").astype(str).map(neutralize)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".csv", dir=path.parent)
    os.close(fd)
    try:
        df.to_csv(tmp, index=False, encoding="utf-8-sig", lineterminator="\r\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


REPORT_COLUMNS = ["source", "sha256", "agency", "year", "period", "format", "encoding", "error", "errors", "warnings"]
CELL_COLUMNS = ["source", "id", "table", "row_label", "column_label", "value", "published", "raw",
                "span_start", "span_end", "status"]
ISSUE_COLUMNS = ["source", "rule", "severity", "fields", "message", "expected", "state"]


def export_dataset(items: Sequence[ExportItem], out_dir: str | os.PathLike[str],
                   extra_tables: dict[str, tuple[list[dict[str, Any]], list[str]]] | None = None) -> list[Path]:
    """Write the dataset files into out_dir and return their paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    frames = _frames(items)
    extra_cols = [k for it in items for k in it.extra]
    std_cols = REPORT_COLUMNS + list(dict.fromkeys(extra_cols))
    ids = list(STANDARD_IDS) + sorted({f for r in frames["reports"] for f in r if f in FIELDS and f not in set(STANDARD_IDS)},
                                      key=field_order)
    written = []
    for name, rows, cols in (("reports.csv", frames["reports"], std_cols + ids),
                             ("cells.csv", frames["cells"], CELL_COLUMNS),
                             ("issues.csv", frames["issues"], ISSUE_COLUMNS),
                             ("data_dictionary.csv", data_dictionary(),
                              ["id", "table", "block", "row_label", "column_label", "unit", "standard"])):
        write_csv(rows, out / name, cols)
        written.append(out / name)
    for name, (rows, cols) in (extra_tables or {}).items():
        write_csv(rows, out / name, cols)
        written.append(out / name)
    return written
