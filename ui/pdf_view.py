"""A PDF report as the auditor knows it: its pages, zoomable, with the selected value's box marked."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QSpinBox, QToolButton, QVBoxLayout, QWidget

from models.session.pages import DecodeError, render_page

Box = tuple[int, float, float, float, float]  # page, left, top, right, bottom (points, from the top)


class _Page(QLabel):
    clicked = Signal(QPointF)

    def mousePressEvent(self, event: Any) -> None:  # noqa: N802
        self.clicked.emit(event.position())


def _button(text: str, tip: str) -> QToolButton:
    """A small toolbar button (a push button's minimum width would widen the whole window)."""
    b = QToolButton()
    b.setText(text)
    b.setToolTip(tip)
    return b


class PdfPane(QWidget):
    """One page at a time; page and zoom controls; clicks reported in PDF points."""
    point_clicked = Signal(int, float, float)  # page, x, y (points from the top left)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = b""
        self.pages = 0
        self.suffix = ".pdf"  # or a scanned image's (.png, .jpg, .tif …)
        self.page = 1
        self.scale = 1.5
        self.fit = True  # the page as wide as the pane, until the auditor zooms
        self.boxes: list[Box] = []
        self.focus_box: Box | None = None
        self.label = _Page()
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.clicked.connect(self._clicked)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.label)
        self.scroll.setWidgetResizable(False)
        self.page_box = QSpinBox()
        self.count = QLabel()
        self.page_box.valueChanged.connect(self.go_to)
        prev_btn, next_btn = _button("◀", self.tr("上一页")), _button("▶", self.tr("下一页"))
        prev_btn.clicked.connect(lambda: self.go_to(self.page - 1))
        next_btn.clicked.connect(lambda: self.go_to(self.page + 1))
        zoom_out, zoom_in = _button("−", self.tr("缩小")), _button("+", self.tr("放大"))
        zoom_out.clicked.connect(lambda: self.zoom(1 / 1.25))
        zoom_in.clicked.connect(lambda: self.zoom(1.25))
        fit = _button("↔", self.tr("适合宽度"))
        fit.clicked.connect(self.fit_width)
        self.page_box.setToolTip(self.tr("页码"))
        bar = QHBoxLayout()  # compact: the page pane may be narrow beside the tables
        bar.setSpacing(2)
        for w in (prev_btn, self.page_box, self.count, next_btn):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(zoom_out)
        bar.addWidget(zoom_in)
        bar.addWidget(fit)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(bar)
        lay.addWidget(self.scroll)

    def set_document(self, data: bytes, pages: int, suffix: str = ".pdf") -> None:
        """Show a PDF (its bytes, read-only) from its first page."""
        self.data, self.pages, self.focus_box, self.suffix = data, pages, None, suffix
        self.page_box.blockSignals(True)
        self.page_box.setRange(1, max(1, pages))
        self.page_box.setValue(1)
        self.page_box.blockSignals(False)
        self.count.setText(self.tr("共 {n} 页").format(n=pages))
        self.page = 1
        self.fit = True
        self._render()

    def fit_width(self) -> None:
        """The page as wide as the pane (and so again whenever the pane is resized)."""
        self.fit = True
        self._render()

    def _fit_scale(self) -> float:
        """The scale that makes the current page as wide as the visible part of the pane."""
        try:
            _, w, _, _ = render_page(self.data, self.page, 0.1, self.suffix)
        except DecodeError:
            return self.scale
        room = self.scroll.viewport().width() - self.scroll.verticalScrollBar().sizeHint().width() - 4
        return min(6.0, max(0.3, room / max(1.0, w / 0.1)))

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.fit and self.data and self.pages:
            self._render()

    def go_to(self, page: int) -> None:
        if 1 <= page <= self.pages and page != self.page:
            self.page = page
            self.page_box.blockSignals(True)
            self.page_box.setValue(page)
            self.page_box.blockSignals(False)
            self._render()

    def zoom(self, factor: float) -> None:
        self.fit = False
        self.scale = min(6.0, max(0.3, self.scale * factor))
        self._render()

    def show_box(self, box: Box | None) -> None:
        """Mark a value's box, turning to its page and scrolling it into view."""
        self.focus_box = box
        if box is not None and box[0] != self.page:
            self.page = box[0]
            self.page_box.blockSignals(True)
            self.page_box.setValue(self.page)
            self.page_box.blockSignals(False)
        self._render()
        if box is not None:
            _, left, top, right, bottom = box
            self.scroll.ensureVisible(int((left + right) / 2 * self.scale), int((top + bottom) / 2 * self.scale),
                                      120, 120)

    def _render(self) -> None:
        if not self.data or not self.pages:
            self.label.setText(self.tr("（无页面）"))
            return
        if self.fit:
            self.scale = self._fit_scale()
        try:
            buf, w, h, stride = render_page(self.data, self.page, self.scale, self.suffix)
        except DecodeError as exc:
            self.label.setText(str(exc))
            return
        image = QImage(buf, w, h, stride, QImage.Format.Format_RGBA8888).copy()
        if self.focus_box is not None and self.focus_box[0] == self.page:
            p = QPainter(image)
            _, left, top, right, bottom = self.focus_box
            rect = QRectF(left * self.scale - 3, top * self.scale - 3, (right - left) * self.scale + 6,
                          (bottom - top) * self.scale + 6)
            p.fillRect(rect, QColor(255, 213, 79, 110))
            p.setPen(QPen(QColor("#e65100"), 2))
            p.drawRect(rect)
            p.end()
        self.label.setPixmap(QPixmap.fromImage(image))
        self.label.resize(w, h)

    def _clicked(self, pos: QPointF) -> None:
        self.point_clicked.emit(self.page, pos.x() / self.scale, pos.y() / self.scale)
