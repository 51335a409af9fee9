"""The cleaned dataset: reports.csv, cells.csv, issues.csv, data_dictionary.csv (UTF-8 with BOM).

Written chunk by chunk, so a province of reports streams to disk instead of piling up in
memory, into temporary files that replace the old ones only when all are complete.
"""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from models.report import ERROR, WARNING, Issue, Report
from models.template import ALL_FIELDS, FIELDS, STANDARD_IDS
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
    extra: dict[str, Any] = field(default_factory=dict)  # review state and sign-off columns


def sha256_file(path: str) -> str:
    """Hash of a file's bytes, read-only."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def severities(issues: Sequence[Issue]) -> dict[str, str]:
    """The worst open severity naming each cell."""
    out: dict[str, str] = {}
    for i in issues:
        if i.state != "open" or i.severity not in (ERROR, WARNING):
            continue
        for f in i.fields:
            if out.get(f) != ERROR:
                out[f] = i.severity
    return out


def cell_status(fid: str, value: Value, worst: dict[str, str], uncertain: bool = False) -> str:
    """How a cell stands: error, warning, uncertain, blank, na or ok (worst: from severities())."""
    sev = worst.get(fid)
    if sev:
        return sev
    if uncertain:
        return "uncertain"
    if value is None:
        return "blank"
    if value == NA:
        return "na"
    return "ok"


REPORT_COLUMNS = ["source", "sha256", "agency", "year", "period", "format", "encoding", "error", "errors", "warnings",
                  "review_state", "signed_off_by", "signed_off_at", "signed_off_sha256"]
FIELD_IDS = [f.id for f in ALL_FIELDS]  # the 200, then the 2019 and collapsed-row ids, in template order
CELL_COLUMNS = ["source", "id", "table", "row_label", "column_label", "value", "published", "raw",
                "span_start", "span_end", "source_table", "source_row", "source_col", "status"]
ISSUE_COLUMNS = ["source", "rule", "severity", "fields", "message", "expected", "state"]
DICT_COLUMNS = ["id", "table", "block", "row_label", "column_label", "unit", "standard"]
LEDGER_COLUMNS = ["source", "field", "action", "published", "old", "new", "reason", "time", "auditor"]


Rows = tuple[list[str], list[list[str]], list[list[str]]]


def _safe(v: Any) -> str:
    s = "" if v is None else str(v)
    return neutralize(s) if s[:1] in _TRIGGER_CHARS else s


_TRIGGER_CHARS = frozenset(c[0] for c in _FORMULA_START)


def report_rows(it: ExportItem) -> Rows:
    """The rows (all text, formula triggers quoted) one report adds to reports, cells and issues."""
    r = it.report
    published = r.values()
    values = dict(published)
    if it.values is not None:
        values.update(it.values)
    open_issues = [i for i in it.issues if i.state == "open"]
    source = _safe(r.source)
    head = [source, it.sha256, _safe(r.meta.agency), str(r.meta.year or ""), r.meta.period or "", r.format,
            r.encoding or "", _safe(r.error), str(sum(1 for i in open_issues if i.severity == ERROR)),
            str(sum(1 for i in open_issues if i.severity == WARNING))]
    head += [_safe(it.extra.get(k, "")) for k in REPORT_COLUMNS[len(head):]]
    row = head + [_safe(format_value(values.get(fid))) for fid in FIELD_IDS]
    cells: list[list[str]] = []
    issues: list[list[str]] = []
    if r.error:
        return row, cells, issues
    statuses = it.statuses or {}
    worst = severities(it.issues) if not statuses else {}
    for fid in FIELD_IDS:
        if fid not in values:
            continue
        f = FIELDS[fid]
        c = r.cells.get(fid)
        v = values.get(fid)
        span = c.span if c is not None else None
        origin = c.origin if c is not None else None
        cells.append([source, fid, f.table, f.row_label, f.column_label, _safe(format_value(v)),
                      _safe(format_value(published.get(fid))), _safe(c.raw) if c is not None else "",
                      str(span[0]) if span else "", str(span[1]) if span else "",
                      *((str(origin.table), str(origin.row), str(origin.col)) if origin else ("", "", "")),
                      statuses.get(fid) or cell_status(fid, v, worst, bool(c is not None and c.uncertain))])
    for i in it.issues:
        issues.append([source, i.rule, i.severity, " ".join(i.fields), _safe(i.message),
                       format_value(i.expected) if i.expected is not None else "", i.state])
    return row, cells, issues


def data_dictionary() -> list[list[str]]:
    """One row per field id: table, block, Chinese labels, unit, whether it is one of the 200."""
    std = set(STANDARD_IDS)
    return [[f.id, f.table, f.block, f.row_label, f.column_label, f.unit, "yes" if f.id in std else "no"]
            for f in ALL_FIELDS]


class CsvWriter:
    """A CSV file written in chunks by pandas into a temporary file, moved into place by commit()."""

    def __init__(self, path: Path, columns: Sequence[str]) -> None:
        self.path = path
        self.columns = list(columns)
        fd, self.tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".csv", dir=path.parent)
        self.fh: TextIO = os.fdopen(fd, "w", encoding="utf-8-sig", newline="")
        self.header = True

    def write(self, rows: list[list[str]]) -> None:
        """Append rows of text (already made safe by report_rows; blanks are empty strings)."""
        if rows or self.header:
            self.fh.write(csv_text(rows, self.columns, self.header))
        self.header = False

    def write_text(self, text: str) -> None:
        """Append CSV text made by csv_text() elsewhere (in a worker process)."""
        if self.header:
            self.write([])
        self.fh.write(text)

    def commit(self) -> Path:
        self.fh.close()
        os.chmod(self.tmp, 0o666 & ~_umask())  # mkstemp makes files private; exports are ordinary files
        os.replace(self.tmp, self.path)
        return self.path

    def abort(self) -> None:
        self.fh.close()
        Path(self.tmp).unlink(missing_ok=True)


def csv_text(rows: list[list[str]], columns: Sequence[str], header: bool = False) -> str:
    """Rows as CSV text, written by pandas (CRLF line ends; every cell already text)."""
    import pandas as pd  # imported here: the command line starts without it

    if not rows and not header:
        return ""
    df = pd.DataFrame(rows, columns=list(columns), dtype=object)
    return str(df.to_csv(None, index=False, header=header, lineterminator="\r\n"))


Chunk = tuple[list[list[str]], str, str]  # reports.csv rows; cells.csv and issues.csv as CSV text


def rows_csv(rows_of_reports: Iterable[Rows]) -> Chunk:
    """What some reports add to the dataset: their reports.csv rows (one wide table, written once at
    the end), and their cells.csv and issues.csv text (long tables, written as they come)."""
    reports, cells, issues = [], [], []
    for row, c, i in rows_of_reports:
        reports.append(row)
        cells += c
        issues += i
    return reports, csv_text(cells, CELL_COLUMNS), csv_text(issues, ISSUE_COLUMNS)


def export_csv_chunks(chunks: Iterable[Chunk], out_dir: str | os.PathLike[str],
                      finish: Callable[[], tuple[list[list[str]], dict[str, int]]] | None = None) -> list[Path]:
    """Write the dataset from chunks made by rows_csv() (in worker processes), in order. `finish`
    gives, once all are read, issue rows found across reports and the warnings each source gains."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    reports = CsvWriter(out / "reports.csv", REPORT_COLUMNS + FIELD_IDS)
    long_tables = [CsvWriter(out / "cells.csv", CELL_COLUMNS), CsvWriter(out / "issues.csv", ISSUE_COLUMNS)]
    dictionary = CsvWriter(out / "data_dictionary.csv", DICT_COLUMNS)
    corrections = CsvWriter(out / "corrections.csv", LEDGER_COLUMNS)  # no review, no changes: header only
    everything = [reports] + long_tables + [corrections, dictionary]
    report_rows_all: list[list[str]] = []
    try:
        _writable(everything)
        for w in long_tables:
            w.write([])
        for rows, cells_text, issues_text in chunks:
            report_rows_all += rows
            long_tables[0].write_text(cells_text)
            long_tables[1].write_text(issues_text)
        if finish is not None:
            more, gained = finish()
            long_tables[1].write([[_safe(x) for x in row] for row in more])
            at = REPORT_COLUMNS.index("warnings")
            for row in report_rows_all:
                if row[0] in gained:
                    row[at] = str(int(row[at] or 0) + gained[row[0]])
        reports.write(report_rows_all)
        corrections.write([])
        dictionary.write(data_dictionary())
    except BaseException:
        for w in everything:
            w.abort()
        raise
    return _commit_all(everything)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def export_dataset(items: Iterable[ExportItem], out_dir: str | os.PathLike[str],
                   extra_tables: dict[str, tuple[list[dict[str, Any]], list[str]]] | None = None) -> list[Path]:
    """Write the dataset of these reports into out_dir."""
    return export_rows(map(report_rows, items), out_dir, extra_tables)


def export_rows(rows_of_reports: Iterable[Rows], out_dir: str | os.PathLike[str],
                extra_tables: dict[str, tuple[list[dict[str, Any]], list[str]]] | None = None,
                chunk: int = 400) -> list[Path]:
    """Write report rows (from report_rows) into out_dir, replacing old files only when all are written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    writers = {"reports": CsvWriter(out / "reports.csv", REPORT_COLUMNS + FIELD_IDS),
               "cells": CsvWriter(out / "cells.csv", CELL_COLUMNS),
               "issues": CsvWriter(out / "issues.csv", ISSUE_COLUMNS),
               "data_dictionary": CsvWriter(out / "data_dictionary.csv", DICT_COLUMNS)}
    for name, (_, cols) in (extra_tables or {}).items():
        writers[name] = CsvWriter(out / name, cols)
    try:
        _writable(writers.values())
        buf: dict[str, list[list[Any]]] = {"reports": [], "cells": [], "issues": []}
        for n, (row, cells, issues) in enumerate(rows_of_reports, 1):
            buf["reports"].append(row)
            buf["cells"] += cells
            buf["issues"] += issues
            if n % chunk == 0:
                for k, rows in buf.items():
                    writers[k].write(rows)
                    rows.clear()
        for k, rows in buf.items():
            writers[k].write(rows)
        writers["data_dictionary"].write(data_dictionary())
        for name, (rows_d, cols) in (extra_tables or {}).items():
            writers[name].write([[_safe(r.get(c, "")) for c in cols] for r in rows_d])
    except BaseException:
        for w in writers.values():
            w.abort()
        raise
    return _commit_all(list(writers.values()))


def _writable(writers: Iterable[CsvWriter]) -> None:
    """Fail before writing anything when a target cannot be replaced (open in Excel, read-only)."""
    for w in writers:
        if w.path.exists():
            with open(w.path, "r+b"):
                pass


def _commit_all(writers: list[CsvWriter]) -> list[Path]:
    """Move every finished file into place; if one cannot be, put the old ones back."""
    backups: list[tuple[Path, Path]] = []
    try:
        for w in writers:
            if w.path.exists():
                backup = w.path.with_name(".old-" + w.path.name)
                os.replace(w.path, backup)
                backups.append((backup, w.path))
        done = [w.commit() for w in writers]
    except OSError:
        for backup, path in backups:
            os.replace(backup, path)
        for w in writers:
            Path(w.tmp).unlink(missing_ok=True)
        raise
    for backup, _ in backups:
        backup.unlink(missing_ok=True)
    return done
