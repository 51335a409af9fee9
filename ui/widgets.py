"""Widgets of the review window: the issue list, the colour legend, the cell inspector, a label that elides."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from models.review import Review
from models.values import format_value
from ui import palette
from ui.flow import FlowLayout
from ui.rule_names import RULES, rule_name
from ui.table_models import ISSUE_STATE_WORDS, SEVERITY_WORDS, STATE_WORDS, IssueModel, cell_name, word


class ElidedLabel(QLabel):
    """One line that never widens the window: a text too long for it ends in "…" and the whole text is
    its tooltip."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setMinimumWidth(24)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(24, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(min(super().sizeHint().width(), 520), super().sizeHint().height())

    def elided(self) -> bool:
        """True when the text does not fit and is shown cut."""
        return self.fontMetrics().horizontalAdvance(self.text()) > self.contentsRect().width()

    def paintEvent(self, event: Any) -> None:  # noqa: N802
        p = QPainter(self)
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideMiddle, rect.width())
        p.drawText(rect, int(self.alignment() | Qt.AlignmentFlag.AlignVCenter), shown)
        self.setToolTip(self.text() if shown != self.text() else "")
        p.end()


def text_width(widget: QWidget, texts: list[str], pad: int = 16) -> int:
    """The width the widest of these texts needs in a widget's font."""
    fm = widget.fontMetrics()
    return max((fm.horizontalAdvance(t) for t in texts), default=0) + pad


class IssueView(QTreeView):
    """The issue list: severity, rule, message, state; an issue naming several cells opens to them."""

    def __init__(self, model: IssueModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setObjectName("issue_view")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformRowHeights(True)  # one line each (the whole message is the tooltip): fast with many issues
        self.setAllColumnsShowFocus(True)
        self.setIndentation(14)
        self.setTreePosition(2)  # the open/close arrow beside the message: the severity column stays narrow
        hh = self.header()  # widths from the words of this language: sizing to contents re-reads every row per edit
        hh.setStretchLastSection(False)
        sev = text_width(self, [word(w) for w in SEVERITY_WORDS.values()], 14)
        rule = min(120, text_width(self, [rule_name(r) for r in RULES]))
        state = min(110, text_width(self, [word(w) for w in ISSUE_STATE_WORDS.values()]))
        self._rule_width = rule
        for col, width in ((0, sev), (1, rule), (3, state)):
            hh.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(col, width)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        hh.setMinimumSectionSize(24)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        """In a narrow list the rule's name gives up width to the message (both whole in the tooltip)."""
        super().resizeEvent(event)
        self.setColumnWidth(1, max(72, min(self._rule_width, self.viewport().width() * 3 // 10)))


class Legend(QWidget):
    """What each cell colour means: a word on its colour, the longer explanation in its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = FlowLayout(self)  # wraps on a narrow screen instead of widening the window
        row.setContentsMargins(4, 2, 4, 2)
        row.addWidget(QLabel(self.tr("图例：")))
        for state, (bg, text) in palette.STATES.items():
            lab = QLabel(word(STATE_WORDS.get(state, text)))
            lab.setObjectName(f"legend_{state}")
            lab.setToolTip(word(text))
            lab.setStyleSheet(f"background:{bg}; border:1px solid #bbb; padding:0 5px;")
            row.addWidget(lab)


class Inspector(QWidget):
    """The selected cell: labels, printed and current value, its last change, and a reason: typed
    before an edit it goes with the edit; typed after, "记入原因" gives it to the last change."""
    restore_requested = Signal()
    accept_requested = Signal()
    reason_given = Signal(str)
    adopt_requested = Signal(object)  # an OCR suggestion the auditor takes
    go_to_requested = Signal(str)  # the field of the next OCR suggestion
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
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # labels are never markup
        self.title.setStyleSheet("font-weight:bold")
        self.published = ElidedLabel()
        self.current = ElidedLabel()
        self.state = ElidedLabel()
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
        # OCR suggestions of the report (models.session: Session.ocr_suggestions), first per field
        self.suggestions: dict[str, Any] = {}
        self.suggestion_line = QLabel()
        self.suggestion_line.setObjectName("ocr_suggestion")
        self.suggestion_line.setWordWrap(True)
        self.suggestion_line.setTextFormat(Qt.TextFormat.PlainText)
        self.suggestion_line.setStyleSheet("background:#fff3c4; padding:2px 4px;")
        self.suggestion_btn = QPushButton()
        self.suggestion_btn.clicked.connect(self._suggestion_clicked)
        self._suggestion_target: tuple[str, Any] = ("", None)
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
        suggestion = QHBoxLayout()
        suggestion.setContentsMargins(0, 0, 0, 0)
        suggestion.addWidget(self.suggestion_line, 1)
        suggestion.addWidget(self.suggestion_btn)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.setSpacing(4)
        lay.addWidget(self.meta_line)
        lay.addWidget(self.title)
        lay.addLayout(form)
        lay.addLayout(buttons)
        lay.addLayout(suggestion)
        lay.addStretch(1)
        self.show_field(None, "")

    def suggestion_text(self, s: Any) -> str:
        """"OCR 读作 6，按勾稽关系应为 9", in the interface's language."""
        return self.tr("OCR 读作 {read}，按勾稽关系（{rules}）应为 {value}").format(
            read=format_value(s.read) or self.tr("空白"), value=format_value(s.value) or self.tr("空白"),
            rules=", ".join(rule_name(r) for r in s.rules))

    def _show_suggestion(self, fid: str) -> None:
        """The selected cell's OCR suggestion with 采纳, else how many the report has with 转到."""
        s = self.suggestions.get(fid)
        if s is not None:
            self.suggestion_line.setText(self.tr("{suggestion} — 采纳？").format(suggestion=self.suggestion_text(s)))
            self.suggestion_btn.setText(self.tr("采纳"))
            self.suggestion_btn.setToolTip(self.tr("改为建议的值，作为一次更正记入修改记录"))
            self._suggestion_target = ("adopt", s)
        elif self.suggestions:
            self.suggestion_line.setText(
                self.tr("本报告有 {n} 条 OCR 建议（按勾稽关系）").format(n=len(self.suggestions)))
            self.suggestion_btn.setText(self.tr("转到"))
            self.suggestion_btn.setToolTip(self.tr("选中下一个有建议的单元格"))
            self._suggestion_target = ("go", next(iter(self.suggestions)))
        else:
            self._suggestion_target = ("", None)
        shown = bool(self._suggestion_target[0])
        self.suggestion_line.setVisible(shown)
        self.suggestion_btn.setVisible(shown)
        self.suggestion_btn.setEnabled(shown and not (self.readonly and self._suggestion_target[0] == "adopt"))

    def _suggestion_clicked(self) -> None:
        what, target = self._suggestion_target
        if what == "adopt":
            self.adopt_requested.emit(target)
        elif what == "go":
            self.go_to_requested.emit(target)

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
        self._show_suggestion(fid if review else "")
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
        self.title.setText(f"{f.row_label} · {f.column_label}" if f else cell_name(fid))
        cell = review.report.cells.get(fid)
        self.published.setText(cell.raw if cell and cell.raw is not None else self.tr("（空白）"))
        self.current.setText(format_value(review.value(fid)) or self.tr("（空白）"))
        self.state.setText(word(STATE_WORDS.get(review.cell_state(fid), "")))
