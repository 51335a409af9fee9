"""Read tables 二, 三 and 四 from their section text by row labels and column headers."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter, itemgetter

from models.report import INFO, WARNING, Cell, Issue
from models.template import (
    S3_COLUMNS,
    S3_GROUP_HEADINGS,
    S3_HEADER_NOISE,
    S3_ORG_GROUP,
    S3_OTHER_TOTAL,
    S3_ROWS,
    S4_COLUMNS,
    S4_GROUPS,
    S4_HEADER_NOISE,
    TABLE2_BLOCKS,
    Column,
    Layout,
)
from models.values import Value, parse_value
from parsers.normalize import Compact
from parsers.place import place
from parsers.placement import TableResult
from parsers.scan import compile_scan
from parsers.tokens import (
    MARKER,
    TEXT,
    VALUE,
    Anchor,
    Grid,
    Token,
    compile_named,
    find_anchors,
    outside,
    place_anchors,
    tokenize,
)

_VALUES: dict[str, Value] = {}  # printed text → value: a report prints "0" a hundred times


def _value(raw: str) -> Value:
    """parse_value, remembered for short texts (values are immutable: int, Decimal, "/" or None)."""
    got = _VALUES.get(raw, _VALUES)
    if got is not _VALUES:
        return got  # type: ignore[return-value]
    try:
        value = parse_value(raw)
    except ValueError:
        value = None
    if len(raw) <= 24:
        if len(_VALUES) > 4096:
            _VALUES.clear()
        _VALUES[raw] = value
    return value


def _cell(fid: str, tok: Token, uncertain: bool) -> Cell:
    return Cell(fid, _value(tok.raw), tok.raw, (tok.start, tok.end), uncertain)


def _blank(cells: dict[str, Cell], fid: str) -> None:
    """A blank cell for `fid` unless a value was placed there."""
    if fid not in cells:
        cells[fid] = Cell(fid, None)


def _named(patterns: list[tuple[str, str]]) -> re.Pattern[str]:
    return compile_named(patterns)


_START = attrgetter("start")
_TOKEN_KIND, _TOKEN_START = itemgetter(0), itemgetter(2)  # (a Token is a tuple: its items are read in C)
_IS_VALUE = {TEXT: "t", VALUE: "v", MARKER: "v"}  # a token kind → t (text) or v (a value or a marker)


@dataclass(slots=True)
class _Segment:
    """The tokens between one anchor and the next."""
    anchor: Anchor
    values: list[Token]  # the values that follow the label
    stray: list[tuple[str, list[Token]]]  # unknown labelled runs of values after them


def _segments(anchors: list[Anchor], tokens: list[Token], end: int) -> list[_Segment]:
    """Split tokens at anchors; text after values that is itself followed by values is a stray row."""
    anchors = sorted(anchors, key=_START)
    starts = list(map(_TOKEN_START, tokens))  # in order: each anchor's tokens found by bisection
    # t or v a token: a segment's runs of values are found by str.find within its bounds (no slices)
    kinds = "".join(map(_IS_VALUE.__getitem__, map(_TOKEN_KIND, tokens)))
    find = kinds.find
    out = []
    ti = 0
    stops = list(map(_START, anchors))
    stops.append(end)
    for a, stop in zip(anchors, stops[1:], strict=True):
        ti = bisect.bisect_left(starts, a.end, ti)  # tokens inside the label are skipped
        hi = bisect.bisect_left(starts, stop, ti)
        # Most rows: words, one run of values and markers, words (the next row's 1. or 属于 before its
        # label): the run is the row's values; text before values or after the last is no row.
        first = find("v", ti, hi)
        if first < 0:
            out.append(_Segment(a, [], []))
            ti = hi
            continue
        after = find("t", first, hi)
        if after < 0:
            after = hi
        if find("v", after, hi) < 0:
            out.append(_Segment(a, tokens[first:after], []))
            ti = hi
            continue
        seg = _Segment(a, [], [])
        current = seg.values
        label: list[str] = []
        prev_text = False
        for t in tokens[ti:hi]:
            kind = t.kind
            if kind == MARKER and prev_text and current and t.raw == "无":
                t = Token(TEXT, t.raw, t.start, t.end)  # 无 of a vertical label (无/法/提/供)
                kind = TEXT
            prev_text = kind == TEXT
            if prev_text:
                if current:  # text after values: a new, unknown row may start here
                    label.append(t.raw)
                continue
            if label:
                current = []
                seg.stray.append(("".join(label), current))
                label = []
            current.append(t)
        ti = hi
        out.append(seg)
    return out


def _stray_issues(table: str, seg: _Segment, row_label: str) -> list[Issue]:
    out = []
    for label, vals in seg.stray:
        raw = " ".join(v.raw for v in vals)
        out.append(Issue("missing", WARNING, [],
                         f"表{table}「{row_label}」之后有未知的行「{label}」，印有数值 {raw}，未计入任何单元格",
                         evidence=(vals[0].start, vals[-1].end)))
    return out


def _row_issue(table: str, row_id_prefix: str, row_label: str, n: int, k: int, how: str,
               extra: list[Token], fields: list[str]) -> Issue:
    msg = f"表{table}「{row_label}」印有 {k} 个数值，应有 {n} 个"
    if how == "by position":
        msg += "；已按表头位置放置"
    elif how == "left to right":
        msg += "；位置不明，已从左到右放置，请核对"
    if extra:
        msg += "；多出的数值 " + " ".join(t.raw for t in extra) + " 未采用"
    ev = (extra[0].start, extra[-1].end) if extra else None
    return Issue("missing", WARNING, fields or [row_id_prefix], msg, evidence=ev)


# ---------------------------------------------------------------- table 三

_S3_COLUMN_RE = _named([("noise", S3_HEADER_NOISE)] + [(c.id, c.pattern) for c in S3_COLUMNS])
_S3_GROUP_RE = _named([(f"g{i}", pat) for i, (_, pat) in enumerate(S3_GROUP_HEADINGS)])
_S3_ORG_RE = re.compile(S3_ORG_GROUP)
_ROW_MAJOR_TOTAL = re.compile(r"申请人情况(?:总计|合计)")


_S3_FIDS = {r: {c.id: f"s3.{r}.{c.id}" for c in S3_COLUMNS} for r in [row.id for row in S3_ROWS] + [S3_OTHER_TOTAL.id]}


_S3_ROW_RES = [(row.id, compile_scan(row.pattern)) for row in S3_ROWS]  # in template order
_S3_LABELS = {r.id: r.label for r in S3_ROWS}


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _masks(spans: list[tuple[int, int]]) -> list[Anchor]:
    return [Anchor("noise", "prose", a, b) for a, b in spans]


def _s3_columns(compact: Compact, hstart: int, hend: int, grid: Grid,
                prose: list[tuple[int, int]]) -> tuple[list[str], dict[str, int | None], dict[str, float | None],
                                                       list[Anchor]]:
    """Column order of table 三 from its header: the five org columns stand where 法人或其他组织 stands."""
    found = outside(find_anchors(compact, _S3_COLUMN_RE, "column", hstart, hend), prose)
    place_anchors(found, grid)
    org_pos = None
    m = _S3_ORG_RE.search(compact.text, hstart, hend)
    if m:
        org_pos = compact.to_source(m.start())
    first: dict[str, Anchor] = {}
    for a in found:
        if a.key != "noise" and a.key not in first:
            first[a.key] = a
    if not first:
        return [c.id for c in S3_COLUMNS], {}, {}, found
    xs = {k: a.x for k, a in first.items()}
    # Where the columns stand: their tab/| cell when the copy kept the grid, their
    # order in the text when the header is one line; a multi-line header copied
    # without a grid says nothing reliable about order, so the official order holds.
    if all(x is not None for x in xs.values()):  # on a page, columns stand where their headers stand
        where = {k: (round(a.x or 0), a.start) for k, a in first.items()}
        org_where = (round(grid.x_of(org_pos) or 0), org_pos) if org_pos is not None else None
    elif all(a.cell is not None for a in first.values()):
        where = {k: (a.cell or 0, a.start) for k, a in first.items()}
        org_where = (grid.locate(org_pos)[1] or 0, org_pos) if org_pos is not None else None
    else:
        # No grid: the order the labels come in. A copy of the official header read row by row
        # (a web table one cell per line) prints 总计 right after 申请人情况, at the top of its
        # merged cell, with 自然人 on a later line; it still closes the row. 总计 printed on the
        # same line as 自然人 and before it is a table whose first column is the total.
        where = {k: (0, a.start) for k, a in first.items()}
        org_where = (0, org_pos) if org_pos is not None else None
        total, natural = first.get("total"), first.get("natural_person")
        if total and _ROW_MAJOR_TOTAL.search(compact.text, hstart, hend) and \
                not (natural and natural.line == total.line):
            where["total"] = (0, 1 << 60)
    children = sorted((c.id for c in S3_COLUMNS if c.group and c.id in first), key=lambda k: where[k])
    top: list[tuple[tuple[int, int], list[str]]] = []
    for c in S3_COLUMNS:
        if not c.group and c.id in first:
            top.append((where[c.id], [c.id]))
    if children:
        # the org columns sit under 法人或其他组织 when it heads them, else where they stand
        anchor = org_where if org_where is not None and org_where <= where[children[0]] else where[children[0]]
        top.append((anchor, children))
    order = [cid for _, ids in sorted(top) for cid in ids]
    return order, {k: a.cell for k, a in first.items()}, xs, found


def read_table3(text: str, start: int, end: int, grid: Grid, compact: Compact,
                prose: list[tuple[int, int]]) -> TableResult:
    """Table 三: 25 rows × 7 columns, rows found by label in template order; `prose` sentences are skipped."""
    res = TableResult()
    cstart, cend = compact.from_source(start), compact.from_source(end)
    rows: list[Anchor] = []
    pos = cstart
    ctext, span_to_source = compact.text, compact.span_to_source
    for rid, rx in _S3_ROW_RES:  # the first match of each row outside prose, in order
        m = rx.search(ctext, pos, cend)
        while m is not None:
            s0, s1 = span_to_source(m.start(), m.end())
            if not prose or not _inside(s0, prose):
                break
            m = rx.search(ctext, m.end(), cend)
        else:
            continue
        pos = m.end()
        rows.append(Anchor("row", rid, s0, s1))
    if not rows:
        return res
    res.found = True
    header_end = compact.from_source(rows[0].start)
    columns, header_cells, header_x, _ = _s3_columns(compact, cstart, header_end, grid, prose)
    # A group heading that overlaps a row label is part of it: the rows are in order and apart, so the
    # one row that can overlap a heading is the first that ends after the heading starts.
    row_ends = [r.end for r in rows]
    groups = []
    for g in outside(find_anchors(compact, _S3_GROUP_RE, "group", header_end, cend), prose):
        i = bisect.bisect_right(row_ends, g.start)
        if i == len(rows) or rows[i].start >= g.end:
            groups.append(g)
    # the values of the rows: from the first row's label on (the header's words are no values; its labels,
    # which end before the first row's, mask nothing there)
    tokens = tokenize(text, rows[0].start, end, rows + groups + _masks(prose) if prose else rows + groups, grid)
    labels = _S3_LABELS
    known = _VALUES  # looked up here for most values: a call less per cell
    segments = _segments(rows + groups, tokens, end)
    missing_cols = [c for c in S3_COLUMNS if c.id not in columns]
    if missing_cols:
        printed = [len(seg.values) for seg in segments if seg.anchor.kind == "row" and seg.values]
        if printed and sum(1 for k in printed if k == len(S3_COLUMNS)) * 2 > len(printed):
            # the header lost a label, the rows did not: read them in the official order
            res.issues.append(Issue("layout", INFO, [], "表三表头未印出「" + "、".join(c.label for c in missing_cols)
                                    + f"」，但多数行印有 {len(S3_COLUMNS)} 个数值，已按官方列序读取"))
            columns, header_cells, header_x, missing_cols = [c.id for c in S3_COLUMNS], {}, {}, []
        else:
            res.issues.append(Issue("missing", WARNING, [f"s3.{r.id}.{c.id}" for r in S3_ROWS for c in missing_cols],
                                    "表三表头缺少列：" + "、".join(c.label for c in missing_cols) + "；这些列全部空白"))
    if [c for c in columns] != [c.id for c in S3_COLUMNS if c.id in columns]:
        res.issues.append(Issue("layout", INFO, [], "表三的列序与官方表格不同，已按表头读取："
                                + "、".join(next(c.label for c in S3_COLUMNS if c.id == cid) for cid in columns)))
    for seg in segments:
        a = seg.anchor
        if a.kind == "group":
            heading = S3_GROUP_HEADINGS[int(a.key[1:])][0]
            if not seg.values:
                continue
            if heading == S3_OTHER_TOTAL.label:
                rid, label = S3_OTHER_TOTAL.id, S3_OTHER_TOTAL.label
                res.issues.append(Issue("missing", WARNING, [f"s3.{rid}.{c}" for c in columns],
                                        "（六）其他处理只印了一行合计，未分三个子项；"
                                        "按 s3.other_total 读取，R2 以其代替三个子项"))
            else:
                group_rows = [r.id for r in S3_ROWS if r.group == heading]
                res.issues.append(Issue("missing", WARNING, [f"s3.{r}.{c}" for r in group_rows for c in columns],
                                        f"表三分组标题「{heading}」后印有数值 "
                                        + " ".join(t.raw for t in seg.values)
                                        + "，像是把本组各行合并成了一行；这些数值未计入任何单元格，请核对",
                                        evidence=(seg.values[0].start, seg.values[-1].end)))
                continue
        else:
            rid, label = a.key, labels[a.key]
        fids, cells = _S3_FIDS[rid], res.cells
        if len(seg.values) == len(columns):  # most rows: one value per column, in order (as place() reads them)
            for cid, (_, raw, a0, a1, _) in zip(columns, seg.values, strict=True):
                fid = fids[cid]
                cells[fid] = Cell(fid, known[raw] if raw in known else _value(raw), raw, (a0, a1))
            if seg.stray:
                res.issues.extend(_stray_issues("三", seg, label))
            continue
        p = place(seg.values, columns, header_cells, grid, header_x=header_x)
        res.doubt |= p.how == "total only"
        uncertain = p.uncertain
        for cid, tok in p.cells.items():
            fid, raw = fids[cid], tok.raw
            cells[fid] = Cell(fid, _value(raw), raw, (tok.start, tok.end), uncertain)
        if len(p.cells) < len(columns):  # the columns it printed nothing in are blank
            for cid in columns:
                _blank(cells, fids[cid])
        if seg.values and p.how != "total only":
            res.issues.append(_row_issue("三", f"s3.{rid}", label, len(columns), len(seg.values), p.how,
                                         p.extra, [f"s3.{rid}.{c}" for c in columns]))
        res.issues.extend(_stray_issues("三", seg, label))
    found_ids = {a.key for a in rows}
    collapsed = any(f"s3.other_total.{c.id}" in res.cells for c in S3_COLUMNS)
    for row in S3_ROWS:
        if row.id not in found_ids and not (row.id in ("other_no_correction", "other_unpaid_fee", "other_other")
                                            and collapsed):
            res.issues.append(Issue("missing", WARNING, [f"s3.{row.id}.{c.id}" for c in S3_COLUMNS],
                                    f"表三缺少「{row.label}」这一行"))
    return res


# ---------------------------------------------------------------- table 四

_S4_RE = _named([("noise", S4_HEADER_NOISE)] + [(g, pat) for g, _, pat in S4_GROUPS]
                + [(c.id, c.pattern) for c in S4_COLUMNS])
_S4_GROUP_IDS = [g for g, _, _ in S4_GROUPS]
_S4_COL_IDS = [c.id for c in S4_COLUMNS]
_S4_GROUP_LABEL = {g: label for g, label, _ in S4_GROUPS}
_S4_STANDARD = [(g, c) for g in _S4_GROUP_IDS for c in _S4_COL_IDS]  # the slots in the template's order
_S4_NAME = {(g, c): f"{g}.{c}" for g, c in _S4_STANDARD}  # a slot's column name for place()
_S4_FID = {(g, c): f"s4.{g}.{c}" for g, c in _S4_STANDARD}
_S4_FID_OF = {_S4_NAME[s]: _S4_FID[s] for s in _S4_STANDARD}
_S4_FIELD_LABEL = {_S4_FID[(g, col.id)]: _S4_GROUP_LABEL[g] + "·" + col.label
                   for g in _S4_GROUP_IDS for col in S4_COLUMNS}


def _labels(compact: Compact, pattern: re.Pattern[str], kind: str, start: int, end: int,
            prose: list[tuple[int, int]]) -> list[Anchor]:
    """The labels of a table in the source region [start, end), leaving out words of prose sentences."""
    return outside(find_anchors(compact, pattern, kind, compact.from_source(start), compact.from_source(end)), prose)


def read_table4(text: str, start: int, end: int, grid: Grid, compact: Compact,
                prose: list[tuple[int, int]]) -> TableResult:
    """Table 四: three groups × five columns, read in the order the header prints them."""
    res = TableResult()
    if prose:
        anchors = _labels(compact, _S4_RE, "column", start, end, prose)
        masks = anchors + _masks(prose)
        group_anchors = [a for a in anchors if a.key in _S4_GROUP_LABEL]
        col_anchors = [a for a in anchors if a.key in _S4_COL_IDS]
    else:
        masks, group_anchors, col_anchors = _s4_labels(compact, start, end)
        anchors = masks
    if not anchors:
        return res
    res.found = True
    # the column headers' grid places (cell, x) are found only for a row whose count differs from its
    # columns (_fill_s4): not for every label here
    all_tokens = tokenize(text, start, end, masks, grid)
    tokens = [t for t in all_tokens if t.kind in (VALUE, MARKER)]
    # rows per group when each group label is followed by its own values
    per_group = _s4_by_group(group_anchors, all_tokens, tokens, end)
    if per_group is None:
        group_order = list(dict.fromkeys(a.key for a in group_anchors))
        group_order += [g for g in _S4_GROUP_IDS if g not in group_order]
        # the column headers above the first value, cut into up to three runs (a run ends where a column
        # repeats or after five), the groups' in the order their labels are printed
        slots: list[tuple[str, str]] = []
        header_at: dict[tuple[str, str], Anchor] = {}
        values_at = tokens[0].start if tokens else end
        gi = 0
        in_run: set[str] = set()  # the columns of the current run
        for a in col_anchors:
            if a.end > values_at:
                break  # (the labels are in printed order)
            if a.key in in_run or len(in_run) == 5:
                gi += 1
                if gi == 3:
                    break
                in_run = set()
            in_run.add(a.key)
            slot = (group_order[gi], a.key)
            slots.append(slot)
            header_at[slot] = a
        if len(tokens) == 15 and len(slots) != 15:
            slots = _S4_STANDARD
            res.doubt = True  # the header did not name every column: its grid may say more
        elif not slots:
            slots = _S4_STANDARD
        _fill_s4(res, grid, tokens, slots, header_at)
    else:
        first: dict[str, Anchor] = {}  # each column's first header
        for a in col_anchors:
            first.setdefault(a.key, a)
        col_order = list(first) + [c for c in _S4_COL_IDS if c not in first]
        for seg in per_group:
            g = seg.anchor.key
            label = _S4_GROUP_LABEL[g]
            _fill_s4(res, grid, seg.values, [(g, c) for c in col_order],
                     {(g, c): first[c] for c in col_order if c in first}, label)
            if seg.stray:
                res.issues.extend(_stray_issues("四", seg, label))
    if len(res.cells) < len(_S4_FID):  # (cells holds only the table's fields)
        for fid in _S4_FID.values():
            _blank(res.cells, fid)
    return res


def _s4_labels(compact: Compact, start: int, end: int) -> tuple[list[Anchor], list[Anchor], list[Anchor]]:
    """Table 四's labels in the source region [start, end) (with no prose in it): the spans that mask
    them for tokenize(), the group labels and the column labels, in one pass.

    Labels with only white space between them (a header: 行政复议 结果维持 结果纠正 …) are masked as one
    span: the tokens are the same (white space and a masked label alike only part tokens), and
    tokenize() goes through a few spans, not a span a label."""
    masks: list[Anchor] = []
    groups: list[Anchor] = []
    cols: list[Anchor] = []
    span_to_source = compact.span_to_source
    last = -1  # the compact end of the label before
    joined = False  # masks[-1] is a span of its own (made to join labels), not a label
    for m in _S4_RE.finditer(compact.text, compact.from_source(start), compact.from_source(end)):
        ca, cb = m.span()
        a, b = span_to_source(ca, cb)
        key = m.lastgroup or ""
        anchor = Anchor("column", key, a, b)
        if key in _S4_GROUP_LABEL:
            groups.append(anchor)
        elif key in _S4_COL_IDS:
            cols.append(anchor)
        if ca != last:
            masks.append(anchor)
            joined = False
        elif joined:
            masks[-1].end = b
        else:
            masks[-1] = Anchor("noise", "labels", masks[-1].start, b)
            joined = True
        last = cb
    return masks, groups, cols


def _s4_by_group(groups: list[Anchor], tokens: list[Token], values: list[Token],
                 end: int) -> list[_Segment] | None:
    """The table split by group label, when it prints one row per group (each label followed by numbers).
    `values`: the tokens that are values or markers."""
    if len(groups) < 3:
        return None
    groups = groups[-3:]  # (the labels are in printed order)
    if len({a.key for a in groups}) != 3:
        return None
    # Most tables print the group labels in the header, with no value between them: told here without
    # cutting the tokens into segments (a segment's values are the values and markers after its label)
    at = [t.start for t in values]
    stops = [a.start for a in groups[1:]] + [end]
    bisect_left = bisect.bisect_left
    if any(bisect_left(at, a.end) == bisect_left(at, stop) for a, stop in zip(groups, stops, strict=True)):
        return None
    segments = _segments(groups, tokens, end)
    if any(not seg.values for seg in segments):
        return None
    return segments


def _fill_s4(res: TableResult, grid: Grid, tokens: list[Token], slots: list[tuple[str, str]],
             header_at: dict[tuple[str, str], Anchor], label: str = "行政复议、行政诉讼") -> None:
    """Place a row's values into its slots; `header_at`: the header anchor printed over each slot."""
    n, k = len(slots), len(tokens)
    cells = res.cells
    if k == n:  # place() reads such a row in order, certain: the headers' places are not needed
        for slot, tok in zip(slots, tokens, strict=True):
            fid, raw = _S4_FID[slot], tok.raw
            cells[fid] = Cell(fid, _value(raw), raw, (tok.start, tok.end), False)
    else:
        headers = list(header_at.values())
        place_anchors(headers, grid)
        p = place(tokens, [_S4_NAME[s] for s in slots], {_S4_NAME[s]: a.cell for s, a in header_at.items()}, grid,
                  total=None, header_x={_S4_NAME[s]: a.x for s, a in header_at.items()})
        for name, tok in p.cells.items():
            cells[_S4_FID_OF[name]] = _cell(_S4_FID_OF[name], tok, p.uncertain)
        res.issues.append(_row_issue("四", "s4", label, n, k, p.how, p.extra, [_S4_FID[s] for s in slots]))
    if n == len(_S4_STANDARD):  # every slot (slots are distinct): none absent
        return
    printed = set(slots)
    groups = {g for g, _ in slots}  # a group printed with some of its columns: the others are absent
    if len(printed) < len(groups) * len(_S4_COL_IDS):
        absent = [_S4_FID[(g, c)] for g in _S4_GROUP_IDS if g in groups for c in _S4_COL_IDS
                  if (g, c) not in printed]
        res.issues.append(Issue("missing", WARNING, absent,
                                f"表四印出 {n} 列，缺少：" + "、".join(_s4_label(f) for f in absent)))


def _s4_label(fid: str) -> str:
    return _S4_FIELD_LABEL[fid]


# ---------------------------------------------------------------- table 二

def _t2_patterns() -> tuple[re.Pattern[str], dict[str, Column], dict[str, tuple[str, str]]]:
    parts: list[tuple[str, str]] = []
    cols: dict[str, Column] = {}
    rows: dict[str, tuple[str, str]] = {}
    seen_rows: dict[str, str] = {}
    for bi, block in enumerate(TABLE2_BLOCKS):
        parts.append((f"b{bi}", block.anchor))
    for layout in (lay for b in TABLE2_BLOCKS for lay in b.layouts):
        for c in layout.columns:
            key = f"c_{c.id}"
            if key not in cols:
                cols[key] = c
        for r in layout.rows:
            if r.pattern not in seen_rows:
                seen_rows[r.pattern] = f"r_{r.id}"
                rows[f"r_{r.id}"] = (r.id, r.label)
    parts += [(k, c.pattern) for k, c in cols.items()]
    parts += [(key, pat) for pat, key in seen_rows.items()]
    return _named(parts), cols, rows


_T2_RE, _T2_COLS, _T2_ROWS = _t2_patterns()
_T2_COL_ID = {key: c.id for key, c in _T2_COLS.items()}
# the note that a block is printed in the 2019 layout, once per block; a block's note is not added
# again while any note already given names the block's label (_T2_NOTED_BY: the blocks whose note does)
_T2_2019_NOTE = {bi: f"表二{b.label}按 2019 年版格式印制（{', '.join(c.label for c in lay.columns)}），读入 s2_2019.*"
                 for bi, b in enumerate(TABLE2_BLOCKS) for lay in b.layouts if lay.prefix == "s2_2019"}
_T2_NOTED_BY = {bi: frozenset(bj for bj, note in _T2_2019_NOTE.items() if TABLE2_BLOCKS[bi].label in note)
                for bi in _T2_2019_NOTE}
# the 2021 rows every report should print: (row id, its fields, the message when none of it is printed)
_T2_ROWS_2021 = [(row.id, [f"s2.{row.id}.{c.id}" for c in block.layouts[0].columns],
                  f"表二{block.label}缺少「{row.label}」这一行")
                 for block in TABLE2_BLOCKS if block.layouts[0].prefix == "s2" for row in block.layouts[0].rows]
_LABEL_END = attrgetter("end")
_T2_ROW_IDS_2021 = frozenset(row_id for row_id, _, _ in _T2_ROWS_2021)


@lru_cache(maxsize=1024)  # the template's layouts never change: a row and header's answer never does
def _t2_layout_of(row_id: str, block_index: int | None, col_ids: tuple[str, ...]) -> tuple[Layout, int]:
    """The layout a printed row belongs to: the one whose columns its header shows."""
    candidates = [(bi, lay) for bi, b in enumerate(TABLE2_BLOCKS) for lay in b.layouts
                  if any(r.id == row_id for r in lay.rows)]
    if block_index is not None and any(bi == block_index for bi, _ in candidates):
        candidates = [(bi, lay) for bi, lay in candidates if bi == block_index]
    best = max(candidates, key=lambda bl: (len(set(col_ids) & {c.id for c in bl[1].columns}),
                                           bl[1].prefix == "s2"))
    return best[1], best[0]


@dataclass(slots=True, frozen=True)
class _T2Row:
    """How one printed row is read under its header: all fixed by the template, the row and the header."""
    prefix: str  # s2 or s2_2019
    block: int  # the block of the layout
    cols: list[str]  # the columns its values go to, in printed order
    fids: dict[str, str]  # column → field id
    fields: list[str]  # the field ids of `cols`, in order


@lru_cache(maxsize=1024)  # keyed on template ids only (row, block, printed columns): bounded and exact
def _t2_row(row_id: str, block_index: int | None, col_ids: tuple[str, ...]) -> _T2Row:
    layout, bi = _t2_layout_of(row_id, block_index, col_ids)
    layout_cols = [c.id for c in layout.columns]
    cols = [c for c in col_ids if c in layout_cols]
    cols = list(dict.fromkeys(cols)) if len(set(cols)) == len(layout_cols) else layout_cols
    fids = {c: f"{layout.prefix}.{row_id}.{c}" for c in cols}
    return _T2Row(layout.prefix, bi, cols, fids, list(fids.values()))


def read_table2(text: str, start: int, end: int, grid: Grid, compact: Compact,
                prose: list[tuple[int, int]]) -> TableResult:
    """Table 二: blocks （一）（五）（六）（八）(（九）), each read by its own header, 2021 or 2019 layout."""
    res = TableResult()
    anchors = _labels(compact, _T2_RE, "label", start, end, prose)
    for first_row in anchors:
        if first_row.key[0] == "r":
            break
    else:
        return res
    res.found = True
    # the anchors' grid places (line, cell, x) are read only for the header of a row that prints
    # another number of values than it has columns: found there, not for every label here.
    # Only rows' values are read: the text is cut into tokens from the first row's line on (a token, and
    # whether a line is a page number, depend on that line alone), not through the headers above it
    begin = max(start, text.rfind("\n", start, first_row.start) + 1)
    # the labels that end before `begin` mask nothing tokenize() reads (anchors are in order, apart)
    masks = anchors[bisect.bisect_right(anchors, begin, key=_LABEL_END):]
    tokens = tokenize(text, begin, end, masks + _masks(prose) if prose else masks, grid)
    cells, issues = res.cells, res.issues
    noted: set[int] = set()  # the blocks given the 2019 layout note
    printed: set[str] = set()  # the rows that have cells
    block: int | None = None
    header: list[Anchor] = []
    col_ids: tuple[str, ...] = ()
    header_closed = False
    for seg in _segments(anchors, tokens, end):
        a = seg.anchor
        key = a.key
        if key[0] == "b":
            block, header, col_ids, header_closed = int(key[1:]), [], (), False
            continue
        if key[0] == "c":
            if header_closed:
                header, col_ids, header_closed = [], (), False
            header.append(a)
            col_ids += (_T2_COL_ID[key],)
            continue
        header_closed = True
        values = seg.values
        row_id, row_label = _T2_ROWS[key]
        row = _t2_row(row_id, block, col_ids)
        cols, fids = row.cols, row.fids
        n, k = len(cols), len(values)
        p = None
        if row.prefix == "s2_2019" and noted.isdisjoint(_T2_NOTED_BY[row.block]):
            noted.add(row.block)
            issues.append(Issue("layout", INFO, [], _T2_2019_NOTE[row.block]))
        if k == n:  # place() would read such a row in order, certain: no header position needed, no blank
            for fid, tok in zip(row.fields, values, strict=True):  # (row.fields: the fields of `cols`, in order)
                raw = tok.raw
                cells[fid] = Cell(fid, _value(raw), raw, (tok.start, tok.end), False)
        else:
            place_anchors(header, grid)  # (the header anchors' places are found only here)
            p = place(values, cols, {_T2_COL_ID[h.key]: h.cell for h in header}, grid, total=None,
                      header_x={_T2_COL_ID[h.key]: h.x for h in header})
            for cid, tok in p.cells.items():
                cells[fids[cid]] = _cell(fids[cid], tok, p.uncertain)
            for fid in row.fields:
                _blank(cells, fid)
        if cols:
            printed.add(row_id)
        if k and p is not None:  # values printed, not as many as columns
            issues.append(_row_issue("二", f"{row.prefix}.{row_id}", row_label, n, k, p.how, p.extra,
                                     list(row.fields)))
        if seg.stray:
            issues.extend(_stray_issues("二", seg, row_label))
    _t2_absent_rows(res, printed)
    return res


def _t2_absent_rows(res: TableResult, printed: set[str]) -> None:
    """Report the 2021 rows that were printed in neither layout (`printed`: the rows read)."""
    if printed.issuperset(_T2_ROW_IDS_2021):  # (most reports print them all)
        return
    for row_id, fields, message in _T2_ROWS_2021:
        if row_id not in printed:
            res.issues.append(Issue("missing", WARNING, list(fields), message))
