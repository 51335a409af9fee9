"""Cell values: a number, blank (None) or the not-applicable marker "/". Blank is never 0.

A number keeps every digit that was printed: a whole number is an int (a Decimal when it is too
long for Python's int-from-text limit), a number with a decimal point is a Decimal made from the
printed text. There is no float: 5949.088667 stays 5949.088667, and a 400-digit run of digits
(two cells printed without a gap) stays 400 digits instead of overflowing.
"""
from __future__ import annotations

import json
import re
import secrets
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, Context, Decimal, localcontext
from typing import Any, TypeGuard

NA = "/"
Value = int | Decimal | str | None  # str is only ever NA

# what a published cell may hold instead of a number
NA_MARKERS = frozenset({"/", "／", "—", "——", "－", "-", "–", "无", "\\", "、"})
_NUMBER = re.compile(r"^[+\-]?\d[\d,，]*(?:\.\d+)?$")
_TEXT_NUMBER = re.compile(r"[+\-]?[0-9]+(?:\.[0-9]+)?")  # value_to_text's canonical form
UNITS = ("人次", "万元", "件", "条", "个", "项", "次", "元", "宗", "份", "家", "户", "人")

# Whole numbers with more digits than this are kept as an integral Decimal: Python refuses to make
# an int from (or print one as) text of more than 4300 digits, and a sum of a few such ints grows.
MAX_INT_DIGITS = 4000

# Arithmetic on values runs in this context: no rounding at any size (sums of Decimals are exact).
EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)

ELIDE_OVER = 24  # numbers longer than this many characters are shortened in messages (elided())


def exact() -> Any:
    """A context manager in which Decimal arithmetic is exact: `with exact(): total = a + b`."""
    return localcontext(EXACT)


def _whole(digits: str) -> int | Decimal:
    """A whole number from its text (sign and ASCII or other decimal digits only)."""
    n = len(digits) - (digits[:1] in "+-")
    return int(digits) if n <= MAX_INT_DIGITS else Decimal(digits)


def parse_value(raw: str) -> Value:
    """The value a printed cell holds: '124件' → 124, '+19' → 19, '1,234' → 1234, '—' → '/', '' → None,
    '5949.088667' → Decimal('5949.088667') (every printed digit kept).

    Raises ValueError for text that is neither a number nor a marker.
    """
    if raw.isascii() and raw.isdigit():
        return int(raw) if len(raw) <= MAX_INT_DIGITS else Decimal(raw)
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
        return Decimal(s)
    return _whole(s)


def is_number(v: object) -> TypeGuard[int | Decimal]:
    """True for a numeric value (an int or a Decimal; not blank, not NA, not a bool)."""
    t = type(v)
    return t is int or t is Decimal


def is_whole(v: int | Decimal) -> bool:
    """True for an int or a Decimal without a fractional part ('12.00' is whole)."""
    if type(v) is int:
        return True
    return v.is_finite() and v == v.to_integral_value()  # type: ignore[union-attr]


def fraction_digits(v: int | Decimal) -> int:
    """Decimals a number needs, trailing zeros not counted: '1.50000' → 1, '7504.2371' → 4, 12 → 0."""
    if type(v) is int:
        return 0
    _, digits, exp = v.as_tuple()  # type: ignore[union-attr]
    if not isinstance(exp, int) or exp >= 0 or not any(digits):
        return 0
    zeros = 0
    while digits[-1 - zeros] == 0:
        zeros += 1
    return max(0, -exp - zeros)


def integer_digits(v: int | Decimal) -> int:
    """Digits before the decimal point ('0.5' → 1, '123.45' → 3, 10**400 → 401)."""
    d = v if type(v) is Decimal else Decimal(v)  # exact, and free of the int-to-text limit
    if not d.is_finite() or not d:
        return 1
    return max(1, d.adjusted() + 1)


def decimals(raw: str) -> int:
    """How many decimals a printed number has ('7504.2371' → 4)."""
    m = re.search(r"\.(\d+)", raw)
    return len(m.group(1)) if m else 0


def format_value(v: Value) -> str:
    """The value as an auditor reads it: '' for blank, '/' for NA, a number with every digit,
    in plain positional notation (never rounded, never in exponent form)."""
    if v is None:
        return ""
    if type(v) is int:
        try:
            return str(v)
        except ValueError:  # more digits than Python prints as an int
            return format(Decimal(v), "f")
    if isinstance(v, Decimal):
        return format(v, "f")
    if isinstance(v, float):  # never made here; shown as its shortest exact text should one arrive
        return format(Decimal(repr(v)), "f")
    return str(v)


def elided(v: Value) -> str:
    """format_value() shortened for a message: a number of more than 24 characters is shown as its
    first 8 characters + "…（共 N 位）" + its last 4 digits (N: how many digits it has). Never rounded."""
    s = format_value(v)
    if len(s) <= ELIDE_OVER or not is_number(v):
        return s
    sign = "-" if s[0] == "-" else ""
    body = s.lstrip("+-")
    n = len(body) - body.count(".")
    return f"{sign}{body[:8]}…（共 {n} 位）{body[-4:]}"


def value_to_text(v: Value) -> str | None:
    """A value as exact text for storage: None → None, NA → '/', a number → its digits
    ('5949.088667', '-3', '1.10'). value_from_text() gives the value back."""
    if v is None:
        return None
    if isinstance(v, str) and v == NA:
        return NA
    if not is_number(v) and not isinstance(v, float):
        raise ValueError(f"不是单元格的值：{v!r}")
    return format_value(v)


def value_from_text(s: str | None) -> Value:
    """The value of value_to_text()'s text: None → None, '/' → NA, '12' → 12, '1.50' → Decimal('1.50').
    Raises ValueError for any other text."""
    if s is None:
        return None
    if s == NA:
        return NA
    if not isinstance(s, str) or not _TEXT_NUMBER.fullmatch(s):
        raise ValueError(f"不是保存的数值：{s!r}")
    if "." in s:
        return Decimal(s)
    return _whole(s)


# ------------------------------------------------------------------ JSON with exact numbers

def _json_int(s: str) -> int | Decimal:
    return _whole(s)


def _json_float(s: str) -> Decimal:
    d = Decimal(s)
    if not d.is_finite() or abs(d.as_tuple().exponent) > 100_000:  # type: ignore[arg-type]
        raise ValueError(f"数值超出范围：{s[:40]}")
    if d.as_tuple().exponent > 0:  # type: ignore[operator]
        with exact():
            d = d.quantize(Decimal(1))  # '1e3' → 1000: positional like every other value
    return d


class _HasDecimal(Exception):
    """Raised by _PLAIN's default(): the object holds a Decimal, dumps() writes it the long way."""


def _no_decimal(o: Any) -> Any:
    if isinstance(o, Decimal):
        raise _HasDecimal
    raise TypeError(f"Object of type {type(o).__name__} is not JSON serializable")


# json.dumps(obj, ensure_ascii=False) without making an encoder for every call (most objects written
# hold no Decimal: a record's head and tail, a cell with its source)
_PLAIN = json.JSONEncoder(ensure_ascii=False, default=_no_decimal)


def dumps(obj: Any, indent: int | str | None = None) -> str:
    """json.dumps (ensure_ascii=False) in which a Decimal is a JSON number with exactly its digits:
    {"a": Decimal("5949.088667")} → '{"a": 5949.088667}'. json cannot write such numbers itself,
    so each Decimal is first written as a string holding a random marker, then replaced."""
    if indent is None:
        try:
            return _PLAIN.encode(obj)
        except _HasDecimal:
            pass
    found: list[str] = []
    marker = ""

    def default(o: Any) -> Any:
        nonlocal marker
        if isinstance(o, Decimal):
            if not marker:
                marker = "\ue000dec" + secrets.token_hex(16) + "_"
            found.append(format(o, "f") if o.is_finite() else "null")
            return f"{marker}{len(found) - 1}"
        raise TypeError(f"Object of type {type(o).__name__} is not JSON serializable")

    while True:
        text = json.dumps(obj, ensure_ascii=False, indent=indent, default=default)
        if not found:
            return text
        quoted = '"' + marker
        if text.count(quoted) == len(found):  # every marker in the text is one of ours
            pieces: list[str] = []
            pos = 0
            for i, number in enumerate(found):  # in the order json wrote them
                tag = f'{quoted}{i}"'
                at = text.find(tag, pos)
                if at < 0:
                    break
                pieces += (text[pos:at], number)
                pos = at + len(tag)
            else:
                pieces.append(text[pos:])
                return "".join(pieces)
        found.clear()  # astronomically unlikely: a string in obj held this random marker; try another
        marker = ""


def loads(text: str | bytes) -> Any:
    """json.loads in which numbers are exact values: integers are int (integral Decimal beyond
    4000 digits), numbers with a point or exponent are Decimal. Reads dumps() output back exactly."""
    return json.loads(text, parse_int=_json_int, parse_float=_json_float)
