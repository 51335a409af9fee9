"""The structure of a scanned page: its tables from their ruling lines, each OCR read put in the
cell that holds it, cells with ink but no read looked at again, and the rest as lines of prose.

Report tables are ruled, so the cells come from the rules themselves (a merged cell is a region
that no rule divides), never from guesses about columns; a table without rules is read as lines.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from parsers.grid import merge_bands
from parsers.ocr_engine import Gray, Read, recognise
from parsers.ocr_marks import measure_ink
from parsers.ocr_page import PageRead, Word

H_RULE_PT = 36.0  # a horizontal rule is at least this long (longer than any printed character)
V_RULE_PT = 11.0  # a vertical rule is at least this long (a table row is taller)
SNAP_PT = 3.0  # rules closer than this are one rule
MIN_TABLE_PT = (90.0, 24.0)  # a table is at least this wide and high


@dataclass
class Segment:
    at: float  # y of a horizontal rule, x of a vertical one (pixels)
    start: float
    end: float


@dataclass
class TableCell:
    row: int
    col: int
    rowspan: int
    colspan: int
    rect: tuple[float, float, float, float]  # left, top, right, bottom on the straightened page (pixels)
    words: list[Word] = field(default_factory=list)


@dataclass
class Table:
    rect: tuple[float, float, float, float]
    rows: int
    cols: int
    cells: list[TableCell]


def _segments(mask: Gray, horizontal: bool) -> list[Segment]:
    import cv2

    n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    out = []
    for i in range(1, n):
        x, y, w, h = (int(v) for v in stats[i, :4])
        if horizontal:
            out.append(Segment(y + h / 2, x, x + w))
        else:
            out.append(Segment(x + w / 2, y, y + h))
    return out


def _snap(values: list[float], tol: float) -> list[float]:
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return [float(np.mean(g)) for g in out]


def _covered(segs: list[Segment], at: float, start: float, end: float, tol: float) -> bool:
    """Whether rules at `at` cover most of [start, end]."""
    need = 0.5 * (end - start)
    got = sum(max(0.0, min(s.end, end) - max(s.start, start)) for s in segs if abs(s.at - at) <= tol)
    return got >= need


def ink_mask(page: Gray, px_per_pt: float) -> Gray:
    """Dark marks on a page whose light may be uneven (a local threshold)."""
    import cv2

    block = max(15, int(15 * px_per_pt) | 1)
    return np.asarray(cv2.adaptiveThreshold(page, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV,
                                            block, 12), dtype=np.uint8)


def find_tables(page: Gray, px_per_pt: float) -> tuple[list[Table], Gray]:
    """The ruled tables of a straightened page, and the page's ink with the rules taken out."""
    import cv2

    ink = ink_mask(page, px_per_pt)
    hk = max(8, int(H_RULE_PT * px_per_pt))
    vk = max(5, int(V_RULE_PT * px_per_pt))
    gap = max(2, round(0.6 * px_per_pt))  # close breaks in a rule (noise, JPEG), not the gaps between characters
    horiz = _runs(ink, (1, gap), (1, hk))
    vert = _runs(ink, (gap, 1), (vk, 1))
    rules = cv2.bitwise_or(horiz, vert)
    text_ink = np.asarray(cv2.bitwise_and(ink, cv2.bitwise_not(cv2.dilate(rules, np.ones((3, 3), np.uint8)))),
                          dtype=np.uint8)
    tol = SNAP_PT * px_per_pt
    # a rule meets other rules at both ends; a run of text strokes that looks like one does not
    hsegs, vsegs = _segments(horiz, True), _segments(vert, False)
    hsegs = [h for h in hsegs if _meets(h, vsegs, tol) >= 2]
    vsegs = [v for v in vsegs if _meets(v, hsegs, tol) >= 2]
    hsegs = [h for h in hsegs if _meets(h, vsegs, tol) >= 2]
    tables = []
    for x0, y0, x1, y1 in _regions(hsegs, vsegs, tol):
        if x1 - x0 < MIN_TABLE_PT[0] * px_per_pt or y1 - y0 < MIN_TABLE_PT[1] * px_per_pt:
            continue
        inside_h = [s for s in hsegs if y0 - tol <= s.at <= y1 + tol and x0 - tol <= s.start and s.end <= x1 + tol]
        inside_v = [s for s in vsegs if x0 - tol <= s.at <= x1 + tol and y0 - tol <= s.start and s.end <= y1 + tol]
        table = _table(inside_h, inside_v, (x0, y0, x1, y1), tol)
        if table is not None:
            tables.append(table)
    return tables, text_ink


def _runs(ink: Gray, close: tuple[int, int], keep: tuple[int, int]) -> Gray:
    """Straight runs of ink at least `keep` long (rows, columns), short breaks closed first."""
    import cv2

    closed = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones(close, np.uint8))
    return np.asarray(cv2.morphologyEx(closed, cv2.MORPH_OPEN, np.ones(keep, np.uint8)), dtype=np.uint8)


def _meets(seg: Segment, others: list[Segment], tol: float) -> int:
    """How many rules across `seg` touch or cross it."""
    return sum(1 for o in others if seg.start - tol <= o.at <= seg.end + tol and o.start - tol <= seg.at <= o.end + tol)


def _regions(hsegs: list[Segment], vsegs: list[Segment], tol: float) -> list[tuple[float, float, float, float]]:
    """The boxes of groups of rules that touch one another: one per table."""
    boxes = [(s.start, s.at, s.end, s.at) for s in hsegs] + [(s.at, s.start, s.at, s.end) for s in vsegs]
    parent = list(range(len(boxes)))

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    nh = len(hsegs)
    for i, h in enumerate(hsegs):
        for j, v in enumerate(vsegs):
            if h.start - tol <= v.at <= h.end + tol and v.start - tol <= h.at <= v.end + tol:
                parent[find(nh + j)] = find(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(boxes)):
        groups.setdefault(find(i), []).append(i)
    out = []
    for members in groups.values():
        out.append((min(boxes[i][0] for i in members), min(boxes[i][1] for i in members),
                    max(boxes[i][2] for i in members), max(boxes[i][3] for i in members)))
    return sorted(out, key=lambda b: (b[1], b[0]))


def _table(hsegs: list[Segment], vsegs: list[Segment], rect: tuple[float, float, float, float],
           tol: float) -> Table | None:
    """Cells from rules: each band between neighbouring rules, joined with its neighbour wherever
    no rule divides them (merged cells)."""
    ys = _snap([s.at for s in hsegs], tol)
    xs = _snap([s.at for s in vsegs], tol)
    if len(ys) < 2 or len(xs) < 2:
        return None
    rows, cols = len(ys) - 1, len(xs) - 1
    spans, _ = merge_bands(rows, cols, lambda r, c: not _covered(vsegs, xs[c + 1], ys[r], ys[r + 1], tol),
                           lambda r, c: not _covered(hsegs, ys[r + 1], xs[c], xs[c + 1], tol))
    cells = [TableCell(r0, c0, rs, cs, (xs[c0], ys[r0], xs[c0 + cs], ys[r0 + rs])) for r0, c0, rs, cs in spans]
    cells.sort(key=lambda t: (t.row, t.col))
    return Table(rect, rows, cols, cells)


def assign(tables: list[Table], words: list[Word]) -> list[Word]:
    """Put each read in the table cell holding its centre; return the reads outside every table."""
    outside = []
    for w in words:
        cx, cy = (w.box[0] + w.box[2]) / 2, (w.box[1] + w.box[3]) / 2
        cell = None
        for t in tables:
            if t.rect[0] <= cx <= t.rect[2] and t.rect[1] <= cy <= t.rect[3]:
                cell = next((c for c in t.cells if c.rect[0] <= cx < c.rect[2] and c.rect[1] <= cy < c.rect[3]),
                            None)
                break
        if cell is None:
            outside.append(w)
        else:
            cell.words.append(w)
    return outside


def read_unread_ink(tables: list[Table], page_read: PageRead, text_ink: Gray, px_per_pt: float,
                    threads: int | None = None) -> None:
    """A cell with ink but no read (the detector misses lone dashes and faint marks): read the ink
    there, so that a printed mark is never taken for a blank cell."""
    page = page_read.straight
    todo: list[tuple[TableCell, tuple[float, float, float, float]]] = []
    crops: list[Gray] = []
    margin = 2.0 * px_per_pt
    min_ink = max(4, int((1.2 * px_per_pt) ** 2))
    for t in tables:
        for c in t.cells:
            if c.words:
                continue
            x0, y0 = int(c.rect[0] + margin), int(c.rect[1] + margin)
            x1, y1 = int(c.rect[2] - margin), int(c.rect[3] - margin)
            if x1 - x0 < 3 or y1 - y0 < 3:
                continue
            region = text_ink[y0:y1, x0:x1]
            ys, xs = np.nonzero(region)
            if len(xs) < min_ink:
                continue
            pad = int(2 * px_per_pt)
            bx0, by0 = max(0, x0 + int(xs.min()) - pad), max(0, y0 + int(ys.min()) - pad)
            bx1 = min(page.shape[1], x0 + int(xs.max()) + pad + 1)
            by1 = min(page.shape[0], y0 + int(ys.max()) + pad + 1)
            if by1 - by0 < 0.5 * (bx1 - bx0):  # a flat mark: give the recogniser a line's height
                grow = int((0.5 * (bx1 - bx0) - (by1 - by0)) / 2) + 1
                by0, by1 = max(0, by0 - grow), min(page.shape[0], by1 + grow)
            todo.append((c, (float(bx0 + pad), float(by0 + pad), float(bx1 - pad), float(by1 - pad))))
            crops.append(page[by0:by1, bx0:bx1])
    if not crops:
        return
    reads = recognise(crops, threads)
    for (cell, box), crop, read in zip(todo, crops, reads, strict=True):
        text = read.text.strip() or "?"
        r = Read(text, read.confidence if read.text.strip() else 0.0, read.alternatives)
        cell.words.append(Word(box, page_read.to_page(box), r, measure_ink(crop), late=True))


def lines(words: list[Word]) -> list[list[Word]]:
    """Reads grouped into lines (top to bottom), each left to right: a read joins a line when most
    of its height lies within the line's."""
    out: list[list[Word]] = []
    spans: list[tuple[float, float]] = []
    for w in sorted(words, key=lambda w: ((w.box[1] + w.box[3]) / 2, w.box[0])):
        top, bottom = w.box[1], w.box[3]
        if out:
            t, b = spans[-1]
            if min(bottom, b) - max(top, t) >= 0.5 * min(bottom - top, b - t):
                out[-1].append(w)
                spans[-1] = (min(t, top), max(b, bottom))
                continue
        out.append([w])
        spans.append((top, bottom))
    return [sorted(line, key=lambda w: w.box[0]) for line in out]


def read_stray_ink(words: list[Word], page_read: PageRead, text_ink: Gray,
                   threads: int | None = None) -> list[Word]:
    """Marks on a row of an unruled table that no read covers (the detector misses lone slashes
    and dashes), read where they are: a printed "/" is never taken for a blank cell."""
    import cv2

    page = page_read.straight
    covered = np.zeros_like(text_ink)
    for w in words:
        pad = 0.2 * (w.box[3] - w.box[1])
        x0, y0 = max(0, int(w.box[0] - pad)), max(0, int(w.box[1] - pad))
        covered[y0:int(w.box[3] + pad) + 1, x0:int(w.box[2] + pad) + 1] = 255
    boxes: list[tuple[float, float, float, float]] = []
    crops: list[Gray] = []
    for line in lines(words):
        if len(line) < 3:  # prose, a heading: only rows of several cells are searched
            continue
        top, bottom = int(min(w.box[1] for w in line)), int(max(w.box[3] for w in line)) + 1
        lh = bottom - top
        left, right = int(line[0].box[0] - 4 * lh), int(line[-1].box[2] + 4 * lh)
        band = cv2.bitwise_and(text_ink[top:bottom], cv2.bitwise_not(covered[top:bottom]))
        band[:, :max(0, left)] = 0
        band[:, max(0, right):] = 0
        n, _, stats, _ = cv2.connectedComponentsWithStats(cv2.dilate(band, np.ones((3, 3), np.uint8)), connectivity=8)
        for i in range(1, n):
            x, y, cw, ch = (int(v) for v in stats[i, :4])
            if max(cw, ch) < 0.35 * lh or ch > 1.5 * lh:
                continue
            x0, x1 = max(0, x - lh // 3), min(page.shape[1], x + cw + lh // 3)
            boxes.append((float(x), float(top), float(x + cw), float(bottom)))
            crops.append(page[top:bottom, x0:x1])
    if not crops:
        return []
    out = []
    for box, crop, read in zip(boxes, crops, recognise(crops, threads), strict=True):
        text = read.text.strip()
        r = Read(text or "?", read.confidence if text else 0.0, read.alternatives)
        out.append(Word(box, page_read.to_page(box), r, measure_ink(crop), late=True))
    return out
