"""The consistency rules R1–R5 and the auditor's further checks, run on values alone.

A rule whose inputs include a blank or "/" cell is never computed as if it were 0:
it is an error only when the printed numbers already break it (parts larger than
the total), and otherwise a warning that says which cells keep it from being checked.
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from itertools import compress, repeat
from operator import add, call, eq, itemgetter, not_
from typing import Any, NamedTuple

from models.report import ERROR, INFO, WARNING, Issue, Report
from models.template import (
    AMOUNT,
    FIELDS,
    S3_APPLICANT_COLUMNS,
    S3_COLUMNS,
    S3_OTHER_SUBROW_FIELDS,
    S3_OTHER_SUBROWS,
    S3_OTHER_TOTAL_FIELDS,
    S3_OUTCOME_ROWS,
    S3_ROW_IDS,
    S4_COLUMNS,
    S4_GROUPS,
    SIGNED,
    STANDARD_IDS,
)
from models.values import NA, Value, elided, exact, fraction_digits, integer_digits, is_number, is_whole

Values = Mapping[str, Value]

# Values are exact (int, or Decimal with every printed digit) and so is all arithmetic here: sums
# of ints are ints, and Decimal sums run in exact() (no rounding at any size). Messages show a very
# long number shortened (elided()); `expected` always holds the exact value.
_TOO_LONG = 10 ** 12  # more than 12 digits before the point: no real count or amount (R5)
_FOUR_PLACES = Decimal("0.0001")


@lru_cache(maxsize=4096)
def label(fid: str) -> str:
    """Short Chinese name of a cell: row label · column label."""
    f = FIELDS.get(fid)
    if f is None:
        return fid
    row = f.row_label.split("（区分")[0]
    return f"{row}·{f.column_label.split('·')[-1]}"


def _fmt(v: Value) -> str:
    return "空白" if v is None else elided(v)


_INTS = {int}
_NUMBERS = frozenset({int, Decimal})  # the types of a number (is_number())


def _sum_rule(s: _Sum, values: Values) -> Issue | None:
    """Check total == sum(parts); blanks make it unverifiable unless the printed parts already exceed it."""
    rule, total_id, part_ids, what = s
    total = values.get(total_id)
    got = list(map(values.get, part_ids))
    if type(total) is int and {*map(type, got)} == _INTS and sum(got) == total:  # type: ignore[arg-type]
        return None  # the common case, whole numbers that add up: nothing to say
    # is_number() of each part, without a loop here: this runs for every rule a blank leaves unchecked
    numeric = list(map(_NUMBERS.__contains__, map(type, got)))
    unknown = list(compress(part_ids, map(not_, numeric)))
    known = sum(compress(got, numeric))  # type: ignore[arg-type]
    fields = [total_id] + part_ids
    if not is_number(total):
        if unknown:
            return None  # a blank total with blank parts: the blank cells are reported as such
        return Issue(rule, WARNING, fields,
                     f"{label(total_id)} 为{_fmt(total)}，无法核对{what}之和；按各项之和应为 {elided(known)}",
                     expected=known)
    if unknown:
        if known > total:
            return Issue(rule, ERROR, fields,
                         f"{label(total_id)} 为 {elided(total)}，而已印出的{what}之和已达 {elided(known)}"
                         f"（另有 {len(unknown)} 格空白或为“/”）")
        if len(unknown) == 1:
            exp = total - known
            return Issue(rule, WARNING, [unknown[0]] + [f for f in fields if f != unknown[0]],
                         f"{label(unknown[0])} 为{_fmt(values.get(unknown[0]))}，无法核对{what}之和；"
                         f"按{label(total_id)} {elided(total)} 推算应为 {elided(exp)}",
                         expected=exp)
        return Issue(rule, WARNING, fields, f"{what}之和无法核对：{len(unknown)} 格空白或为“/”（"
                     + "、".join(label(u) for u in unknown[:4]) + ("等" if len(unknown) > 4 else "")
                     + f"），不按 0 计算；{label(total_id)} 为 {elided(total)}，已印出各项之和为 {elided(known)}")
    if known != total:
        return Issue(rule, ERROR, fields, f"{label(total_id)} 为 {elided(total)}，而{what}之和为 {elided(known)}",
                     expected=known)
    return None


_OTHER_TOTAL, _SUBROWS = S3_OTHER_TOTAL_FIELDS, S3_OTHER_SUBROW_FIELDS


def _collapsed(values: Values) -> bool:
    """（六）其他处理 printed as one row: R2 sums it in place of its three sub-rows, and R3 checks it."""
    return any(values.get(f) is not None for f in _OTHER_TOTAL) and all(values.get(f) is None for f in _SUBROWS)


# takes the values a rule reads, by position, from the list of values _check_rules fetched
_Take = Callable[[list[Value]], tuple[Any, ...]]


class _Sum(NamedTuple):
    """A rule that a total equals the sum of its parts (R2, R3, R4)."""
    rule: str
    total: str
    parts: list[str]
    what: str  # what the parts are, for the message


@dataclass(frozen=True)
class _Rules:
    """R1–R4 compiled once for one layout of table 三: every cell they read, each once, in `cells`,
    and each rule as positions in that list. _check_rules fetches all the values in one pass and a
    rule takes its own by position (an itemgetter) instead of making its cell ids for every report."""
    cells: tuple[str, ...]
    r1: tuple[tuple[tuple[str, ...], _Take], ...]  # each column's [a, b, r, f]
    sums: tuple[tuple[_Sum, int, _Take], ...]  # in order: each sum, its total's position, its parts
    # the same rules taken together: R1's four terms of every column, every sum's parts and totals
    terms: tuple[_Take, _Take, _Take, _Take]
    parts: tuple[_Take, ...]
    totals: _Take


def _compile(collapsed: bool) -> _Rules:
    cells: dict[str, int] = {}

    def at(fids: list[str]) -> _Take:
        assert len(fids) > 1  # an itemgetter of one position gives a value, not a tuple
        return itemgetter(*(cells.setdefault(f, len(cells)) for f in fids))

    r1 = []
    for c in S3_COLUMNS:
        ids = (f"s3.new.{c.id}", f"s3.carried_over.{c.id}", f"s3.results_total.{c.id}", f"s3.carried_forward.{c.id}")
        r1.append((ids, at(list(ids))))
    rows = [r for r in S3_OUTCOME_ROWS if not (collapsed and r in S3_OTHER_SUBROWS)]
    if collapsed:
        rows.append("other_total")
    sums = [_Sum("R2", f"s3.results_total.{c.id}", [f"s3.{r}.{c.id}" for r in rows], "各办理结果")
            for c in S3_COLUMNS]
    sums += [_Sum("R3", f"s3.{r}.total", [f"s3.{r}.{c}" for c in S3_APPLICANT_COLUMNS], "各类申请人")
             for r in list(S3_ROW_IDS) + (["other_total"] if collapsed else [])]
    sums += [_Sum("R4", f"s4.{g}.total", [f"s4.{g}.{c.id}" for c in S4_COLUMNS if c.id != "total"],
                  "维持、纠正、其他、尚未审结") for g, _, _ in S4_GROUPS]
    compiled = tuple((s, cells.setdefault(s.total, len(cells)), at(s.parts)) for s in sums)
    new, carried_over, results, carried_forward = (at([ids[k] for ids, _ in r1]) for k in range(4))
    return _Rules(tuple(cells), tuple(r1), compiled, (new, carried_over, results, carried_forward),
                  tuple(take for _, _, take in compiled), at([s.total for s in sums]))


_RULES = {collapsed: _compile(collapsed) for collapsed in (False, True)}


def check_rules(values: Values) -> list[Issue]:
    """R1–R5 on a mapping of field id → value."""
    with exact():
        return _check_rules(values)


def _check_rules(values: Values) -> list[Issue]:
    out: list[Issue] = []
    rules = _RULES[_collapsed(values)]
    got = list(map(values.get, rules.cells))
    # nearly every complete report: all of table 三 and 四 whole numbers, so a rule holds when its sum
    # does (the type of each value need not be looked at rule by rule)
    ints = {*map(type, got)} == _INTS
    new, carried_over, results, carried_forward = rules.terms
    if ints and all(map(eq, map(add, new(got), carried_over(got)), map(add, results(got), carried_forward(got)))) \
            and all(map(eq, map(sum, map(call, rules.parts, repeat(got))), rules.totals(got))):
        return _domain(values)  # and every rule holds: checked all at once, without a loop in Python
    for ids, cells in rules.r1:  # R1 balance
        nums = cells(got)
        a, b, r, f = nums
        if not ((ints or {*map(type, nums)} == _INTS) and a + b == r + f):
            i = _balance(ids, nums)
            if i:
                out.append(i)
    for rule, at, parts in rules.sums:  # R2 results, R3 rows, R4 review sums
        total = got[at]
        nums = parts(got)
        if (ints or (type(total) is int and {*map(type, nums)} == _INTS)) and sum(nums) == total:
            continue
        if rule.rule == "R3":
            parts_blank = nums.count(None) == len(nums)
            if parts_blank and not (is_number(total) and total < 0):
                continue  # a total-only row's blank parts leave R3 to check_blanks (only a negative total breaks it)
            i = _sum_rule(rule, values)
            if i and not (i.severity == WARNING and parts_blank):
                out.append(i)
        else:
            i = _sum_rule(rule, values)
            if i:
                out.append(i)
    out += _domain(values)
    return out


def _balance(ids: tuple[str, ...], got: tuple[Value, ...]) -> Issue | None:
    """R1 of one column of table 三: new + carried over = results total + carried forward."""
    a, b, r, f = ids
    vals = dict(zip(ids, got, strict=True))
    fields = [f, a, b, r]
    col = label(a).split("·")[-1]
    if all(is_number(v) for v in vals.values()):
        left, right = vals[a] + vals[b], vals[r] + vals[f]  # type: ignore[operator]
        if left != right:
            return Issue("R1", ERROR, fields,
                         f"{col}：本年新收 {elided(vals[a])} + 上年结转 {elided(vals[b])} = {elided(left)}，"
                         f"而办理结果总计 {elided(vals[r])} + 结转下年度 {elided(vals[f])} = {elided(right)}",
                         expected=left - vals[r])  # type: ignore[operator]
    elif any(is_number(v) for v in vals.values()):
        blank = [k for k, v in vals.items() if not is_number(v)]
        exp = None
        if len(blank) == 1:
            k = blank[0]
            nums = {x: v for x, v in vals.items() if is_number(v)}
            if k in (a, b):
                exp = nums[r] + nums[f] - sum(nums[x] for x in (a, b) if x in nums)
            else:
                exp = nums[a] + nums[b] - sum(nums[x] for x in (r, f) if x in nums)
            fields = [k] + [x for x in fields if x != k]
        return Issue("R1", WARNING, fields, f"{col}：第一项加第二项等于第三项加第四项无法核对，"
                     + "、".join(label(k) for k in blank) + " 空白或为“/”，不按 0 计算"
                     + (f"；按其余三项推算 {label(blank[0])} 应为 {elided(exp)}" if exp is not None else ""),
                     expected=exp)
    return None


def _domain(values: Values) -> list[Issue]:
    """R5: a whole count, neither negative nor too long, is right for every unit."""
    out: list[Issue] = []
    # the common case, every printed number a whole count in range: nothing to say. Zeros and blanks
    # are left out first (filter(None)): neither breaks R5, and min/max cannot compare None or "/"
    printed: list[Any] = [*filter(None, values.values())]
    types = {*map(type, printed)}
    if types <= _NUMBERS and (not printed or (min(printed) >= 0 and max(printed) < _TOO_LONG)):
        if Decimal not in types:
            return out
        # numbers in range, some with a decimal point: only those need a look
        items: list[tuple[str, Value]] = [(fid, v) for fid, v in values.items() if type(v) is Decimal]
    else:
        items = [(fid, v) for fid, v in values.items()
                 if v is not None and (type(v) is not int or not 0 <= v < _TOO_LONG)]
    for fid, v in items:
        if not is_number(v) or fid not in FIELDS:
            continue
        if not -_TOO_LONG < v < _TOO_LONG:
            out.append(Issue("R5", ERROR, [fid], f"{label(fid)} 为 {elided(v)}，数字过长（{integer_digits(v)} 位），"
                             "不像是真实的件数或金额，可能是相邻数字连在了一起"))
            continue
        unit = FIELDS[fid].unit
        if unit == AMOUNT:
            if v < 0:
                out.append(Issue("R5", ERROR, [fid], f"{label(fid)} 为 {elided(v)}，金额不能为负"))
            elif type(v) is not int and fraction_digits(v) > 4:
                out.append(Issue("R5", ERROR, [fid], f"{label(fid)} 为 {elided(v)}，金额最多保留 4 位小数",
                                 expected=v.quantize(_FOUR_PLACES, ROUND_HALF_UP)))  # type: ignore[union-attr]
        elif unit == SIGNED:
            if type(v) is not int and not is_whole(v):
                out.append(Issue("R5", ERROR, [fid], f"{label(fid)} 为 {elided(v)}，应为整数"))
        elif v < 0 or (type(v) is not int and not is_whole(v)):
            out.append(Issue("R5", ERROR, [fid], f"{label(fid)} 为 {elided(v)}，件数应为不小于 0 的整数"))
    return out


@lru_cache(maxsize=4096)
def _row_of(fid: str) -> str:
    return fid.rsplit(".", 1)[0]


class _Rows(dict[str, str]):
    """The row of each template cell, looked up without a call; any other id's worked out (not kept)."""

    def __missing__(self, fid: str) -> str:
        return _row_of(fid)


_ROWS = _Rows({fid: _row_of(fid) for fid in FIELDS})


def _column_word(fid: str) -> str:
    """A cell's column as a blank row's warning names it."""
    return label(fid).split("·")[-1]


class _ColumnWords(dict[str, str]):
    """_column_word() of each template cell, looked up without a call; any other id's worked out (not kept)."""

    def __missing__(self, fid: str) -> str:
        return _column_word(fid)


_COLUMN_WORDS = _ColumnWords({fid: _column_word(fid) for fid in FIELDS})


def blank_ids(values: Values) -> set[str]:
    """The ids whose value is None (blank or not printed): found once by check() for every step that asks."""
    return {fid for fid, v in values.items() if v is None}


def check_blanks(report: Report, values: Values, covered: set[str] = frozenset()) -> list[Issue]:  # type: ignore[assignment]
    """Blank cells where a number belongs, one warning per printed row.

    `covered` holds blank cells a rule already reports with the value they should have.
    """
    return _check_blanks(report, values, covered, blank_ids(values))


def _check_blanks(report: Report, values: Values, covered: set[str], nones: set[str]) -> list[Issue]:
    out: list[Issue] = []
    cells = report.cells
    # the blank cells, in the report's order (most reports have none). `nones` holds the ids blank in
    # `values`; a cell missing from `values` is blank too, so the set does only when `values` holds them all
    if cells.keys() <= values.keys():
        hit = cells.keys() & nones
        if not hit:
            return out
        if len(hit) > 4:
            blank = [fid for fid in cells if fid in hit]
        else:  # a few: put in the report's order by their place in it, without a loop over every cell
            blank = sorted(hit, key=[*cells].index)
    else:
        blank = [fid for fid in cells if values.get(fid) is None]
    by_row: dict[str, list[str]] = {}
    for fid in blank:
        if fid not in covered:
            by_row.setdefault(_ROWS[fid], []).append(fid)
    if not by_row:
        return out
    in_row: dict[str, list[str]] = {row: [] for row in by_row}  # every cell of those rows, in the report's order
    for fid in cells:  # (a plain loop: cheaper here than map() through two bound methods)
        row = _ROWS[fid]
        if row in in_row:
            in_row[row].append(fid)
    # the rows a reader's note says are missing: every prefix of its first cell that a "." follows
    noted = {f[:k] for i in report.structure if i.fields and "缺少" in i.message
             for f in i.fields[:1] for k in range(len(f)) if f[k] == "."}
    for row, fids in by_row.items():
        row_cells = in_row[row]
        printed = [f for f in row_cells if values.get(f) is not None]
        if not printed and len(fids) == len(row_cells) and row in noted:
            continue
        f = FIELDS.get(fids[0])
        what = f.row_label if f else row
        total_only = bool(printed) and not [p for p in printed if not p.endswith(".total")]
        s3_total_only = total_only and fids[0].startswith("s3.")
        # fids are all blank here: each is named by its column
        words = "、".join(map(_COLUMN_WORDS.__getitem__, fids))
        if s3_total_only:
            fids = fids + printed  # the total cannot be checked against its blank parts (R3)
        out.append(Issue("missing", WARNING, fids,
                         f"「{what}」{'该行只印了总计，' if total_only else ''}{words} 空白（未印数字），不按 0 计算"
                         + ("；本行勾稽关系三无法核对" if s3_total_only else "")))
    return out


def check_prose(report: Report, values: Values) -> list[Issue]:
    """Counts stated in the prose against the table."""
    with exact():
        return _check_prose(report, values)


def _check_prose(report: Report, values: Values) -> list[Issue]:
    out = []

    def num(fid: str) -> int | Decimal | None:
        v = values.get(fid)
        return v if is_number(v) else None

    new, carried, results = num("s3.new.total"), num("s3.carried_over.total"), num("s3.results_total.total")
    for p in report.prose:
        if p.kind == "applications":
            options = {x for x in (new, results, (new + carried) if new is not None and carried is not None else None)
                       if x is not None}
            if options and p.value not in options:
                out.append(Issue("prose", WARNING, ["s3.new.total"],
                                 f"正文称申请 {p.value} 件，而表三本年新收总计为 {_fmt(values.get('s3.new.total'))}："
                                 f"「{p.sentence[:80]}」",
                                 expected=None, evidence=p.span))
        else:
            groups = ["review"] if p.kind == "review" else ["suit_direct", "suit_after_review"]
            totals = [num(f"s4.{g}.total") for g in groups]
            if None in totals:
                continue
            table = sum(totals)  # type: ignore[arg-type]
            if p.value != table:
                what = "行政复议" if p.kind == "review" else "行政诉讼"
                out.append(Issue("prose", WARNING, [f"s4.{g}.total" for g in groups],
                                 f"正文称{what} {p.value} 件，而表四为 {elided(table)} 件：「{p.sentence[:80]}」",
                                 evidence=p.span))
    return out


def check_period(report: Report) -> list[Issue]:
    """The stated statistics period must cover 1 January to 31 December of the report year."""
    meta = report.meta
    if not meta.period:
        return []
    start_s, end_s = meta.period.split("/")
    try:
        start, end = _dt.date.fromisoformat(start_s), _dt.date.fromisoformat(end_s)
    except ValueError:
        return [Issue("period", WARNING, ["meta.period"], f"统计期限中的日期无效：{meta.period}",
                      evidence=meta.period_span)]
    year = meta.year or start.year
    if start <= _dt.date(year, 1, 1) and end >= _dt.date(year, 12, 31):
        return []
    return [Issue("period", WARNING, ["meta.period"],
                  f"统计期限为 {start_s} 至 {end_s}，未覆盖 {year} 年 1 月 1 日至 12 月 31 日",
                  evidence=meta.period_span)]


def check_ungrouped(report: Report, values: Values | None = None) -> list[Issue]:
    """Every single issue of a report: what reading found, the rules, blanks (one per row), prose and period."""
    if report.error:
        return []
    vals = report.values() if values is None else values
    return _check_ungrouped(report, vals, blank_ids(vals))


_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}


def _check_ungrouped(report: Report, vals: Values, nones: set[str]) -> list[Issue]:
    with exact():  # the rules and the prose in one exact context
        rules = _check_rules(vals)
        prose = _check_prose(report, vals)
    covered = {i.fields[0] for i in rules if i.expected is not None and vals.get(i.fields[0]) is None}
    issues = list(report.structure) + rules + _check_blanks(report, vals, covered, nones) + prose \
        + check_period(report)
    return sorted(issues, key=lambda i: _ORDER.get(i.severity, 3))


def check(report: Report, values: Values | None = None) -> list[Issue]:
    """The issues of a report, one per cause (models.grouping): a blank column is one warning, the
    2019 layout one information note, and an error always its own item."""
    from models.grouping import grouped  # grouping names cells with label() from here

    if report.error:
        return []
    vals = report.values() if values is None else values
    nones = blank_ids(vals)  # the blank cells, found once for the blank warnings and their grouping
    return grouped(report, vals, _check_ungrouped(report, vals, nones), nones)


__all__ = ["blank_ids", "check", "check_rules", "check_ungrouped", "label", "NA", "STANDARD_IDS"]
