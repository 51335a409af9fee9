"""Ruled tables on a PDF page handed through as Grids: the cell borders from the lines and
rectangles pdfium reports, the characters of each cell joined (a label that wraps inside its cell
stays one label), every cell with its span in the laid-out text and its box on the page.

Text outside ruled tables is laid out line by line (parsers/pdf_reader.py); a table printed
without rules among those lines is built into a Grid from the positions of its texts
(parsers/pdf_stream.py) and laid out one grid row a line, like a ruled one.
"""
from __future__ import annotations

import bisect
import ctypes
import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from parsers.grid import Grid, GridCell, Source, merge_bands
from parsers.layout_text import clean
from parsers.pdf_reader import Char, Piece, _cells, _lines, untyped
from parsers.pdf_stream import _HEADING, Built, Columns, Region, _fold, _heading, _is_value, build, regions

_TOL = 2.0  # points: lines this close are one line (a stroke drawn as a thin filled outline has two edges)
_MIN_LEN = 4.0  # shorter strokes are not borders (underlines of characters, dots)


@dataclass
class Rules:
    """Horizontal and vertical strokes of a page: (y, x0, x1) and (x, y0, y1), in PDF points."""
    horizontal: list[tuple[float, float, float]] = field(default_factory=list)
    vertical: list[tuple[float, float, float]] = field(default_factory=list)


def page_rules(page: Any) -> Rules:
    """The straight strokes of a loaded page's path objects (lines, rectangles, the outlines of both,
    inside form objects too), through pdfium's raw binding; none when the page cannot be read."""
    rules = Rules()
    box = (ctypes.c_float * 4)()
    at = ctypes.addressof(box)
    api = _Api()
    handle = ctypes.cast(page.raw, ctypes.c_void_p).value
    if not _walk(api, rules, _objects(api.page_count(handle), api.page_object, handle), 0, box, at):
        return Rules()
    return rules


class _Api:
    """The pdfium functions the walk calls for each object or segment, untyped (pdf_reader.untyped):
    objects and segments are plain addresses."""

    def __init__(self) -> None:
        import pypdfium2.raw as raw

        p, i = ctypes.c_void_p, ctypes.c_int
        self.raw = raw
        self.page_count = untyped("FPDFPage_CountObjects", i, p)
        self.page_object = untyped("FPDFPage_GetObject", p, p, i)
        self.form_count = untyped("FPDFFormObj_CountObjects", i, p)
        self.form_object = untyped("FPDFFormObj_GetObject", p, p, ctypes.c_ulong)
        self.type = untyped("FPDFPageObj_GetType", i, p)
        self.bounds = untyped("FPDFPageObj_GetBounds", i, p, p, p, p, p)
        self.segments = untyped("FPDFPath_CountSegments", i, p)
        self.segment = untyped("FPDFPath_GetPathSegment", p, p, i)
        self.segment_type = untyped("FPDFPathSegment_GetType", i, p)


def _objects(count: int, get: Any, parent: int | None) -> list[int | None] | None:
    """The `count` objects of a page or form object (None for one pdfium cannot give); None when
    pdfium cannot count them."""
    if count < 0:
        return None
    return list(map(get, itertools.repeat(parent, count), range(count)))


def _walk(api: _Api, rules: Rules, objects: list[int | None] | None, level: int, box: Any, at: int) -> bool:
    """The strokes of the objects (and of the objects inside form objects, 4 levels deep); False
    when pdfium cannot read one."""
    if objects is None or not all(objects):
        return False
    raw = api.raw
    path, form = raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM
    for obj, kind in zip(objects, map(api.type, objects), strict=True):
        if kind == path:
            if not api.bounds(obj, at, at + 4, at + 8, at + 12):
                return False
            left, bottom, right, top = box
            w, h = right - left, top - bottom
            if w < _TOL and h >= _MIN_LEN:  # a thin bar or a stroke: a vertical line
                rules.vertical.append(((left + right) / 2, bottom, top))
            elif h < _TOL and w >= _MIN_LEN:
                rules.horizontal.append(((bottom + top) / 2, left, right))
            elif w >= _MIN_LEN and h >= _MIN_LEN and not _outline(obj, api, rules, (left, bottom, right, top)):
                if not _segments(ctypes.cast(ctypes.c_void_p(obj), raw.FPDF_PAGEOBJECT), raw, rules):
                    return False
        elif kind == form and level < 3:
            if not _walk(api, rules, _objects(api.form_count(obj), api.form_object, obj), level + 1, box, at):
                return False
    return True


def _outline(obj: int | None, api: _Api, rules: Rules, bounds: tuple[float, float, float, float]) -> bool:
    """A rectangle drawn as one or two closed outlines (a cell's border, or its stroke drawn as a
    thin filled ring) gives the four edges of its bounds; reading its points one by one costs more."""
    n = api.segments(obj)
    if n <= 0 or n > 30:
        return False
    kinds = list(map(api.segment_type, map(api.segment, itertools.repeat(obj, n), range(n))))
    if kinds.count(api.raw.FPDF_SEGMENT_MOVETO) > 2:
        return False
    left, bottom, right, top = bounds
    rules.horizontal += [(bottom, left, right), (top, left, right)]
    rules.vertical += [(left, bottom, top), (right, bottom, top)]
    return True


def _segments(obj: Any, raw: Any, rules: Rules) -> bool:
    """The axis-parallel straight segments of a path (its points mapped onto the page); False when
    pdfium cannot give the path's matrix."""
    m = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, m):
        return False
    a, b, c, d, e, f = m.a, m.b, m.c, m.d, m.e, m.f
    n = raw.FPDFPath_CountSegments(obj)
    if n <= 0 or n > 2000:
        return True
    x, y = ctypes.c_float(), ctypes.c_float()
    px = py = sx = sy = 0.0
    for i in range(n):
        seg = raw.FPDFPath_GetPathSegment(obj, i)
        raw.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y))
        qx, qy = a * x.value + c * y.value + e, b * x.value + d * y.value + f
        kind = raw.FPDFPathSegment_GetType(seg)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            sx, sy = qx, qy
        elif kind == raw.FPDF_SEGMENT_LINETO:
            _add(rules, px, py, qx, qy)
            if raw.FPDFPathSegment_GetClose(seg):
                _add(rules, qx, qy, sx, sy)
        px, py = qx, qy
    return True


def _add(rules: Rules, x0: float, y0: float, x1: float, y1: float) -> None:
    if abs(y1 - y0) < 0.8 and abs(x1 - x0) >= _MIN_LEN:
        rules.horizontal.append(((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
    elif abs(x1 - x0) < 0.8 and abs(y1 - y0) >= _MIN_LEN:
        rules.vertical.append(((x0 + x1) / 2, min(y0, y1), max(y0, y1)))


def _snap(values: list[float]) -> list[float]:
    """Coordinates closer than the tolerance, as one (their mean), sorted."""
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= _TOL:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(g) / len(g) for g in out]


def _covers(spans: list[tuple[float, float]], a: float, b: float) -> bool:
    """Whether the merged spans cover most of [a, b]."""
    need = 0.6 * (b - a)
    got = sum(max(0.0, min(hi, b) - max(lo, a)) for lo, hi in spans)
    return got >= need


@dataclass
class _Table:
    xs: list[float]  # column edges, left to right
    ys: list[float]  # row edges, top to bottom (descending y)
    region: dict[tuple[int, int], int]  # elementary cell → merged cell number
    boxes: list[tuple[int, int, int, int]]  # merged cell → row, col, rowspan, colspan
    down: list[float] = field(default_factory=list)  # the row edges negated (ascending), for bisect

    def locate(self, x: float, y: float) -> int | None:
        if not self.down:
            self.down = [-v for v in self.ys]
        j = bisect.bisect_right(self.xs, x) - 1
        i = bisect.bisect_right(self.down, -y) - 1
        if 0 <= j < len(self.xs) - 1 and 0 <= i < len(self.ys) - 1:
            return self.region[(i, j)]
        return None


def _merged(strokes: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Strokes on one line (within the tolerance) that overlap or touch, as one stroke: a table drawn
    cell by cell has each border many times over."""
    groups: list[list[tuple[float, float, float]]] = []
    for st in sorted(strokes):
        if groups and st[0] - groups[-1][-1][0] <= _TOL:
            groups[-1].append(st)
        else:
            groups.append([st])
    out: list[tuple[float, float, float]] = []
    for group in groups:
        at = sum(st[0] for st in group) / len(group)
        spans = sorted((a, b) for _, a, b in group)
        lo, hi = spans[0]
        for a, b in spans[1:]:
            if a <= hi + _TOL:
                hi = max(hi, b)
            else:
                out.append((at, lo, hi))
                lo, hi = a, b
        out.append((at, lo, hi))
    return out


def _tables(rules: Rules) -> list[_Table]:
    """The ruled tables of a page: strokes that touch form one table; its cells are the spaces
    between neighbouring lines, merged where no border separates them."""
    hs = _merged(rules.horizontal)
    vs = _merged(rules.vertical)
    if len(hs) < 2 or len(vs) < 2:
        return []
    parent = list(range(len(hs) + len(vs)))

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    order = sorted(range(len(vs)), key=lambda k: vs[k][0])
    vx = [vs[k][0] for k in order]
    for hi, (y, x0, x1) in enumerate(hs):
        lo = bisect.bisect_left(vx, x0 - _TOL)
        up = bisect.bisect_right(vx, x1 + _TOL)
        for k in order[lo:up]:
            _, y0, y1 = vs[k]
            if y0 - _TOL <= y <= y1 + _TOL:
                parent[find(hi)] = find(len(hs) + k)
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for hi in range(len(hs)):
        groups.setdefault(find(hi), ([], []))[0].append(hi)
    for k in range(len(vs)):
        groups.setdefault(find(len(hs) + k), ([], []))[1].append(k)
    out = []
    for h_ids, v_ids in groups.values():
        if len(h_ids) < 2 or len(v_ids) < 2:
            continue
        table = _table([hs[i] for i in h_ids], [vs[k] for k in v_ids])
        if table is not None:
            out.append(table)
    return out


def _table(hs: list[tuple[float, float, float]], vs: list[tuple[float, float, float]]) -> _Table | None:
    xs = _snap([x for x, _, _ in vs])
    ys = list(reversed(_snap([y for y, _, _ in hs])))
    if len(xs) < 3 or len(ys) < 2:
        return None  # one column is a box or a shaded band, not a table
    h_at: dict[int, list[tuple[float, float]]] = {}
    for y, x0, x1 in hs:
        h_at.setdefault(min(range(len(ys)), key=lambda i: abs(ys[i] - y)), []).append((x0, x1))
    v_at: dict[int, list[tuple[float, float]]] = {}
    for x, y0, y1 in vs:
        v_at.setdefault(min(range(len(xs)), key=lambda j: abs(xs[j] - x)), []).append((y0, y1))
    rows, cols = len(ys) - 1, len(xs) - 1
    boxes, cell_of = merge_bands(rows, cols, lambda i, j: not _covers(v_at.get(j + 1, []), ys[i + 1], ys[i]),
                                 lambda i, j: not _covers(h_at.get(i + 1, []), xs[j], xs[j + 1]))
    region = {(i, j): cell_of[i * cols + j] for i in range(rows) for j in range(cols)}
    return _Table(xs, ys, region, boxes)


def _join(parts: list[str]) -> str:
    """The lines of one cell as one text: no space between Chinese characters (a label wrapped
    inside its cell), a space between two Latin or digit runs."""
    out = ""
    for p in parts:
        if out and out[-1].isascii() and out[-1].isalnum() and p[0].isascii() and p[0].isalnum():
            out += " "
        out += p
    return out


def _union(chars: list[Char], text: str, page: int) -> Piece:
    return Piece(page, min(c[0] for c in chars), min(c[1] for c in chars),
                 max(c[2] for c in chars), max(c[3] for c in chars), text)


@dataclass
class Laid:
    """A page laid out as text: its parts, each text piece with its span, and its ruled tables."""
    parts: list[str] = field(default_factory=list)
    pieces: list[tuple[int, int, Piece]] = field(default_factory=list)
    grids: list[Grid] = field(default_factory=list)
    pos: int = 0
    # the last unruled table laid out: its grid, the number of parts when its text ended, its columns
    stream: tuple[Grid, int, Columns, int] | None = None  # … and the number of pieces then

    # header lines a page ended with (an unruled table's top header rows left on the page before
    # its rows): they head the table on the next page
    tail: _Tail | None = None
    shift: tuple[int, float] = (0, 0.0)  # the carried lines' page and how far up they were moved

    def add(self, s: str) -> None:
        self.parts.append(s)
        self.pos += len(s)


@dataclass
class _Tail:
    lines: list[list[Char]]  # header lines at the foot of a page, top to bottom
    runs: list[list[Piece]]
    furniture: list[list[Piece]]  # the page's number (or running foot) under them
    page: int
    mark: tuple[int, int, int, int]  # where their text starts in the laid-out text: parts, pieces, pos, grids
    last_parts: int  # the number of parts when the page ended


_PAGE_NUMBER = re.compile(r"^[-—–－‐]*(第?\d+页?|\d+/\d+)[-—–－‐]*$")
_FURNITURE = 12  # characters: a line this short, alone under the last lines, is the page's number or foot


def _tail(out: Laid, lines: list[list[Char]], runs: list[list[Piece]], page: int) -> _Tail | None:
    """The header lines a page ends with: short lines and no value under a section heading, one of
    them of several texts (the top rows of a table's header whose rows begin on the next page), with
    only the page's number under them."""
    k = len(runs)
    while k > 0 and len(runs[k - 1]) == 1 and len(clean(runs[k - 1][0].text)) <= _FURNITURE and len(runs) - k < 2:
        k -= 1
    end = k
    while k > 0 and end - k < 8 and not _heading(runs[k - 1]) and \
            not any(_is_value(p) or len(clean(p.text)) > 40 for p in runs[k - 1]):
        k -= 1
    if k == end or k == 0 or all(len(r) < 2 for r in runs[k:end]):
        return None
    before = runs[k - 1]  # the table's heading, or a row of the table's blocks above (a block's header)
    if not _heading(before):
        if len(before) < 2 or not any(_is_value(p) for p in before) or out.stream is None:
            return None
        cols = out.stream[2]
        start = cols.edges[len(cols.labels)]
        # a block's header stands over the value columns too; the ends of labels wrapped at the break
        # stand in the label columns, and the page number is no header
        if not any(p.left >= start - 0.5 and not _PAGE_NUMBER.match(_fold(p.text)) for r in runs[k:end] for p in r):
            return None
    laid = runs[k:]  # each laid out as a line of its own (parsers/pdf_grid._run_line): 2 parts a text
    n_parts, n_pieces = sum(2 * len(r) for r in laid), sum(len(r) for r in laid)
    if n_parts > len(out.parts) or n_pieces > len(out.pieces) or \
            out.pieces[-n_pieces][2] is not runs[k][0]:
        return None
    start = len(out.parts) - n_parts
    mark = (start, len(out.pieces) - n_pieces, out.pos - sum(len(t) for t in out.parts[start:]), len(out.grids))
    return _Tail(lines[k:end], runs[k:end], runs[end:], page, mark, len(out.parts))


def _carried(out: Laid, lines: list[list[Char]], runs: list[list[Piece]],
             page: int) -> tuple[list[list[Char]], list[list[Piece]]]:
    """The page's lines, with the header lines the page before ended with put above them when this
    page begins with the rest of that table (the lines with it are a table's header over its rows): the
    text of the page before is laid out again without them, its number kept."""
    tail = out.tail
    out.tail = None
    if tail is None or tail.page != page - 1 or not runs or \
            len(out.grids) != tail.mark[3] or len(out.parts) != tail.last_parts:
        return lines, runs
    h = max(1.0, sorted(p.top - p.bottom for line in runs for p in line)[0])
    delta = max(p.top for p in runs[0]) + 0.6 * h - min(p.bottom for p in tail.runs[-1])
    moved_runs = [[Piece(p.page, p.left, p.bottom + delta, p.right, p.top + delta, p.text) for p in line]
                  for line in tail.runs]
    found = regions(moved_runs + runs)
    if not found or found[0].first != 0 or found[0].head < len(moved_runs):
        return lines, runs  # the lines do not head the table this page begins with
    del out.parts[tail.mark[0]:]
    del out.pieces[tail.mark[1]:]
    out.pos = tail.mark[2]
    for line in tail.furniture:
        _run_line(out, line)
    out.shift = (tail.page, delta)
    moved = [[(c[0], c[1] + delta, c[2], c[3] + delta, c[4]) for c in line] for line in tail.lines]
    return moved + lines, moved_runs + runs


def tabular(chars: list[Char], page: int) -> tuple[list[list[Char]], list[list[Piece]], bool]:
    """The page's lines, the runs (cells) of each, and whether it may hold a table: a few lines printed
    in separate cells, or one line of many (a table's last row carried onto a page of its own; a page of prose
    has one run of text per line, and its vector objects need not be read)."""
    lines = _lines(chars)
    runs = [_cells(line, page) for line in lines]
    return lines, runs, sum(1 for line in runs if len(line) >= 3) >= 3 or any(len(line) >= 6 for line in runs)


def lay_out(out: Laid, chars: list[Char], rules: Rules | None, height: float,
            lines: list[list[Char]], page: int, runs: list[list[Piece]] | None = None) -> None:
    """A page's characters as lines of text, a ruled table as one line per grid row (cells separated
    by tabs, a merged cell's text at its top-left), top to bottom; `lines` are the page's lines."""
    tables = _tables(rules) if rules is not None else []
    if not tables:
        if runs is None:
            runs = [_cells(line, page) for line in lines]
        lines, runs = _carried(out, lines, runs, page)
        _free_lines(out, lines, page, height, runs)
        out.tail = _tail(out, lines, runs, page)
        return
    out.tail = None
    inside: list[list[list[Char]]] = [[[] for _ in t.boxes] for t in tables]
    free: list[Char] = []
    # each table's extent (where locate finds a cell): x0 <= x < x1, y0 < y <= y1
    extents = [(t.xs[0], t.xs[-1], t.ys[-1], t.ys[0], t, bucket) for t, bucket in zip(tables, inside, strict=True)]
    for c in chars:
        cx, cy = (c[0] + c[2]) / 2, (c[1] + c[3]) / 2
        for x0, x1, y0, y1, t, bucket in extents:
            if x0 <= cx < x1 and y0 < cy <= y1:
                n = t.locate(cx, cy)
                if n is not None:
                    bucket[n].append(c)
                    break
        else:
            free.append(c)
    blocks: list[tuple[float, int, Any]] = [(max(c[3] for c in line), 0, line) for line in _lines(free)]
    blocks += [(t.ys[0], 1, (t, cells)) for t, cells in zip(tables, inside, strict=True) if any(cells)]
    for _, kind, item in sorted(blocks, key=lambda b: -b[0]):
        if kind == 0:
            _free_lines(out, [item], page, height)
        else:
            _table_text(out, item[0], item[1], height, page)


def _free_lines(out: Laid, lines: list[list[Char]], page: int, height: float = 0.0,
                runs: list[list[Piece]] | None = None) -> None:
    """Lines of text outside ruled tables, their runs (cells) separated by tabs (`runs` when known);
    a table printed without rules among them laid out one grid row a line, and handed through as a Grid."""
    if runs is None:
        runs = [_cells(line, page) for line in lines]
    else:
        runs = list(runs)
    found = regions(runs)
    for region in found:  # header texts in narrow columns stand closer than cells of a line of text
        for i in range(region.first, region.head):
            runs[i] = _cells(lines[i], page, 0.6)
    if not found:
        for line in runs:
            _run_line(out, line)
        return
    h = _text_height(runs)
    at = 0
    for region in found:
        for line in runs[at:region.first]:
            _run_line(out, line)
        built = build(runs, region, h, _continued(out, region, runs))
        if built is None:
            for line in runs[region.first:region.last + 1]:
                _run_line(out, line)
        else:
            _stream_text(out, built, height)
        at = region.last + 1
    for line in runs[at:]:
        _run_line(out, line)


def _run_line(out: Laid, line: list[Piece]) -> None:
    for k, cell in enumerate(line):
        if k:
            out.add("\t")
        text = clean(cell.text)
        out.pieces.append((out.pos, out.pos + len(text), cell))
        out.add(text)
    out.add("\n")


def _text_height(runs: list[list[Piece]]) -> float:
    hs = sorted(p.top - p.bottom for line in runs for p in line)
    return max(1.0, hs[len(hs) // 2]) if hs else 10.0


def _continued(out: Laid, region: Region, runs: list[list[Piece]]) -> Columns | None:
    """The columns of the unruled table this part continues: the last table laid out, when this
    part prints no header (parsers/pdf_stream.build decides) and nothing but page furniture was
    laid out since."""
    if out.stream is None or not out.grids or out.grids[-1] is not out.stream[0]:
        return None
    between = [t for t in "".join(out.parts[out.stream[1]:]).split("\n") if t.strip()]
    cols = out.stream[2]
    start = cols.edges[len(cols.labels)]
    # prose or a heading between the two parts: a new table. The ends of labels wrapped at the break
    # stand in the label columns (三、本年度办理结 there is a label's first line, no heading); a page
    # number or a running head is short
    if len(between) > 8 or any(p.right > start and (len(clean(p.text)) > 24 or _HEADING.match(_fold(p.text)))
                               for _, _, p in out.pieces[out.stream[3]:]):
        return None
    return cols


def _stream_text(out: Laid, built: Built, height: float) -> None:
    """An unruled table laid out as text, one grid row a line, and its Grid (or its next part)."""
    cols = built.columns
    grid = Grid(ruled=False, edges=list(cols.edges))
    for r, row in enumerate(built.rows):
        for c in range(cols.cols):
            if c:
                out.add("\t")
            cell = row[c]
            if cell is None:
                continue
            piece = cell.piece
            if piece.page == out.shift[0] and out.shift[1]:  # a header row carried from the page before
                d = out.shift[1]
                piece = Piece(piece.page, piece.left, piece.bottom - d, piece.right, piece.top - d, piece.text)
            span = (out.pos, out.pos + len(cell.text))
            out.pieces.append((span[0], span[1], piece))
            box = (piece.page, piece.left, height - piece.top, piece.right, height - piece.bottom)
            grid.add(GridCell(r, c, cell.text, 1, cell.colspan, Source(span, box=box), cell.guessed))
            out.add(cell.text)
        out.add("\n")
    grid.rows, grid.cols = len(built.rows), cols.cols
    out.grids.append(grid)
    out.stream = (grid, len(out.parts), cols, len(out.pieces))


def _table_text(out: Laid, table: _Table, cells: list[list[Char]], height: float, page: int) -> None:
    texts: dict[tuple[int, int], tuple[int, str, list[Char]]] = {}
    for n, chars in enumerate(cells):
        if not chars:
            continue
        text = clean(_join([" ".join(clean(c.text) for c in _cells(line, page)) for line in _lines(chars)]))
        if text:
            r, c, _, _ = table.boxes[n]
            texts[(r, c)] = (n, text, chars)
    if not texts:
        return
    grid = Grid(edges=list(table.xs))
    rows, cols = len(table.ys) - 1, len(table.xs) - 1
    for r in range(rows):
        for c in range(cols):
            if c:
                out.add("\t")
            hit = texts.get((r, c))
            if hit is None:
                continue
            n, text, chars = hit
            piece = _union(chars, text, page)
            span = (out.pos, out.pos + len(text))
            out.pieces.append((span[0], span[1], piece))
            box = (piece.page, piece.left, height - piece.top, piece.right, height - piece.bottom)
            _, _, rs, cs = table.boxes[n]
            grid.add(GridCell(r, c, text, rs, cs, Source(span, box=box)))
            out.add(text)
        out.add("\n")
    grid.rows, grid.cols = rows, cols
    out.grids.append(grid)
