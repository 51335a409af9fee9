"""PDF reports with a text layer: characters with their positions, rebuilt into lines and cells.

Characters are merged into cell texts by their gaps, cell texts into lines by their vertical
overlap, lines into the page's text (cells separated by tabs). Every piece keeps its page and
box, so a value read from the text knows where it stands on the page, and the x position of
each piece lets a row with blank cells be placed under the right headers.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from models.report import WARNING, Issue
from parsers.decode import DecodeError
from parsers.grid import Grid

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

MAX_PAGES = 500


# pypdfium2 has no type information: these are the parts of its objects that this module uses.
_Box = tuple[float, float, float, float]  # left, bottom, right, top in PDF points


class _TextPage(Protocol):
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


def _pieces(page: _Page, number: int) -> list[Piece]:
    """Each printed character with its box: the page's text in one call, then a box per character
    (several times faster than asking for the text inside each of pdfium's rectangles)."""
    tp = page.get_textpage()
    out = []
    try:
        n = tp.count_chars()
        text = tp.get_text_range()
        if len(text) != n:  # characters outside the BMP: fall back to pdfium's rectangles
            return _rect_pieces(tp, number)
        for i, ch in enumerate(text):
            if ch.isspace():
                continue
            left, bottom, right, top = tp.get_charbox(i)
            out.append(Piece(number, left, bottom, right, top, ch))
    finally:
        tp.close()
    return out


def _rect_pieces(tp: _TextPage, number: int) -> list[Piece]:
    out = []
    for i in range(tp.count_rects()):
        left, bottom, right, top = tp.get_rect(i)
        text = tp.get_text_bounded(left, bottom, right, top)
        if text.strip():
            out.append(Piece(number, left, bottom, right, top, text))
    return out


def _lines(pieces: list[Piece]) -> list[list[Piece]]:
    """Pieces grouped into lines (top to bottom), each line left to right. A piece joins a line
    when most of its height lies within the line's: the low, small boxes of 、。.，（ included."""
    lines: list[list[Piece]] = []
    spans: list[tuple[float, float]] = []  # (bottom, top) of each line
    for p in sorted(pieces, key=lambda p: (-(p.top + p.bottom) / 2, p.left)):
        h = max(0.5, p.top - p.bottom)
        if lines:
            bottom, top = spans[-1]
            overlap = min(p.top, top) - max(p.bottom, bottom)
            if overlap >= 0.5 * min(h, top - bottom):
                lines[-1].append(p)
                spans[-1] = (min(bottom, p.bottom), max(top, p.top))
                continue
        lines.append([p])
        spans.append((p.bottom, p.top))
    return [sorted(line, key=lambda p: p.left) for line in lines]


def _cells(line: list[Piece]) -> list[Piece]:
    """Neighbouring characters merged into the texts of cells: a gap wider than ~1.2 characters
    (of the line's tallest glyph) starts a new cell."""
    gap = 1.2 * max(1.0, max(p.top - p.bottom for p in line))
    out: list[Piece] = []
    run: list[Piece] = []
    right = 0.0
    for p in line:
        if run and p.left - right >= gap:
            out.append(_run(run))
            run = []
        run.append(p)
        right = p.right if len(run) == 1 else max(right, p.right)
    if run:
        out.append(_run(run))
    return out


def _run(run: list[Piece]) -> Piece:
    """Neighbouring pieces as one (their texts joined, their boxes united)."""
    if len(run) == 1:
        return run[0]
    text = ""
    for p in run:
        text = text.rstrip() + p.text
    return Piece(run[0].page, run[0].left, min(p.bottom for p in run), max(p.right for p in run),
                 max(p.top for p in run), text)


def piece_at(pieces: list[tuple[int, int, Piece]], pos: int) -> Piece | None:
    """The piece whose text holds offset pos."""
    i = bisect.bisect_right(pieces, pos, key=lambda t: t[0]) - 1
    if i >= 0 and pieces[i][0] <= pos < pieces[i][1]:
        return pieces[i][2]
    return None


def _page_pieces(pdf: _Document, n: int) -> tuple[tuple[float, float], list[Piece]] | None:
    """Page n's size and characters, or None when pdfium cannot load or read that page."""
    import pypdfium2 as pdfium

    try:
        page = pdf[n]
    except pdfium.PdfiumError:
        return None
    try:
        return (page.get_width(), page.get_height()), _pieces(page, n + 1)
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
        from parsers.pdf_grid import Laid, lay_out, page_rules, tabular  # the layout of a page; it uses Piece

        laid = Laid()
        sizes = []
        damaged = []
        for n in range(len(pdf)):
            read = _page_pieces(pdf, n)
            if read is None:
                damaged.append(n + 1)
                sizes.append((0.0, 0.0))
                continue
            sizes.append(read[0])
            lines, table = tabular(read[1])
            lay_out(laid, read[1], page_rules(pdf, n) if table else None, read[0][1], lines)
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
