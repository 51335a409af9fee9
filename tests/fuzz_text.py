"""Mutated text reports and web pages for the fuzz tests (tests/fuzzing.py): characters, lines and
numbers of up to thousands of digits, encodings and byte-order marks, bytes, HTML tags and spans."""
from __future__ import annotations

import codecs
import functools
import json
import random
import re
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIECES = ["\t", "\n", "|", " ", "0", "13", "/", "—", "无", "总计", "其他", "自然人", "（六）其他处理", "3.其他",
          "第二十条第（一）项", "规章", "行政许可", "结果维持", "行政复议", "本年新收", "-4-", "1.", "件", "２０２２年",
          "\r\n", "\x0b", "\u2028", "\u200b", "\ufeff", "\ufffd", "万元", "%", "(", "）", "、", "。", "第3页"]
ODD = "\x00\x07\x1b\x7f\x85\xa0\u0301\u202e\u2002\u3000\ue000\uffff\U0001f600\U00020000⾏⼀"
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


@functools.cache
def samples() -> tuple[str, ...]:
    """The bundled sample reports' texts."""
    return tuple(p.read_text(encoding="utf-8") for p in sorted((ROOT / "resources" / "samples").glob("*.txt")))


@functools.cache
def truth_values() -> dict[str, object]:
    """Sample 004's values, to draw pages and documents from."""
    truth = json.loads((ROOT / "tests" / "fixtures" / "truth.json").read_text(encoding="utf-8"))
    fields: dict[str, object] = truth["004_47148163d7b9be8f.txt"]["fields"]
    return fields


# ---- text -------------------------------------------------------------------------------------------

_DIGIT_BYTES = bytes(48 + b % 10 for b in range(256))


def _digits(rng: random.Random, n: int) -> str:
    return rng.randbytes(n).translate(_DIGIT_BYTES).decode("ascii")


def long_number(rng: random.Random) -> str:
    """A number as reports never print it: thousands of digits, long fractions, signs, full-width digits."""
    n = rng.choice((1, 3, 9, 16, 19, 20, 39, 309, 400, 1000, 4300, 4301, 5000))  # 4300: Python's int-str limit
    digits = _digits(rng, n)
    form = rng.randrange(9)
    if form == 1:
        digits += "." + _digits(rng, rng.choice((1, 4, 30, 2000)))
    elif form == 2:
        digits = "-" + digits
    elif form == 3:
        digits = digits.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    elif form == 4:
        digits = f"{int(digits[:300] or 0):,}"
    elif form == 5:
        digits = "0" * rng.randrange(1, 50) + digits
    elif form == 6:
        digits += rng.choice(("e999", "E-999", "件", "万元", "%", ".", ".5.5"))
    elif form == 7:
        digits = " ".join(digits[i:i + 3] for i in range(0, len(digits), 3))
    return digits


def mutate_text(rng: random.Random, text: str, pool: Sequence[str], edits: int | None = None) -> str:
    """Edits of characters, lines and numbers, as a damaged copy or a careless edit makes them."""
    chars = list(text)
    for _ in range(edits if edits is not None else rng.randint(1, 40)):
        i = rng.randrange(len(chars) + 1)
        op = rng.randrange(11)
        if op == 0:
            del chars[i:i + rng.randrange(1, 200)]
        elif op == 1:
            chars[i:i] = rng.choice(PIECES)
        elif op == 2 and chars:
            chars[min(i, len(chars) - 1)] = rng.choice("\t\n |0123456789/—")
        elif op in (3, 4):  # a number printed far too long, in place of one or anywhere
            s = "".join(chars)
            found = list(_NUMBER.finditer(s)) if op == 3 else []
            if found:
                m = rng.choice(found)
                chars = list(s[:m.start()] + long_number(rng) + s[m.end():])
            else:
                chars[i:i] = long_number(rng)
        elif op in (5, 6, 7, 8):  # whole lines: dropped, doubled, swapped, borrowed from another report
            lines = "".join(chars).split("\n")
            a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
            if op == 5:
                del lines[a:a + rng.randrange(1, 8)]
            elif op == 6:
                lines[a:a] = lines[a:a + rng.randrange(1, 8)] * rng.randrange(1, 4)
            elif op == 7:
                lines[a], lines[b] = lines[b], lines[a]
            else:
                other = rng.choice(pool).split("\n")
                lines.insert(a, rng.choice(other))
            chars = list("\n".join(lines))
        elif op == 9:
            chars[i:i] = rng.choices(ODD, k=rng.randrange(1, 6))
        else:  # the cell separators changed
            s = "".join(chars)
            chars = list(s.replace("\t", rng.choice((" ", "  ", "|", "\t\t", "　")), rng.randrange(1, 30)))
    return "".join(chars)


def encode(rng: random.Random, text: str) -> bytes:
    """The text in one of the encodings reports come in, or a wrong mixture of them."""
    how = rng.randrange(12)
    gbk = text.encode("gb18030")
    if how < 4:
        return text.encode("utf-8", errors="surrogatepass")
    if how == 4:
        return gbk
    if how == 5:
        return text.encode(rng.choice(("utf-16", "utf-16-le", "utf-16-be", "utf-32")), errors="surrogatepass")
    if how == 6:
        return text.encode("big5hkscs", errors="replace")
    if how == 7:
        return rng.choice((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE)) + gbk
    if how == 8:  # half UTF-8, half GBK
        cut = rng.randrange(len(text) + 1)
        first, second = ("utf-8", "gb18030") if rng.random() < 0.5 else ("gb18030", "utf-8")
        return text[:cut].encode(first, errors="replace") + text[cut:].encode(second, errors="replace")
    if how == 9:  # UTF-8 with a few stray bytes
        data = bytearray(text.encode("utf-8", errors="surrogatepass"))
        for _ in range(rng.randrange(1, 12)):
            data.insert(rng.randrange(len(data) + 1), rng.randrange(0x80, 0x100))
        return bytes(data)
    if how == 10:
        return codecs.BOM_UTF8 + text.encode("utf-8", errors="surrogatepass")
    return text.encode(rng.choice(("cp1252", "koi8-u", "shift_jis", "euc-kr")), errors="replace")


def mutate_bytes(rng: random.Random, data: bytes, pool: Sequence[bytes], edits: int | None = None) -> bytes:
    """Byte edits: flipped bits, bytes overwritten, inserted, dropped or repeated, a cut, a splice."""
    out = bytearray(data)
    for _ in range(edits if edits is not None else rng.randint(1, 12)):
        i = rng.randrange(len(out) + 1)
        op = rng.randrange(8)
        if op == 0 and out:
            j = min(i, len(out) - 1)
            out[j] ^= 1 << rng.randrange(8)
        elif op == 1:
            n = rng.randrange(1, 16)
            out[i:i + n] = rng.randbytes(n)
        elif op == 2:
            out[i:i] = rng.choice((b"\x00", b"\xff", b"\x80", b"\r", b"\xef\xbb\xbf", b"\xff\xfe", b"\xd6\xd0",
                                   b"\xe4\xb8", b"%", b"<", b"PK\x03\x04", b"obj", b"endstream", rng.randbytes(7)))
        elif op == 3:
            del out[i:i + rng.randrange(1, 64)]
        elif op == 4:
            n = rng.randrange(1, 256)
            out[i:i] = out[i:i + n] * rng.randrange(1, 5)
        elif op == 5:
            del out[i:]
        elif op == 6:
            other = rng.choice(pool)
            out[i:] = other[rng.randrange(len(other) + 1):]
        else:
            n = rng.randrange(1, 8)
            j = rng.randrange(len(out) + 1)
            out[j:j + n] = out[i:i + n]
    return bytes(out)


def text_case(rng: random.Random) -> bytes:
    pool = samples()
    text = rng.choice(pool)
    if rng.random() < 0.85:  # a piece of a report: small and fast, so many more cases fit
        a = rng.randrange(len(text))
        text = text[a:a + rng.randrange(30, 1000)]
    data = encode(rng, mutate_text(rng, text, pool, rng.randint(1, 12)))
    if rng.random() < 0.25:
        data = mutate_bytes(rng, data, [p.encode() for p in pool])
    return data


# ---- HTML -------------------------------------------------------------------------------------------

@functools.cache
def html_seeds() -> tuple[str, ...]:
    from documents import cms_page, word_export_page

    values = truth_values()
    return cms_page(values), word_export_page(values), cms_page(values, "gbk")


_SPANS = ("0", "1", "2", "-1", "999", "99999", "2147483648", "1e9", "abc", "", "3.5", " 2 ", "０２")
_TAGS = ("<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th colspan=3>", "<br>", "<p>", "</p>",
         "<tbody>", "<!--", "-->", "<![CDATA[", "<script>", "<style>", "<svg>", "&nbsp;", "&#0;", "&#x110000;",
         "&#99999999999;", "&amp;", "<td rowspan=", "<?xml version='1.0'?>", "<meta charset=utf-16>")


def mutate_html(rng: random.Random, page: str) -> str:
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(7)
        if op == 0:  # odd spans on a cell
            cells = [m.end() for m in re.finditer(r"<t[dh]\b", page)]
            if cells:
                at = rng.choice(cells)
                attr = rng.choice(("rowspan", "colspan"))
                page = page[:at] + f' {attr}="{rng.choice(_SPANS)}"' + page[at:]
        elif op == 1:  # a row or a cell repeated or dropped
            rows = list(re.finditer(r"<t([rd])\b.*?</t\1>", page, re.S))
            if rows:
                m = rng.choice(rows)
                repeat = m.group() * rng.randrange(0, 6)
                page = page[:m.start()] + repeat + page[m.end():]
        elif op == 2:  # deep nesting
            i, k = rng.randrange(len(page) + 1), rng.choice((10, 300, 3000))
            tag = rng.choice(("div", "span", "table", "td", "b"))
            page = page[:i] + f"<{tag}>" * k + page[i:i + 200] + f"</{tag}>" * rng.randrange(k + 1) + page[i + 200:]
        elif op == 3:
            i = rng.randrange(len(page) + 1)
            page = page[:i] + rng.choice(_TAGS) + page[i:]
        elif op == 4:  # a tag removed
            tags = list(re.finditer(r"<[^<>]{1,80}>", page))
            if tags:
                m = rng.choice(tags)
                page = page[:m.start()] + page[m.end():]
        elif op == 5:
            charset = rng.choice(("gbk", "utf-8", "big5", "utf-16", "latin-1", "no-such-codec", "x-user-defined", ""))
            page = re.sub(r"charset=['\"]?[\w-]+", "charset=" + charset, page, count=1)
        else:
            page = mutate_text(rng, page, list(html_seeds()), rng.randint(1, 10))
    return page


def html_case(rng: random.Random) -> bytes:
    seeds = html_seeds()
    which = rng.randrange(len(seeds))
    page = mutate_html(rng, seeds[which])
    data = page.encode("gb18030") if which == 2 and rng.random() < 0.7 else encode(rng, page)
    if rng.random() < 0.25:
        data = mutate_bytes(rng, data, [s.encode() for s in seeds])
    return data
