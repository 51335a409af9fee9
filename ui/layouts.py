"""How each table is drawn: the official grid of header, label and value cells, with merges.

Plain Python (no Qt) so it can be tested alone; ui.table_model shows it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from models.template import (
    G_DENIED,
    G_OTHER,
    G_REJECTED,
    G_RESULTS,
    G_UNABLE,
    S3_COLUMNS,
    S3_OTHER_TOTAL,
    S3_ROWS,
    S4_COLUMNS,
    S4_GROUPS,
    TABLE2_BLOCKS,
)

HEADER, LABEL, VALUE = "header", "label", "value"


@dataclass
class GridCell:
    kind: str  # header, label, value
    text: str = ""
    field: str = ""  # the field id of a value cell
    row_span: int = 1
    col_span: int = 1


@dataclass
class Grid:
    title: str
    rows: int
    cols: int
    cells: dict[tuple[int, int], GridCell] = field(default_factory=dict)
    header_rows: int = 0
    label_cols: int = 0

    def put(self, r: int, c: int, cell: GridCell) -> None:
        self.cells[(r, c)] = cell
        self.rows = max(self.rows, r + cell.row_span)

    def at(self, r: int, c: int) -> GridCell | None:
        """The cell that starts at (r, c), if any."""
        return self.cells.get((r, c))

    def position(self, fid: str) -> tuple[int, int] | None:
        """Where a field's value cell is."""
        for pos, cell in self.cells.items():
            if cell.field == fid:
                return pos
        return None

    def fields(self) -> list[str]:
        """The field ids shown, in reading order."""
        return [c.field for _, c in sorted(self.cells.items()) if c.field]


def table2(with_2019: bool) -> Grid:
    """Table 二 as the 2021 form draws it, and the 2019 blocks below when a report prints them."""
    g = Grid("二、主动公开政府信息情况", 0, 4, label_cols=1)
    r = 0
    layouts = [(b, b.layouts[0]) for b in TABLE2_BLOCKS if b.layouts[0].prefix == "s2"]
    if with_2019:
        layouts += [(b, lay) for b in TABLE2_BLOCKS for lay in b.layouts if lay.prefix == "s2_2019"]
    shown_2019 = False
    for block, lay in layouts:
        if lay.prefix == "s2_2019" and not shown_2019:
            g.put(r, 0, GridCell(HEADER, "以下为 2019 年版格式印制的栏目", col_span=4))
            r += 1
            shown_2019 = True
        g.put(r, 0, GridCell(HEADER, block.label, col_span=4))
        g.put(r + 1, 0, GridCell(HEADER, "信息内容"))
        n = len(lay.columns)
        spans = [1] * n if n == 3 else ([3] if n == 1 else [1, 2])
        c = 1
        for col, span in zip(lay.columns, spans, strict=False):
            g.put(r + 1, c, GridCell(HEADER, col.label, col_span=span))
            c += span
        r += 2
        for row in lay.rows:
            g.put(r, 0, GridCell(LABEL, row.label))
            c = 1
            for col, span in zip(lay.columns, spans, strict=False):
                g.put(r, c, GridCell(VALUE, field=f"{lay.prefix}.{row.id}.{col.id}", col_span=span))
                c += span
            r += 1
    g.rows = r
    return g


_S3_GROUP_ROWS = {
    G_DENIED: [r.id for r in S3_ROWS if r.group == G_DENIED],
    G_UNABLE: [r.id for r in S3_ROWS if r.group == G_UNABLE],
    G_REJECTED: [r.id for r in S3_ROWS if r.group == G_REJECTED],
    G_OTHER: [r.id for r in S3_ROWS if r.group == G_OTHER],
}


def table3(collapsed_other: bool) -> Grid:
    """Table 三 with its three-level header, its official row labels and group headings."""
    g = Grid("三、收到和处理政府信息公开申请情况", 0, 10, header_rows=3, label_cols=3)
    g.put(0, 0, GridCell(HEADER, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
                         row_span=3, col_span=3))
    g.put(0, 3, GridCell(HEADER, "申请人情况", col_span=7))
    g.put(1, 3, GridCell(HEADER, "自然人", row_span=2))
    g.put(1, 4, GridCell(HEADER, "法人或其他组织", col_span=5))
    g.put(1, 9, GridCell(HEADER, "总计", row_span=2))
    for i, col in enumerate(c for c in S3_COLUMNS if c.group):
        g.put(2, 4 + i, GridCell(HEADER, col.label))
    labels = {r.id: r.label for r in S3_ROWS}
    order = [c.id for c in S3_COLUMNS]
    r = 3

    def values(row_id: str, at: int) -> None:
        for i, cid in enumerate(order):
            g.put(at, 3 + i, GridCell(VALUE, field=f"s3.{row_id}.{cid}"))

    for rid in ("new", "carried_over"):
        g.put(r, 0, GridCell(LABEL, labels[rid], col_span=3))
        values(rid, r)
        r += 1
    start = r
    for rid in ("granted", "partly_granted"):
        g.put(r, 1, GridCell(LABEL, labels[rid], col_span=2))
        values(rid, r)
        r += 1
    for heading, rids in _S3_GROUP_ROWS.items():
        extra = [S3_OTHER_TOTAL.id] if heading == G_OTHER and collapsed_other else []
        g.put(r, 1, GridCell(LABEL, heading, row_span=len(rids) + len(extra)))
        for rid in extra + rids:
            g.put(r, 2, GridCell(LABEL, "（合并印制的一行）" if rid == S3_OTHER_TOTAL.id else labels[rid]))
            values(rid, r)
            r += 1
    g.put(r, 1, GridCell(LABEL, labels["results_total"], col_span=2))
    values("results_total", r)
    r += 1
    g.put(start, 0, GridCell(LABEL, G_RESULTS, row_span=r - start))
    g.put(r, 0, GridCell(LABEL, labels["carried_forward"], col_span=3))
    values("carried_forward", r)
    g.rows = r + 1
    return g


def table4() -> Grid:
    """Table 四: 行政复议 and the two kinds of 行政诉讼, five columns each, one row of values."""
    g = Grid("四、政府信息公开行政复议、行政诉讼情况", 0, 15, header_rows=3)
    g.put(0, 0, GridCell(HEADER, "行政复议", col_span=5))
    g.put(0, 5, GridCell(HEADER, "行政诉讼", col_span=10))
    for i, col in enumerate(S4_COLUMNS):
        g.put(1, i, GridCell(HEADER, col.label, row_span=2))
    g.put(1, 5, GridCell(HEADER, "未经复议直接起诉", col_span=5))
    g.put(1, 10, GridCell(HEADER, "复议后起诉", col_span=5))
    for k in (5, 10):
        for i, col in enumerate(S4_COLUMNS):
            g.put(2, k + i, GridCell(HEADER, col.label))
    for gi, (gid, _, _) in enumerate(S4_GROUPS):
        for i, col in enumerate(S4_COLUMNS):
            g.put(3, gi * 5 + i, GridCell(VALUE, field=f"s4.{gid}.{col.id}"))
    g.rows = 4
    return g
