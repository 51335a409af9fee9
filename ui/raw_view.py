"""The report as published: read-only text with line numbers, find, and source highlighting."""
from __future__ import annotations

import bisect
import re
from typing import Any

from PySide6.QtCore import QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QKeySequence, QPainter, QShortcut, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.text import display_text
from ui import palette

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class Utf16Map:
    """Python string offsets ↔ Qt (UTF-16) positions; identical unless the text has astral characters."""

    def __init__(self, text: str) -> None:
        self.astral = [m.start() for m in _ASTRAL.finditer(text)]

    def to_qt(self, pos: int) -> int:
        return pos + bisect.bisect_left(self.astral, pos)

    def from_qt(self, qpos: int) -> int:
        pos = qpos
        for a in self.astral:  # few, if any
            if self.to_qt(a) < qpos:
                pos -= 1
        return pos


class _LineNumbers(QWidget):
    def __init__(self, editor: SourceText) -> None:
        super().__init__(editor)
        self.editor = editor

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.editor.number_width(), 0)

    def paintEvent(self, event: Any) -> None:  # noqa: N802
        self.editor.paint_numbers(event)


class SourceText(QPlainTextEdit):
    """Read-only source text; clicking a character reports its offset in the Python string."""
    position_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse |
                                     Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setTabStopDistance(self.fontMetrics().horizontalAdvance(" ") * 6)  # keep tab rows on one line
        self._numbers = _LineNumbers(self)
        self._map = Utf16Map("")
        self._source: list[QTextEdit.ExtraSelection] = []
        self._found: list[QTextEdit.ExtraSelection] = []
        self.blockCountChanged.connect(self._update_margin)
        self.updateRequest.connect(self._update_numbers)
        self._update_margin()

    def set_source(self, text: str) -> None:
        """Show a report's text (line ends folded one for one, so offsets stay those of the report)."""
        text = display_text(text)
        self._map = Utf16Map(text)
        self.setPlainText(text)
        self._source, self._found = [], []
        self._apply()

    # ------------------------------------------------------------ line numbers
    def number_width(self) -> int:
        digits = len(str(max(1, self.blockCount())))
        return 10 + self.fontMetrics().horizontalAdvance("9") * digits

    @Slot()
    def _update_margin(self, *_: Any) -> None:
        self.setViewportMargins(self.number_width(), 0, 0, 0)

    def _update_numbers(self, rect: QRect, dy: int) -> None:
        if dy:
            self._numbers.scroll(0, dy)
        else:
            self._numbers.update(0, rect.y(), self._numbers.width(), rect.height())

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        cr = self.contentsRect()
        self._numbers.setGeometry(QRect(cr.left(), cr.top(), self.number_width(), cr.height()))

    def paint_numbers(self, event: Any) -> None:
        painter = QPainter(self._numbers)
        painter.fillRect(event.rect(), QColor("#f4f6f6"))
        block = self.firstVisibleBlock()
        n = block.blockNumber()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        bottom = top + round(self.blockBoundingRect(block).height())
        painter.setPen(QColor("#909497"))
        while block.isValid() and top <= event.rect().bottom():
            if block.isVisible() and bottom >= event.rect().top():
                painter.drawText(0, top, self._numbers.width() - 4, self.fontMetrics().height(),
                                 Qt.AlignmentFlag.AlignRight, str(n + 1))
            block = block.next()
            top = bottom
            bottom = top + round(self.blockBoundingRect(block).height())
            n += 1

    # ------------------------------------------------------------ highlighting
    def _selection(self, start: int, end: int, color: str) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(color))
        sel.format = fmt
        cur = QTextCursor(self.document())
        cur.setPosition(self._map.to_qt(start))
        cur.setPosition(self._map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cur
        return sel

    def show_spans(self, spans: list[tuple[int, int]], focus: int = 0) -> None:
        """Highlight source spans; the `focus`-th is the main one and is scrolled into view."""
        self._source = [self._selection(a, b, palette.SOURCE_HIGHLIGHT if i == focus else palette.SOURCE_OTHER)
                        for i, (a, b) in enumerate(spans)]
        self._apply()
        if spans:
            cur = QTextCursor(self.document())
            cur.setPosition(self._map.to_qt(spans[focus][0]))
            self.setTextCursor(cur)
            self.centerCursor()

    def highlighted(self) -> list[tuple[int, int]]:
        """The spans now highlighted as sources, in Python offsets."""
        return [(self._map.from_qt(s.cursor.selectionStart()), self._map.from_qt(s.cursor.selectionEnd()))
                for s in self._source]

    def _apply(self) -> None:
        self.setExtraSelections(self._found + self._source)

    def mouseReleaseEvent(self, event: Any) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if not self.textCursor().hasSelection():
            pos = self.cursorForPosition(event.position().toPoint()).position()
            self.position_clicked.emit(self._map.from_qt(pos))

    # ------------------------------------------------------------ find
    def find_text(self, text: str, backward: bool = False) -> bool:
        """Select the next occurrence of text (wrapping around); mark all occurrences."""
        if not text:
            self._found = []
            self._apply()
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        found = self.find(text, flags)
        if not found:
            cur = self.textCursor()
            cur.movePosition(QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start)
            self.setTextCursor(cur)
            found = self.find(text, flags)
        self._found = []
        cur = self.document().find(text)
        while not cur.isNull() and len(self._found) < 500:
            sel = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setBackground(QColor("#aed6f1"))
            sel.format, sel.cursor = fmt, cur
            self._found.append(sel)
            cur = self.document().find(text, cur)
        self._apply()
        return found


class RawPane(QWidget):
    """The source text with a find bar under it (Ctrl+F)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = SourceText(self)
        self.find_bar = QWidget(self)
        self.find_edit = QLineEdit(self.find_bar)
        self.find_edit.setPlaceholderText(self.tr("查找原文…"))
        self.find_status = QLabel(self.find_bar)
        prev_btn = QToolButton(self.find_bar)  # tool buttons: a push button's minimum width would widen the pane
        prev_btn.setText(self.tr("上一个"))
        next_btn = QToolButton(self.find_bar)
        next_btn.setText(self.tr("下一个"))
        close_btn = QToolButton(self.find_bar)
        close_btn.setText("×")
        row = QHBoxLayout(self.find_bar)
        row.setContentsMargins(0, 0, 0, 0)
        for w in (self.find_edit, prev_btn, next_btn, self.find_status, close_btn):
            row.addWidget(w)
        self.find_bar.hide()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.text)
        lay.addWidget(self.find_bar)
        self.find_edit.returnPressed.connect(lambda: self._find(False))
        next_btn.clicked.connect(lambda: self._find(False))
        prev_btn.clicked.connect(lambda: self._find(True))
        close_btn.clicked.connect(self.hide_find)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.find_edit, activated=self.hide_find)

    @Slot()
    def show_find(self) -> None:
        """Open the find bar with the selected text."""
        self.find_bar.show()
        sel = self.text.textCursor().selectedText()
        if sel:
            self.find_edit.setText(sel)
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    @Slot()
    def hide_find(self) -> None:
        self.find_bar.hide()
        self.text.find_text("")
        self.text.setFocus()

    def _find(self, backward: bool) -> None:
        ok = self.text.find_text(self.find_edit.text(), backward)
        self.find_status.setText("" if ok else self.tr("未找到"))
