"""Widgets of the review window: the official table view, the colour legend, the cell inspector."""
from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter, QPolygonF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.review import Review
from models.values import format_value
from ui import palette
from ui.flow import FlowLayout
from ui.table_models import CORRECTED_ROLE, STATE_WORDS, GridModel, word


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


class OfficialTable(QTableView):
    """A table drawn like the official form: merged header and label cells, no Qt headers."""

    def __init__(self, model: GridModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(CorrectedMark(self))
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked |
                             QAbstractItemView.EditTrigger.EditKeyPressed |
                             QAbstractItemView.EditTrigger.AnyKeyPressed)
        grid = model.grid
        for (r, c), cell in grid.cells.items():
            if cell.row_span > 1 or cell.col_span > 1:
                self.setSpan(r, c, cell.row_span, cell.col_span)
        hh = self.horizontalHeader()
        for c in range(grid.cols):
            hh.setSectionResizeMode(c, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(c, 200 if c < grid.label_cols and grid.label_cols == 1 else
                                110 if c < grid.label_cols else 66)
        if grid.label_cols == 3:  # table 三: group, sub-group, item
            self.setColumnWidth(0, 58)
            self.setColumnWidth(1, 96)
            self.setColumnWidth(2, 220)
        # Row heights follow the labels, which only change when another report is shown:
        # sizing them on every edit would ask the model for every cell again.
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        model.modelReset.connect(self.resizeRowsToContents)
        self.resizeRowsToContents()
        edit = QAction(self.tr("编辑单元格"), self)
        edit.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        edit.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        edit.triggered.connect(self.edit_current)
        self.addAction(edit)

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
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for fid in fids:
            idx = model.index_of(fid)
            if idx.isValid():
                sel.select(idx, QItemSelectionModel.SelectionFlag.Select)

    def selected_fields(self) -> list[str]:
        """The field ids of the selected cells."""
        model = self.model()
        assert isinstance(model, GridModel)
        return [model.field_at(i) for i in self.selectionModel().selectedIndexes() if model.field_at(i)]


class Legend(QWidget):
    """What each cell colour means."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = FlowLayout(self)  # wraps on a narrow screen instead of widening the window
        row.setContentsMargins(4, 2, 4, 2)
        row.addWidget(QLabel(self.tr("图例：")))
        for state, (bg, text) in palette.STATES.items():
            lab = QLabel(word(text))
            lab.setObjectName(f"legend_{state}")
            lab.setStyleSheet(f"background:{bg}; border:1px solid #bbb; padding:1px 6px;")
            row.addWidget(lab)


class Inspector(QWidget):
    """The selected cell: labels, printed and current value, its last change, and a reason: typed
    before an edit it goes with the edit; typed after, "记入原因" gives it to the last change."""
    restore_requested = Signal()
    accept_requested = Signal()
    reason_given = Signal(str)
    # where the report's agency and year were read (Meta.agency_from / year_from)
    SOURCE_WORDS = {"title": QT_TRANSLATE_NOOP("Words", "标题"), "heading": QT_TRANSLATE_NOOP("Words", "开头标题行"),
                    "signature": QT_TRANSLATE_NOOP("Words", "落款"), "filename": QT_TRANSLATE_NOOP("Words", "文件名"),
                    "period": QT_TRANSLATE_NOOP("Words", "统计期限")}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.readonly = False  # a read-only workspace: nothing to restore, accept or give a reason to
        self.meta_line = QLabel()
        self.meta_line.setWordWrap(True)
        self.meta_line.setTextFormat(Qt.TextFormat.PlainText)  # an agency name is never markup
        self.meta_line.setToolTip(self.tr("机关和年度依次取自标题、开头标题行、落款、文件名；年度也可取自统计期限"))
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.published = QLabel()
        self.current = QLabel()
        self.state = QLabel()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("修改或接受的原因（记入修改记录）"))
        self.last = QLabel()
        self.last.setWordWrap(True)
        self.restore_btn = QPushButton(self.tr("恢复原值"))
        self.accept_btn = QPushButton(self.tr("按原样接受…"))
        self.reason_btn = QPushButton(self.tr("记入原因"))
        self.reason_btn.setToolTip(self.tr("把原因记到这个单元格最近一次修改上"))
        self.restore_btn.clicked.connect(self.restore_requested)
        self.accept_btn.clicked.connect(self.accept_requested)
        self.reason_btn.clicked.connect(self._give_reason)
        form = QFormLayout()
        form.setVerticalSpacing(3)  # compact: the buttons below stay in view on a 768-pixel screen
        form.addRow(self.tr("印出值："), self.published)
        form.addRow(self.tr("当前值："), self.current)
        form.addRow(self.tr("状态："), self.state)
        form.addRow(self.tr("上次修改："), self.last)
        form.addRow(self.tr("原因："), self.reason)
        buttons = FlowLayout()  # the buttons wrap when the inspector is narrow
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.restore_btn)
        buttons.addWidget(self.accept_btn)
        buttons.addWidget(self.reason_btn)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.setSpacing(4)
        lay.addWidget(self.meta_line)
        lay.addWidget(self.title)
        lay.addLayout(form)
        lay.addLayout(buttons)
        lay.addStretch(1)
        self.show_field(None, "")

    def _give_reason(self) -> None:
        text = self.reason.text().strip()
        if text:
            self.reason_given.emit(text)

    def take_reason(self) -> str:
        """The reason typed for the next change (and clear the box)."""
        text = self.reason.text().strip()
        self.reason.clear()
        return text

    def meta_text(self, review: Review | None) -> str:
        """The report's agency and year, each with the source it was read from."""
        if review is None:
            return ""
        m = review.report.meta
        if not m.agency:
            agency = self.tr("机关：未识别")
        elif m.agency_from:
            agency = self.tr("机关：{agency}（取自{source}）").format(
                agency=m.agency, source=word(self.SOURCE_WORDS.get(m.agency_from, m.agency_from)))
        else:  # read before the sources were kept
            agency = self.tr("机关：{agency}").format(agency=m.agency)
        if not m.year:
            year = self.tr("年度：未识别")
        elif m.year_from:
            year = self.tr("年度：{year}（取自{source}）").format(
                year=m.year, source=word(self.SOURCE_WORDS.get(m.year_from, m.year_from)))
        else:
            year = self.tr("年度：{year}").format(year=m.year)
        return self.tr("{agency}；{year}").format(agency=agency, year=year)

    def show_field(self, review: Review | None, fid: str) -> None:
        """Describe a cell (or nothing)."""
        self.meta_line.setText(self.meta_text(review))
        enabled = bool(review and fid) and not self.readonly
        self.restore_btn.setEnabled(enabled and fid in (review.corrections if review else {}))
        self.accept_btn.setEnabled(enabled)
        last = review.last_change_of(fid) if review and fid else None
        self.reason_btn.setEnabled(last is not None and not self.readonly)
        self.reason.setEnabled(not self.readonly)
        if not review or not fid:
            self.title.setText(self.tr("选择一个单元格"))
            for w in (self.published, self.current, self.state, self.last):
                w.setText("")
            return
        if last is None:
            self.last.setText(self.tr("（未修改）"))
        else:
            reason = review.reason_of(last)
            self.last.setText(self.tr("{old} → {new}，{who} {time}；原因：{reason}").format(
                old=format_value(last.old) or self.tr("空白"), new=format_value(last.new) or self.tr("空白"),
                who=last.auditor, time=last.time[:16].replace("T", " "), reason=reason or self.tr("（未填）")))
        from models.template import FIELDS
        f = FIELDS.get(fid)
        self.title.setText(f"<b>{f.row_label} · {f.column_label}</b><br><small>{fid}</small>" if f else fid)
        cell = review.report.cells.get(fid)
        self.published.setText(cell.raw if cell and cell.raw is not None else self.tr("（空白）"))
        self.current.setText(format_value(review.value(fid)) or self.tr("（空白）"))
        self.state.setText(word(STATE_WORDS.get(review.cell_state(fid), "")))
