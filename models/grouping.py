"""Issues grouped by cause: one item for the auditor per fact, naming every cell it concerns.

models.checks finds single issues: one warning per blank row, one per rule a blank leaves unchecked,
one per note the reader made. A report that leaves five columns of table 三 blank gets 75 of them
for one fact. group() folds them into the cause:

- Blank cells are grouped by what is blank, table by table: the whole table; whole columns (blank
  in every row); whole rows (in table 二 a whole block); rows that print only their total; rows
  blank in the same columns. Every blank cell of the report's layout belongs to one group, also
  a cell the table never printed (a missing row or column is blank, not 0). A report from which no
  cell was read at all (a scan, no table found) gets the reader's notes instead.
- A rule warning (R1–R4 that cannot be checked) joins the blank group of the cells that keep it
  from being checked; one left unchecked by "/" marks joins one item per rule.
- A reader's note that names blank cells (a missing row, a header without a column, a row
  with too few values) joins their group; the notes of the 2019 layout (table 二 blocks printed
  in it, the collapsed （六）其他处理 row) are one information item.
- The doubtful reads of a scan (OCR unsure, or a lone stroke that may be a "/" or "—") are one item
  naming every such cell; a cell corrected since leaves it.
- Errors (a rule broken by printed numbers) and every other issue stand alone.

A group's `fields` are its blank cells first (`count` of them), then the printed cells of the
rules it leaves unchecked; its `key` names the rule and the cause, so an acceptance survives
re-checks; its `parts` are the keys of the single issues it stands for (an acceptance of all of
them, made before issues were grouped, still covers it). Every message comes out in words: a field
id or rule id a reader's note holds becomes its label or name (plain()).
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from itertools import compress, filterfalse

from models.checks import blank_ids, label
from models.report import ERROR, INFO, WARNING, Issue, Report
from models.template import (
    FIELDS,
    S3_APPLICANT_COLUMNS,
    S3_COLUMNS,
    S3_ORG_GROUP,
    S3_OTHER_SUBROW_FIELDS,
    S3_OTHER_SUBROWS,
    S3_OTHER_TOTAL,
    S3_OTHER_TOTAL_FIELDS,
    S3_ROWS,
    S4_COLUMNS,
    S4_GROUPS,
    TABLE2_BLOCKS,
    Field,
)
from models.values import Value, elided, is_number

Values = Mapping[str, Value]
RULE_WORDS = {"R1": "勾稽关系一", "R2": "勾稽关系二", "R3": "勾稽关系三", "R4": "表四勾稽关系"}
_ORG = tuple(c.id for c in S3_COLUMNS if c.group == S3_ORG_GROUP)
_SHOWN = 4  # rows or cells a message names before "等"


@dataclass
class _Row:
    key: str  # "s3.granted", "s2_2019.licensing"
    label: str
    cells: list[str]
    block: str = ""  # table 二: the block's label


@dataclass
class _Table:
    name: str  # 二, 三, 四
    prefix: str  # s2, s3, s4 (the table's part of a key)
    rows: list[_Row]
    columns: list[str] = field(default_factory=list)  # column ids (tables 三 and 四)
    cells: list[str] = field(default_factory=list)  # every cell, row by row
    grid: list[list[str]] = field(default_factory=list)  # the cells of each row
    cell_set: frozenset[str] = frozenset()  # the same cells, to be met with the blank ids of a report

    def __post_init__(self) -> None:
        self.cells = [c for r in self.rows for c in r.cells]
        self.grid = [r.cells for r in self.rows]
        self.cell_set = frozenset(self.cells)


@dataclass
class _Group:
    kind: str
    cells: list[str]  # the blank cells: the cause
    head: str  # what is blank, for the message
    key: str
    rule: str = "missing"
    severity: str = WARNING
    extra: list[str] = field(default_factory=list)  # printed cells of the rules and notes folded in
    parts: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)  # the rules it leaves unchecked
    notes: list[str] = field(default_factory=list)  # the reader's notes folded in
    expected: list[Value] = field(default_factory=list)  # for a single blank cell: what the rules say
    at: int = 1 << 30  # where it goes among the issues (its first part)


# ---------------------------------------------------------------- the report's layout


def _short(label: str) -> str:
    return label.split("（区分")[0]


_OTHER_TOTAL, _SUBROWS = S3_OTHER_TOTAL_FIELDS, S3_OTHER_SUBROW_FIELDS


def _collapsed(report: Report, values: Values) -> bool:
    """（六）其他处理 printed as one row (the 2019 layout): other_total read, its three sub-rows blank."""
    return not report.cells.keys().isdisjoint(_OTHER_TOTAL) and all(values.get(f) is None for f in _SUBROWS)


def _table2(report: Report) -> tuple[_Table, list[str]]:
    """Table 二 as printed, block by block in the layout its header chose; the blocks printed in 2019 form."""
    if report.cells.keys().isdisjoint(_S2_2019):
        return _table2_of(frozenset())  # all in the 2021 layout (most reports): the rows printed do not matter
    return _table2_of(frozenset(_S2_ROWS[f] for f in report.cells if f in _S2_ROWS))


# each field of table 二 (either layout): its block, its layout's prefix and its row
_S2_ROWS = {f: (d.block, f.split(".")[0], d.row_id) for f, d in FIELDS.items() if f.startswith("s2")}
_S2_2019 = frozenset(f for f in _S2_ROWS if f.startswith("s2_2019."))


@functools.lru_cache(maxsize=64)  # keyed on the rows a report printed: bounded
def _table2_of(printed: frozenset[tuple[str, str, str]]) -> tuple[_Table, list[str]]:
    rows: list[_Row] = []
    old: list[str] = []
    for block in TABLE2_BLOCKS:
        in_2019 = any(b == block.label and p == "s2_2019" for b, p, _ in printed)
        if in_2019:
            old.append(block.label)
        for layout in block.layouts:
            if layout.prefix == "s2_2019" and not in_2019:
                continue
            for row in layout.rows:
                if layout.prefix == "s2" and in_2019 and (block.label, "s2", row.id) not in printed:
                    continue  # the 2021 form of a block printed in 2019 form: not blank, another layout
                rows.append(_Row(f"{layout.prefix}.{row.id}", row.label,
                                 [f"{layout.prefix}.{row.id}.{c.id}" for c in layout.columns], block.label))
    return _Table("二", "s2", rows), old


def _table3(report: Report, collapsed: bool) -> _Table:
    return _table3_of(collapsed, not collapsed and any(f in report.cells for f in _OTHER_TOTAL))


@functools.cache
def _table3_of(collapsed: bool, other_total: bool) -> _Table:
    ids = [r.id for r in S3_ROWS]
    labels = {r.id: r.label for r in S3_ROWS}
    labels[S3_OTHER_TOTAL.id] = S3_OTHER_TOTAL.label
    if collapsed:
        at = ids.index(S3_OTHER_SUBROWS[0])
        ids = [r for r in ids if r not in S3_OTHER_SUBROWS]
        ids.insert(at, S3_OTHER_TOTAL.id)
    elif other_total:
        ids.insert(ids.index(S3_OTHER_SUBROWS[-1]) + 1, S3_OTHER_TOTAL.id)
    cols = [c.id for c in S3_COLUMNS]
    return _Table("三", "s3", [_Row(f"s3.{r}", _short(labels[r]), [f"s3.{r}.{c}" for c in cols]) for r in ids], cols)


@functools.cache
def _table4() -> _Table:
    cols = [c.id for c in S4_COLUMNS]
    return _Table("四", "s4", [_Row(f"s4.{g}", label, [f"s4.{g}.{c}" for c in cols]) for g, label, _ in S4_GROUPS],
                  cols)


# ---------------------------------------------------------------- blank cells, grouped by what is blank


def _blank(tables: list[_Table], values: Values, nones: set[str]) -> set[str]:
    """The cells of the tables whose value is None: blank (`nones`, the ids blank in `values`) or not in
    `values` at all. Set operations on the tables' cells, which are built once per layout (no pass over
    the ~200 cells in Python)."""
    out: set[str] = set()
    for t in tables:
        out |= t.cell_set.intersection(nones)
        out |= t.cell_set.difference(values)
    return out


def _names(items: list[str]) -> str:
    shown = "".join(f"「{x}」" for x in items[:_SHOWN])
    return shown + (f"等 {len(items)} 行" if len(items) > _SHOWN else "")


def _column_words(table: _Table, cols: list[str]) -> str:
    if table.name == "三" and tuple(cols) == _ORG:
        return f"「{S3_ORG_GROUP}」{len(cols)} 列"
    labels = {c.id: c.label for c in (S3_COLUMNS if table.name == "三" else S4_COLUMNS)}
    if len(cols) == 1:
        return f"「{labels[cols[0]]}」列"
    return "、".join(labels[c] for c in cols) + f" {len(cols)} 列"


def _cells_words(table: _Table, cols: list[str]) -> str:
    if table.name == "三" and tuple(cols) == S3_APPLICANT_COLUMNS:
        return f"各类申请人 {len(cols)} 列"
    labels = {c.id: c.label for c in (S3_COLUMNS if table.name == "三" else S4_COLUMNS)}
    return "、".join(labels.get(c, c) for c in cols)


def _grid_groups(t: _Table, blank: set[str]) -> list[_Group]:
    """Tables 三 and 四: the whole table, whole columns, whole rows, rows with only a total, the rest."""
    clear = list(map(blank.isdisjoint, t.grid))  # the rows without a blank cell (most, often all)
    if all(clear):
        return []
    # the rows with a blank cell, each with a flag per column (a row's cells are in t.columns' order)
    marked = [(r, [*map(blank.__contains__, r.cells)]) for r, c in zip(t.rows, clear, strict=True) if not c]
    flags = [f for _, f in marked]
    if len(marked) == len(t.rows) and all(map(all, flags)):
        return [_Group("blank_table", list(t.cells), f"表{t.name}全部空白（{len(t.cells)} 格）",
                       f"missing:{t.prefix}:table")]

    out = []
    # a column blank in every row: only when no row is clear
    whole_at = [j for j, column in enumerate(zip(*flags, strict=True)) if all(column)] \
        if len(marked) == len(t.rows) else []
    rest_at = [j for j in range(len(t.columns)) if j not in whole_at]
    whole = [t.columns[j] for j in whole_at]
    rest = [t.columns[j] for j in rest_at]
    if whole:
        cells = [r.cells[j] for r in t.rows for j in whole_at]
        out.append(_Group("blank_columns", cells, f"表{t.name}{_column_words(t, whole)}全部空白（{len(cells)} 格）",
                          f"missing:{t.prefix}:columns:{','.join(whole)}"))
        flags = [[row[j] for j in rest_at] for row in flags]  # the other columns, where rows differ
    is_full = list(map(all, flags))
    full = [r for (r, _), f in zip(marked, is_full, strict=True) if f]
    if full:
        cells = [r.cells[j] for r in full for j in rest_at]
        what = f"「{full[0].label}」一行" if len(full) == 1 else f" {len(full)} 行"
        out.append(_Group("blank_rows", cells, f"表{t.name}{what}全部空白（{len(cells)} 格）"
                          + ("" if len(full) == 1 else "：" + _names([r.label for r in full])),
                          f"missing:{t.prefix}:rows:{','.join(r.key.split('.', 1)[1] for r in full)}"))
    patterns: dict[tuple[str, ...], list[_Row]] = {}
    for (r, _), row, f in zip(marked, flags, is_full, strict=True):
        if not f:
            p = tuple(compress(rest, row))
            if p:
                patterns.setdefault(p, []).append(r)
    for p, rows in patterns.items():
        at = [t.columns.index(c) for c in p]  # a row's cells are in the order of t.columns
        cells = [r.cells[j] for r in rows for j in at]
        ids = ",".join(r.key.split(".", 1)[1] for r in rows)
        where = f"「{rows[0].label}」" if len(rows) == 1 else f" {len(rows)} 行"
        listed = "" if len(rows) == 1 else "：" + _names([r.label for r in rows])
        if "total" in rest and set(p) == set(rest) - {"total"}:
            out.append(_Group("blank_parts", cells, f"表{t.name}{where}只印了总计，{_cells_words(t, list(p))}空白"
                              f"（{len(cells)} 格）{listed}", f"missing:{t.prefix}:parts:{ids}",
                              # R3 of a row with only its total is not reported apart (models.checks)
                              rules=["R3"] * len(rows) if t.name == "三" else []))
        else:
            where = where if len(rows) == 1 else where + "的"
            out.append(_Group("blank_cells", cells, f"表{t.name}{where}{_cells_words(t, list(p))}空白"
                              f"（{len(cells)} 格）{listed}", f"missing:{t.prefix}:cells:{','.join(p)}@{ids}"))
    return out


def _table2_groups(t: _Table, blank: set[str]) -> list[_Group]:
    """Table 二: the whole table, whole rows (a whole block named as such), rows blank in the same columns."""
    mine = [c for c in t.cells if c in blank]
    if not mine:
        return []
    if len(mine) == len(t.cells):
        return [_Group("blank_table", mine, f"表二全部空白（{len(mine)} 格）", "missing:s2:table")]
    out = []
    full = [r for r in t.rows if all(c in blank for c in r.cells)]
    if full:
        names: list[str] = []
        for block in dict.fromkeys(r.block for r in full):
            rows = [r for r in t.rows if r.block == block]
            if all(r in full for r in rows):
                names.append(block)
            else:
                names += [f"{block}「{r.label}」" for r in full if r.block == block]
        cells = [c for r in full for c in r.cells]
        out.append(_Group("blank_rows", cells, "表二" + "、".join(names) + f"全部空白（{len(cells)} 格）",
                          "missing:s2:rows:" + ",".join(r.key for r in full)))
    patterns: dict[tuple[str, tuple[str, ...]], list[_Row]] = {}
    for r in t.rows:
        if r not in full:
            p = tuple(c.rsplit(".", 1)[1] for c in r.cells if c in blank)
            if p:
                patterns.setdefault((r.key.split(".")[0], p), []).append(r)
    for (prefix, p), rows in patterns.items():
        cells = [f"{r.key}.{c}" for r in rows for c in p]
        cols = "、".join(FIELDS[cells[0][: cells[0].rindex(".")] + "." + c].column_label for c in p)
        where = "、".join(f"「{r.label}」" for r in rows)
        out.append(_Group("blank_cells", cells, f"表二{where}{cols}空白（{len(cells)} 格）",
                          f"missing:s2:cells:{prefix}:{','.join(p)}@{','.join(r.key.split('.', 1)[1] for r in rows)}"))
    return out


# ---------------------------------------------------------------- messages without internal ids

# an id and the spaces around it (Chinese words need none)
_ID = re.compile(r" ?(?<![A-Za-z0-9_.])(s2_2019|s[234])((?:\.[a-z_]+){0,2})(\.\*)?(?![A-Za-z0-9_]) ?")
_RULE = re.compile(r" ?(?<![A-Za-z0-9])(R[1-5])(?![0-9A-Za-z]) ?")
_RULE_NAMES = {**RULE_WORDS, "R5": "数值范围"}
_TABLE_WORD = {"s2": "表二", "s2_2019": "2019 年版表二", "s3": "表三", "s4": "表四"}


def _id_words(m: re.Match[str]) -> str:
    table, rest = m.group(1), m.group(2)
    fid = table + rest
    if fid in FIELDS:
        return label(fid)
    parts = [p for p in rest.split(".") if p]
    if not parts:
        return _TABLE_WORD[table]
    row = _FIRST_UNDER.get(fid)
    return f"「{_short(row.row_label)}」" if row else _TABLE_WORD[table]


# for each id a field's id begins with ("s3", "s3.new"), the first such field in template order
_FIRST_UNDER: dict[str, Field] = {}
for _f in FIELDS.values():
    for _at in (k for k, ch in enumerate(_f.id) if ch == "."):
        _FIRST_UNDER.setdefault(_f.id[:_at], _f)


def plain(message: str) -> str:
    """A message as people read it: field ids (s3.other_total.total, s2_2019.*) become their labels and
    rule ids (R2) their names."""
    if "s" not in message and "R" not in message:
        return message
    return _RULE.sub(lambda m: _RULE_NAMES[m.group(1)], _ID.sub(_id_words, message))


# ---------------------------------------------------------------- folding single issues into their causes


def _expand(fields: Iterable[str], tables: list[_Table]) -> list[str]:
    """Cell ids of a note's fields: a table ("s4") or row ("s3.carried_forward") stands for its cells."""
    out: list[str] = []
    for f in fields:
        if f in FIELDS:
            out.append(f)
            continue
        for t in tables:
            out += [c for c in t.cells if c.startswith(f + ".")]
    return out


def _is_2019_note(i: Issue, collapsed: bool) -> bool:
    if i.rule == "layout" and "2019" in i.message:
        return True
    return bool(i.fields) and (all(f.startswith("s2_2019.") for f in i.fields) and i.rule == "layout"
                               or collapsed and all(f.startswith("s3.other_total.") for f in i.fields))


def group(report: Report, values: Values, issues: list[Issue], structure: list[Issue] | None = None) -> list[Issue]:
    """The single issues of a report (models.checks) as one item per cause; see the module's docstring."""
    return grouped(report, values, issues, blank_ids(values), structure)


def grouped(report: Report, values: Values, issues: list[Issue], nones: set[str],
            structure: list[Issue] | None = None) -> list[Issue]:
    """group() given the ids blank in `values` (models.checks.blank_ids(), which check() has found already)."""
    notes = report.structure if structure is None else structure
    note_ids = {id(i) for i in notes}
    collapsed = _collapsed(report, values)
    t2, old_blocks = _table2(report)
    tables = [t2, _table3(report, collapsed), _table4()]
    # nothing read at all (a scan, no table found): the reader's notes say why, not 200 blank cells
    blank = _blank(tables, values, nones) if report.cells else set()
    if not blank and not issues and not old_blocks and not collapsed:
        return []  # a complete report without a single issue (nothing to fold, no layout note)
    groups = _table2_groups(t2, blank) + _grid_groups(tables[1], blank) + _grid_groups(tables[2], blank)
    of: dict[str, _Group] = {c: g for g in groups for c in g.cells}
    na: dict[str, _Group] = {}
    layout = _layout_group(report, old_blocks, collapsed)
    kept: list[tuple[int, Issue]] = []

    def fold(g: _Group, n: int, i: Issue, extra: Iterable[str]) -> None:
        g.at = min(g.at, n)
        g.parts.append(i.key_of)
        g.extra += [f for f in extra if f not in of or of[f] is not g]

    ocr = _Group("ocr_doubt", [], "", "ocr:doubt", rule="ocr")
    for n, i in enumerate(issues):
        if i.rule == "ocr":  # a doubtful OCR read: one item for all of them, a corrected cell no longer doubtful
            published = report.cells.get(i.fields[0]) if i.fields else None
            if published is not None and values.get(i.fields[0]) == published.value:
                fold(ocr, n, i, ())
                ocr.cells += [f for f in i.fields if f not in ocr.cells]
        elif i.severity == ERROR:
            kept.append((n, i))
        elif id(i) in note_ids and layout is not None and _is_2019_note(i, collapsed):
            fold(layout, n, i, ())
        elif id(i) in note_ids and i.rule == "missing":  # the reader's note on cells not printed
            cells = _expand(i.fields, tables)
            hit = [c for c in cells if c in of]
            if not hit:
                kept.append((n, i))
                continue
            g = of[hit[0]]
            fold(g, n, i, [c for c in cells if c not in blank])
            g.notes.append(plain(i.message))
        elif i.rule in RULE_WORDS:
            # the first of its cells that is blank: the cells of `of` are all blank, so none is a number
            first = next(filter(of.__contains__, i.fields), None)
            if first is not None:
                g = of[first]
                fold(g, n, i, filterfalse(blank.__contains__, i.fields))
                g.rules.append(i.rule)
                if i.expected is not None and i.fields and len(g.cells) == 1 and i.fields[0] == g.cells[0]:
                    g.expected.append(i.expected)
            elif (unknown := [f for f in i.fields if not is_number(values.get(f))]) \
                    and not any(values.get(f) is None for f in unknown):
                g = na.setdefault(i.rule, _Group("not_applicable", [], "", f"{i.rule}:na", rule=i.rule))
                fold(g, n, i, i.fields)
                g.cells += [f for f in unknown if f not in g.cells]
                g.extra = [f for f in g.extra if f not in g.cells]
            else:
                kept.append((n, i))
        elif i.rule == "missing" and (first := next(filter(of.__contains__, i.fields), None)) is not None:
            g = of[first]
            fold(g, n, i, filterfalse(blank.__contains__, i.fields))
        else:
            kept.append((n, i))
    out = [(n, i if (words := plain(i.message)) == i.message else replace(i, message=words)) for n, i in kept]
    out += [(g.at, _issue(g)) for g in groups]
    out += [(g.at, _na_issue(g) if len(g.parts) > 1 else _single(g, issues)) for g in na.values()]
    if layout is not None:
        out.append((layout.at, _issue(layout)))
    if ocr.cells:
        out.append((ocr.at, _ocr_issue(ocr)))
    order = {ERROR: 0, WARNING: 1, INFO: 2}
    return [i for _, i in sorted(out, key=lambda x: (order.get(x[1].severity, 3), x[0]))]


def _single(g: _Group, issues: list[Issue]) -> Issue:
    """A lone "/" warning stays as it was found."""
    i = next(i for i in issues if i.key_of == g.parts[0])
    return replace(i, message=plain(i.message))


def _layout_group(report: Report, old_blocks: list[str], collapsed: bool) -> _Group | None:
    if not old_blocks and not collapsed:
        return None
    said = []
    cells = []
    if old_blocks:
        items = "".join(b.replace("第二十条第", "").replace("项", "") for b in old_blocks)
        said.append(f"表二第二十条第{items}项按旧版读取")
        cells += [f for f in report.cells if f.startswith("s2_2019.")]
    if collapsed:
        said.append(f"表三「{S3_OTHER_TOTAL.label}」只印了一行合计，未分三个子项，勾稽关系二以其代替三个子项")
        cells += [f for f in report.cells if f.startswith("s3.other_total.")]
    return _Group("layout_2019", cells, "2019 年版式：" + "；".join(said), "layout:2019", rule="layout",
                  severity=INFO)


def _rule_words(rules: list[str]) -> str:
    """勾稽关系一、三 for R1 and R3; 表四勾稽关系 for R4."""
    s3 = [RULE_WORDS[r][-1] for r in rules if r != "R4"]
    words = ["勾稽关系" + "、".join(s3)] if s3 else []
    return "、".join(words + [RULE_WORDS["R4"]] * ("R4" in rules))


def _issue(g: _Group) -> Issue:
    msg = g.head
    if g.severity != INFO:
        msg += "，不按 0 计算"
    rules = sorted(set(g.rules))
    if rules:
        n = len(g.rules)
        msg += "；" + _rule_words(rules) + "因此无法核对" + (f"（{n} 处）" if n > 1 else "")
        exp = g.expected[0] if g.expected and all(e == g.expected[0] for e in g.expected) else None
        if exp is not None:
            msg += f"；按勾稽关系推算应为 {elided(exp)}"
    else:
        exp = None
    notes = list(dict.fromkeys(g.notes))
    if notes:
        msg += "。读取时：" + "；".join(notes[:2]) + (f"（另有 {len(notes) - 2} 条）" if len(notes) > 2 else "")
    have = set(g.cells)
    fields = g.cells + [*filterfalse(have.__contains__, dict.fromkeys(g.extra))]
    return Issue(g.rule, g.severity, fields, msg, expected=exp, kind=g.kind, key=g.key, count=len(g.cells),
                 parts=list(dict.fromkeys(g.parts)))


def _ocr_issue(g: _Group) -> Issue:
    shown = "、".join(label(c) for c in g.cells[:_SHOWN]) + ("等" if len(g.cells) > _SHOWN else "")
    msg = (f"OCR 读数存疑（{len(g.cells)} 格）：{shown}；把握不足，或单独一笔可能是“/”“—”，请对照原件核对")
    return Issue("ocr", WARNING, list(g.cells), msg, kind=g.kind, key=g.key, count=len(g.cells), parts=list(g.parts))


def _na_issue(g: _Group) -> Issue:
    shown = "、".join(label(c) for c in g.cells[:_SHOWN]) + ("等" if len(g.cells) > _SHOWN else "")
    msg = (f"{RULE_WORDS[g.rule]}有 {len(g.parts)} 处无法核对：{len(g.cells)} 格印为“/”或“无”（{shown}），"
           "不按 0 计算")
    have = set(g.cells)
    fields = g.cells + [f for f in dict.fromkeys(g.extra) if f not in have]
    return Issue(g.rule, WARNING, fields, msg, kind=g.kind, key=g.key, count=len(g.cells), parts=list(g.parts))


__all__ = ["RULE_WORDS", "group", "grouped", "plain"]
