"""The queue of reports under review: a table model, its filter, and the pane with the filter bar."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.review import NOT_STARTED, SIGNED_OFF
from models.session import QueueItem, Session
from ui import palette
from ui.table_models import word

Index = QModelIndex | QPersistentModelIndex
REVIEW_ROLE = Qt.ItemDataRole.UserRole + 10
SORT_ROLE = Qt.ItemDataRole.UserRole + 11
COLUMNS = (QT_TRANSLATE_NOOP("Words", "机关"), QT_TRANSLATE_NOOP("Words", "年度"), QT_TRANSLATE_NOOP("Words", "文件"),
           QT_TRANSLATE_NOOP("Words", "错误"), QT_TRANSLATE_NOOP("Words", "警告"),
           QT_TRANSLATE_NOOP("Words", "审核状态"))
STATE_NAMES = {"not started": QT_TRANSLATE_NOOP("Words", "未开始"), "in review": QT_TRANSLATE_NOOP("Words", "审核中"),
               "signed off": QT_TRANSLATE_NOOP("Words", "已签发")}


class QueueModel(QAbstractTableModel):
    """One row per report of the session's queue: agency, year, file, open errors and warnings, review state.

    It owns nothing: rows are the session's queue items, looked up by position.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self._rows = 0

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return word(COLUMNS[section])
        return None

    def set_session(self, session: Session | None) -> None:
        """Show another session's queue."""
        self.beginResetModel()
        self.session = session
        self._rows = len(session.items) if session else 0
        self.endResetModel()

    def grown(self) -> None:
        """Reports joined the session's queue: show their rows."""
        n = len(self.session.items) if self.session else 0
        if n > self._rows:
            self.beginInsertRows(QModelIndex(), self._rows, n - 1)
            self._rows = n
            self.endInsertRows()

    def changed(self, rids: set[int]) -> None:
        """These reports' counts or state changed: repaint their rows."""
        if self.session is None:
            return
        for rid in rids:
            row = self.session.row_of(rid)
            if 0 <= row < self._rows:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def row_of(self, rid: int) -> int:
        return self.session.row_of(rid) if self.session else -1

    def item(self, row: int) -> QueueItem | None:
        return self.session.items[row] if self.session and 0 <= row < self._rows else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        it = self.item(index.row()) if index.isValid() else None
        if it is None:
            return None
        col = index.column()
        if role == REVIEW_ROLE:
            return it.id
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return self._value(it, col, role == SORT_ROLE)
        if role == Qt.ItemDataRole.ToolTipRole:
            return it.source
        if role == Qt.ItemDataRole.BackgroundRole:
            if col == 3 and it.errors:
                return QBrush(QColor(palette.STATES["error"][0]))
            if col == 4 and it.warnings:
                return QBrush(QColor(palette.STATES["warning"][0]))
            if col == 5 and it.state == SIGNED_OFF:
                return QBrush(QColor(palette.STATES["corrected"][0]))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (1, 3, 4):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _value(self, it: QueueItem, col: int, sort: bool) -> Any:
        if col == 0:
            return it.agency or ""
        if col == 1:
            return (it.year or 0) if sort else (str(it.year) if it.year else "")
        if col == 2:
            return it.name
        if col == 3:
            return it.errors
        if col == 4:
            return it.warnings
        return ("0" if it.state == NOT_STARTED else "1" if it.state != SIGNED_OFF else "2") if sort \
            else word(STATE_NAMES.get(it.state, it.state))


class QueueFilter(QSortFilterProxyModel):
    """Only reports with errors, only those not signed off, one year, a text in agency or file."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.errors_only = False
        self.unsigned_only = False
        self.year = ""
        self.text = ""
        self.setSortRole(SORT_ROLE)

    def set_filters(self, errors_only: bool, unsigned_only: bool, year: str, text: str) -> None:
        self.beginFilterChange()
        self.errors_only, self.unsigned_only, self.year, self.text = errors_only, unsigned_only, year, text.strip()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        assert isinstance(model, QueueModel)
        r = model.item(row)
        if r is None:
            return False
        if self.errors_only and not r.errors:
            return False
        if self.unsigned_only and r.state == SIGNED_OFF:
            return False
        if self.year and str(r.year or "") != self.year:
            return False
        if self.text:
            hay = f"{r.agency or ''} {r.year or ''} {r.name}"
            if self.text.lower() not in hay.lower():
                return False
        return True


class QueuePane(QWidget):
    """The queue with its filter bar; tells which report the auditor picked."""
    review_chosen = Signal(int)  # the report's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QueueModel(self)
        self.proxy = QueueFilter(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("按机关、年度或文件名筛选"))
        self.year = QComboBox()
        self.errors_only = QCheckBox(self.tr("只看有错误"))
        self.unsigned_only = QCheckBox(self.tr("只看未签发"))
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        hh = self.view.horizontalHeader()
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)  # seen in a narrow dock
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 44), (2, 64), (3, 36), (4, 36), (5, 56)):
            hh.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.view.setColumnWidth(col, width)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.year)
        bar2 = QHBoxLayout()
        bar2.addWidget(self.errors_only)
        bar2.addWidget(self.unsigned_only)
        bar2.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(bar)
        lay.addLayout(bar2)
        lay.addWidget(self.view)
        self.search.textChanged.connect(self._refilter)
        self.year.currentIndexChanged.connect(self._refilter)
        self.errors_only.toggled.connect(self._refilter)
        self.unsigned_only.toggled.connect(self._refilter)
        self.view.selectionModel().currentRowChanged.connect(self._picked)
        self.model.rowsInserted.connect(self._years)
        self.model.modelReset.connect(self._years)
        self._years()

    def _years(self, *_: Any) -> None:
        items = self.model.session.items if self.model.session else []
        years = sorted({str(r.year) for r in items if r.year}, reverse=True)
        current = self.year.currentData() or ""
        have = [self.year.itemData(i) for i in range(self.year.count())]
        if have == [""] + years:
            return
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem(self.tr("全部年度"), "")
        for y in years:
            self.year.addItem(y, y)
        self.year.setCurrentIndex(max(0, self.year.findData(current)))
        self.year.blockSignals(False)

    def _refilter(self, *_: Any) -> None:
        self.proxy.set_filters(self.errors_only.isChecked(), self.unsigned_only.isChecked(),
                               self.year.currentData() or "", self.search.text())

    def _picked(self, current: QModelIndex, _previous: QModelIndex) -> None:
        r = self.proxy.data(current, REVIEW_ROLE) if current.isValid() else None
        if r is not None:
            self.review_chosen.emit(r)

    def select(self, rid: int) -> None:
        """Highlight a report's row without telling anyone."""
        row = self.model.row_of(rid)
        if row < 0:
            return
        idx = self.proxy.mapFromSource(self.model.index(row, 0))
        if idx.isValid() and self.view.currentIndex().row() != idx.row():
            self.view.selectionModel().blockSignals(True)
            self.view.setCurrentIndex(idx)
            self.view.selectionModel().blockSignals(False)
