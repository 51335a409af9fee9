"""Report PDFs made with Qt's QPdfWriter from known values: the official tables drawn cell by cell
(merged cells, labels wrapped inside narrow cells), table 三 running over a page break."""
from __future__ import annotations

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

from documents import PROSE, TITLE, cell_value, grids
from ui.layouts import HEADER, VALUE, Grid

A4_W, A4_H = 595, 842
MARGIN = 28
ROW_H = 17

HEADINGS = ("二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况")


def _widths(g: Grid, label_width: float = 150.0) -> list[float]:
    usable = A4_W - 2 * MARGIN
    if g.label_cols == 3:  # table 三: narrow group columns make their labels wrap
        label = [34.0, 62.0, label_width]
        rest = (usable - sum(label)) / (g.cols - 3)
        return label + [rest] * (g.cols - 3)
    if g.label_cols == 1:
        return [150.0] + [(usable - 150) / (g.cols - 1)] * (g.cols - 1)
    return [usable / g.cols] * g.cols


class _Pages:
    def __init__(self, path: str, ruled: bool = True, relabel: dict[str, str] | None = None,
                 label_width: float = 150.0, values_left: bool = False) -> None:
        self.ruled = ruled  # False: no borders, the table is only text at its positions
        self.values_left = values_left  # values at the left of their cells, under no header text
        self.relabel = relabel or {}  # official label → the label as printed (a misprint)
        self.label_width = label_width
        self.writer = QPdfWriter(path)
        self.writer.setResolution(72)  # one unit is one PDF point
        self.writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                              QMarginsF(0, 0, 0, 0)))
        self.p = QPainter(self.writer)
        self.y = MARGIN
        self.page = 1
        self.font(9)

    def font(self, size: float) -> None:
        f = QFont("Noto Sans CJK SC")
        f.setPointSizeF(size)
        self.p.setFont(f)

    def new_page(self) -> None:
        self.p.drawText(QRectF(0, A4_H - 22, A4_W, 14), Qt.AlignmentFlag.AlignCenter, f"-{self.page}-")
        self.writer.newPage()
        self.page += 1
        self.y = MARGIN

    def line(self, text: str, size: float = 9, height: float = 16) -> None:
        if self.y + height > A4_H - MARGIN:
            self.new_page()
        self.font(size)
        self.p.drawText(QRectF(MARGIN, self.y, A4_W - 2 * MARGIN, height),
                        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        self.y += height

    def text_of(self, cell, values: dict) -> str:
        return cell_value(values, cell.field) if cell.kind == VALUE else self.relabel.get(cell.text, cell.text)

    def table(self, g: Grid, values: dict, rows_on_first_page: int | None = None) -> None:
        widths = _widths(g, self.label_width)
        xs = [MARGIN + sum(widths[:i]) for i in range(g.cols + 1)]
        self.font(6.5)
        heights = [self.row_height(g, values, widths, r) for r in range(g.rows)]
        top = self.y
        for r in range(g.rows):
            if (rows_on_first_page is not None and r == rows_on_first_page) or top + heights[r] > A4_H - MARGIN:
                self.new_page()
                self.font(6.5)
                top = self.y
            for c in range(g.cols):
                cell = g.at(r, c)
                if cell is None:
                    continue
                # a merged cell is cut at the page break: its label is drawn where it starts
                rows_here = cell.row_span if rows_on_first_page is None or r >= rows_on_first_page or \
                    r + cell.row_span <= rows_on_first_page else rows_on_first_page - r
                rect = QRectF(xs[c], top, xs[c + cell.col_span] - xs[c], sum(heights[r:r + rows_here]))
                if self.ruled:
                    self.p.drawRect(rect)
                text = self.text_of(cell, values)
                centred = cell.kind == HEADER or (cell.kind == VALUE and not self.values_left)
                flags = Qt.AlignmentFlag.AlignCenter if centred else \
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                self.p.drawText(rect.adjusted(1.5, 0.5, -1.5, -0.5), int(flags) | int(Qt.TextFlag.TextWordWrap), text)
            top += heights[r]
        self.y = top + 8
        self.font(9)

    def row_height(self, g: Grid, values: dict, widths: list[float], r: int) -> float:
        """Tall enough for the wrapped text of every one-row cell in the row."""
        metrics = self.p.fontMetrics()
        need = float(ROW_H)
        for c in range(g.cols):
            cell = g.at(r, c)
            if cell is None or cell.row_span > 1:
                continue
            text = self.text_of(cell, values)
            w = sum(widths[c:c + cell.col_span]) - 3
            box = metrics.boundingRect(0, 0, int(w), 1000, int(Qt.TextFlag.TextWordWrap), text)
            need = max(need, box.height() + 4.0)
        return need

    def close(self) -> None:
        self.p.drawText(QRectF(0, A4_H - 22, A4_W, 14), Qt.AlignmentFlag.AlignCenter, f"-{self.page}-")
        self.p.end()


def make_pdf(path: str, values: dict, break_table3_after: int | None = 14, extra_pages: int = 0,
             ruled: bool = True, relabel: dict[str, str] | None = None, label_width: float = 150.0,
             values_left: bool = False, extra_lines: int = 0) -> None:
    """A report PDF; table 三 breaks onto a new page after that many rows (None: where it must).
    `ruled=False` draws the tables without borders; `relabel` prints some labels otherwise (misprints);
    a narrower `label_width` wraps table 三's row labels over more lines inside their cells;
    `values_left` prints each value at the left of its cell instead of centred under its header;
    `extra_lines` more lines of prose move the tables down the page (a page break at every row in turn)."""
    pages = _Pages(path, ruled, relabel, label_width, values_left)
    pages.line(TITLE, 13, 26)
    pages.line("一、总体情况", 10)
    pages.line(PROSE.format(n=cell_value(values, "s3.new.total")))
    for i in range(extra_pages):  # a long report: more pages of prose
        for k in range(40):
            pages.line(f"（{i + 1}.{k + 1}）持续推进政务公开标准化规范化建设，第{k + 1}项工作已按要求完成。")
    for k in range(extra_lines):
        pages.line(f"（补{k + 1}）本年度继续做好政府信息公开工作。")
    for heading, g in zip(HEADINGS, grids(), strict=True):
        pages.line(heading, 10, 20)
        pages.table(g, values, break_table3_after if g.label_cols == 3 else None)
    for text in ("五、存在的主要问题及改进情况", "信息更新不够及时。",
                 "六、其他需要报告的事项", "本年度未收取信息处理费。"):
        pages.line(text, 10 if "、" in text[:2] else 9)
    pages.close()
