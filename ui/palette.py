"""Cell colours by review state, in one place, with the words the legend shows."""
from __future__ import annotations

from PySide6.QtGui import QColor

# state → (background, legend text); the legend text is translated where it is shown
STATES: dict[str, tuple[str, str]] = {
    "error": ("#f5b7b1", "错误（违反勾稽关系）"),
    "warning": ("#fde3a7", "警告（缺项、正文、期限）"),
    "uncertain": ("#f9d5f0", "位置存疑"),
    "blank": ("#e5e7e9", "空白（未印数字）"),
    "na": ("#d6eaf8", "不适用（/）"),
    "corrected": ("#c8e6c9", "已更正"),
    "accepted": ("#d7cdf0", "按原样接受"),
}
HEADER_BG = "#f2f3f4"
LABEL_BG = "#fafafa"
SOURCE_HIGHLIGHT = "#ffd54f"
SOURCE_OTHER = "#fff3c4"


def color(state: str) -> QColor | None:
    """Background of a value cell in this state; None for a plain cell."""
    entry = STATES.get(state)
    return QColor(entry[0]) if entry else None
