"""Bytes to text: byte-order marks, UTF-8, UTF-16, then chardet for GB18030/GBK, Big5 and others."""
from __future__ import annotations

import codecs
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


def _looks_binary(data: bytes) -> bool:
    head = data[:_SNIFF]
    if not head:
        return False
    controls = len(head) - len(head.translate(None, _CONTROLS))
    return controls / len(head) > 0.02


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: its NUL bytes (the high byte of ASCII) all sit on one side."""
    head = data[: _SNIFF - _SNIFF % 2]
    if len(head) < 4 or len(data) % 2:
        return None
    even_nul, odd_nul = head[0::2].count(0), head[1::2].count(0)
    if odd_nul >= 4 and even_nul * 10 <= odd_nul:
        return "utf-16-le"
    if even_nul >= 4 and odd_nul * 10 <= even_nul:
        return "utf-16-be"
    return None


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode report bytes; `encoding` overrides detection. Raises DecodeError."""
    if len(data) > MAX_TEXT_BYTES:
        raise DecodeError(f"文件过大（{len(data) / 1048576:.0f} MB），超过 {MAX_TEXT_BYTES // 1048576} MB 的上限")
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError as exc:
            raise DecodeError(f"未知的编码：{encoding}") from exc
        try:
            return Decoded(data.decode(encoding), encoding, False)
        except UnicodeDecodeError as exc:
            raise DecodeError(f"按 {encoding} 无法解码（第 {exc.start} 字节）") from exc
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
        raise DecodeError("不是文本文件（含二进制内容）")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", True)
    except UnicodeDecodeError:
        pass
    import chardet  # imported here: most reports are UTF-8 and never need it

    guess = chardet.detect(data[:_SNIFF]) or {}
    name = str(guess.get("encoding") or "").lower()
    candidates = [_SUPERSETS.get(name, name)] if name else []
    candidates += [c for c in ("gb18030", "big5hkscs") if c not in candidates]
    for cand in candidates:
        try:
            return Decoded(data.decode(cand), cand, True)
        except (UnicodeDecodeError, LookupError):
            continue
    raise DecodeError("无法识别文件编码，请用 --encoding 指定")
