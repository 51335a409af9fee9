"""The review of one report: the source beside the official tables, the issue list and the inspector.

It shows a Review and says what the auditor asked for (edit, restore, accept, a reason); the
window sends those to the session and calls refresh() with what changed. It keeps no review state.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.review import OPEN, Review, ReviewedIssue
from models.session.pages import has_pages
from models.values import Value
from ui.grid_view import OfficialTable
from ui.layouts import Grid, table2, table3, table4
from ui.pdf_view import PdfPane
from ui.raw_view import RawPane
from ui.rule_names import issue_message
from ui.table_models import ISSUE_ROLE, GridModel, IssueModel
from ui.widgets import Inspector, IssueView, Legend

TABLE_KEYS = ("二", "三", "四")


class ReviewPane(QWidget):
    """Source text (and PDF pages), tables 二 三 四, issues and the cell inspector, linked both ways."""
    edit_requested = Signal(str, object)  # field, Value
    restore_requested = Signal()
    accept_requested = Signal()
    adopt_requested = Signal(object)  # an OCR suggestion the auditor takes
    reason_given = Signal(str)  # a reason for the selected cell's last change, given after it
    edit_rejected = Signal(str)  # what was typed cannot be a cell's value: why
    status = Signal(str)  # a passing message for the status bar
    cell_chosen = Signal(str)  # the field of the cell the auditor moved to

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.review: Review | None = None
        self.readonly = False
        self.raw = RawPane()
        self.raw.text.position_clicked.connect(self._source_clicked)
        self.pdf = PdfPane()
        self.pdf.point_clicked.connect(self._page_clicked)
        self.source_tabs = QTabWidget()
        self.source_tabs.addTab(self.raw, self.tr("原文文本"))
        self.source_tabs.addTab(self.pdf, self.tr("PDF 页面"))
        self.source_tabs.setTabVisible(1, False)
        self.tabs = QTabWidget()
        self._stale: set[str] = set()  # tables whose colours are compared when their tab is shown
        self.tabs.currentChanged.connect(self._tab_shown)
        self.grids: dict[str, GridModel] = {}
        self.views: dict[str, OfficialTable] = {}
        for key, grid in zip(TABLE_KEYS, (table2(False), table3(False), table4()), strict=True):
            self._put_table(key, grid)
        tables = QWidget()
        tlay = QVBoxLayout(tables)
        tlay.setContentsMargins(0, 0, 0, 0)
        tlay.addWidget(self.tabs)
        self.legend = Legend()
        tlay.addWidget(self.legend)
        self.issues = IssueModel(self)
        self.issue_view = IssueView(self.issues)
        self.issue_view.selectionModel().currentRowChanged.connect(self._issue_selected)
        self.inspector = Inspector()
        self.inspector.restore_requested.connect(self.restore_requested)
        self.inspector.accept_requested.connect(self.accept_requested)
        self.inspector.reason_given.connect(self.reason_given)
        self.inspector.adopt_requested.connect(self.adopt_requested)
        self.inspector.go_to_requested.connect(self.select_field)
        self.bottom = bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(self.issue_view)
        scroll = QScrollArea()  # on a short screen the inspector scrolls instead of squeezing its lines
        scroll.setWidget(self.inspector)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setMinimumWidth(200)
        bottom.addWidget(scroll)
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 1)
        bottom.setCollapsible(0, False)
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(tables)
        self.right.addWidget(bottom)
        self.right.setStretchFactor(0, 3)
        self.right.setStretchFactor(1, 2)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.source_tabs)
        self.split.addWidget(self.right)
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 3)
        self.split.setCollapsible(1, False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.split)

    def _put_table(self, key: str, grid: Grid) -> None:
        model = GridModel(grid, lambda fid, value: self.edit_requested.emit(fid, value))
        model.readonly = self.readonly
        model.edit_rejected.connect(self.edit_rejected)
        view = OfficialTable(model)
        view.selectionModel().currentChanged.connect(self._cell_selected)
        old = self.views.get(key)
        if old is None:
            self.tabs.addTab(view, self.tr("表{key}").format(key=key, n=TABLE_KEYS.index(key) + 2))
        else:
            i = self.tabs.indexOf(old)
            self.tabs.removeTab(i)
            old.deleteLater()
            self.tabs.insertTab(i, view, self.tr("表{key}").format(key=key, n=TABLE_KEYS.index(key) + 2))
        self.grids[key], self.views[key] = model, view

    def _tab_shown(self, _index: int) -> None:
        for key in list(self._stale):
            if self.views[key] is self.tabs.currentWidget():
                self._stale.discard(key)
                self.grids[key].refresh()

    def set_readonly(self, readonly: bool) -> None:
        """A read-only workspace: the tables take no typing."""
        self.readonly = readonly
        for m in self.grids.values():
            m.readonly = readonly
        self.inspector.readonly = readonly
        self.inspector.show_field(self.review, self.selected_field())

    # ------------------------------------------------------------ showing
    def show_review(self, review: Review | None) -> None:
        """Show another report (or none)."""
        self.review = review
        self.inspector.suggestions = {}  # the window sets the new report's (set_suggestions)
        if review is not None:
            cells = review.report.cells
            for key, grid in (("二", table2(any(f.startswith("s2_2019.") for f in cells))),
                              ("三", table3(any(f.startswith("s3.other_total.") for f in cells)))):
                model = self.grids[key]
                if model.grid.rows != grid.rows or model.grid.fields() != grid.fields():
                    self._put_table(key, grid)
        for model in self.grids.values():
            model.set_review(review)
        self._stale.clear()
        self.issues.set_review(review)
        self.raw.text.set_source(review.report.text if review else "")
        self.inspector.show_field(review, "")
        is_pdf = review is not None and has_pages(review.report.source)
        if is_pdf:
            scanned = not review.report.source.lower().endswith(".pdf")  # type: ignore[union-attr]
            self.source_tabs.setTabText(1, self.tr("扫描页面") if scanned else self.tr("PDF 页面"))
        self.source_tabs.setTabVisible(1, is_pdf)
        if not is_pdf:
            self.source_tabs.setCurrentIndex(0)

    def set_suggestions(self, suggestions: list[Any]) -> None:
        """The OCR suggestions of the report shown (likeliest first): the inspector offers them."""
        by_field: dict[str, Any] = {}
        for s in suggestions:
            by_field.setdefault(s.field, s)
        self.inspector.suggestions = by_field
        self.inspector.show_field(self.review, self.selected_field())

    def show_pages(self, data: bytes, pages: int, suffix: str = ".pdf") -> None:
        """A PDF's or a scan's pages beside its text."""
        self.pdf.set_document(data, pages, suffix)
        self.source_tabs.setTabVisible(1, True)
        self.source_tabs.setCurrentIndex(1)

    def hide_pages(self) -> None:
        self.source_tabs.setTabVisible(1, False)
        self.source_tabs.setCurrentIndex(0)

    def refresh(self) -> None:
        """The review changed: repaint the cells and issues that changed, keep the selection.

        Only the table in view is compared now; the others when their tab is shown."""
        shown = self.tabs.currentWidget()
        for key, model in self.grids.items():
            if self.views[key] is shown:
                model.refresh()
            else:
                self._stale.add(key)
        key = self.selected_issue().key if self.selected_issue() else ""
        self.issues.refresh()
        if key:
            row = self.issues.row_of(key)
            if row >= 0:
                self.issue_view.selectionModel().blockSignals(True)
                self.select_issue_row(row)
                self.issue_view.selectionModel().blockSignals(False)
        self.inspector.show_field(self.review, self.selected_field())

    # ------------------------------------------------------------ selection
    def table(self) -> OfficialTable | None:
        """The table in view."""
        view = self.tabs.currentWidget()
        return view if isinstance(view, OfficialTable) else None

    def selected_field(self) -> str:
        """The field id of the current cell in the visible table ('' if none)."""
        view = self.table()
        if view is None:
            return ""
        model = view.model()
        assert isinstance(model, GridModel)
        return model.field_at(view.currentIndex())

    def selected_issue(self) -> ReviewedIssue | None:
        item = self.issues.data(self.issue_view.currentIndex(), ISSUE_ROLE)
        return item if isinstance(item, ReviewedIssue) else None

    def select_issue_row(self, row: int) -> None:
        """Make an issue of the list the current one (its cells are selected in the table)."""
        index = self.issues.index(row, 0)
        self.issue_view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.issue_view.scrollTo(index)

    def issues_to_accept(self) -> list[ReviewedIssue]:
        """The selected issue (when the issue list has focus or no cell is selected), else the open
        issues of the selected cell."""
        if self.review is None:
            return []
        issue = self.selected_issue()
        fid = self.selected_field()
        if issue is not None and (self.issue_view.hasFocus() or not fid):
            return [issue] if issue.state == OPEN else []
        return [r for r in self.review.issues_for(fid) if r.state == OPEN and r.issue.severity != "info"]

    def edit_current(self) -> None:
        view = self.tabs.currentWidget()
        if isinstance(view, OfficialTable):
            view.edit_current()

    def focus_table(self) -> None:
        """The keyboard into the table in view, on its first value cell if none is current."""
        view = self.table()
        if view is None:
            return
        view.setFocus()
        if not view.currentIndex().isValid() and isinstance(view.model(), GridModel):
            first = next(iter(view.grid.fields()), "")
            if first:
                view.select_field(first)

    def shows(self, fid: str) -> bool:
        """True if one of the tables shows this field."""
        return any(m.index_of(fid).isValid() for m in self.grids.values())

    def select_field(self, fid: str) -> bool:
        """Show a field: switch to its table and select its cell."""
        for key, view in self.views.items():
            if self.grids[key].index_of(fid).isValid():
                self.tabs.setCurrentWidget(view)
                view.setFocus()
                return view.select_field(fid)
        return False

    def go_issue(self, step: int) -> bool:
        """Select the next (step 1) or previous (-1) open issue, its cell ready for typing; False when
        there is none that way (the list does not wrap round: the window offers the next report)."""
        items = self.issues.items
        if self.review is None or not items:
            return False
        start = self.issues.issue_row(self.issue_view.currentIndex())
        start = -1 if start < 0 and step > 0 else (len(items) if start < 0 else start)
        row = start + step
        while 0 <= row < len(items):
            it = items[row]
            if it.state == OPEN and it.issue.severity != "info":
                self.select_issue_row(row)
                view = self.table()
                if view is not None and self.selected_field():
                    view.setFocus()  # type the correction at once
                return True
            row += step
        return False

    def open_issues_left(self) -> int:
        """Open issues of this report (information notes aside)."""
        return sum(1 for it in self.issues.items if it.state == OPEN and it.issue.severity != "info")

    # ------------------------------------------------------------ linking
    @Slot(QModelIndex, QModelIndex)
    def _cell_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        model = current.model()
        fid = model.field_at(current) if isinstance(model, GridModel) else ""
        if self.review is None:
            return
        self.inspector.show_field(self.review, fid)
        if fid:
            self.cell_chosen.emit(fid)
        cell = self.review.report.cells.get(fid) if fid else None
        self.raw.text.show_spans([cell.span] if cell and cell.span else [])
        if self.source_tabs.isTabVisible(1):
            self.pdf.show_box(cell.box if cell else None)
        if fid and not (cell and cell.span):
            self.status.emit(self.tr("此单元格在原文中没有对应的数字（空白或未印出）"))

    @Slot(QModelIndex, QModelIndex)
    def _issue_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.issues.data(current, ISSUE_ROLE)
        if not isinstance(item, ReviewedIssue) or self.review is None:
            return
        one = self.issues.field_at(current)  # a cell row under an issue: that cell alone
        fields = [f for f in ([one] if one else item.issue.fields) if self.shows(f)]
        if fields:
            self.select_field(fields[0])
            view = self.tabs.currentWidget()
            if isinstance(view, OfficialTable):
                view.select_fields(fields)  # every cell of the issue in that table, the first one current
        cells = self.review.report.cells
        named = [one] if one else item.issue.fields
        spans = [c.span for f in named if (c := cells.get(f)) and c.span]
        boxes = [c.box for f in named if (c := cells.get(f)) and c.box]
        if self.source_tabs.isTabVisible(1) and boxes:
            self.pdf.show_box(boxes[0])
        if item.issue.evidence and not one:
            spans.insert(0, item.issue.evidence)
        if not one:  # the whole message, also when its column is narrow
            self.status.emit(issue_message(item.issue, self.review.value if self.review else None))
        self.raw.text.show_spans(spans)
        self.issue_view.setFocus()

    @Slot(int)
    def _source_clicked(self, pos: int) -> None:
        if self.review is None:
            return
        for fid, cell in self.review.report.cells.items():
            if cell.span and cell.span[0] <= pos < cell.span[1]:
                self.select_field(fid)
                return

    @Slot(int, float, float)
    def _page_clicked(self, page: int, x: float, y: float) -> None:
        """Clicking a number on the page selects its cell."""
        if self.review is None:
            return
        for fid, cell in self.review.report.cells.items():
            b = cell.box
            if b and b[0] == page and b[1] - 2 <= x <= b[3] + 2 and b[2] - 2 <= y <= b[4] + 2:
                self.select_field(fid)
                return


__all__ = ["ReviewPane", "Value"]
