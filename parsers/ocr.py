"""Scanned reports: pages without a text layer and image files read by offline OCR into the same
Grid as the other readers, every OCR value marked (its read, confidence, alternatives, and the
"/" rule of parsers/ocr_marks.py).

    images = page_images(data, ".pdf")           # PageImage per scanned page (PDF, PNG, JPEG, TIFF)
    pages = ocr_pages(images, progress, cancelled)  # OCR, one page at a time; stops when cancelled
    scan = build_scan(pages)                     # text (prose lines, tables as tab rows), Grids, marks

`read_scan(data, suffix)` does the three. The models ship in rapidocr's wheel; nothing is
downloaded. The text reads like a PDF's laid-out text (scan.layout has the same "pieces" and
"heights"), and scan.layout["ocr"] holds each piece's mark, so a report restored from a workspace
keeps its marks (cell_marks()).
"""
from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from models.report import Report
from parsers.grid import Grid, GridCell, Source
from parsers.layout_text import TextBuilder, clean
from parsers.ocr_images import IMAGE_SUFFIXES, MAX_SCAN_PAGES, PageImage, page_images, page_total, pages_without_text
from parsers.ocr_layout import Table, assign, find_tables, lines, read_stray_ink, read_unread_ink
from parsers.ocr_marks import UNCERTAIN_BELOW, OcrMark, mark
from parsers.ocr_page import Word, read_page

__all__ = ["IMAGE_SUFFIXES", "MAX_SCAN_PAGES", "PageImage", "Scan", "ScannedPage", "OcrMark", "build_scan",
           "cell_marks", "ocr_pages", "page_images", "pages_without_text", "read_scan", "scan_page"]

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass
class ScannedPage:
    """What OCR made of one page (its pixels are not kept): its ruled tables, each read in its cell,
    and the reads outside them."""
    page: int
    width_pt: float
    height_pt: float
    pt_per_px: float
    skew: float  # degrees the page was turned to straighten it
    tables: list[Table]
    prose: list[Word]


@dataclass
class Scan:
    """A scanned report as text and Grids, with each OCR value's mark."""
    text: str
    layout: dict[str, Any]  # like a PDF's: "pieces", "heights"; and "ocr": a mark (or None) per piece
    grids: list[Grid]
    marks: dict[int, OcrMark] = field(default_factory=dict)  # a grid cell's Source.span start → its mark
    pages: int = 0  # pages read
    skipped: int = 0  # pages not read: beyond the page limit, or cancelled


# ---------------------------------------------------------------- OCR


def ocr_pages(images: Iterable[PageImage], progress: Progress | None = None, cancelled: Cancelled | None = None,
              total: int | None = None, threads: int | None = None) -> list[ScannedPage]:
    """OCR page after page; progress(done, total) after each, and stop before the next page once
    cancelled() says so (the pages read so far are returned)."""
    out = []
    for image in images:
        if cancelled is not None and cancelled():
            break
        out.append(scan_page(image, threads))
        if progress is not None:
            progress(len(out), total or len(out))
    return out


def scan_page(image: PageImage, threads: int | None = None) -> ScannedPage:
    """OCR one page: reads, ruled tables with each read in its cell, cells with unread ink read again."""
    read = read_page(image.pixels, threads)
    px_per_pt = 1 / image.pt_per_px
    tables, text_ink = find_tables(read.straight, px_per_pt)
    prose = assign(tables, read.words)
    read_unread_ink(tables, read, text_ink, px_per_pt, threads)
    prose += read_stray_ink(prose, read, text_ink, threads)
    return ScannedPage(image.page, image.width_pt, image.height_pt, image.pt_per_px, read.skew, tables, prose)


# ---------------------------------------------------------------- text, Grids and marks


def _cell_mark(words: list[Word]) -> tuple[str, OcrMark]:
    """The text and mark of a cell from its reads (most cells hold one)."""
    taken = [mark(w.read, w.ink) for w in words]
    if len(taken) == 1:
        text, m = taken[0]
        if words[0].late:
            m = OcrMark(m.text, m.confidence, m.alternatives, m.shape, m.angle, True, m.flagged,
                        "此格有笔迹但未检出文字，" + (m.note or f"补读为“{text}”"))
        return text, m
    text = "".join(t for t, _ in taken)
    marks = [m for _, m in taken]
    return text, OcrMark("".join(m.text for m in marks), min(m.confidence for m in marks), (), None, None,
                         any(m.uncertain for m in marks), any(m.flagged for m in marks),
                         "；".join(m.note for m in marks if m.note))


def _box(page: ScannedPage, words: list[Word]) -> tuple[int, float, float, float, float]:
    """The reads' box on the page as given, in points from the page top."""
    k = page.pt_per_px
    left = min(w.page_box[0] for w in words) * k
    top = min(w.page_box[1] for w in words) * k
    right = max(w.page_box[2] for w in words) * k
    bottom = max(w.page_box[3] for w in words) * k
    return page.page, left, top, right, bottom


def build_scan(pages: list[ScannedPage], skipped: int = 0) -> Scan:
    """The scanned report's text in reading order (prose lines; each table as tab-separated rows,
    a merged cell's text at its top-left), a Grid per table with page boxes and confidences, and
    the mark of every table cell."""
    builder = TextBuilder()
    pieces: list[list[float]] = []
    piece_marks: list[list[object] | None] = []
    grids: list[Grid] = []
    marks: dict[int, OcrMark] = {}
    heights = []
    for page in pages:
        heights.append(page.height_pt)
        blocks: list[tuple[float, object]] = [((ln[0].box[1] + ln[-1].box[3]) / 2, ln) for ln in lines(page.prose)]
        blocks += [(t.rect[1], t) for t in page.tables]
        for _, block in sorted(blocks, key=lambda b: b[0]):
            if isinstance(block, Table):
                grid = _table_text(builder, page, block, pieces, piece_marks, marks)
                if grid.cells:
                    grids.append(grid)
            else:
                assert isinstance(block, list)
                _line(builder, page, block, pieces, piece_marks)
    layout = {"pieces": pieces, "heights": heights, "ocr": piece_marks}
    return Scan(builder.text(), layout, grids, marks, len(pages), skipped)


def _line(builder: TextBuilder, page: ScannedPage, line: list[Word], pieces: list[list[float]],
          piece_marks: list[list[object] | None]) -> None:
    """A line of reads outside the ruled tables, as a PDF's line is laid out: reads far apart (an
    unruled table's cells) separated by tabs, each run with its box."""
    height = max(w.box[3] - w.box[1] for w in line)
    runs: list[list[Word]] = [[line[0]]]
    for w in line[1:]:
        if w.box[0] - runs[-1][-1].box[2] > 1.2 * height:
            runs.append([w])
        else:
            runs[-1].append(w)
    done: list[tuple[list[Word], str, OcrMark]] = []
    for run in runs:
        text = clean("".join(w.read.text for w in run))
        if 0 < len(text) <= 12:  # a value of an unruled table, maybe: the "/" rule applies
            taken, mark_ = _cell_mark(run)
            text = clean(taken)
        else:  # prose: its read and the least sure of its boxes, for a value found in it
            conf = min(w.read.confidence for w in run)
            low = conf < UNCERTAIN_BELOW
            mark_ = OcrMark(text, round(conf, 4), uncertain=low,
                            note=f"OCR 读出此行，最低把握 {conf:.2f}" if low else "")
        if text:
            done.append((run, text, mark_))
    for k, (run, text, mark_) in enumerate(done):
        if k:
            _emit(builder, "\t")
        _piece(pieces, builder.pos, builder.pos + len(text), _box(page, run), page.height_pt)
        piece_marks.append(mark_.to_json())
        _emit(builder, text)
    if done:
        _emit(builder, "\n")


def _emit(builder: TextBuilder, text: str) -> None:
    """Text added as it is (TextBuilder.line() would fold a tab into a space)."""
    builder.parts.append(text)
    builder.pos += len(text)


def _piece(pieces: list[list[float]], start: int, end: int, box: tuple[int, float, float, float, float],
           height: float) -> None:
    """A piece of the text with its box, as parse_laid_out reads a PDF's (points from the page bottom)."""
    page, left, top, right, bottom = box
    pieces.append([start, end, page, left, height - bottom, right, height - top])


def _table_text(builder: TextBuilder, page: ScannedPage, table: Table, pieces: list[list[float]],
                piece_marks: list[list[object] | None], marks: dict[int, OcrMark]) -> Grid:
    placed = []
    cell_data: dict[tuple[int, int], tuple[str, OcrMark, list[Word]]] = {}
    for c in table.cells:
        if not c.words:
            continue
        ordered = [w for line in lines(c.words) for w in line]
        text, m = _cell_mark(ordered)
        text = clean(text)
        cell_data[(c.row, c.col)] = (text, m, ordered)
        placed.append((c.row, c.col, c.rowspan, c.colspan, text))
    start = len(builder.grids)
    builder.table(placed)
    grid = Grid(ruled=True)
    if len(builder.grids) == start:
        return grid
    built = builder.grids[-1]
    for gc in built.cells:
        text, m, words = cell_data[(gc.row, gc.col)]
        box = _box(page, words)
        conf = min(w.read.confidence for w in words)
        assert gc.source.span is not None
        a, b = gc.source.span
        grid.add(GridCell(gc.row, gc.col, gc.text, gc.rowspan, gc.colspan,
                          Source(gc.source.span, gc.source.origin, box, round(conf, 4))))
        _piece(pieces, a, b, box, page.height_pt)
        piece_marks.append(m.to_json())
        marks[a] = m
    grid.rows, grid.cols = built.rows, built.cols
    return grid


def read_scan(data: bytes, suffix: str, progress: Progress | None = None, cancelled: Cancelled | None = None,
              pages: list[int] | None = None, max_pages: int = MAX_SCAN_PAGES, threads: int | None = None) -> Scan:
    """Read a scanned PDF (its `pages`, all by default) or an image file by OCR, at most `max_pages`."""
    wanted = len(pages) if pages is not None else page_total(data, suffix)
    total = min(wanted, max_pages)
    done = ocr_pages(page_images(data, suffix, pages, max_pages), progress, cancelled, total, threads)
    return build_scan(done, wanted - len(done))


def cell_marks(report: Report) -> dict[str, OcrMark]:
    """The OCR mark of each template cell of a report read from a scan (fresh or restored from a
    workspace: the marks travel in report.layout); a cell whose mark says uncertain or flagged is
    set uncertain."""
    layout = report.layout or {}
    ocr = layout.get("ocr")
    if not ocr:
        return {}
    starts = [int(p[0]) for p in layout["pieces"]]
    out = {}
    for fid, cell in report.cells.items():
        if cell.span is None:
            continue
        i = bisect.bisect_right(starts, cell.span[0]) - 1
        if i < 0 or not (starts[i] <= cell.span[0] < int(layout["pieces"][i][1])) or ocr[i] is None:
            continue
        m = OcrMark.from_json(ocr[i])
        out[fid] = m
        if m.uncertain or m.flagged:
            cell.uncertain = True
    return out
