"""Place a table, as a reader handed it through (a Grid), on the template: the one step that knows
the template's rows and columns, for every format.

A person reads a printed table by its labels: a row is the row its label names, a value belongs
to the column whose header it stands under (header cells may span; 法人或其他组织 spans its five
sub-columns; the columns may come in any order). Labels are matched after folding; a misprinted
label is still taken for the template label it is a few edits away from, or for the one template
row missing between two known neighbours, and every cell it gives is uncertain, with both labels
noted. A position guess is only the fallback, and it is uncertain too.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter

from models.report import INFO, WARNING, Cell, Issue
from models.template import (
    S3_COLUMNS,
    S3_GROUP_HEADINGS,
    S3_ORG_GROUP,
    S3_OTHER_SUBROWS,
    S3_OTHER_TOTAL,
    S3_ROWS,
    S4_COLUMNS,
    S4_GROUPS,
    TABLE2_BLOCKS,
    Column,
    Layout,
)
from models.values import parse_value
from parsers.grid import Grid, GridCell, TextRow
from parsers.labels import Near, compact, nearest

VALUE, MARKER, TEXT = "value", "marker", "text"

_VALUE = re.compile(r"[+\-]?\d[\d,]*(?:\.\d+)?(?:人次|万元|件|条|个|项|次|元|宗|份)?")
# a page number or running head that a page break left inside a table: -4-, — 4 —, 第4页, 4/12
_PAGE_NUMBER = re.compile(r"[-—–]+\d{1,3}[-—–]+|第\d{1,3}页(?:共\d{1,3}页)?|\d{1,3}/\d{1,3}")
_MARKER = re.compile(r"/|—+|-|–|无|\\")


@lru_cache(maxsize=8192)
def kind(text: str) -> str:
    """value, marker or text: a cell is a value only when it holds a number and nothing else."""
    if _VALUE.fullmatch(text):
        return VALUE
    if _MARKER.fullmatch(text):
        return MARKER
    return TEXT


@dataclass
class TableResult:
    cells: dict[str, Cell] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    found: bool = False  # any label of the table was seen
    guessed: bool = False  # some value was not under its header (placed in order or left to right)
    doubt: bool = False  # read by labels, some value placed by a rule a grid could overturn (a lone total)


def _guessed_only() -> TableResult:
    """A table found whose values do not all stand under their headers, with nothing placed."""
    return TableResult(found=True, guessed=True)


@dataclass(slots=True)
class _Value:
    cell: GridCell
    text: str  # folded, without white space


@dataclass(slots=True)
class _Line:
    """A grid row: the label cells and the value cells that start on it, left to right."""
    row: int
    labels: list[GridCell]
    values: list[_Value]


_ROW_COL = attrgetter("row", "col")


def lines(grid: Grid) -> list[_Line]:
    """The grid's rows with their label and value cells (empty cells are blank, not values)."""
    by_row: dict[int, _Line] = {}
    for c in sorted(grid.cells, key=_ROW_COL):
        t, k = _read(c.text)
        if k is None:
            continue
        line = by_row.get(c.row)
        if line is None:
            line = by_row[c.row] = _Line(c.row, [], [])
        if k == TEXT:
            line.labels.append(c)
        else:
            line.values.append(_Value(c, t))
    return [by_row[r] for r in sorted(by_row)]


@lru_cache(maxsize=8192)
def _read(text: str) -> tuple[str, str | None]:
    """A cell's text compacted, and its kind (None for an empty cell or a page number)."""
    t = compact(text)
    if not t or _PAGE_NUMBER.fullmatch(t):
        return t, None
    return t, kind(t)


def _make_cell(fid: str, v: _Value, uncertain: bool, note: Near | None) -> Cell:
    try:
        value = parse_value(v.text)
    except ValueError:
        value = None
    src = v.cell.source
    return Cell(fid, value, v.text, src.span, uncertain or v.cell.guessed, src.origin, src.box,
                (note.printed, note.template) if note else None)


def _evidence(values: list[_Value]) -> tuple[int, int] | None:
    spans = [v.cell.source.span for v in values if v.cell.source.span is not None]
    return (spans[0][0], spans[-1][1]) if spans else None


def _raw(values: list[_Value]) -> str:
    return " ".join(v.text for v in values)


def _row_issue(table: str, row_label: str, n: int, k: int, how: str, extra: list[_Value],
               fields: list[str]) -> Issue:
    msg = f"表{table}「{row_label}」印有 {k} 个数值，应有 {n} 个"
    if how == "by position":
        msg += "；已按表头位置放置"
    elif how == "left to right":
        msg += "；位置不明，已从左到右放置，请核对"
    if extra:
        msg += "；多出的数值 " + _raw(extra) + " 未采用"
    return Issue("missing", WARNING, fields, msg, evidence=_evidence(extra))


def _label_text(cells: list[GridCell]) -> str:
    return " ".join(c.text.strip() for c in cells)


# ---------------------------------------------------------------- columns from the header


@dataclass
class _Columns:
    """Which template column each grid column stands under, read from the header."""
    of: list[str | None]  # grid column → column id
    order: list[str]  # the column ids in printed order
    notes: dict[str, Near] = field(default_factory=dict)  # misprinted headers
    guessed: bool = False  # no header: columns by position only


def _match_column(t: str, columns: tuple[Column, ...]) -> str | None:
    """The column a header cell names: the whole cell, else the one column word inside it."""
    _COLUMN_SETS.setdefault(id(columns), columns)  # the template's tuples, which live as long as the program
    return _match_column_in(t, id(columns))


_COLUMN_SETS: dict[int, tuple[Column, ...]] = {}


@lru_cache(maxsize=8192)  # remembered by the tuple's id: hashing its columns each time cost more than the match
def _match_column_in(t: str, key: int) -> str | None:
    columns = _COLUMN_SETS[key]
    for c in columns:
        if re.fullmatch(c.pattern, t):
            return c.id
    hits = {c.id for c in columns if re.search(c.pattern, t)}
    return hits.pop() if len(hits) == 1 else None


class _Header:
    """A table's header words: its columns, and the patterns of the header cells that span (spread
    right in a text copy), that are noise, and that head a group of columns. One for each table,
    made once; compared by identity, so that a header word's reading is remembered cheaply."""
    __slots__ = ("columns", "spanning", "noise", "group", "labels")

    def __init__(self, columns: tuple[Column, ...], spanning: re.Pattern[str] | None, noise: re.Pattern[str],
                 group: re.Pattern[str] | None = None) -> None:
        self.columns = columns
        self.spanning = spanning
        self.noise = noise
        self.group = group
        self.labels = [(col.id, col.label) for col in columns]  # as nearest() takes them


_GROUP, _NOISE = 1, 2  # what _header_word says of a group header and of noise (else a column id or None)


@lru_cache(maxsize=8192)  # a header's words again and again; the _Header is one of the tables', kept here
def _header_word(text: str, head: _Header) -> int | str | None:
    """What a header cell's text is to _header_columns: the group header, noise, the id of the column
    it names, or None (a misprint, or no header word)."""
    t = compact(text)
    if head.group is not None and head.group.search(t):
        return _GROUP
    if head.noise.search(t):
        return _NOISE
    return _match_column(t, head.columns)


@lru_cache(maxsize=8192)
def _stays(text: str, head: _Header) -> bool:
    """Whether a header cell is a column's own label (printed or misprinted), which does not spread
    right in a text copy (header_cells)."""
    t = compact(text)
    return not (head.spanning is not None and head.spanning.search(t)) and bool(
        _match_column(t, head.columns) or nearest(text, head.labels))


def header_cells(grid: Grid, before: int, head: _Header) -> list[GridCell]:
    """The cells above a grid row. In a text copy (no merges marked) a header cell that is not a
    column's own label (申请人情况, 法人或其他组织, 行政诉讼…, misprinted or not) spreads right over the
    empty positions of its row, as a merged header does, up to the next cell of its row or a column
    headed from a row above. A column's own label does not spread: an empty cell beside it may be a
    label the copy lost."""
    cells = [c for c in grid.cells if c.row < before]
    if grid.merged:
        return cells
    by_row: dict[int, list[GridCell]] = {}
    for c in cells:
        by_row.setdefault(c.row, []).append(c)
    return _spread([sorted(by_row[r], key=_COL) for r in sorted(by_row)], grid.cols, head)


def _spread(rows: list[list[GridCell]], ncols: int, head: _Header) -> list[GridCell]:
    """header_cells of a text copy whose header rows are known: each row's cells left to right, top
    row first, in a grid `ncols` wide."""
    out = []
    starts: set[int] = set()
    for row in rows:
        for c, nxt in zip(row, row[1:] + [None], strict=True):
            if _stays(c.text, head):
                stop = c.col + 1
            else:
                stop = nxt.col if nxt is not None else ncols
                for k in starts:
                    if c.col < k < stop:
                        stop = k
            span = max(c.colspan, stop - c.col)
            # a cell that keeps its size is handed on as it is (a copy would be the same but for guessed)
            out.append(c if span == c.colspan and not c.guessed else
                       GridCell(c.row, c.col, c.text, c.rowspan, span, c.source))
        starts.update(c.col for c in row)
    return out


_COL = attrgetter("col")


def _header_columns(header: list[GridCell], ncols: int, head: _Header) -> tuple[_Columns, range | None]:
    """Leaf columns of a header: each grid column takes the lowest header cell above it that names a
    column; a spanning group header (法人或其他组织) gives its range."""
    of: list[str | None] = [None] * ncols
    depth: list[int] = [-1] * ncols
    notes: dict[str, Near] = {}
    group_range: range | None = None
    unknown: list[GridCell] = []
    taken: set[str] = set()
    for c in sorted(header, key=_ROW_COL):
        cid = _header_word(c.text, head)
        if cid is None:
            unknown.append(c)
            continue
        if isinstance(cid, int):  # a group header, or noise
            if cid == _GROUP:
                group_range = range(c.col, c.col + c.colspan)
            continue
        taken.add(cid)
        for k in range(c.col, min(ncols, c.col + c.colspan)):  # _put, written out: it runs for every header cell
            if c.row >= depth[k]:
                of[k], depth[k] = cid, c.row
    exact = taken
    for c in unknown:  # a misprinted header: near exactly one column no other header names
        near = nearest(c.text, [(col.id, col.label) for col in head.columns if col.id not in exact])
        if near is not None and len(compact(c.text)) <= 2 * len(near.template) + 2:
            notes[near.key] = near
            _put(of, depth, c, near.key)
    order = [x for x in dict.fromkeys(of) if x is not None]
    return _Columns(of, order, notes), group_range


def _put(of: list[str | None], depth: list[int], c: GridCell, cid: str) -> None:
    for k in range(c.col, min(len(of), c.col + c.colspan)):
        if c.row >= depth[k]:
            of[k], depth[k] = cid, c.row


def _value_columns(rows: list[_Line]) -> list[int]:
    """The grid columns where values of these rows start, left to right."""
    return sorted({v.cell.col for line in rows for v in line.values})


def _reconcile(cols: _Columns, rows: list[_Line], official: list[str], issues: list[Issue], table: str,
               labels: dict[str, str]) -> bool:
    """Value columns that no header stands over, matched to the header's columns that have no values
    (a copy that shifted its header), or to the columns the header left out, in official order."""
    used = _value_columns(rows)
    bare = [k for k in used if k < len(cols.of) and cols.of[k] is None] + [k for k in used if k >= len(cols.of)]
    if not bare:
        return False
    if len(cols.of) <= max(bare):
        cols.of += [None] * (max(bare) + 1 - len(cols.of))
    filled = {cols.of[k] for k in used if cols.of[k] is not None}
    idle = [cid for cid in cols.order if cid not in filled]
    if len(idle) == len(bare):
        for k, cid in zip(bare, idle, strict=True):
            for j, x in enumerate(cols.of):
                if x == cid:
                    cols.of[j] = None
            cols.of[k] = cid
        cols.order = [x for x in dict.fromkeys(cols.of) if x is not None]
        return True
    absent = [cid for cid in official if cid not in cols.order]
    if len(absent) == len(bare):
        trial = list(cols.of)
        for k, cid in zip(bare, absent, strict=True):
            trial[k] = cid
        order = [x for x in dict.fromkeys(trial) if x is not None]
        if [x for x in order if x in official] == [x for x in official if x in order]:
            cols.of, cols.order = trial, order
            issues.append(Issue("layout", INFO, [], f"表{table}表头未印出「" + "、".join(labels[c] for c in absent)
                                + "」，这些列按官方列序读取"))
            return True
    return False


def _official_by_position(rows: list[_Line], official: list[str]) -> _Columns | None:
    """No header at all: when the rows' values stand in exactly as many grid columns as the template
    has, they are taken in official order (a guess, so uncertain)."""
    used = _value_columns(rows)
    if len(used) != len(official):
        return None
    of: list[str | None] = [None] * (max(used) + 1)
    for k, cid in zip(used, official, strict=True):
        of[k] = cid
    return _Columns(of, list(official), guessed=True)


def _loose(rows: list[_Line], cols: _Columns) -> bool:
    """Whether some value of these rows stands under no header, or under one another value took."""
    of = cols.of
    for line in rows:
        seen: set[str] = set()
        for v in line.values:
            cid = _column_under(v.cell, of)
            if cid is None or cid in seen:
                return True
            seen.add(cid)
    return False


def _column_under(cell: GridCell, of: list[str | None]) -> str | None:
    """The one column id over the grid columns a cell covers; None under none or under two."""
    k = cell.col
    if cell.colspan == 1:  # most cells: no set of one to make
        return of[k] if k < len(of) else None
    ids = {of[j] for j in range(k, k + cell.colspan) if j < len(of)} - {None}
    return ids.pop() if len(ids) == 1 else None


@dataclass
class _Placed:
    cells: dict[str, _Value]
    extra: list[_Value]
    how: str  # by header, in order, left to right
    uncertain: bool


def _guessed(p: _Placed) -> bool:
    """Whether a row's values were placed by a guess (not each under its header, or some left over)."""
    return p.how != "by header" or p.uncertain or bool(p.extra)


def _place_row(values: list[_Value], cols: _Columns, total: str | None) -> _Placed:
    """A row's values under their headers; failing that in header order when they are as many as the
    columns; failing that left to right (the last one the total), uncertain."""
    cells: dict[str, _Value] = {}
    loose: list[_Value] = []
    of = cols.of
    for v in values:
        cid = _column_under(v.cell, of)
        if cid is None or cid in cells:
            loose.append(v)
        else:
            cells[cid] = v
    n, k = len(cols.order), len(values)
    if not loose:
        return _Placed(cells, [], "by header", cols.guessed)
    if k == n:
        return _Placed(dict(zip(cols.order, values, strict=True)), [], "in order", cols.guessed)
    if len(cells) == n:  # every column filled under its header; the rest stand where no header is
        return _Placed(cells, loose, "by header", cols.guessed)
    if total in cols.order and cols.order[-1] == total and k > 1:
        out = dict(zip(cols.order[:-1], values[:min(k - 1, n - 1)], strict=False))
        out[total] = values[-1]
        return _Placed(out, values[n - 1:-1] if k > n else [], "left to right", True)
    return _Placed(dict(zip(cols.order, values, strict=False)), values[n:], "left to right", True)


# ---------------------------------------------------------------- rows by label


def _match_rows(rows: list[_Line], patterns: list[tuple[str, re.Pattern[str]]],
                skip: re.Pattern[str] | None = None, start: int = 0) -> dict[int, str]:
    """Row keys by exact label: the innermost (rightmost) label cell of a row that a pattern finds;
    the longest match wins, a key is taken once."""
    out: dict[int, str] = {}
    seen: set[str] = set()
    table = id(patterns)
    _PATTERNS[table] = patterns
    for i, line in enumerate(rows):
        if i < start:
            continue
        for c in reversed(line.labels):
            t = compact(c.text)
            if skip is not None and skip.search(t):
                continue
            key = _best(table, t)
            if key is not None:
                if key not in seen:
                    out[i] = key
                    seen.add(key)
                break
    return out


_PATTERNS: dict[int, list[tuple[str, re.Pattern[str]]]] = {}


@lru_cache(maxsize=16384)
def _best(table: int, t: str) -> str | None:
    """The key whose pattern finds the longest match in a label (the pattern lists are module
    constants, so a label's answer never changes)."""
    best: tuple[int, str] | None = None
    for key, rx in _PATTERNS[table]:
        m = rx.search(t)
        if m and (best is None or m.end() - m.start() > best[0]):
            best = (m.end() - m.start(), key)
    return best[1] if best else None


def _misprints(rows: list[_Line], found: dict[int, str], candidates: list[tuple[str, str]],
               order: list[str], data: set[int]) -> dict[int, Near]:
    """Rows whose label matched nothing, taken for a template row: within a few edits of exactly one
    label not yet found, or the one row missing between two known neighbours."""
    out: dict[int, Near] = {}
    taken = set(found.values())
    for i in sorted(data):
        if i in found or not rows[i].labels:
            continue
        printed = compact(rows[i].labels[-1].text)
        near = nearest(rows[i].labels[-1].text, [(k, lab) for k, lab in candidates if k not in taken])
        if near is not None and len(printed) <= 2 * len(compact(near.template)) + 2:
            out[i] = near
            taken.add(near.key)
    labels = dict(candidates)
    known = sorted([(i, k) for i, k in found.items()] + [(i, n.key) for i, n in out.items()])
    for (a, ka), (b, kb) in zip(known, known[1:], strict=False):
        between = [i for i in range(a + 1, b) if i in data and i not in found and i not in out]
        if len(between) != 1 or ka not in order or kb not in order:
            continue
        ia, ib = order.index(ka), order.index(kb)
        if ib - ia == 2 and order[ia + 1] not in taken:
            key = order[ia + 1]
            out[between[0]] = Near(key, _label_text(rows[between[0]].labels) or "（空白）", labels[key])
            taken.add(key)
    return out


def _stray(table: str, prev_label: str, line: _Line) -> Issue:
    label = _label_text(line.labels) or "（无标签）"
    return Issue("missing", WARNING, [],
                 f"表{table}「{prev_label}」之后有未知的行「{label}」，印有数值 {_raw(line.values)}，未计入任何单元格",
                 evidence=_evidence(line.values))


def _note_issue(table: str, near: Near, fields: list[str]) -> Issue:
    return Issue("layout", INFO, fields, f"表{table}印的是「{near.printed}」，按「{near.template}」读取，请核对")


# ---------------------------------------------------------------- table 三

_S3_ROW_RX = [(r.id, re.compile(r.pattern)) for r in S3_ROWS]
_S3_GROUP_RX = [(f"g{i}", re.compile(p)) for i, (_, p) in enumerate(S3_GROUP_HEADINGS)]
_S3_NOISE = re.compile(r"申请人情况|勾稽关系|本列数据|^信息内容$")
_S3_ORG = re.compile(S3_ORG_GROUP)
_S3_SPANNING = re.compile(r"申请人情况|勾稽关系|本列数据|" + S3_ORG_GROUP)
_S3_HEAD = _Header(S3_COLUMNS, _S3_SPANNING, _S3_NOISE, _S3_ORG)
_S3_IDS = [c.id for c in S3_COLUMNS]
_S3_LABELS = {c.id: c.label for c in S3_COLUMNS}
_S3_ROW_LABELS = {r.id: r.label for r in S3_ROWS}
_S3_ORDER = [r.id for r in S3_ROWS]


def place_table3(grid: Grid, guesses: bool = True) -> TableResult | None:
    """Table 三 from its grid, or None when no row of it is there; `guesses` as in place()."""
    rows = lines(grid)
    first = next((i for i, line in enumerate(rows) if _s3_opens(line, bool(line.values))), None)
    if first is None:
        return None
    found = _match_rows(rows, _S3_ROW_RX, start=first)
    if len(found) < 2:
        return None
    res = TableResult(found=True)
    cols, org = _s3_columns(grid, rows[first].row, grid.cols)
    body = [rows[i] for i in range(first, len(rows))]
    _org_children(cols, org, body)
    if not cols.order:
        guess = _official_by_position([line for line in body if line.values], _S3_IDS)
        if guess is None:
            return None
        if not guesses:  # every row found is filled, the first already by a guess
            return _guessed_only()
        cols = guess
        res.issues.append(Issue("layout", INFO, [], "表三没有可辨认的表头，各列按官方列序读取，请核对"))
    else:
        res.guessed |= _reconcile(cols, [line for line in body if line.values], _S3_IDS, res.issues, "三",
                                  _S3_LABELS)
        if res.guessed and not guesses:
            return _guessed_only()
    if not grid.merged and _loose([line for line in body if line.values], cols):
        return _guessed_only()  # a text copy whose values do not stand under headers
    # every row found by its label is filled below: one filled by a guess is told now (a text copy's
    # rows that are not loose stand each value under its own header, and are never guessed)
    placed: dict[int, _Placed] = {}  # (kept for the rows' filling below)
    if not guesses and grid.merged:
        for i in found:
            placed[i] = _place_row(rows[i].values, cols, "total")
            if _guessed(placed[i]):
                return _guessed_only()
    data = {i for i, line in enumerate(rows) if line.values and i >= first}
    groups = {i: k for i, k in _match_rows(rows, _S3_GROUP_RX, start=first).items() if i not in found}
    group_rows = {i: k for i, k in groups.items() if i in data}
    misprints = _misprints(rows, found, [(r.id, r.label) for r in S3_ROWS], _S3_ORDER,
                           data - set(group_rows))
    missing_cols = [c for c in S3_COLUMNS if c.id not in cols.order]
    if missing_cols:
        res.issues.append(Issue("missing", WARNING, [f"s3.{r.id}.{c.id}" for r in S3_ROWS for c in missing_cols],
                                "表三表头缺少列：" + "、".join(c.label for c in missing_cols) + "；这些列全部空白"))
    if cols.order != [c for c in _S3_IDS if c in cols.order]:
        res.issues.append(Issue("layout", INFO, [], "表三的列序与官方表格不同，已按表头读取："
                                + "、".join(_S3_LABELS[c] for c in cols.order)))
    prev = "表头"
    for i in range(first, len(rows)):
        line = rows[i]
        note = misprints.get(i)
        if i in found or note is not None:
            rid = found[i] if i in found else note.key if note else ""
            label = _S3_ROW_LABELS[rid]
        elif i in group_rows:
            heading, _ = S3_GROUP_HEADINGS[int(group_rows[i][1:])]
            if heading == S3_OTHER_TOTAL.label:
                rid, label = S3_OTHER_TOTAL.id, S3_OTHER_TOTAL.label
                res.issues.append(Issue("missing", WARNING, [f"s3.{rid}.{c}" for c in cols.order],
                                        "（六）其他处理只印了一行合计，未分三个子项；"
                                        "按 s3.other_total 读取，R2 以其代替三个子项"))
            else:
                members = [r.id for r in S3_ROWS if r.group == heading]
                res.issues.append(Issue("missing", WARNING, [f"s3.{r}.{c}" for r in members for c in cols.order],
                                        f"表三分组标题「{heading}」后印有数值 " + _raw(line.values)
                                        + "，像是把本组各行合并成了一行；这些数值未计入任何单元格，请核对",
                                        evidence=_evidence(line.values)))
                continue
        else:
            if line.values:
                res.issues.append(_stray("三", prev, line))
            continue
        prev = label
        _fill_row(res, "三", f"s3.{rid}", label, line.values, cols, "total", note,
                  cols.notes, placed.get(i))
        if res.guessed and not guesses:
            return _guessed_only()
    _s3_absent(res, set(found.values()) | {n.key for n in misprints.values()})
    return res


def table3_thrown(rows: Iterable[TextRow | None], got: list[TextRow]) -> bool:
    """Whether table 三 placed from a text copy's delimited rows would be guessed or not found: no
    row of the table, no header over its values, or a value under no header (place_table3 then
    reconciles the columns, a guess, or finds the rows loose). `rows` come as the text is read (a
    None when the text proves not to be a grid, also thrown) and are kept in `got`; reading stops
    at the first value under no header, and only header rows are made cells, so a caller that
    throws such a result away need not make the grid nor read the rest. False says only that the
    grid (the rows in `got`; none: the text has no delimited rows) must be placed to know."""
    header: list[list[GridCell]] = []  # the rows above the table's first, their cells left to right
    first = -1
    ncols = 0
    early: _Columns | None = None  # the header's columns once they are known for any width
    for row in rows:
        if row is None:
            return True
        r = len(got)
        got.append(row)
        count, cells = row
        ncols = max(ncols, count)
        if first < 0:
            made = [GridCell(r, col, t) for col, _, _, t in cells]
            line = _Line(r, [], [])
            values = False
            for c in made:
                k = _read(c.text)[1]
                if k == TEXT:
                    line.labels.append(c)
                elif k is not None:
                    values = True
            if not _s3_opens(line, values):
                header.append(made)
                continue
            first = r
            cols, org = _s3_text_columns(header, ncols)
            # a header cell spreads right up to the grid's last column, which rows further down may
            # move; the columns seen so far keep their headers, unless the five 法人或其他组织
            # columns are then filled in by position (_org_children), which the width may change
            if org is None or all(c.id in cols.order for c in S3_COLUMNS if c.group):
                early = cols
        if early is not None:
            of = early.of
            for col, _, _, t in cells:
                if col < len(of) and of[col] is None and _read(t)[1] not in (None, TEXT):
                    return True  # a value under no header, whatever the width
    if not got:
        return False
    if first < 0:
        return True
    if early is not None and len(early.of) == ncols:  # as wide as when they were read: every value was asked
        return not early.order
    cols, org = _s3_text_columns(header, ncols)
    _org_children(cols, org, [])
    if not cols.order:
        return True
    of, n = cols.of, len(cols.of)
    for _, cells in got[first:]:
        for col, _, _, t in cells:
            if (col >= n or of[col] is None) and _read(t)[1] not in (None, TEXT):  # a value under no header
                return True
    return False


def _s3_text_columns(header: list[list[GridCell]], ncols: int) -> tuple[_Columns, range | None]:
    """Table 三's columns from the header rows of a text copy's grid `ncols` wide (each row's cells
    left to right), as place_table3 reads them (before _org_children)."""
    return _header_columns(_spread(header, ncols, _S3_HEAD), ncols, _S3_HEAD)


def _s3_columns(grid: Grid, first: int, ncols: int) -> tuple[_Columns, range | None]:
    """Table 三's columns from the header cells above grid row `first`, in a grid `ncols` wide."""
    return _header_columns(header_cells(grid, first, _S3_HEAD), ncols, _S3_HEAD)


def _s3_opens(line: _Line, has_values: bool) -> bool:
    """Whether a grid row opens table 三's body (place_table3's first row, and table3_thrown's): it holds
    values, or a label that is a row's and not only header words."""
    return has_values or (not all(_s3_header_word(compact(c.text)) for c in line.labels)
                          and bool(_match_rows([line], _S3_ROW_RX)))


@lru_cache(maxsize=4096)  # a header's words, asked for every header row
def _s3_header_word(t: str) -> bool:
    return bool(_S3_NOISE.search(t) or _S3_ORG.search(t) or _match_column(t, S3_COLUMNS))


def _org_children(cols: _Columns, org: range | None, body: list[_Line]) -> None:
    """The five 法人或其他组织 columns under their spanning header when their own labels are missing:
    in official order in the grid columns it spans."""
    if org is None:
        return
    children = [c.id for c in S3_COLUMNS if c.group]
    missing = [cid for cid in children if cid not in cols.order]
    free = [k for k in org if k < len(cols.of) and cols.of[k] is None]
    if missing and len(free) == len(missing) == len(children):
        for k, cid in zip(free, children, strict=True):
            cols.of[k] = cid
        cols.order = [x for x in dict.fromkeys(cols.of) if x is not None]


def _fill_row(res: TableResult, table: str, prefix: str, label: str, values: list[_Value], cols: _Columns,
              total: str | None, note: Near | None, col_notes: dict[str, Near], p: _Placed | None = None) -> None:
    """Place a row's values into its cells (`p`: placed already) and note what does not fit."""
    if p is None:
        p = _place_row(values, cols, total)
    res.guessed |= _guessed(p)
    for cid, v in p.cells.items():
        fid = f"{prefix}.{cid}"
        cnote = note or col_notes.get(cid)
        res.cells[fid] = _make_cell(fid, v, p.uncertain or cnote is not None, cnote)
    for cid in cols.order:
        fid = f"{prefix}.{cid}"
        if fid not in res.cells:
            res.cells[fid] = Cell(fid, None)
    fields = [f"{prefix}.{c}" for c in cols.order]
    if note is not None:
        res.issues.append(_note_issue(table, note, fields))
    only_total = len(values) == 1 and total is not None and total in p.cells
    if values and (len(values) != len(cols.order) or p.extra) and not only_total:
        how = "by position" if p.how == "by header" else p.how
        res.issues.append(_row_issue(table, label, len(cols.order), len(values), how, p.extra, fields))


def _s3_absent(res: TableResult, found: set[str]) -> None:
    collapsed = any(f.startswith("s3.other_total.") for f in res.cells)
    for row in S3_ROWS:
        if row.id not in found and not (row.id in S3_OTHER_SUBROWS and collapsed):
            res.issues.append(Issue("missing", WARNING, [f"s3.{row.id}.{c}" for c in _S3_IDS],
                                    f"表三缺少「{row.label}」这一行"))


# ---------------------------------------------------------------- table 四

_S4_GROUP_RX = [(g, re.compile(p)) for g, _, p in S4_GROUPS]
_S4_GROUP_LABELS = {g: label.split("·")[-1] for g, label, _ in S4_GROUPS}
_S4_IDS = [c.id for c in S4_COLUMNS]
_S4_GIDS = [g for g, _, _ in S4_GROUPS]
_S4_NOISE = re.compile(r"^行政诉讼$|^信息内容$")
_S4_SPANNING = re.compile(r"行政复议|行政诉讼|直接起诉|复议后起诉")
_S4_HEAD = _Header(S4_COLUMNS, _S4_SPANNING, _S4_NOISE)


@lru_cache(maxsize=4096)  # a header's words again and again (each header cell is asked twice)
def _s4_group(t: str) -> str | None:
    hits = [g for g, rx in _S4_GROUP_RX if rx.search(t)]
    return hits[0] if len(hits) == 1 else None


def place_table4(grid: Grid, guesses: bool = True) -> TableResult | None:
    """Table 四 from its grid: groups from the header (行政复议 and the two 行政诉讼 kinds spanning
    their five columns) or from the row labels (one row per group); `guesses` as in place()."""
    rows = lines(grid)
    data = [i for i, line in enumerate(rows) if line.values]
    if not data:
        return None
    first = data[0]
    header = header_cells(grid, rows[first].row, _S4_HEAD)
    cols, _ = _header_columns([c for c in header if _s4_group(compact(c.text)) is None], grid.cols, _S4_HEAD)
    group_of: list[str | None] = [None] * grid.cols
    notes: dict[str, Near] = dict(cols.notes)
    depth = [-1] * grid.cols
    unknown = []
    for c in sorted(header, key=_ROW_COL):
        t = compact(c.text)
        g = _s4_group(t)
        if g is not None:
            _put(group_of, depth, c, g)
        elif c.colspan > 1 and not _S4_NOISE.search(t):
            unknown.append(c)
    for c in unknown:  # a misprinted group header spanning its columns
        near = nearest(c.text, [(g, lab) for g, lab in _S4_GROUP_LABELS.items() if g not in group_of])
        if near is not None:
            notes[near.key] = near
            _put(group_of, depth, c, near.key)
    row_groups: dict[int, str] = {}
    row_notes: dict[int, Near] = {}
    for i in data:
        for c in reversed(rows[i].labels):
            g = _s4_group(compact(c.text))
            if g is not None:
                row_groups[i] = g
                break
    if not cols.order and not row_groups and not any(group_of):
        return None
    res = TableResult(found=True)
    if len(row_groups) < len(data):  # rows not named: misprinted group labels, one row per group
        row_notes = _misprints(rows, row_groups, list(_S4_GROUP_LABELS.items()), _S4_GIDS, set(data))
        row_groups.update({i: n.key for i, n in row_notes.items()})
    if row_groups:
        if not cols.order:
            guess = _official_by_position([rows[i] for i in data], _S4_IDS)
            if guess is None:
                return None
            cols = guess
        else:
            res.guessed |= _reconcile(cols, [rows[i] for i in data], _S4_IDS, res.issues, "四",
                                      {c.id: c.label for c in S4_COLUMNS})
        if (res.guessed or cols.guessed) and not guesses:  # guessed columns: the first row filled is a guess
            return _guessed_only()
        prev = "表头"
        for i in data:
            g = row_groups.get(i)
            if g is None:
                res.issues.append(_stray("四", prev, rows[i]))
                continue
            prev = _S4_GROUP_LABELS[g]
            _fill_row(res, "四", f"s4.{g}", prev, rows[i].values, cols, None, row_notes.get(i), notes)
            if res.guessed and not guesses:
                return _guessed_only()
        _s4_absent(res)
        return res
    # one row of values under a two-level header: (group, column) of each grid column
    slots: list[str | None] = [None] * grid.cols
    for k in range(grid.cols):
        g, cid = group_of[k], cols.of[k] if k < len(cols.of) else None
        if g is not None and cid is not None:
            slots[k] = f"{g}.{cid}"
    order = [s for s in dict.fromkeys(slots) if s is not None]
    standard = _S4_STANDARD
    values = [v for i in data for v in rows[i].values]
    if not order or (len(values) == 15 and len(order) != 15):
        order = standard
        slots = [None] * grid.cols
    table_cols = _Columns(slots, order)
    res.guessed |= _reconcile(table_cols, [rows[i] for i in data], standard, res.issues, "四", _S4_STANDARD_LABELS)
    p = _place_row(values, table_cols, None)
    res.guessed |= _guessed(p)
    for name, v in p.cells.items():
        g, cid = name.split(".")
        note = notes.get(g) or notes.get(cid)
        res.cells[f"s4.{name}"] = _make_cell(f"s4.{name}", v, p.uncertain or note is not None, note)
    fields = [f"s4.{n}" for n in table_cols.order]
    if len(values) != len(table_cols.order) or p.extra:
        how = "by position" if p.how == "by header" else p.how
        res.issues.append(_row_issue("四", "行政复议、行政诉讼", len(table_cols.order), len(values), how, p.extra,
                                     fields))
    absent = [f"s4.{s}" for s in standard if s not in table_cols.order]
    if absent:
        res.issues.append(Issue("missing", WARNING, absent, f"表四印出 {len(table_cols.order)} 列，缺少："
                                + "、".join(_s4_label(f) for f in absent)))
    _s4_absent(res)
    return res


_S4_STANDARD = [f"{g}.{c}" for g in _S4_GIDS for c in _S4_IDS]  # a two-level header's slots, in official order
_S4_STANDARD_LABELS = {s: s for s in _S4_STANDARD}


def _s4_label(fid: str) -> str:
    _, g, c = fid.split(".")
    return next(gl for gid, gl, _ in S4_GROUPS if gid == g) + "·" + next(x.label for x in S4_COLUMNS if x.id == c)


def _s4_absent(res: TableResult) -> None:
    cells = res.cells
    for fid in _S4_FIELDS:
        if fid not in cells:
            cells[fid] = Cell(fid, None)


_S4_FIELDS = [f"s4.{g}.{c}" for g in _S4_GIDS for c in _S4_IDS]


# ---------------------------------------------------------------- table 二

_T2_BLOCK_RX = [(str(i), re.compile(b.anchor)) for i, b in enumerate(TABLE2_BLOCKS)]
_T2_ROWS: dict[str, str] = {}
_T2_ROW_RX: list[tuple[str, re.Pattern[str]]] = []
_T2_COLUMNS: dict[str, Column] = {}
for _b in TABLE2_BLOCKS:
    for _lay in _b.layouts:
        for _r in _lay.rows:
            if _r.id not in _T2_ROWS:
                _T2_ROWS[_r.id] = _r.label
                _T2_ROW_RX.append((_r.id, re.compile(_r.pattern)))
        for _c in _lay.columns:
            _T2_COLUMNS.setdefault(_c.pattern, _c)  # two columns are called amount (fees, procurement)
_T2_COLS = tuple(_T2_COLUMNS.values())
_T2_NOISE = re.compile(r"^信息内容$|^第二十条")
_T2_HEAD = _Header(_T2_COLS, None, _T2_NOISE)


def _t2_layout(row_id: str, block: int | None, col_ids: list[str]) -> tuple[Layout, int]:
    """The layout a printed row belongs to: the one whose columns its header shows."""
    candidates = [(bi, lay) for bi, b in enumerate(TABLE2_BLOCKS) for lay in b.layouts
                  if any(r.id == row_id for r in lay.rows)]
    if block is not None and any(bi == block for bi, _ in candidates):
        candidates = [(bi, lay) for bi, lay in candidates if bi == block]
    best = max(candidates, key=lambda bl: (len(set(col_ids) & {c.id for c in bl[1].columns}),
                                           bl[1].prefix == "s2"))
    return best[1], best[0]


def place_table2(grid: Grid, guesses: bool = True) -> TableResult | None:
    """Table 二 block by block, each read by its own header (2021 or 2019 layout); `guesses` as in place()."""
    rows = lines(grid)
    found = _match_rows(rows, _T2_ROW_RX, _T2_NOISE)
    found = {i: k for i, k in found.items() if rows[i].values or not _is_header(rows[i])}
    if not found:
        return None
    res = TableResult(found=True)
    blocks: dict[int, int] = {}
    headers: dict[int, _Columns] = {}
    for i, line in enumerate(rows):
        for c in line.labels:
            t = compact(c.text)
            hit = next((int(b) for b, rx in _T2_BLOCK_RX if rx.search(t)), None)
            if hit is not None:
                blocks[i] = hit
        if i not in found and not line.values and _is_header(line):
            headers[i], _ = _header_columns(line.labels, grid.cols, _T2_HEAD)
    data = {i for i, line in enumerate(rows) if line.values and i not in headers}
    # misprinted row labels: per block, against that block's rows
    misprints: dict[int, Near] = {}
    starts = sorted(set(blocks) | {0})
    for n, s in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(rows)
        span = {i for i in data if s <= i < end}
        bi = blocks.get(s)
        cands = [(r.id, r.label) for lay in (TABLE2_BLOCKS[bi].layouts if bi is not None else ())
                 for r in lay.rows]
        cands = list(dict.fromkeys(cands))
        if not cands:
            continue
        local = {i: k for i, k in found.items() if s <= i < end}
        order = [k for k, _ in cands]
        got = _misprints(rows, local, cands, order, span)
        missing = [k for k in order if k not in local.values() and k not in {x.key for x in got.values()}]
        unknown = [i for i in sorted(span) if i not in local and i not in got]
        if len(missing) == 1 and len(unknown) == 1:  # the block's one missing row
            got[unknown[0]] = Near(missing[0], _label_text(rows[unknown[0]].labels) or "（空白）",
                                   dict(cands)[missing[0]])
        misprints.update(got)
    block: int | None = None
    header: _Columns | None = None
    prev = "表头"
    for i, line in enumerate(rows):
        if i in blocks:
            block, header = blocks[i], None
        if i in headers:
            header = headers[i]
            continue
        note = misprints.get(i)
        rid = found.get(i) or (note.key if note else None)
        if rid is None:
            if line.values:
                res.issues.append(_stray("二", prev, line))
            continue
        label = _T2_ROWS[rid]
        prev = label
        col_ids = header.order if header else []
        layout, bi = _t2_layout(rid, block, col_ids)
        layout_cols = [c.id for c in layout.columns]
        if header is not None and set(header.order) >= set(layout_cols):
            keep = set(layout_cols)
            cols = _Columns([x if x in keep else None for x in header.of], [x for x in header.order if x in keep],
                            header.notes)
        else:
            cols = _official_by_position([line], layout_cols) or _Columns([], layout_cols)
        if layout.prefix == "s2_2019" and not any(x.rule == "layout" and TABLE2_BLOCKS[bi].label in x.message
                                                  for x in res.issues):
            printed = ", ".join(c.label for c in layout.columns)
            res.issues.append(Issue("layout", INFO, [],
                                    f"表二{TABLE2_BLOCKS[bi].label}按 2019 年版格式印制（{printed}），读入 s2_2019.*"))
        _fill_row(res, "二", f"{layout.prefix}.{rid}", label, line.values, cols, None, note, cols.notes)
        if res.guessed and not guesses:
            return _guessed_only()
    _t2_absent(res)
    return res


def _is_header(line: _Line) -> bool:
    return any(_match_column(compact(c.text), _T2_COLS) for c in line.labels)


def _t2_absent(res: TableResult) -> None:
    """Report the 2021 rows that were printed in neither layout."""
    for block in TABLE2_BLOCKS:
        for row in block.layouts[0].rows if block.layouts[0].prefix == "s2" else ():
            if any(f.split(".")[1] == row.id for f in res.cells):
                continue
            res.issues.append(Issue("missing", WARNING, [f"s2.{row.id}.{c.id}" for c in block.layouts[0].columns],
                                    f"表二{block.label}缺少「{row.label}」这一行"))


def place(key: str, grid: Grid, guesses: bool = True) -> TableResult | None:
    """Table 二, 三 or 四 from its grid; None when the grid does not hold it. A caller that throws away
    a result with a value placed by a guess passes guesses=False: placement then stops at the first
    guess and says only that (found and guessed, no cells), instead of placing the rest."""
    if not grid.cells:
        return None
    return {"二": place_table2, "三": place_table3, "四": place_table4}[key](grid, guesses)
