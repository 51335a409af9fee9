"""Cell values: a number, blank (None) or the not-applicable marker "/". Blank is never 0."""
from __future__ import annotations

import re
from typing import Union

NA = "/"
Value = Union[int, float, str, None]  # str is only ever NA

# what a published cell may hold instead of a number
NA_MARKERS = frozenset({"/", "／", "—", "——", "－", "-", "–", "无", "\\", "、"})
_NUMBER = re.compile(r"^[+\-]?\d[\d,，]*(?:\.\d+)?$")
UNITS = ("人次", "万元", "件", "条", "个", "项", "次", "元", "宗", "份", "家", "户", "人")


def parse_value(raw: str) -> Value:
    """The value a printed cell holds: '124件' → 124, '+19' → 19, '1,234' → 1234, '—' → '/', '' → None.

    Raises ValueError for text that is neither a number nor a marker.
    """
    if raw.isascii() and raw.isdigit():
        return int(raw)
    s = raw.strip().replace(" ", "")
    if not s:
        return None
    if s in NA_MARKERS:
        return NA
    for unit in UNITS:
        if s.endswith(unit) and len(s) > len(unit):
            s = s[: -len(unit)]
            break
    if not _NUMBER.match(s):
        raise ValueError(f"不是数字：{raw!r}")
    s = s.replace(",", "").replace("，", "")
    if "." in s:
        return float(s)
    return int(s)


def is_number(v: Value) -> bool:
    """True for a numeric value (not blank, not NA)."""
    return type(v) is int or type(v) is float


def decimals(raw: str) -> int:
    """How many decimals a printed number has ('7504.2371' → 4)."""
    m = re.search(r"\.(\d+)", raw)
    return len(m.group(1)) if m else 0


def format_value(v: Value) -> str:
    """The value as an auditor reads it: '' for blank, '/' for NA, numbers without trailing zeros."""
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.4f}".rstrip("0").rstrip(".")
    return str(v)
