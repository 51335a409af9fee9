"""The queue of reports under review: a table model, its filter, and the pane with the filter bar."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.review import NOT_STARTED, SIGNED_OFF
from models.session import QueueItem, Session
from ui import palette
from ui.rule_names import rule_name


def word(text: str) -> str:
    """A word of the queue (its own context: its headers are shorter than the same words elsewhere)."""
    return QCoreApplication.translate("Queue", text)

Index = QModelIndex | QPersistentModelIndex
REVIEW_ROLE = Qt.ItemDataRole.UserRole + 10
SORT_ROLE = Qt.ItemDataRole.UserRole + 11
DUPLICATE_ROLE = Qt.ItemDataRole.UserRole + 12  # the ids of the reports this one looks like a copy of
FALLBACK_ROLE = Qt.ItemDataRole.UserRole + 13  # True when the agency shown is the file's name
AGENCY, YEAR, FILE, ERRORS, WARNINGS, STATE = range(6)
COLUMNS = (QT_TRANSLATE_NOOP("Queue", "机关"), QT_TRANSLATE_NOOP("Queue", "年度"), QT_TRANSLATE_NOOP("Queue", "文件"),
           QT_TRANSLATE_NOOP("Queue", "错误"), QT_TRANSLATE_NOOP("Queue", "警告"),
           QT_TRANSLATE_NOOP("Queue", "审核状态"))
COLUMN_TIPS = (QT_TRANSLATE_NOOP("Queue", "报告单位；未识别时显示文件名（斜体）"),
               QT_TRANSLATE_NOOP("Queue", "报告年度"), QT_TRANSLATE_NOOP("Queue", "文件名"),
               QT_TRANSLATE_NOOP("Queue", "待处理的错误"),
               QT_TRANSLATE_NOOP("Queue", "待处理的警告"), QT_TRANSLATE_NOOP("Queue", "未开始、审核中或已签发"))
STATE_NAMES = {"not started": QT_TRANSLATE_NOOP("Queue", "未开始"), "in review": QT_TRANSLATE_NOOP("Queue", "审核中"),
               "signed off": QT_TRANSLATE_NOOP("Queue", "已签发")}
FALLBACK_GREY = "#6c757d"


def _duplicate_icon() -> QIcon:
    """A small orange mark for a report that looks like another one in the queue."""
    pix = QPixmap(14, 14)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setBrush(QColor("#e67e22"))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawRoundedRect(1, 3, 8, 10, 2, 2)
    p.setBrush(QColor("#f5b041"))
    p.drawRoundedRect(5, 1, 8, 10, 2, 2)
    p.end()
    return QIcon(pix)


class QueueModel(QAbstractTableModel):
    """One row per report of the session's queue: agency, year, file, open errors and warnings, review state.

    It owns nothing: rows are the session's queue items, looked up by position.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self._rows = 0
        self._icon: QIcon | None = None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return word(COLUMNS[section])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return word(COLUMN_TIPS[section])
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
            first = self._rows
            self.beginInsertRows(QModelIndex(), self._rows, n - 1)
            self._rows = n
            self.endInsertRows()
            assert self.session is not None
            dups = self.session.duplicates()  # an older report may now look like a new one: mark it too
            self.changed({o for it in self.session.items[first:n] for o in dups.get(it.id, ())})

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

    def duplicates(self, rid: int) -> list[int]:
        """The other reports of the queue this one looks like (same agency and year, or the same file)."""
        return self.session.duplicates().get(rid, []) if self.session else []

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
            return self._tooltip(it) if col == AGENCY else it.source
        if role == FALLBACK_ROLE:
            return not it.agency
        if role == DUPLICATE_ROLE:
            return self.duplicates(it.id)
        if col == AGENCY and not it.agency and role == Qt.ItemDataRole.FontRole:
            f = QFont()
            f.setItalic(True)
            return f
        if col == AGENCY and not it.agency and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(FALLBACK_GREY))
        if col == AGENCY and role == Qt.ItemDataRole.DecorationRole and self.duplicates(it.id):
            self._icon = self._icon or _duplicate_icon()
            return self._icon
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

    def _tooltip(self, it: QueueItem) -> str:
        lines = [it.agency or self.tr("未识别报告单位；显示的是文件名"), it.source]
        assert self.session is not None
        for other in (self.session.item(r) for r in self.duplicates(it.id)):
            why = self.tr("文件内容完全相同") if other.sha256 == it.sha256 else self.tr("同一机关、同一年度")
            lines.append(self.tr("可能重复：{name}（{why}）").format(name=other.name, why=why))
        return "\n".join(lines)

    def _value(self, it: QueueItem, col: int, sort: bool) -> Any:
        if col == 0:
            return it.agency or Path(it.source).stem
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
    """Only reports with errors, only those not signed off, one year, one rule's open issues, a text in
    agency or file."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.errors_only = False
        self.unsigned_only = False
        self.year = ""
        self.text = ""
        self.rule = ""
        self.setSortRole(SORT_ROLE)

    def set_filters(self, errors_only: bool, unsigned_only: bool, year: str, text: str, rule: str = "") -> None:
        self.beginFilterChange()
        self.errors_only, self.unsigned_only, self.year, self.text = errors_only, unsigned_only, year, text.strip()
        self.rule = rule
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
        if self.rule and not any(self.rule == rule and (e or w) for rule, (e, w) in r.open_by_rule().items()):
            return False
        if self.text:
            hay = f"{r.agency or ''} {r.year or ''} {r.name}"
            if self.text.lower() not in hay.lower():
                return False
        return True


class QueuePane(QWidget):
    """The queue with its filter bar; tells which report the auditor picked (filtering picks nothing)."""
    review_chosen = Signal(int)  # the report's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QueueModel(self)
        self.proxy = QueueFilter(self)
        self.proxy.setSourceModel(self.model)
        self.shown: int | None = None  # the report the window shows (kept selected through filtering)
        self._filtering = False
        self.search = QLineEdit()
        self.search.setObjectName("queue_search")
        self.search.setPlaceholderText(self.tr("按机关、年度或文件名筛选"))
        self.search.setClearButtonEnabled(True)
        self.year = QComboBox()
        self.year.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.errors_only = QCheckBox(self.tr("只看有错误"))
        self.unsigned_only = QCheckBox(self.tr("只看未签发"))
        self.rule = ""
        self.rule_chip = QToolButton()  # the rule picked in the summary; clicking it clears it
        self.rule_chip.setObjectName("rule_chip")
        self.rule_chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.rule_chip.setStyleSheet("QToolButton{background:#fde3a7; border:1px solid #c9a227; border-radius:3px;"
                                     "padding:0 4px}")
        self.rule_chip.clicked.connect(lambda: self.filter_rule(""))
        self.rule_chip.hide()
        self.view = QTableView()
        self.view.setObjectName("queue_view")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the columns fit the dock
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)  # 新乡县人… : the county first
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.setColumnHidden(FILE, True)  # the file name is the agency's fallback and its tooltip
        self._fit_columns()
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.year)
        bar2 = QHBoxLayout()
        bar2.addWidget(self.errors_only)
        bar2.addWidget(self.unsigned_only)
        bar2.addWidget(self.rule_chip)
        bar2.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(bar)
        lay.addLayout(bar2)
        lay.addWidget(self.view)
        self.search.textChanged.connect(self._refilter)
        self.search.returnPressed.connect(self.view.setFocus)  # Enter: on to the list, still opening nothing
        self.year.currentIndexChanged.connect(self._refilter)
        self.errors_only.toggled.connect(self._refilter)
        self.unsigned_only.toggled.connect(self._refilter)
        self.view.selectionModel().currentRowChanged.connect(self._picked)
        self.view.activated.connect(lambda idx: self._picked(idx, QModelIndex()))
        self.model.rowsInserted.connect(self._years)
        self.model.modelReset.connect(self._years)
        self._years()

    def _fit_columns(self) -> None:
        """Year, counts and state as wide as their words in this language; the agency takes the rest."""
        fm, hfm = self.view.fontMetrics(), self.view.horizontalHeader().fontMetrics()
        hh = self.view.horizontalHeader()
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        hh.setMinimumSectionSize(20)
        hh.setSectionResizeMode(AGENCY, QHeaderView.ResizeMode.Stretch)
        samples = {YEAR: ["2024"], ERRORS: ["999"], WARNINGS: ["999"],
                   STATE: [word(w) for w in STATE_NAMES.values()]}
        self._fixed = 0
        for col, texts in samples.items():
            width = max(max(fm.horizontalAdvance(t) for t in texts), hfm.horizontalAdvance(word(COLUMNS[col])) + 6) + 14
            hh.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            self.view.setColumnWidth(col, width)
            self._fixed += width

    def sizeHint(self) -> QSize:  # noqa: N802
        """Room for the fixed columns and an agency name of about ten characters, no horizontal scrolling."""
        agency = self.view.fontMetrics().horizontalAdvance("某某县人民政府") + 16
        return QSize(self._fixed + agency + self.view.verticalScrollBar().sizeHint().width() + 10,
                     super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        """Never so narrow that a column is cut or the list scrolls sideways."""
        return QSize(self._fixed + 70 + self.view.verticalScrollBar().sizeHint().width() + 10,
                     super().minimumSizeHint().height())

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

    def filter_rule(self, rule: str) -> None:
        """Show only the reports with open issues of one rule ('' for all)."""
        self.rule = rule
        self.rule_chip.setText(self.tr("规则：{rule} ✕").format(rule=rule_name(rule)) if rule else "")
        self.rule_chip.setToolTip(rule_name(rule) + "\n" + self.tr("只显示有此规则待处理问题的报告；点击取消"))
        self.rule_chip.setVisible(bool(rule))
        self._refilter()

    def _refilter(self, *_: Any) -> None:
        """Filter the list; the report shown stays shown and stays selected if it is still listed."""
        self._filtering = True
        try:
            self.proxy.set_filters(self.errors_only.isChecked(), self.unsigned_only.isChecked(),
                                   self.year.currentData() or "", self.search.text(), self.rule)
        finally:
            self._filtering = False
        self.select(self.shown)

    def _picked(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._filtering:
            return  # rows came and went under the cursor: the auditor picked nothing
        r = self.proxy.data(current, REVIEW_ROLE) if current.isValid() else None
        if r is not None and r != self.shown:
            self.review_chosen.emit(r)

    def order(self) -> list[int]:
        """The reports as listed (filtered and sorted), top to bottom."""
        return [self.proxy.data(self.proxy.index(i, 0), REVIEW_ROLE) for i in range(self.proxy.rowCount())]

    def select(self, rid: int | None) -> None:
        """Highlight the shown report's row (and scroll to it) without telling anyone."""
        self.shown = rid
        row = self.model.row_of(rid) if rid is not None else -1
        idx = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else QModelIndex()
        sel = self.view.selectionModel()
        sel.blockSignals(True)
        if idx.isValid():
            self.view.setCurrentIndex(idx)
            self.view.scrollTo(idx)
        else:  # filtered out: no other row may look like the one shown
            sel.clear()
        sel.blockSignals(False)
        self.view.viewport().update()
