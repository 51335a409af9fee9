"""Cell colours by review state, in one place, with the words the legend shows."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor

# state → (background, legend text); the legend text is translated where it is shown
STATES: dict[str, tuple[str, str]] = {
    "error": ("#f5b7b1", QT_TRANSLATE_NOOP("Words", "错误（违反勾稽关系）")),
    "warning": ("#fde3a7", QT_TRANSLATE_NOOP("Words", "警告（缺项、正文、期限）")),
    "uncertain": ("#f9d5f0", QT_TRANSLATE_NOOP("Words", "位置存疑")),
    "ocr": ("#d4efe9", QT_TRANSLATE_NOOP("Words", "OCR 识别（扫描件，请对照原件）")),
    "blank": ("#e5e7e9", QT_TRANSLATE_NOOP("Words", "空白（未印数字）")),
    "na": ("#d6eaf8", QT_TRANSLATE_NOOP("Words", "不适用（/）")),
    "corrected": ("#c8e6c9", QT_TRANSLATE_NOOP("Words", "已更正")),
    "accepted": ("#d7cdf0", QT_TRANSLATE_NOOP("Words", "按原样接受")),
}
CORRECTED_MARK = "#2e7d32"  # the corner drawn on every corrected cell, whatever its colour
HEADER_BG = "#f2f3f4"
LABEL_BG = "#fafafa"
SOURCE_HIGHLIGHT = "#ffd54f"
SOURCE_OTHER = "#fff3c4"


def color(state: str) -> QColor | None:
    """Background of a value cell in this state; None for a plain cell."""
    entry = STATES.get(state)
    return QColor(entry[0]) if entry else None
