"""HTML pages as published or saved: the report's text with its tables rebuilt as grids.

The page is data: nothing is run and nothing is fetched (lxml parses it without network access;
scripts, styles and embedded objects are dropped).
"""
from __future__ import annotations

import codecs
import re
from typing import TYPE_CHECKING

from lxml import etree

if TYPE_CHECKING:
    from lxml.etree import _Element

from models.report import INFO, Issue
from parsers.decode import Decoded, DecodeError, decode, tolerant
from parsers.layout_text import TextBuilder, fill_grid

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*(?:["']\s*)?([A-Za-z0-9_\-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
SKIP = {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "head", "title", "meta",
        "link", "button", "select", "option", "textarea", "input", "canvas", "video", "audio", "map"}
BLOCK = {"p", "div", "section", "article", "header", "footer", "nav", "aside", "main", "h1", "h2", "h3", "h4",
         "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "form", "fieldset", "address",
         "center", "hr", "tr", "caption", "figure", "figcaption", "body", "html"}
_CHARSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb18030": "gb18030", "big5": "big5hkscs",
             "utf8": "utf-8", "utf-8": "utf-8"}


def decode_html(data: bytes, encoding: str | None = None) -> Decoded:
    """The page's text: the encoding asked for, else the BOM, else the page's own meta charset, else
    detection. The decoder's notes come with it, as for a text file (a BOM ignored, a reading in doubt
    and the encodings tried), and a note when the page's declaration is not what its bytes are."""
    if encoding or data[:3] == b"\xef\xbb\xbf" or data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return decode(data, encoding)
    m = _META_CHARSET.search(data[:8192])
    if not m:
        return decode(data)
    declared = m.group(1).decode("ascii", "replace").lower()
    codec = _CHARSETS.get(declared, declared)
    if codec in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii", "windows-1252"):
        got = tolerant(data, "utf-8", strict_only=True)  # a page that says Latin-1 but is UTF-8
        if got is not None:
            return Decoded(got[0], "utf-8", True, 0, () if data.isascii() else (_misdeclared(declared, "utf-8"),))
    got = tolerant(data, codec)
    if got is not None:
        return Decoded(got[0], codec, False, got[1])
    d = decode(data)  # a declaration the bytes do not bear out
    if d.encoding == codec:  # the declaration holds for most of the page: the decoder's notes say the rest
        return d
    return Decoded(d.text, d.encoding, d.detected, d.replaced, (_misdeclared(declared, d.encoding),) + d.notes)


def _misdeclared(declared: str, used: str) -> Issue:
    try:
        codecs.lookup(declared)
    except LookupError:
        return Issue("encoding", INFO, [], f"网页声明了未知的编码 {declared}，已按 {used} 读取")
    return Issue("encoding", INFO, [], f"网页声明的编码 {declared} 与内容不符，已按 {used} 读取")


def _tag(el: _Element) -> str:
    t = el.tag
    return t.lower() if isinstance(t, str) else ""


def _rows(table: _Element) -> list[_Element]:
    """The rows of this table (through thead/tbody/tfoot), not those of tables nested in it."""
    out = []
    for child in table:
        t = _tag(child)
        if t == "tr":
            out.append(child)
        elif t in ("thead", "tbody", "tfoot"):
            out.extend(c for c in child if _tag(c) == "tr")
    return out


def _cell_text(cell: _Element) -> str:
    """A cell's text as printed: inline runs joined as they are (Word splits 2957 into <span>29</span>
    <span>57</span>), block elements and line breaks inside it separated by a space."""
    parts: list[str] = []

    def walk(el: _Element) -> None:
        t = _tag(el)
        if t in SKIP:
            if el.tail:
                parts.append(el.tail)
            return
        block = t in BLOCK or t in ("br", "table", "td", "th")
        if block:
            parts.append(" ")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append(" ")
        if el.tail:
            parts.append(el.tail)

    if cell.text:
        parts.append(cell.text)
    for child in cell:
        walk(child)
    return "".join(parts)


def _span(el: _Element, name: str) -> int:
    try:
        return int(str(el.get(name, "1")).strip() or 1)
    except ValueError:
        return 1


class _Renderer:
    def __init__(self) -> None:
        self.out = TextBuilder()
        self.buf: list[str] = []

    def flush(self) -> None:
        if not self.buf:  # most flushes: nothing since the last block
            self.out.line("")
            return
        self.out.line("".join(self.buf))
        self.buf = []

    def walk(self, el: _Element) -> None:
        tag = el.tag
        t = tag.lower() if isinstance(tag, str) else ""
        if t in SKIP or not t:
            if el.tail and t:
                self.buf.append(el.tail)
            return
        if t == "table":
            self.flush()
            self.table(el)
        else:
            block = t in BLOCK
            if block:
                self.flush()
            if t == "br":
                self.flush()
            if el.text:
                self.buf.append(el.text)
            for child in el:
                self.walk(child)
            if block:
                self.flush()
        if el.tail:
            self.buf.append(el.tail)

    def table(self, table: _Element) -> None:
        rows = _rows(table)
        cells = [[c for c in tr if _tag(c) in ("td", "th")] for tr in rows]
        # A table holding tables is a page layout (a few big regions) unless it is itself a data
        # table with many rows, whose odd nested table is just a cell's content.
        if any(c.find(".//table") is not None for row in cells for c in row) and len(rows) <= 4:
            for row in cells:  # a layout table: its cells are page regions, read in order
                for c in row:
                    self.flush()
                    self.walk_children(c)
                    self.flush()
            return
        grid = fill_grid([[(_cell_text(c), _span(c, "rowspan"), _span(c, "colspan")) for c in row]
                          for row in cells])
        caption = table.find("caption")
        if caption is not None:
            # lxml's texts are str (its stubs also allow bytes, which a parsed str never gives)
            self.out.line(" ".join(t for t in caption.itertext() if isinstance(t, str)))
        if grid:
            self.out.table(grid)

    def walk_children(self, el: _Element) -> None:
        if el.text:
            self.buf.append(el.text)
        for child in el:
            self.walk(child)


def render_html(text: str) -> TextBuilder:
    """Lay a page out as text; tables as grids."""
    text = _XML_DECL.sub("", text, count=1)
    # lxml.html's parser, without its element classes: the page is only walked, and plain elements
    # come back from C without a class lookup per node
    parser = etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, recover=True)
    try:
        root = etree.fromstring(text, parser)
        if root is None:
            raise etree.ParserError("Document is empty")  # as lxml.html.document_fromstring says it
    except (etree.ParserError, ValueError) as exc:
        raise DecodeError(f"网页无法解析：{exc}") from exc
    body = root.find("body")
    r = _Renderer()
    r.walk(body if body is not None else root)
    r.flush()
    return r.out
