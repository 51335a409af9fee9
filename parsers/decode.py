"""Bytes to text: byte-order marks, UTF-8, UTF-16, then chardet for GB18030/GBK, Big5 and others."""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

MAX_TEXT_BYTES = 20 * 1024 * 1024  # a text report is a few dozen KB; 20 MB is far past any real one
_SNIFF = 32 * 1024

# chardet names folded to the codec that decodes a superset of them
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "ascii": "utf-8",
              "big5": "big5hkscs", "big5hkscs": "big5hkscs", "cp950": "big5hkscs",
              "iso-8859-1": "cp1252", "windows-1252": "cp1252"}


_CONTROLS = bytes(b for b in range(32) if b < 9 or 13 < b < 32)


class DecodeError(ValueError):
    """The bytes are not text in any encoding we can tell."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # codec name used, e.g. "utf-8", "utf-8-sig", "gb18030"
    detected: bool  # True when the encoding was guessed rather than given
    replaced: int = 0  # bytes that did not decode and show as U+FFFD


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
    bad = text.count("\ufffd") - data.decode(codec, errors="ignore").count("\ufffd")
    return (text, bad) if bad <= max(3, len(data) // 500) else None


def _looks_binary(data: bytes) -> bool:
    head = data[:_SNIFF]
    if not head:
        return False
    controls = len(head) - len(head.translate(None, _CONTROLS))
    return controls / len(head) > 0.02


_TEXTLIKE = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2000-\u206f\x20-\x7e\t\r\n]")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: NUL bytes are common (ASCII, and CJK such as 一 U+4E00), and one byte
    order decodes to text that is nearly all Chinese, ASCII and punctuation."""
    head = data[: _SNIFF - _SNIFF % 2]
    if len(head) < 4 or len(data) % 2 or head.count(0) * 20 < len(head):
        return None
    best, best_score = None, 0.0
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = head.decode(codec)
        except UnicodeDecodeError:
            continue
        score = len(_TEXTLIKE.findall(text)) / max(1, len(text))
        if score > best_score:
            best, best_score = codec, score
    return best if best_score >= 0.9 else None


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode report bytes; `encoding` overrides detection. Raises DecodeError."""
    if len(data) > MAX_TEXT_BYTES:
        raise DecodeError(f"文件过大（{len(data) / 1048576:.1f} MB），超过 {MAX_TEXT_BYTES // 1048576} MB 的上限")
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError as exc:
            raise DecodeError(f"未知的编码：{encoding}") from exc
        got = tolerant(data, encoding)
        if got is None:
            raise DecodeError(f"按 {encoding} 无法解码：多处字节不符合该编码，请换一种编码")
        return Decoded(got[0], encoding, False, got[1])
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                      (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return Decoded(data.decode(name), name, True)
            except UnicodeDecodeError:
                break
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            text = data.decode(utf16)
            if not any(ch in text for ch in "\x00\x01\x02\x03\x04\x05\x06\x07\x08"):
                return Decoded(text, utf16, True)
        except UnicodeDecodeError:
            pass
    if _looks_binary(data):
        raise DecodeError("不是政府信息公开工作年度报告：这不是文本文件（含二进制内容，可能是图片或程序）")
    got = tolerant(data, "utf-8")
    if got is not None:
        return Decoded(got[0], "utf-8", True, got[1])
    import chardet  # imported here: most reports are UTF-8 and never need it

    guess = chardet.detect(data[:_SNIFF]) or {}
    name = str(guess.get("encoding") or "").lower()
    candidates = [_SUPERSETS.get(name, name)] if name else []
    candidates += [c for c in ("gb18030", "big5hkscs") if c not in candidates]
    for strict in (True, False):
        for cand in candidates:
            got = tolerant(data, cand, strict_only=strict)
            if got is not None:
                return Decoded(got[0], cand, True, got[1])
    raise DecodeError("无法识别文件编码，请用 --encoding 指定（窗口中：文件 ▸ 以指定编码打开）")
