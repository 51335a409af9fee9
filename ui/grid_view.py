"""The official table view: merged header and label cells, with the header rows and label columns frozen.

The view scrolls only the value cells. Three small views over the same model sit where Qt puts a
table's own headers (which are kept, empty, as spacers of the right size): the header rows above,
the label columns at the left and their corner. They scroll in step with the values.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QPersistentModelIndex, QPointF, QRect, Qt
from PySide6.QtGui import QAction, QColor, QFont, QFontMetrics, QKeySequence, QPainter, QPolygonF, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ui import palette
from ui.layouts import HEADER, VALUE, Grid
from ui.table_models import CORRECTED_ROLE, GridModel

VALUE_WIDTH = 62  # a value column: six digits, or a header word wrapped onto three lines


def frozen_extent(grid: Grid) -> tuple[int, int]:
    """How many header rows and label columns can stay in place: none where a merged cell crosses the line."""
    rows, cols = grid.header_rows, grid.label_cols
    for (r, c), cell in grid.cells.items():
        if r < rows < r + cell.row_span:
            rows = 0
        if c < cols < c + cell.col_span:
            cols = 0
    return rows, cols


def column_widths(grid: Grid) -> list[int]:
    """The width of each column: the label columns as the form prints them, the values narrow."""
    widths = [VALUE_WIDTH] * grid.cols
    if grid.label_cols == 1:
        widths[0] = 190
    elif grid.label_cols == 3:  # table 三: group, sub-group, item
        widths[:3] = [52, 84, 196]
    return widths


class CorrectedMark(QStyledItemDelegate):
    """Draws a green corner on a corrected cell, whatever its colour: a corrected value that still
    breaks a rule shows both facts."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        if index.data(CORRECTED_ROLE):
            r = option.rect  # type: ignore[attr-defined]
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(palette.CORRECTED_MARK))
            painter.drawPolygon(QPolygonF([QPointF(r.right() - 9, r.top()), QPointF(r.right() + 1, r.top()),
                                           QPointF(r.right() + 1, r.top() + 10)]))
            painter.restore()


class _Frozen(QTableView):
    """One frozen part (header rows, label columns or their corner): shows only its cells, never scrolls by itself."""

    def __init__(self, table: OfficialTable, rows: range, cols: range) -> None:
        super().__init__(table)
        self.rows, self.cols = rows, cols
        self.setModel(table.model())
        self.setObjectName("frozen")
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        grid = table.grid
        for r in range(grid.rows):
            self.setRowHidden(r, r not in rows)
        for c in range(grid.cols):
            self.setColumnHidden(c, c not in cols)
        for (r, c), cell in grid.cells.items():
            if (cell.row_span > 1 or cell.col_span > 1) and r in rows and c in cols:
                self.setSpan(r, c, cell.row_span, cell.col_span)
        self.viewport().installEventFilter(table)  # the wheel over a label scrolls the values


class OfficialTable(QTableView):
    """A table drawn like the official form, its header rows and row labels frozen while the values scroll."""

    top: _Frozen | None = None
    left: _Frozen | None = None
    corner: _Frozen | None = None
    frozen: list[_Frozen] = []

    def __init__(self, model: GridModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.grid = grid = model.grid
        self.setItemDelegate(CorrectedMark(self))
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # a range to copy or paste into
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked |
                             QAbstractItemView.EditTrigger.EditKeyPressed |
                             QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.frozen_rows, self.frozen_cols = fr, fc = frozen_extent(grid)
        body_rows, body_cols = range(fr, grid.rows), range(fc, grid.cols)
        for (r, c), cell in grid.cells.items():
            if (cell.row_span > 1 or cell.col_span > 1) and r in body_rows and c in body_cols:
                self.setSpan(r, c, cell.row_span, cell.col_span)
        self.top = _Frozen(self, range(fr), body_cols) if fr else None
        self.left = _Frozen(self, body_rows, range(fc)) if fc else None
        self.corner = _Frozen(self, range(fr), range(fc)) if fr and fc else None
        self.frozen = [v for v in (self.top, self.left, self.corner) if v is not None]
        for r in range(fr):
            self.setRowHidden(r, True)
        for c in range(fc):
            self.setColumnHidden(c, True)
        # Qt's own headers stay, empty, as the frozen parts' spacers (QTableView lays out its viewport beside them)
        hh, vh = self.horizontalHeader(), self.verticalHeader()
        hh.setVisible(bool(fr))
        vh.setVisible(bool(fc))
        hh.setSectionsClickable(False)
        vh.setSectionsClickable(False)
        self.label_widths = column_widths(grid)[:fc]  # as wide as the form prints them, when there is room
        self.widths = column_widths(grid)
        for c in range(grid.cols):
            hh.setSectionResizeMode(c, QHeaderView.ResizeMode.Fixed)
        self._set_widths(self.widths)
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        if self.top is not None:
            self.horizontalScrollBar().valueChanged.connect(self.top.horizontalScrollBar().setValue)
        if self.left is not None:
            self.verticalScrollBar().valueChanged.connect(self.left.verticalScrollBar().setValue)
        # Row heights follow the labels, which only change when another report is shown:
        # sizing them on every edit would ask the model for every cell again.
        model.modelReset.connect(self.fit_rows)
        self.fit_rows()
        edit = QAction(self.tr("编辑单元格"), self)
        edit.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        edit.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        edit.triggered.connect(self.edit_current)
        self.addAction(edit)

    # ------------------------------------------------------------ the frozen parts
    def _set_widths(self, widths: list[int]) -> None:
        self.widths = widths
        for c, width in enumerate(widths):
            for view in [self, *self.frozen]:
                view.setColumnWidth(c, width)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """In a narrow pane the frozen labels give up width (down to half) so that values stay in view."""
        super().resizeEvent(event)
        fc = self.frozen_cols
        if not fc:
            return
        room = self.width() - 2 * self.frameWidth() - self.verticalScrollBar().sizeHint().width()
        values = sum(self.widths[fc:])
        full = sum(self.label_widths)
        labels = max(full // 2, min(full, room - min(values, 4 * VALUE_WIDTH)))
        widths = [w * labels // full for w in self.label_widths] + self.widths[fc:]
        if widths != self.widths:
            self._set_widths(widths)
            self.fit_rows()

    def fit_rows(self) -> None:
        """Each row as high as its tallest label (wrapped in its column), the same in every part."""
        plain = self.fontMetrics()
        font = QFont(self.font())
        font.setBold(True)
        bold = QFontMetrics(font)
        heights = [plain.height() + 10] * self.grid.rows
        spanned = []
        for (r, c), cell in self.grid.cells.items():
            if cell.kind == VALUE or not cell.text:
                continue
            width = max(16, sum(self.widths[c:c + cell.col_span]) - 10)
            fm = bold if cell.kind == HEADER else plain
            h = fm.boundingRect(QRect(0, 0, width, 100000), int(Qt.TextFlag.TextWordWrap), cell.text).height() + 8
            if cell.row_span == 1:
                heights[r] = max(heights[r], h)
            else:
                spanned.append((r, cell.row_span, h))
        for r, n, h in spanned:  # a merged label too tall for its rows makes the last one taller
            heights[r + n - 1] += max(0, h - sum(heights[r:r + n]))
        for view in [self, *self.frozen]:
            for r, h in enumerate(heights):
                view.setRowHeight(r, h)
        fr, fc = self.frozen_rows, self.frozen_cols
        self.horizontalHeader().setFixedHeight(sum(heights[:fr]))
        self.verticalHeader().setFixedWidth(sum(self.widths[:fc]))
        self.updateGeometries()

    def updateGeometries(self) -> None:  # noqa: N802
        super().updateGeometries()
        hh, vh = self.horizontalHeader().geometry(), self.verticalHeader().geometry()
        if self.top is not None:
            self.top.setGeometry(hh)
        if self.left is not None:
            self.left.setGeometry(vh)
        if self.corner is not None:
            self.corner.setGeometry(QRect(vh.x(), hh.y(), vh.width(), hh.height()))
        for v in self.frozen:
            v.raise_()
        if self.top is not None:
            self.top.horizontalScrollBar().setValue(self.horizontalScrollBar().value())
        if self.left is not None:
            self.left.verticalScrollBar().setValue(self.verticalScrollBar().value())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Wheel:
            QApplication.sendEvent(self.viewport(), event)
            return True
        return super().eventFilter(watched, event)

    def full_width(self) -> int:
        """The width that shows every column without scrolling."""
        return sum(self.label_widths) + sum(self.widths[self.frozen_cols:]) + 2 * self.frameWidth() + \
            self.verticalScrollBar().sizeHint().width()

    # ------------------------------------------------------------ cells
    def edit_current(self) -> None:
        """Start editing the current value cell (Enter)."""
        idx = self.currentIndex()
        if idx.isValid() and self.model().flags(idx) & Qt.ItemFlag.ItemIsEditable:
            self.edit(idx)

    def select_field(self, fid: str) -> bool:
        """Select and show a field's cell; False if this table does not show it."""
        model = self.model()
        assert isinstance(model, GridModel)
        idx = model.index_of(fid)
        if not idx.isValid():
            return False
        self.setCurrentIndex(idx)
        self.scrollTo(idx)
        return True

    def select_fields(self, fids: list[str]) -> None:
        """Select several cells at once (an issue's cells); the current cell stays."""
        model = self.model()
        assert isinstance(model, GridModel)
        sel = self.selectionModel()
        for fid in fids:
            idx = model.index_of(fid)
            if idx.isValid():
                sel.select(idx, QItemSelectionModel.SelectionFlag.Select)

    def selected_fields(self) -> list[str]:
        """The field ids of the selected cells."""
        model = self.model()
        assert isinstance(model, GridModel)
        return [model.field_at(i) for i in self.selectionModel().selectedIndexes() if model.field_at(i)]

    def selected_positions(self) -> list[tuple[int, int]]:
        """The (row, column) of every selected value cell, top to bottom, left to right."""
        model = self.model()
        assert isinstance(model, GridModel)
        return sorted((i.row(), i.column()) for i in self.selectionModel().selectedIndexes() if model.field_at(i))


__all__ = ["CorrectedMark", "OfficialTable"]
