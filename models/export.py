"""The cleaned dataset: reports.csv, cells.csv, issues.csv, data_dictionary.csv (UTF-8 with BOM).

Written chunk by chunk, so a province of reports streams to disk instead of piling up in
memory, into temporary files that replace the old ones only when all are complete. pandas writes
the CSV (DataFrame.to_csv, many reports' rows a call), where the rows are made, in the worker
processes; the writer only appends the bytes, so its memory stays flat however many reports there are.
"""
from __future__ import annotations

import codecs
import errno
import hashlib
import itertools
import operator
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from models import review as rv
from models.report import ERROR, INFO, WARNING, Cell, Issue, OcrRead, Report
from models.rules import RULES
from models.status import ACCEPTED, OPEN, RESOLVED, STATUSES, cell_statuses
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


# errors and warnings count open items (one per cause, models/grouping.py); error_cells and warning_cells
# the distinct cells those items name. New columns go after the old ones: scripts read these by name.
REPORT_COLUMNS = ["source", "sha256", "agency", "year", "period", "format", "encoding", "error", "errors", "warnings",
                  "review_state", "signed_off_by", "signed_off_at", "signed_off_sha256", "error_cells", "warning_cells"]
_EXTRA_COLUMNS = ("review_state", "signed_off_by", "signed_off_at", "signed_off_sha256")  # from ExportItem.extra
FIELD_IDS = [f.id for f in ALL_FIELDS]  # the 200, then the 2019 and collapsed-row ids, in template order
CELL_COLUMNS = ["source", "id", "table", "row_label", "column_label", "value", "published", "raw",
                "span_start", "span_end", "source_table", "source_row", "source_col", "status",
                "ocr_text", "ocr_confidence"]
ISSUE_COLUMNS = ["source", "rule", "severity", "fields", "message", "expected", "state", "kind", "key", "count"]
DICT_COLUMNS = ["id", "table", "block", "row_label", "column_label", "unit", "standard", "entry", "file", "column",
                "description"]
LEDGER_COLUMNS = ["entry", "source", "field", "action", "published", "old", "new", "reason", "time", "auditor",
                  "refers_to"]


Rows = tuple[list[str], list[list[str]], list[list[str]]]
_TRIGGER_CHARS = frozenset(c[0] for c in _FORMULA_START)


def _safe(v: Any) -> str:
    s = "" if v is None else str(v)
    return neutralize(s) if s[:1] in _TRIGGER_CHARS else s


def _text(v: Value) -> str:
    """format_value() made safe; blanks and whole numbers (no formula trigger: -3 is data) the quick way."""
    if v is None:
        return ""
    if v.__class__ is int:
        try:
            return str(v)
        except ValueError:  # more digits than Python prints as an int
            pass
    return _safe(format_value(v))


class _Texts(dict[Value, str]):
    """_text() of the small whole numbers, blank and "/", looked up; any other value's made by _text()."""

    def __missing__(self, v: Value) -> str:
        return _text(v)


_SMALL = _Texts({i: str(i) for i in range(1000)})
_SMALL[None] = ""
_SMALL[NA] = _text(NA)
_LOOKED_UP = frozenset({int, type(None), str})


def _texts(vals: list[Value]) -> list[str]:
    """_text() of each value; when all are whole numbers, blank or "/" (most reports), looked up in C.
    Only then: a Decimal or True equal to a small int must not find that int's text."""
    if {*map(type, vals)} <= _LOOKED_UP:
        return list(map(_SMALL.__getitem__, vals))
    return list(map(_text, vals))


_NO_CELL = Cell("", None)  # the cell of a field a report gives a value but no cell (every column empty)
_NO_SPAN = ("", "")
_FIRST_CHAR = slice(0, 1)
_RAW, _SPAN, _ORIGIN, _OCR = (operator.attrgetter(a) for a in ("raw", "span", "origin", "ocr"))
_AT_0, _AT_1 = operator.itemgetter(0), operator.itemgetter(1)


def _counts(issues: Sequence[Issue]) -> tuple[int, int, int, int]:
    """Open errors and warnings as items (one per cause) and as the distinct cells they name."""
    errors = warnings = 0
    error_cells: set[str] = set()
    warning_cells: set[str] = set()
    for i in issues:
        if i.state != OPEN:
            continue
        if i.severity == ERROR:
            errors += 1
            error_cells.update(i.fields)
        elif i.severity == WARNING:
            warnings += 1
            warning_cells.update(i.fields)
    return errors, warnings, len(error_cells), len(warning_cells)


class _Present:
    """The fields a report gives values for (FIELD_IDS order), with cells.csv's columns that depend on
    the field alone (id, table, row and column label), and pick(), which takes those fields' items
    from a list in FIELD_IDS order. Most reports give the same fields: one of these serves them all."""
    __slots__ = ("fids", "tables", "row_labels", "column_labels", "pick")

    def __init__(self, fids: tuple[str, ...]) -> None:
        self.fids = fids
        self.tables = [FIELDS[f].table for f in fids]
        self.row_labels = [FIELDS[f].row_label for f in fids]
        self.column_labels = [FIELDS[f].column_label for f in fids]
        at = [_FIELD_AT[f] for f in fids]
        self.pick: Callable[[list[str]], Sequence[str]]
        if len(at) == len(FIELD_IDS):
            self.pick = lambda items: items
        elif len(at) > 1:
            self.pick = operator.itemgetter(*at)
        else:
            self.pick = lambda items: [items[k] for k in at]


_FIELD_AT = {fid: k for k, fid in enumerate(FIELD_IDS)}
_PRESENT: dict[tuple[str, ...], _Present] = {}


def _present(values: dict[str, Value]) -> _Present:
    fids = tuple(f for f in FIELD_IDS if f in values)
    got = _PRESENT.get(fids)
    if got is None:
        got = _Present(fids)
        if len(_PRESENT) < 64:  # a few sets of fields serve nearly every report; never a cache without end
            _PRESENT[fids] = got
    return got


def _ocr_columns(ocr: OcrRead) -> tuple[str, str]:
    """ocr_text and ocr_confidence: the confidence as stored, every digit, never rounded."""
    return _safe(ocr.text), format_value(ocr.confidence)  # type: ignore[arg-type]  # format_value writes floats too


class Tables:
    """The rows some reports add to reports.csv, cells.csv and issues.csv (all text, formula triggers
    quoted), kept as pandas takes them cheapest: a row a report, a row an issue, and cells.csv's
    (about 200 rows a report) column by column; csv() writes them, one pandas call a table."""
    __slots__ = ("reports", "issues", "_labels", "_statuses", "_found")

    def __init__(self) -> None:
        self.reports: list[list[str]] = []
        self.issues: list[list[str]] = []
        # cells.csv: source, id, table, row_label, column_label, value, published
        self._labels: list[list[str]] = [[] for _ in range(7)]
        self._statuses: list[str] = []
        # raw, span_start, span_end, source_table, source_row, source_col, ocr_text, ocr_confidence
        self._found: list[list[str]] = [[] for _ in range(8)]

    def add(self, it: ExportItem) -> None:
        """One report's rows."""
        r = it.report
        published = r.values()
        values = published if it.values is None else {**published, **it.values}
        errors, warnings, error_cells, warning_cells = _counts(it.issues)
        source = _safe(r.source)
        head = [source, it.sha256, _safe(r.meta.agency), str(r.meta.year or ""), r.meta.period or "", r.format,
                r.encoding or "", _safe(r.error), str(errors), str(warnings)]
        head += [_safe(it.extra.get(k, "")) for k in _EXTRA_COLUMNS]
        head += [str(error_cells), str(warning_cells)]
        vals = list(map(values.get, FIELD_IDS))
        texts = _texts(vals)  # each value formatted once, for both tables
        self.reports.append(head + texts)
        if r.error:
            return
        if it.values is None:
            printed = texts
        else:  # only a corrected value differs from the published one
            printed = [t if v is p else _text(p) for t, v, p in zip(texts, vals, map(published.get, FIELD_IDS),
                                                                      strict=True)]
        statuses = it.statuses
        if statuses is None:  # no review: the issues' own states; a value given that differs is a correction
            statuses = cell_statuses(values, r.cells, it.issues, () if printed is texts else
                                     {fid for fid, t, p in zip(FIELD_IDS, texts, printed, strict=True) if t != p})
        present = _present(values)
        fids = present.fids
        source_col, ids, tables, row_labels, column_labels, value_col, published_col = self._labels
        source_col += itertools.repeat(source, len(fids))
        ids += fids
        tables += present.tables
        row_labels += present.row_labels
        column_labels += present.column_labels
        value_col += present.pick(texts)
        published_col += present.pick(printed)
        self._statuses += [s or "" for s in map(statuses.get, fids)]
        # the columns from each cell, column by column (no object a cell: fewer for the collector to trace);
        # a field with no cell is _NO_CELL, whose columns are all empty. Each column made in C where it can be
        cells = list(map(r.cells.get, fids, itertools.repeat(_NO_CELL)))
        n = len(cells)
        raws, starts, ends, source_tables, source_rows, source_cols, ocr_texts, ocr_confidences = self._found
        raw = [t or "" for t in map(_RAW, cells)]
        if _TRIGGER_CHARS.isdisjoint(map(str.__getitem__, raw, itertools.repeat(_FIRST_CHAR))):
            raws += raw
        else:
            raws += [neutralize(t) if t[:1] in _TRIGGER_CHARS else t for t in raw]
        spans = [s or _NO_SPAN for s in map(_SPAN, cells)]
        starts += map(str, map(_AT_0, spans))  # str("") is ""
        ends += map(str, map(_AT_1, spans))
        if any(map(_ORIGIN, cells)):
            origins = list(map(_ORIGIN, cells))
            source_tables += ["" if o is None else str(o.table) for o in origins]
            source_rows += ["" if o is None else str(o.row) for o in origins]
            source_cols += ["" if o is None else str(o.col) for o in origins]
        else:
            for column in (source_tables, source_rows, source_cols):
                column += itertools.repeat("", n)
        if any(map(_OCR, cells)):
            read = [("", "") if x is None else _ocr_columns(x) for x in map(_OCR, cells)]
            ocr_texts += [t for t, _ in read]
            ocr_confidences += [k for _, k in read]
        else:
            ocr_texts += itertools.repeat("", n)
            ocr_confidences += itertools.repeat("", n)
        for i in it.issues:
            self.issues.append(issue_row(source, i))

    def cell_columns(self) -> list[Sequence[str]]:
        """cells.csv's columns (CELL_COLUMNS), each as long as there are rows."""
        found = self._found
        return [*self._labels, *found[:6], self._statuses, *found[6:]]

    def rows(self) -> tuple[list[list[str]], list[list[str]], list[list[str]]]:
        """What the reports add, row by row: reports.csv's, cells.csv's and issues.csv's rows."""
        return self.reports, [list(row) for row in zip(*self.cell_columns(), strict=True)], self.issues

    def csv(self) -> Chunk:
        """The rows as CSV in UTF-8, one pandas call a table (see csv_text)."""
        return (csv_bytes(self.reports, _REPORT_HEADER), csv_bytes(self.cell_columns(), CELL_COLUMNS, by_column=True),
                csv_bytes(self.issues, ISSUE_COLUMNS))


def report_rows(it: ExportItem) -> Rows:
    """The rows (all text, formula triggers quoted) one report adds to reports, cells and issues."""
    t = Tables()
    t.add(it)
    reports, cells, issues = t.rows()
    return reports[0], cells, issues


def issue_row(source: str, i: Issue) -> list[str]:
    """issues.csv's row of one item (source already made safe): its cells all named, their count, kind and key."""
    return [source, i.rule, i.severity, " ".join(i.fields), _safe(i.message),
            format_value(i.expected) if i.expected is not None else "", i.state, i.kind_of, _safe(i.key_of),
            str(i.cell_count)]


# What each column of the files means (data_dictionary.csv's "column" rows), file by file.
_COLUMN_WORDS: dict[str, dict[str, str]] = {
    "reports.csv": {
        "source": "报告文件路径", "sha256": "源文件的 SHA-256", "agency": "机关名称", "year": "报告年度",
        "period": "所述统计期限", "format": "文件格式（text、html、docx、pdf 等）", "encoding": "文本编码",
        "error": "无法读取时的原因；读取成功时为空",
        "errors": "未处理的错误条数（按原因归并，一个原因一条）",
        "warnings": "未处理的警告条数（按原因归并，一个原因一条；含跨年度核对）",
        "review_state": "审核状态（见代码）", "signed_off_by": "签发人", "signed_off_at": "签发时间",
        "signed_off_sha256": "签发时源文件的 SHA-256",
        "error_cells": "未处理的错误所涉及的单元格数（每格计一次）",
        "warning_cells": "未处理的警告所涉及的单元格数（每格计一次；含跨年度核对）",
    },
    "cells.csv": {
        "source": "报告文件路径", "id": "字段代码（见字段行）", "table": "表", "row_label": "行标签",
        "column_label": "列标签", "value": "清洗后的值（空白为空，“/”照录）", "published": "报告印出的值",
        "raw": "原文中的文字", "span_start": "原文字符起点", "span_end": "原文字符终点",
        "source_table": "源文档中的第几张表", "source_row": "源表中的行（从 1 起）",
        "source_col": "源表中的列（从 1 起）", "status": "单元格状态（见代码）",
        "ocr_text": "由扫描件识别（OCR）时识别出的文字；非识别所得为空",
        "ocr_confidence": "OCR 识别置信度（0–1，按存储原样，不四舍五入）；非识别所得为空",
    },
    "issues.csv": {
        "source": "报告文件路径", "rule": "规则代码（见代码）", "severity": "严重程度（见代码）",
        "fields": "该条涉及的全部单元格（字段代码，空格分隔）", "message": "说明",
        "expected": "按规则应有的值", "state": "处理状态（见代码）",
        "kind": "归并原因代码（见代码；单独一条时为其规则代码）", "key": "该条的稳定名称（规则与原因）",
        "count": "作为原因的单元格数（列在 fields 最前）",
    },
    "corrections.csv": {
        "entry": "台账编号", "source": "报告文件路径", "field": "字段代码", "action": "操作（见代码）",
        "published": "报告印出的值", "old": "修改前的值", "new": "修改后的值", "reason": "理由",
        "time": "时间", "auditor": "审核人", "refers_to": "撤销、重做或补充理由所指的台账编号",
    },
}
# The stable codes of the files (data_dictionary.csv's "code" rows): file, column, code, meaning.
_STATUS_WORDS = {"error": "有未处理的错误", "warning": "有未处理的警告", "corrected": "已更正",
                 "accepted": "已接受原值", "uncertain": "位置或标签不确定，需核对", "ocr": "由扫描件识别，无其他标记",
                 "blank": "空白", "na": "印为“/”等，不适用", "ok": "正常"}
_CODES: list[tuple[str, str, str, str]] = (
    [("cells.csv", "status", code, _STATUS_WORDS[code]) for code in STATUSES]
    + [("issues.csv", "severity", code, words) for code, words in
       ((ERROR, "错误"), (WARNING, "警告"), (INFO, "提示"))]
    + [("issues.csv", "state", code, words) for code, words in
       ((OPEN, "未处理"), (ACCEPTED, "已接受"), (RESOLVED, "已解决（空白已补齐）"))]
    + [("issues.csv", "rule" if r.group == "rule" else "kind", code, r.zh) for code, r in RULES.items()]
    + [("reports.csv", "review_state", code, words) for code, words in
       ((rv.NOT_STARTED, "未开始"), (rv.IN_REVIEW, "审核中"), (rv.SIGNED_OFF, "已签发"))]
    + [("corrections.csv", "action", code, words) for code, words in
       ((rv.EDIT, "修改"), (rv.RESTORE_ACTION, "恢复原值"), (rv.ACCEPT, "接受"), (rv.UNACCEPT, "取消接受"),
        (rv.UNDO, "撤销"), (rv.REDO, "重做"), (rv.REASON, "补充理由"), (rv.RELOAD, "从源文件重新读取"),
        (rv.SIGNOFF, "签发"), (rv.SIGNOFF_LAPSED, "签发失效"))])


def data_dictionary() -> list[list[str]]:
    """One row per field id (table, block, Chinese labels, unit, whether it is one of the 200; its
    column in reports.csv), then one per column of each file and one per stable code, with its meaning."""
    std = set(STANDARD_IDS)
    rows = [[f.id, f.table, f.block, f.row_label, f.column_label, f.unit, "yes" if f.id in std else "no",
             "field", "reports.csv", f.id, ""] for f in ALL_FIELDS]
    rows += [[name, "", "", "", "", "", "", "column", file, name, words]
             for file, columns in _COLUMN_WORDS.items() for name, words in columns.items()]
    rows += [[code, "", "", "", "", "", "", "code", file, column, words] for file, column, code, words in _CODES]
    return rows


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


def _failed(exc: BaseException, folder: Path, files: Iterable[_TempFile]) -> BaseException:
    """Remove every temporary file, whatever removing one says; what to raise: an OSError as an
    ExportError, anything else (KeyboardInterrupt, a bug) as it is."""
    for w in list(files):
        try:
            w.abort()
        except Exception:  # abort() swallows OS errors itself; never let one skip the others
            pass
    if isinstance(exc, ExportError) or not isinstance(exc, OSError):
        return exc
    return _export_error(exc, folder)


class _TempFile:
    """A temporary file in the export folder, written in binary; abort() removes it."""

    def __init__(self, folder: Path, suffix: str) -> None:
        fd, self.tmp = tempfile.mkstemp(prefix=".tmp-", suffix=suffix, dir=folder)
        try:
            self.fh: BinaryIO = os.fdopen(fd, "wb")
        except BaseException:
            os.close(fd)
            Path(self.tmp).unlink(missing_ok=True)
            raise

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


class CsvWriter(_TempFile):
    """A CSV file (UTF-8 with BOM) written in chunks of CSV made by csv_text() (pandas) into a temporary
    file, moved into place by commit()."""

    def __init__(self, path: Path, columns: Sequence[str]) -> None:
        self.path = path
        self.columns = list(columns)
        super().__init__(path.parent, ".csv")
        self.header = True

    def write(self, rows: list[list[str]]) -> None:
        """Append rows of text (already made safe by report_rows; blanks are empty strings)."""
        self.write_bytes(csv_text(rows, self.columns).encode("utf-8"))

    def write_bytes(self, data: bytes) -> None:
        """Append CSV rows already in UTF-8 (made by Tables.csv() or rows_csv(), in a worker process); the
        BOM and the header go first."""
        if self.header:
            self.header = False
            self.fh.write(codecs.BOM_UTF8 + csv_text([], self.columns, header=True).encode("utf-8"))
        if data:
            self.fh.write(data)

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


class _Spool(_TempFile):
    """reports.csv rows waiting until the end, when the cross-year check has counted the warnings
    it adds: on disk, not in memory, then copied once into reports.csv by patch_into()."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder, ".rows")

    def write_bytes(self, data: bytes) -> None:
        self.fh.write(data)

    def patch_into(self, writer: CsvWriter, gained: Iterable[tuple[int, int, int]]) -> None:
        """Copy the rows into writer, adding to the warnings of the rows named in `gained`, rows rising:
        (row from 0, items for `warnings`, cells for `warning_cells`)."""
        self.fh.close()
        todo = iter(gained)
        nxt = next(todo, None)
        with open(self.tmp, "rb") as fh:
            if nxt is None:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    writer.write_bytes(block)
                return
            out: list[bytes] = []
            for k, row in enumerate(csv_rows(fh)):
                if nxt is not None and nxt[0] == k:
                    row = _add_to_fields(row, ((_WARNINGS_AT, nxt[1]), (_WARNING_CELLS_AT, nxt[2])))
                    nxt = next(todo, None)
                out.append(row)
                if len(out) == 1000:
                    writer.write_bytes(b"".join(out))
                    out.clear()
            writer.write_bytes(b"".join(out))


_WARNINGS_AT = REPORT_COLUMNS.index("warnings")
_WARNING_CELLS_AT = REPORT_COLUMNS.index("warning_cells")


def csv_rows(lines: Iterable[bytes]) -> Iterator[bytes]:
    """Whole rows of CSV written by csv_text(), from its lines (split at b"\\n"): a row ends at a CRLF
    outside quotes. Every quote character is inside a quoted field, each of which holds an even
    number of them (its two quotes and the doubled ones), so outside means after an even number."""
    parts: list[bytes] = []
    quotes = 0
    for line in lines:
        parts.append(line)
        quotes += line.count(b'"')
        if not quotes % 2 and line.endswith(b"\r\n"):
            yield b"".join(parts)
            parts.clear()
            quotes = 0
    if parts:
        yield b"".join(parts)


def _field_end(row: bytes, at: int) -> int:
    """Where the CSV field that starts at `at` ends (the index of the comma or line end after it)."""
    if row.startswith(b'"', at):
        i = at + 1
        while True:
            i = row.index(b'"', i) + 1
            if not row.startswith(b'"', i):
                return i
            i += 1  # a doubled quote
    end = row.find(b",", at)
    return end if end >= 0 else len(row.rstrip(b"\r\n"))


def _unquote(field: bytes) -> bytes:
    return field[1:-1].replace(b'""', b'"') if field.startswith(b'"') else field


def _add_to_fields(row: bytes, adds: Iterable[tuple[int, int]]) -> bytes:
    """The row with n added to its k-th field for each (k, n), k rising: counts (digits, never quoted)."""
    parts: list[bytes] = []
    done = 0  # the bytes of row already in parts
    at = k_at = 0  # field k_at starts at byte `at`
    for k, n in adds:
        for _ in range(k - k_at):
            at = _field_end(row, at) + 1
        k_at = k
        end = _field_end(row, at)
        parts += [row[done:at], str(int(row[at:end] or b"0") + n).encode("ascii")]
        done = end
    parts.append(row[done:])
    return b"".join(parts)


def csv_text(rows: list[list[str]], columns: Sequence[str], header: bool = False) -> str:
    """Rows as CSV text, written by pandas (DataFrame.to_csv; every cell already text): CRLF line ends,
    a field quoted only when it holds a comma, a quote or a line break, a quote in it doubled (as Excel
    writes it). Give it many rows at once: a call costs pandas about 0.25 ms before its first cell."""
    if not rows and not header:
        return ""
    import pandas as pd  # imported here: the command line loads pandas only when it exports

    frame = pd.DataFrame(rows, columns=list(columns), dtype=object)
    return frame.to_csv(None, index=False, header=header, lineterminator="\r\n")


def csv_bytes(table: Sequence[Sequence[str]], columns: Sequence[str], by_column: bool = False) -> bytes:
    """csv_text() of many rows, in UTF-8 and without the header; `table` holds their rows or, with
    by_column=True, their columns (in the order of `columns`, each as long as there are rows). A frame
    of object columns (pandas infers no type) made in one call, written by one to_csv call. (Measured:
    made row by row or from one array of objects it costs the same; to_csv into a bytes buffer more.)"""
    if not table or by_column and not table[0]:
        return b""
    import pandas as pd

    if by_column:
        frame = pd.DataFrame(dict(zip(columns, table, strict=True)), columns=list(columns), dtype=object, copy=False)
    else:
        frame = pd.DataFrame(table, columns=list(columns), dtype=object)
    return str(frame.to_csv(None, index=False, header=False, lineterminator="\r\n")).encode("utf-8")


Chunk = tuple[bytes, bytes, bytes]  # the rows of reports.csv, cells.csv and issues.csv: CSV in UTF-8
_REPORT_HEADER = REPORT_COLUMNS + FIELD_IDS


def rows_csv(rows_of_reports: Iterable[Rows]) -> Chunk:
    """What some reports add to the dataset, as CSV in UTF-8: one pandas call a table for all their rows
    (made where the rows are made, in the worker processes; the writer only appends it)."""
    reports, cells, issues = [], [], []
    for row, c, i in rows_of_reports:
        reports.append(row)
        cells += c
        issues += i
    return csv_bytes(reports, _REPORT_HEADER), csv_bytes(cells, CELL_COLUMNS), csv_bytes(issues, ISSUE_COLUMNS)


def export_csv_chunks(chunks: Iterable[Chunk], out_dir: str | os.PathLike[str],
                      finish: Callable[[], tuple[Iterable[list[str]], Iterable[tuple[int, int, int]]]] | None = None,
                      corrections: list[list[str]] | None = None) -> list[Path]:
    """Write the dataset from chunks made by Tables.csv() or rows_csv() (in worker processes), in order:
    the one writer of every export. `finish` gives, once all are read, issue rows found across reports
    (ISSUE_COLUMNS) and the warnings reports gain, rows rising: (reports.csv row from 0, items, cells
    not yet counted);
    `corrections` are the ledger's rows (LEDGER_COLUMNS).

    No row stays in memory: the rows go to disk as they come; with `finish`, the reports.csv rows
    wait in a temporary file and are copied into reports.csv at the end, the gained warnings added."""
    out = Path(out_dir)
    everything: list[_TempFile] = []  # in the order they are made, so a failure removes each one made
    try:
        out.mkdir(parents=True, exist_ok=True)
        writers: list[CsvWriter] = []
        for name, cols in (("reports.csv", _REPORT_HEADER), ("cells.csv", CELL_COLUMNS),
                           ("issues.csv", ISSUE_COLUMNS), ("corrections.csv", LEDGER_COLUMNS),
                           ("data_dictionary.csv", DICT_COLUMNS)):
            writers.append(CsvWriter(out / name, cols))
            everything.append(writers[-1])
        reports, cells_w, issues_w, corrections_w, dictionary = writers
        _writable(writers)
        spool = None if finish is None else _Spool(out)  # reports.csv rows wait there for the warnings gained
        if spool is not None:
            everything.append(spool)
        rows_to: CsvWriter | _Spool = spool or reports
        for w in (reports, cells_w, issues_w):
            w.write_bytes(b"")
        for reports_csv, cells_csv, issues_csv in chunks:
            rows_to.write_bytes(reports_csv)
            cells_w.write_bytes(cells_csv)
            issues_w.write_bytes(issues_csv)
        if spool is not None and finish is not None:
            more, gained = finish()
            rows = iter(more)
            while batch := list(itertools.islice(rows, 1000)):
                issues_w.write([[_safe(x) for x in row] for row in batch])
            spool.patch_into(reports, gained)
            spool.abort()
        corrections_w.write([[_safe(x) for x in row] for row in corrections or []])
        dictionary.write(data_dictionary())
        return _commit_all(writers)
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
