"""Bytes to text, settled the way a person would: a byte-order mark only when the bytes after it bear
it out, else the encoding under which the most of the whole file reads as a Chinese report (common
hanzi, ASCII and punctuation, against odd symbols and undecodable bytes)."""
from __future__ import annotations

import codecs
import functools
import re
from dataclasses import dataclass

from models.report import INFO, WARNING, Issue, Report

MAX_TEXT_BYTES = 20 * 1024 * 1024  # a text report is a few dozen KB; 20 MB is far past any real one
_SNIFF = 32 * 1024
_CHARDET_BYTES = 256 * 1024  # chardet only proposes a candidate; the choice is judged on the whole file
READABLE = 0.9  # a reading with less of the file readable than this is said to read badly

# chardet names folded to the codec that decodes a superset of them
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "ascii": "utf-8",
              "big5": "big5hkscs", "big5hkscs": "big5hkscs", "cp950": "big5hkscs",
              "iso-8859-1": "cp1252", "windows-1252": "cp1252"}
# always tried, in this order (the first wins a tie); chardet's guess comes after them
_CJK_CODECS = ("utf-8", "gb18030", "big5hkscs")
# (mark, codec of the bytes after it, name reported); UTF-32 LE first: its mark begins with UTF-16 LE's
_BOMS = ((codecs.BOM_UTF8, "utf-8", "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
         (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"), (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"))
_BOM_NAMES = {"utf-8-sig": "UTF-8", "utf-32": "UTF-32", "utf-16": "UTF-16"}
# a single-byte code page (Cyrillic, Greek…) is chosen over the CJK codecs only when it reads this much better
_SINGLE_BYTE_MARGIN = 0.02

_CONTROLS = bytes(b for b in range(32) if b < 9 or 13 < b < 32)


class DecodeError(ValueError):
    """The bytes are not text in any encoding we can tell."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # codec name used, e.g. "utf-8", "utf-8-sig", "gb18030"
    detected: bool  # True when the encoding was guessed rather than given
    replaced: int = 0  # bytes that did not decode and show as U+FFFD
    notes: tuple[Issue, ...] = ()  # what the reader should be told: a BOM ignored, a reading in doubt


def tolerant(data: bytes, codec: str, strict_only: bool = False) -> tuple[str, int] | None:
    """Text in `codec`, strictly, or with a few undecodable bytes (a download cut mid-character,
    a stray byte in a page's navigation) replaced by U+FFFD: at most 0.2% of the bytes."""
    try:
        return data.decode(codec), 0
    except UnicodeDecodeError:
        if strict_only:
            return None
    except LookupError:
        return None
    text = data.decode(codec, errors="replace")
    bad = _replaced(data, codec, text)
    return (text, bad) if bad <= max(3, len(data) // 500) else None


def _replaced(data: bytes, codec: str, text: str) -> int:
    """How many U+FFFD in `text` stand for undecodable bytes (not for a U+FFFD printed in the file)."""
    return text.count("\ufffd") - data.decode(codec, errors="ignore").count("\ufffd")


def attach_notes(report: Report, notes: tuple[Issue, ...] | list[Issue]) -> Report:
    """The reader's notes at the head of the report's issues; on a report that could not be read, the
    warnings are added to its error (the user then learns why, e.g. which encodings were tried)."""
    if report.error is not None:
        report.error += "".join("；" + n.message for n in notes if n.severity != INFO)
    else:
        report.structure[:0] = notes
    return report


def _looks_binary(data: bytes) -> bool:
    head = data[:_SNIFF]
    if not head:
        return False
    # most files hold no control byte at all: a search per byte value (memchr) tells that several times
    # faster than counting them with translate, which copies the head
    if not any(b in head for b in _CONTROLS):
        return False
    controls = len(head) - len(head.translate(None, _CONTROLS))
    return controls / len(head) > 0.02


def _charset(codec: str, ranges: tuple[tuple[int, int, int, int], ...]) -> set[str]:
    """The characters of double-byte `codec` whose lead and trail bytes lie in the given ranges."""
    out = set()
    for lead_lo, lead_hi, trail_lo, trail_hi in ranges:
        for lead in range(lead_lo, lead_hi + 1):
            for trail in range(trail_lo, trail_hi + 1):
                try:
                    out.add(bytes((lead, trail)).decode(codec))
                except UnicodeDecodeError:
                    pass
    return out


@functools.cache
def _readable() -> re.Pattern[str]:
    """Runs of what a Chinese report is written in: ASCII text and common CJK. Common CJK: GB2312's
    punctuation, numbering and full-width rows and its 3,755 level-1 hanzi, Big5's punctuation and
    its 5,401 common hanzi, CJK punctuation and radicals. Kana, Greek, Cyrillic, box drawing, the rarer
    hanzi and U+FFFD are left out: a misread encoding produces mostly those."""
    chars = _charset("gb2312", ((0xA1, 0xA3, 0xA1, 0xFE), (0xB0, 0xD7, 0xA1, 0xFE)))
    chars |= _charset("big5", ((0xA1, 0xA1, 0x40, 0xFE), (0xA4, 0xC5, 0x40, 0xFE), (0xC6, 0xC6, 0x40, 0x7E)))
    # spaces and punctuation, and the radicals that stand in for hanzi in text taken from PDFs (⾏ for 行)
    for lo, hi in ((0x20, 0x7E), (0x2000, 0x206F), (0x2E80, 0x2FDF), (0x3000, 0x303F), (0xFF01, 0xFF5E)):
        chars |= {chr(c) for c in range(lo, hi + 1)}
    chars |= set("\t\n\r\f\v\u00b7")
    ranges: list[list[int]] = []
    for c in sorted(map(ord, chars)):
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    return re.compile("[" + "".join(re.escape(chr(lo)) + ("-" + re.escape(chr(hi)) if hi > lo else "")
                                    for lo, hi in ranges) + "]+")


def readable_share(text: str, data_len: int, codec: str) -> float:
    """The share of the file's bytes that `codec` read as ASCII text or common CJK characters. Counted in
    bytes, so that one misread hanzi shown as two U+FFFD weighs what its two bytes weigh."""
    if data_len == 0:
        return 1.0
    try:
        good = len("".join(_readable().findall(text)).encode(codec, errors="replace"))
    except LookupError:
        return 0.0
    return min(1.0, good / data_len)


def _single_byte(codec: str) -> bool:
    """A code page of one byte per character (KOI8, cp737, cp1252…): each high byte is a character."""
    high = bytes(range(0x80, 0x100)).decode(codec, errors="replace")
    return len(high) == 128 and high.count("\ufffd") < 16


@dataclass(frozen=True)
class _Reading:
    codec: str  # the codec the bytes were decoded with
    name: str  # the encoding reported (utf-16 for a UTF-16 LE text behind its mark)
    text: str
    replaced: int
    score: float


def _read(data: bytes, codec: str, name: str | None = None) -> _Reading | None:
    try:
        text = data.decode(codec, errors="replace")
    except LookupError:
        return None
    return _Reading(codec, name or codec, text, _replaced(data, codec, text), readable_share(text, len(data), codec))


def _strip_bom(data: bytes) -> tuple[bytes, tuple[bytes, str, str] | None]:
    for bom in _BOMS:
        if data.startswith(bom[0]):
            return data[len(bom[0]):], bom
    return data, None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: NUL bytes are common (ASCII, and CJK such as 一 U+4E00), and one byte
    order decodes to text that is nearly all Chinese, ASCII and punctuation."""
    head = data[: _SNIFF - _SNIFF % 2]
    # (a NUL looked for first: memchr stops at the first one, a count reads every byte)
    if len(head) < 4 or len(data) % 2 or 0 not in head or head.count(0) * 20 < len(head):
        return None
    best, best_score = None, 0.0
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = head.decode(codec)
        except UnicodeDecodeError:
            continue
        if any(ch in text for ch in "\x00\x01\x02\x03\x04\x05\x06\x07\x08"):
            continue
        score = readable_share(text, len(head), codec)
        if score > best_score:
            best, best_score = codec, score
    return best if best_score >= READABLE else None


def _mixed_lines(data: bytes) -> tuple[int, int]:
    """Lines that are UTF-8 with hanzi, and lines that are not UTF-8 but read as GB18030: a file pasted
    together from two sources."""
    utf8 = gbk = 0
    for line in data.split(b"\n"):
        if line.isascii():
            continue
        try:
            text = line.decode("utf-8")
            # a GBK line can happen to be valid UTF-8 (一 alone is Cyrillic һ): it counts when it reads
            utf8 += readable_share(text, len(line), "utf-8") >= READABLE
        except UnicodeDecodeError:
            try:
                text = line.decode("gb18030")
            except UnicodeDecodeError:
                continue
            gbk += readable_share(text, len(line), "gb18030") >= READABLE
    return utf8, gbk


def _doubt(best: _Reading, tried: list[str], mixed_lines: tuple[int, int]) -> Issue:
    """Say the text reads badly or mixes two encodings, which encodings were tried, and what to do."""
    utf8, gbk = mixed_lines
    mixed = f"文件似乎混用了两种编码（约 {utf8} 行是 UTF-8，{gbk} 行是 GBK/GB18030）" if _mixed(mixed_lines) else ""
    share = f"但只有 {best.score:.0%} 的内容是常见的中文或英文字符" if best.score < READABLE else ""
    return Issue("encoding", WARNING, [],
                 f"编码可能判断有误：已试过 {'、'.join(tried)}，读得最通的是 {best.name}，"
                 + "；".join(x for x in (share, mixed) if x)
                 + "；若原文显示为乱码，请以其他编码重新打开（文件 ▸ 以其他编码重新打开）")


def _mixed(mixed_lines: tuple[int, int]) -> bool:
    """Enough lines in each encoding to say the file was pasted together from two sources."""
    return min(mixed_lines) >= 3


def _best(data: bytes, first: _Reading | None) -> tuple[_Reading, list[str]]:
    """The reading under which the most of the file is readable, and the encodings tried."""
    readings = [first] if first else []
    for codec in _CJK_CODECS:
        got = _read(data, codec)
        if got:
            readings.append(got)
    if max(r.score for r in readings) < READABLE:  # no CJK codec reads well: ask chardet for another one
        import chardet  # imported here: most reports never need it

        guess = str((chardet.detect(data[:_CHARDET_BYTES]) or {}).get("encoding") or "").lower()
        guess = _SUPERSETS.get(guess, guess)
        if guess and guess not in (r.codec for r in readings):
            got = _read(data, guess)
            if got:
                readings.append(got)

    def merit(r: _Reading) -> float:
        return r.score - (_SINGLE_BYTE_MARGIN if _single_byte(r.codec) else 0.0)

    best = readings[0]
    for r in readings[1:]:
        if merit(r) > merit(best):
            best = r
    return best, [r.name for r in readings]


def _given(data: bytes, encoding: str) -> Decoded:
    """The bytes in the encoding the user chose (a stray BOM of another encoding dropped)."""
    try:
        info = codecs.lookup(encoding)
    except LookupError as exc:
        raise DecodeError(f"未知的编码：{encoding}") from exc
    if not info.name.startswith("utf"):  # reopened as GBK: a stray BOM is not part of the text
        data = _strip_bom(data)[0]
    got = tolerant(data, encoding)
    if got is None:
        raise DecodeError(f"按 {encoding} 无法解码：多处字节不符合该编码，请换一种编码")
    return Decoded(got[0], encoding, False, got[1])


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode report bytes; `encoding` overrides detection. Raises DecodeError.

    A byte-order mark is trusted when the bytes after it decode strictly in its encoding (and, for
    UTF-16, whose strictness proves little, also read as text); otherwise it is ignored and the
    encoding is detected: strict UTF-8, else the encoding under which most of the file reads
    (readable_share), a single-byte code page only when it reads clearly better. A reading that is
    still poor says which encodings were tried and to reopen the file with another."""
    if len(data) > MAX_TEXT_BYTES:
        raise DecodeError(f"文件过大（{len(data) / 1048576:.1f} MB），超过 {MAX_TEXT_BYTES // 1048576} MB 的上限")
    if encoding:
        return _given(data, encoding)
    body, bom = _strip_bom(data)
    first = None  # the reading the BOM names, when the bytes after it decode strictly
    if bom is not None:
        _mark, codec, name = bom
        try:
            text = body.decode(codec)
        except UnicodeDecodeError:
            pass
        else:
            first = _Reading(codec, name, text, 0, readable_share(text, len(body), codec))
            if codec not in ("utf-16-le", "utf-16-be") or first.score >= READABLE:
                return Decoded(text, name, True)
    else:
        utf16 = _utf16_without_bom(body)
        if utf16:
            try:
                text = body.decode(utf16)
                if not any(ch in text for ch in "\x00\x01\x02\x03\x04\x05\x06\x07\x08"):
                    return Decoded(text, utf16, True)
            except UnicodeDecodeError:
                pass
    if _looks_binary(body) and first is None:
        raise DecodeError("不是政府信息公开工作年度报告：这不是文本文件（含二进制内容，可能是图片或程序）")
    notes: list[Issue] = []
    try:
        text = body.decode("utf-8")  # strict UTF-8 is proof enough
    except UnicodeDecodeError:
        best, tried = _best(body, first)
        # a page's markup reads as ASCII, so a page pasted from two encodings can score well overall:
        # the lines in each encoding tell it too
        lines = _mixed_lines(body)
        if best.score < READABLE or _mixed(lines):
            notes.append(_doubt(best, tried, lines))
    else:
        if bom is None:  # the common case: nothing to say about the reading
            return Decoded(text, "utf-8", True)
        best = _Reading("utf-8", "utf-8", text, 0, 1.0)
    if bom is not None and best is not first:
        notes.insert(0, Issue("encoding", INFO, [], f"文件开头的 {_BOM_NAMES[bom[2]]} 字节顺序标记（BOM）"
                                                    f"与内容不符，已忽略该标记，按 {best.name} 读取"))
    return Decoded(best.text, best.name, True, best.replaced, tuple(notes))
