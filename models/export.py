"""The cleaned dataset: reports.csv, cells.csv, issues.csv, data_dictionary.csv (UTF-8 with BOM).

Written chunk by chunk, so a province of reports streams to disk instead of piling up in
memory, into temporary files that replace the old ones only when all are complete.
"""
from __future__ import annotations

import errno
import hashlib
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
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
LEDGER_COLUMNS = ["entry", "source", "field", "action", "published", "old", "new", "reason", "time", "auditor",
                  "refers_to"]


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


class ExportError(OSError):
    """An export that did not happen. str() is one sentence for the user naming the cause and the
    folder, e.g. 导出失败：磁盘空间不足（/path/out）；原有文件保持不变. Raised from the OSError
    behind it (__cause__, whose errno it also carries), after every temporary file is removed and
    the files that were in the folder are back as they were.

    It is an OSError so that callers that already catch OSError keep working.
    reason: 磁盘空间不足, 没有写入权限, 文件夹只读, 文件被占用 (or 文件被占用或只读), else the
    system's own words; path: the folder, or the file when one file is the trouble; kept: old files
    that could not be put back and stay under these names (empty unless renames failed twice)."""

    def __init__(self, reason: str, path: str | os.PathLike[str],
                 kept: Sequence[str | os.PathLike[str]] = ()) -> None:
        self.reason = reason
        self.path = str(path)
        self.kept = [str(p) for p in kept]
        super().__init__(str(self))

    def __str__(self) -> str:
        if self.kept:
            tail = "原有文件未能全部放回，保存在 " + "、".join(self.kept)
        else:
            tail = "原有文件保持不变"
        return f"导出失败：{self.reason}（{self.path}）；{tail}"

    def __reduce__(self) -> tuple[Any, ...]:
        return type(self), (self.reason, self.path, self.kept)


_NO_SPACE = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_DENIED = {errno.EACCES, errno.EPERM}
_BUSY = {errno.EBUSY, getattr(errno, "ETXTBSY", errno.EBUSY)}
_WIN_BUSY = {32, 33}  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION: open in Excel or another program


def _reason(exc: OSError) -> str:
    """What went wrong, in a few words for the user."""
    if getattr(exc, "winerror", None) in _WIN_BUSY or exc.errno in _BUSY:
        return "文件被占用"
    if exc.errno in _NO_SPACE:
        return "磁盘空间不足"
    if exc.errno == errno.EROFS:
        return "文件夹只读"
    if exc.errno in _DENIED:
        return "没有写入权限"
    return exc.strerror or str(exc) or type(exc).__name__


def _export_error(exc: OSError, folder: Path, target: Path | None = None, kept: Sequence[Path] = (),
                  reason: str | None = None) -> ExportError:
    """The ExportError for this OSError: naming the folder, or the target file when it is in use."""
    reason = reason or _reason(exc)
    err = ExportError(reason, target if target is not None and reason.startswith("文件被占用") else folder, kept)
    err.errno = exc.errno
    return err


def _failed(exc: BaseException, folder: Path, writers: Iterable[CsvWriter]) -> BaseException:
    """Remove every temporary file, whatever removing one says; what to raise: an OSError as an
    ExportError, anything else (KeyboardInterrupt, a bug) as it is."""
    for w in list(writers):
        try:
            w.abort()
        except Exception:  # abort() swallows OS errors itself; never let one skip the others
            pass
    if isinstance(exc, ExportError) or not isinstance(exc, OSError):
        return exc
    return _export_error(exc, folder)


class CsvWriter:
    """A CSV file written in chunks by pandas into a temporary file, moved into place by commit()."""

    def __init__(self, path: Path, columns: Sequence[str]) -> None:
        self.path = path
        self.columns = list(columns)
        fd, self.tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".csv", dir=path.parent)
        try:
            self.fh: TextIO = os.fdopen(fd, "w", encoding="utf-8-sig", newline="")
        except BaseException:
            os.close(fd)
            Path(self.tmp).unlink(missing_ok=True)
            raise
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

    def finish(self) -> None:
        """Every byte on disk and the file closed: a full disk often says so only here, at the flush."""
        if not self.fh.closed:
            self.fh.flush()
            os.fsync(self.fh.fileno())
            self.fh.close()
        os.chmod(self.tmp, 0o666 & ~_umask())  # mkstemp makes files private; exports are ordinary files

    def commit(self) -> Path:
        self.finish()
        os.replace(self.tmp, self.path)
        return self.path

    def abort(self) -> None:
        """Close and remove the temporary file, even when closing fails (a full disk fails at the
        last flush; the file is closed all the same)."""
        try:
            self.fh.close()
        except OSError:
            pass
        try:
            Path(self.tmp).unlink(missing_ok=True)
        except OSError:
            pass


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
                      finish: Callable[[], tuple[list[list[str]], dict[str, int]]] | None = None,
                      corrections: list[list[str]] | None = None) -> list[Path]:
    """Write the dataset from chunks made by rows_csv() (in worker processes), in order: the one
    writer of every export. `finish` gives, once all are read, issue rows found across reports and
    the warnings each source gains; `corrections` are the ledger's rows (LEDGER_COLUMNS)."""
    out = Path(out_dir)
    everything: list[CsvWriter] = []  # in the order they are made, so a failure removes each one made
    report_rows_all: list[list[str]] = []
    try:
        out.mkdir(parents=True, exist_ok=True)
        for name, cols in (("reports.csv", REPORT_COLUMNS + FIELD_IDS), ("cells.csv", CELL_COLUMNS),
                           ("issues.csv", ISSUE_COLUMNS), ("corrections.csv", LEDGER_COLUMNS),
                           ("data_dictionary.csv", DICT_COLUMNS)):
            everything.append(CsvWriter(out / name, cols))
        reports, cells_w, issues_w, corrections_w, dictionary = everything
        long_tables = [cells_w, issues_w]
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
        corrections_w.write([[_safe(x) for x in row] for row in corrections or []])
        dictionary.write(data_dictionary())
        return _commit_all(everything)
    except BaseException as exc:
        err = _failed(exc, out, everything)
        if err is exc:
            raise
        raise err from exc


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def export_dataset(items: Iterable[ExportItem], out_dir: str | os.PathLike[str],
                   corrections: list[list[str]] | None = None, chunk: int = 400) -> list[Path]:
    """Write the dataset of these reports into out_dir (through export_csv_chunks, in chunks)."""
    def chunks() -> Iterator[Chunk]:
        batch: list[Rows] = []
        for item in items:
            batch.append(report_rows(item))
            if len(batch) == chunk:
                yield rows_csv(batch)
                batch = []
        if batch:
            yield rows_csv(batch)

    return export_csv_chunks(chunks(), out_dir, corrections=corrections)


def _writable(writers: Iterable[CsvWriter]) -> None:
    """Fail before writing anything when a target cannot be replaced (open in Excel, read-only)."""
    for w in writers:
        if w.path.exists():
            try:
                with open(w.path, "r+b"):
                    pass
            except OSError as exc:
                reason = _reason(exc)
                if reason == "没有写入权限":  # the folder took a temporary file: it is this file
                    reason = "文件被占用或只读"
                raise _export_error(exc, w.path.parent, w.path, reason=reason) from exc


def _commit_all(writers: list[CsvWriter]) -> list[Path]:
    """Move every finished file into place. All are on disk and closed first (a full disk fails
    here, before any old file is touched); then each old file is renamed to .old-<name> and the new
    one put in its place. If any step fails, every rename is undone, last first, so the folder holds
    the old files exactly as they were (the new ones go back to their temporary names, which the
    caller removes); an OSError then raises as ExportError naming what was kept if a rename back failed."""
    for w in writers:
        w.finish()
    folder = writers[0].path.parent if writers else Path(".")
    renames: list[tuple[Path, Path]] = []  # (from, to), in the order done
    target: Path | None = None
    try:
        for w in writers:
            target = w.path
            if os.path.lexists(w.path):
                backup = w.path.with_name(".old-" + w.path.name)
                os.replace(w.path, backup)
                renames.append((w.path, backup))
            os.replace(w.tmp, w.path)
            renames.append((Path(w.tmp), w.path))
    except BaseException as exc:
        kept = _undo(renames)
        if isinstance(exc, OSError):
            raise _export_error(exc, folder, target, kept) from exc
        raise
    for _, to in renames:
        if to.name.startswith(".old-"):
            try:
                to.unlink()
            except OSError:
                pass
    return [w.path for w in writers]


def _undo(renames: list[tuple[Path, Path]]) -> list[Path]:
    """Reverse these renames, last first, each whatever the others do; the old files that could
    not be put back (they stay as .old-<name>)."""
    kept: list[Path] = []
    for src, dst in reversed(renames):
        try:
            os.replace(dst, src)
        except OSError:
            if dst.name.startswith(".old-"):
                kept.append(dst)
    return kept
