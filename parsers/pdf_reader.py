"""PDF reports with a text layer: characters with their positions, rebuilt into lines and cells.

Characters are merged into cell texts by their gaps, cell texts into lines by their vertical
overlap, lines into the page's text (cells separated by tabs). Every piece keeps its page and
box, so a value read from the text knows where it stands on the page, and the x position of
each piece lets a row with blank cells be placed under the right headers.
"""
from __future__ import annotations

import bisect
import itertools
import operator
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from models.report import WARNING, Issue
from parsers.decode import DecodeError
from parsers.grid import Grid

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

    from parsers.pdf_grid import Rules

MAX_PAGES = 500


# pypdfium2 has no type information: these are the parts of its objects that this module uses.
_Box = tuple[float, float, float, float]  # left, bottom, right, top in PDF points


class _TextPage(Protocol):
    raw: Any  # pdfium's handle
    def count_chars(self) -> int: ...
    def get_text_range(self) -> str: ...
    def get_charbox(self, index: int) -> _Box: ...
    def count_rects(self) -> int: ...
    def get_rect(self, index: int) -> _Box: ...
    def get_text_bounded(self, left: float, bottom: float, right: float, top: float) -> str: ...
    def close(self) -> None: ...


class _Bitmap(Protocol):
    @property
    def buffer(self) -> ReadableBuffer: ...
    @property
    def width(self) -> int: ...
    @property
    def height(self) -> int: ...
    @property
    def stride(self) -> int: ...
    def close(self) -> None: ...


class _Page(Protocol):
    raw: Any  # pdfium's handle
    def get_textpage(self) -> _TextPage: ...
    def get_width(self) -> float: ...
    def get_height(self) -> float: ...
    def render(self, *, scale: float, rev_byteorder: bool, force_bitmap_format: int,
               fill_color: tuple[int, int, int, int]) -> _Bitmap: ...
    def close(self) -> None: ...


class _Document(Protocol):
    def __len__(self) -> int: ...
    def __getitem__(self, index: int) -> _Page: ...
    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text on a page, in PDF points (y grows upwards)."""
    page: int
    left: float
    bottom: float
    right: float
    top: float
    text: str


@dataclass
class PdfText:
    text: str
    pieces: list[tuple[int, int, Piece]]  # (start, end) in text → piece
    pages: int
    page_sizes: list[tuple[float, float]]  # (0, 0) for a damaged page
    damaged: list[int] = field(default_factory=list)  # pages (from 1) that pdfium could not load or read
    grids: list[Grid] = field(default_factory=list)  # the ruled tables, cells with spans into text and boxes

    def notes(self) -> list[Issue]:
        """What the reader should be told about the document: the damaged pages, named."""
        if not self.damaged:
            return []
        names = "、".join(str(n) for n in self.damaged[:20])
        more = f" 等 {len(self.damaged)} " if len(self.damaged) > 20 else " "
        return [Issue("missing", WARNING, [], f"第 {names}{more}页已损坏，无法读取；其余页面照常读取")]


def _load(data: bytes) -> _Document:
    import pypdfium2 as pdfium  # imported here: only PDFs need it

    try:
        document: _Document = pdfium.PdfDocument(data)
        return document
    except pdfium.PdfiumError as exc:
        msg = str(exc)
        if "password" in msg.lower():
            raise DecodeError("PDF 已加密，需要密码才能打开；请先去掉密码或另存一份未加密的 PDF") from exc
        raise DecodeError(f"PDF 文件已损坏，无法读取（{msg}）") from exc


Char = tuple[float, float, float, float, str]  # a printed character: left, bottom, right, top, text


_UNTYPED: dict[str, Any] = {}


def untyped(name: str, restype: Any, *argtypes: Any) -> Any:
    """pdfium's function `name` called through untyped pointers (c_void_p in, ints out): the typed
    binding checks each pointer argument and wraps each pointer it returns in an object, which
    costs as much again as the call itself when it is called for each character or object."""
    f = _UNTYPED.get(name)
    if f is None:
        import ctypes

        import pypdfium2.raw as raw

        address = ctypes.cast(getattr(raw, name), ctypes.c_void_p).value or 0
        f = _UNTYPED[name] = ctypes.CFUNCTYPE(restype, *argtypes)(address)
    return f


def _charbox() -> Any:
    """FPDFText_GetCharBox(text page, index, &left, &right, &bottom, &top), untyped."""
    import ctypes

    p = ctypes.c_void_p
    return untyped("FPDFText_GetCharBox", ctypes.c_int, p, ctypes.c_int, p, p, p, p)


def _chars(page: _Page) -> list[Char]:
    """Each printed character with its box: the page's text in one call, then pdfium's box of each
    printed character (_boxes)."""
    import pypdfium2 as pdfium

    tp = page.get_textpage()
    try:
        text = tp.get_text_range()
        if len(text) != tp.count_chars():  # characters outside the BMP: fall back to pdfium's rectangles
            return _rect_chars(tp)
        printed = list(map(operator.not_, map(str.isspace, text)))  # what \S matches
        index = list(itertools.compress(range(len(text)), printed))
        boxes = _boxes(tp, index)
        if boxes is None:
            raise pdfium.PdfiumError("Failed to get charbox.")
        # pdfium gives left, right, bottom, top
        return list(zip(boxes[0::4], boxes[2::4], boxes[1::4], boxes[3::4], itertools.compress(text, printed),
                        strict=True))
    finally:
        tp.close()


def _boxes(tp: _TextPage, index: list[int]) -> list[float] | None:
    """pdfium's box (left, right, bottom, top) of each character of `index`, one after the other in one
    list; None when pdfium cannot give one. The calls run in C (map), each writing into its own four
    doubles of one array, read back at once: no Python code runs per character."""
    import ctypes

    k = len(index)
    box = (ctypes.c_double * (4 * k))()
    at = ctypes.addressof(box)
    end = at + 32 * k
    handle = ctypes.cast(tp.raw, ctypes.c_void_p).value
    done = list(map(_charbox(), itertools.repeat(handle, k), index, range(at, end, 32), range(at + 8, end, 32),
                    range(at + 16, end, 32), range(at + 24, end, 32)))
    if not all(done):
        return None
    values: list[float] = box[:]
    return values


def _rect_chars(tp: _TextPage) -> list[Char]:
    out: list[Char] = []
    for i in range(tp.count_rects()):
        left, bottom, right, top = tp.get_rect(i)
        text = tp.get_text_bounded(left, bottom, right, top)
        if text.strip():
            out.append((left, bottom, right, top, text))
    return out


def _line_key(c: Char) -> tuple[float, float]:
    return -(c[3] + c[1]), c[0]


_LEFT = operator.itemgetter(0)


def _lines(chars: list[Char]) -> list[list[Char]]:
    """Characters grouped into lines (top to bottom), each line left to right. A character joins a
    line when most of its height lies within the line's: the low, small boxes of 、。.，（ included."""
    lines: list[list[Char]] = []
    line: list[Char] = []
    bottom = top = 0.0
    for c in sorted(chars, key=_line_key):
        b, t = c[1], c[3]
        if line:
            if bottom <= b and t <= top and t - b >= 0.5:  # within the line's height: it joins, as below
                line.append(c)
                continue
            overlap = (t if t < top else top) - (b if b > bottom else bottom)
            h = t - b
            if h < 0.5:
                h = 0.5
            if overlap >= 0.5 * (h if h < top - bottom else top - bottom):
                line.append(c)
                if b < bottom:
                    bottom = b
                if t > top:
                    top = t
                continue
            lines.append(line)
        line = [c]
        bottom, top = b, t
    if line:
        lines.append(line)
    for line in lines:
        line.sort(key=_LEFT)
    return lines


_OPENS = frozenset("（(《“‘【〔「『")
_CLOSES = frozenset("）)》”’】〕」』、，。：:,;；")
_FIGURES = frozenset("0123456789.,/-—–")  # a number (or a dash or slash for none) beside a text is a cell of its own


def _cells(line: list[Char], page: int, factor: float = 1.2) -> list[Piece]:
    """Neighbouring characters merged into the texts of cells: a gap wider than ~1.2 characters
    (of the line's tallest glyph) starts a new cell, and so does half a character between a figure and
    a text (a value printed at the left of its cell, close to the label before it). A smaller `factor`
    (a table's header, whose texts stand close in narrow columns) is not applied beside brackets and
    punctuation, whose ink leaves a wide gap inside a text."""
    tall = 1.0  # the line's tallest glyph (at least one point)
    for c in line:
        h = c[3] - c[1]
        if h > tall:
            tall = h
    gap, wide, half = factor * tall, 1.2 * tall, 0.5 * tall
    least = gap if gap < half else half  # no gap narrower than this starts a cell
    out: list[Piece] = []
    start = 0
    c = line[0]
    right, before = c[2], c[4]
    for k in range(1, len(line)):
        c = line[k]
        space = c[0] - right
        text = c[4]
        if space >= least and (space >= (wide if text in _OPENS or before in _CLOSES else gap) or
                               (space >= half and (text in _FIGURES) != (before in _FIGURES))):
            out.append(_run(line, start, k, page))
            start = k
            right = c[2]
        elif c[2] > right:
            right = c[2]
        before = text
    out.append(_run(line, start, len(line), page))
    return out


_SPACE = re.compile(r"\s")


def _run(line: list[Char], a: int, b: int, page: int) -> Piece:
    """Neighbouring characters as one piece (their texts joined, each but the last without the white
    space it ends with; their boxes united)."""
    c = line[a]
    if b - a == 1:
        return Piece(page, c[0], c[1], c[2], c[3], c[4])
    _, bottoms, rights, tops, texts = zip(*line[a:b], strict=True)
    text = "".join(texts)
    if _SPACE.search(text):
        text = "".join(map(str.rstrip, texts[:-1])) + texts[-1]
    return Piece(page, c[0], min(bottoms), max(rights), max(tops), text)


def piece_at(pieces: list[tuple[int, int, Piece]], pos: int) -> Piece | None:
    """The piece whose text holds offset pos."""
    i = bisect.bisect_right(pieces, pos, key=lambda t: t[0]) - 1
    if i >= 0 and pieces[i][0] <= pos < pieces[i][1]:
        return pieces[i][2]
    return None


@dataclass
class _PageRead:
    size: tuple[float, float]
    chars: list[Char]
    lines: list[list[Char]]
    runs: list[list[Piece]]  # each line's runs (cells)
    rules: Rules | None  # read only when the page may hold a table


def _read_page(pdf: _Document, n: int) -> _PageRead | None:
    """Page n's size, characters, lines and (when it may hold a table) ruling strokes, read while
    the page is loaded once; None when pdfium cannot load or read the page."""
    import pypdfium2 as pdfium

    from parsers.pdf_grid import page_rules, tabular

    try:
        page = pdf[n]
    except pdfium.PdfiumError:
        return None
    try:
        chars = _chars(page)
        lines, runs, table = tabular(chars, n + 1)
        size = (page.get_width(), page.get_height())
        return _PageRead(size, chars, lines, runs, page_rules(page) if table else None)
    except pdfium.PdfiumError:
        return None
    finally:
        page.close()


def read_pdf(data: bytes) -> PdfText:
    """The text of a PDF laid out line by line, cells separated by tabs, with each cell's piece; a
    damaged page is left out and named (PdfText.damaged), the others are read."""
    pdf = _load(data)
    try:
        if len(pdf) > MAX_PAGES:
            raise DecodeError(f"PDF 有 {len(pdf)} 页，超过 {MAX_PAGES} 页的上限")
        from parsers.pdf_grid import Laid, lay_out  # the layout of a page; it uses Piece

        laid = Laid()
        sizes = []
        damaged = []
        for n in range(len(pdf)):
            read = _read_page(pdf, n)
            if read is None:
                damaged.append(n + 1)
                sizes.append((0.0, 0.0))
                continue
            sizes.append(read.size)
            lay_out(laid, read.chars, read.rules, read.size[1], read.lines, n + 1, read.runs)
        if damaged and len(damaged) == len(pdf):
            raise DecodeError(f"PDF 文件已损坏，无法读取：{'全部 ' if len(pdf) > 1 else ''}{len(pdf)} 页都无法载入")
        return PdfText("".join(laid.parts), laid.pieces, len(pdf), sizes, damaged, laid.grids)
    finally:
        pdf.close()


def _bgra_format() -> int:
    """pdfium's BGRA bitmap format constant (from pypdfium2's raw bindings)."""
    import pypdfium2.raw as raw

    bgra: int = raw.FPDFBitmap_BGRA
    return bgra


def page_count(data: bytes) -> int:
    """How many pages a PDF has."""
    pdf = _load(data)
    try:
        return len(pdf)
    finally:
        pdf.close()


def render_page(data: bytes, page: int, scale: float) -> tuple[bytes, int, int, int]:
    """A page as RGBA pixels (bytes, width, height, stride) at `scale` pixels per point, on white."""
    import pypdfium2 as pdfium

    pdf = _load(data)
    try:
        try:
            bitmap = pdf[page - 1].render(scale=scale, rev_byteorder=True, force_bitmap_format=_bgra_format(),
                                          fill_color=(255, 255, 255, 255))
        except pdfium.PdfiumError as exc:
            raise DecodeError(f"第 {page} 页已损坏，无法显示（{exc}）") from exc
        try:
            return bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride
        finally:
            bitmap.close()
    finally:
        pdf.close()
