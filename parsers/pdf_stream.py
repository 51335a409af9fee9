"""Tables printed without ruling lines, built into Grids from the positions of their texts.

A person reads such a table by its alignment: the values of a row stand on one line, the values of
a column stand under each other and under their header; a label that wraps inside its cell is one
label. So the rows are the lines that print values, the columns are the x extents where values
stand (and where a header stands over no value: a column left blank), the header cells span the
columns they are centred over (within their parent header), and each line of label text belongs to
the row whose values are nearest. A value that stands under no header text sits in its column by
position only: its cell is marked `guessed`, and placement makes it uncertain.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

from parsers.layout_text import clean
from parsers.pdf_reader import Piece
from parsers.placement import TEXT, kind

_HEADING = re.compile(r"^[一二三四五六七八九十]{1,3}[、.．]\S{5,}")  # a section heading ends a table
_MAX_HEAD = 8  # header lines above a table's first row of values
_MAX_HEADS = 200  # header texts worth joining and spanning (joining is quadratic)


@dataclass
class _Run:
    piece: Piece
    line: int
    value: bool

    @property
    def cx(self) -> float:
        return (self.piece.left + self.piece.right) / 2

    @property
    def cy(self) -> float:
        return (self.piece.bottom + self.piece.top) / 2


@dataclass
class Columns:
    """The columns of an unruled table, kept so that its part on the next page reads the same way."""
    labels: list[float]  # the left x of each label column
    leaves: list[tuple[float, float]]  # the x extent of each value column, left to right
    heads: list[list[tuple[float, float]]]  # the x extents of the header texts over each value column
    edges: list[float]

    @property
    def cols(self) -> int:
        return len(self.labels) + len(self.leaves)


@dataclass
class Region:
    """Lines [first, last] of a page that hold one unruled table."""
    first: int
    last: int
    head: int  # lines first..head-1 are the header


@dataclass
class Cell:
    text: str
    piece: Piece  # its texts' boxes united
    colspan: int
    guessed: bool  # a value under no header text: its column is known by position only


@dataclass
class Built:
    rows: list[list[Cell | None]]  # the grid's rows, each cell at its first column
    columns: Columns


_WHITE = re.compile(r"\s+")


def _fold(text: str) -> str:
    """The text as read (⼆ is 二: pdfium gives some fonts' CJK radicals), without white space."""
    return _WHITE.sub("", unicodedata.normalize("NFKC", text))


def _is_value(p: Piece) -> bool:
    return kind(_fold(p.text)) != TEXT


def regions(lines: list[list[Piece]]) -> list[Region]:
    """The unruled tables among a page's lines (each line its runs, left to right)."""
    height = _height(lines)
    valued = [i for i, runs in enumerate(lines) if any(_is_value(p) for p in runs)]
    data = [i for i in valued if len(lines[i]) >= 2]
    out: list[Region] = []
    k = 0
    while k < len(data):
        first = last = data[k]
        k += 1
        columns = [(p.left, p.right) for p in lines[first] if _is_value(p)]
        while True:
            # the next line printing values: a row of the table when near; a lone value (a row printing
            # only its total, its label wrapped above and below it) only when it stands under the others
            at = bisect.bisect_right(valued, last)
            nxt = valued[at] if at < len(valued) else None
            if nxt is None or not _joins(lines, last, nxt, height) or \
                    (len(lines[nxt]) < 2 and not any(_overlap((p.left, p.right), c) >= 0
                                                     for p in lines[nxt] for c in columns)):
                break
            last = nxt
            columns += [(p.left, p.right) for p in lines[nxt] if _is_value(p)]
            while k < len(data) and data[k] <= last:
                k += 1
        while True:  # lone values above the first row (a page's first rows printing only their totals)
            at = bisect.bisect_left(valued, first)
            prev = valued[at - 1] if at > 0 else None
            if prev is None or (out and prev <= out[-1].last) or len(lines[prev]) >= 2 or \
                    not _joins(lines, prev, first, height) or \
                    not any(_overlap((p.left, p.right), c) >= 0 for p in lines[prev] for c in columns):
                break
            first = prev
        head = first
        while head > 0 and first - head < _MAX_HEAD and (not out or head - 1 > out[-1].last) and \
                _header_line(lines, head - 1, head, height):
            head -= 1
        if last == first and len(lines[first]) < 3 and not any(len(lines[i]) >= 2 for i in range(head, first)):
            continue  # one line with a number beside a text, under no header row: not a table
        below = last
        while below + 1 < len(lines) and below - last < 3 and _fragment_below(lines, below + 1, below, first, height):
            below += 1
        out.append(Region(head, below, first))
    return out


def _height(lines: list[list[Piece]]) -> float:
    hs = sorted(p.top - p.bottom for runs in lines for p in runs)
    return max(1.0, hs[len(hs) // 2]) if hs else 10.0


def _gap(lines: list[list[Piece]], upper: int, lower: int) -> float:
    return min(p.bottom for p in lines[upper]) - max(p.top for p in lines[lower])


def _heading(runs: list[Piece]) -> bool:
    return len(runs) == 1 and bool(_HEADING.match(_fold(runs[0].text)))


def _joins(lines: list[list[Piece]], a: int, b: int, height: float) -> bool:
    """Whether two lines of values are one table: the lines between them are close and none is a heading."""
    for i in range(a, b):
        if _gap(lines, i, i + 1) > 3.0 * height or (i > a and _heading(lines[i])):
            return False
    return True


def _header_line(lines: list[list[Piece]], i: int, below: int, height: float) -> bool:
    runs = lines[i]
    if _heading(runs) or _gap(lines, i, below) > 2.5 * height:
        return False
    return not any(len(clean(p.text)) > 40 for p in runs)  # a line of prose is no header


def _fragment_below(lines: list[list[Piece]], i: int, above: int, first: int, height: float) -> bool:
    """A line under a table's last row that continues a wrapped label: one short run in the label area."""
    runs = lines[i]
    if len(runs) != 1 or _heading(runs) or _gap(lines, above, i) > 0.8 * height:
        return False
    start = min(p.left for p in lines[first] if _is_value(p))
    return runs[0].right < start and not _is_value(runs[0])


# ---------------------------------------------------------------- columns


def _clusters(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Overlapping x extents merged, left to right."""
    out: list[list[float]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> float:
    """How far two x (or y) extents overlap (negative: how far apart they are); min and max spelt out,
    as they choose (the first of equals), for this runs for every pair of texts a table compares."""
    a0, a1 = a
    b0, b1 = b
    return (b1 if b1 < a1 else a1) - (b0 if b0 > a0 else a0)


def _leaf_of(span: tuple[float, float], leaves: list[tuple[float, float]]) -> tuple[int, bool]:
    """The value column an extent stands in (the one it overlaps most, else the nearest), and
    whether it overlaps it at all. The columns are sorted and apart: only those about it are looked at."""
    at = bisect.bisect_right(leaves, (span[1], float("inf")))
    near = range(max(0, bisect.bisect_left(leaves, (span[0], float("-inf"))) - 2), min(len(leaves), at + 1))
    best = max(near, key=lambda k: _overlap(span, leaves[k]))
    if _overlap(span, leaves[best]) >= 0:
        return best, True
    c = (span[0] + span[1]) / 2
    return min(near, key=lambda k: abs((leaves[k][0] + leaves[k][1]) / 2 - c)), False


@dataclass
class _Head:
    text: str
    runs: list[_Run]
    left: float
    right: float
    top: float
    bottom: float
    line: int
    span: tuple[int, int] | None = None  # value columns it covers

    @property
    def cx(self) -> float:
        return (self.left + self.right) / 2


def _join_heads(runs: list[_Run], height: float) -> list[_Head]:
    """Header texts, a header wrapped over two lines of its cell joined: one run right under
    another, overlapping it, with no other run beside either."""
    heads = [_Head(clean(r.piece.text), [r], r.piece.left, r.piece.right, r.piece.top, r.piece.bottom, r.line)
             for r in sorted(runs, key=lambda r: (-r.piece.top, r.piece.left))]
    merged = len(heads) <= _MAX_HEADS  # a header of hundreds of texts is no report's: not joined
    while merged:
        merged = False
        for h in heads:
            below = [o for o in heads if o is not h and 0 <= h.bottom - o.top <= 0.8 * height
                     and _overlap((h.left, h.right), (o.left, o.right)) > 0]
            if len(below) != 1:
                continue
            o = below[0]
            above = [x for x in heads if x is not o and 0 <= x.bottom - o.top <= 0.8 * height
                     and _overlap((x.left, x.right), (o.left, o.right)) > 0]
            if above != [h]:
                continue
            h.text = _concat(h.text, o.text)
            h.runs += o.runs
            h.left, h.right, h.bottom = min(h.left, o.left), max(h.right, o.right), o.bottom
            heads.remove(o)
            merged = True
            break
    return heads


def _concat(a: str, b: str) -> str:
    if a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        return a + " " + b
    return a + b


def _spans(heads: list[_Head], leaves: list[tuple[float, float]]) -> None:
    """The value columns each header covers: those its text overlaps, widened while it stays
    centred over them, inside the header above it and clear of the columns its neighbours stand over."""
    if not leaves or len(heads) > _MAX_HEADS or len(leaves) > _MAX_HEADS:
        return
    centres = [(a + b) / 2 for a, b in leaves]
    pitch = (centres[-1] - centres[0]) / (len(centres) - 1) if len(centres) > 1 else leaves[0][1] - leaves[0][0]
    tol = max(2.0, 0.3 * pitch)
    cores: dict[int, set[int]] = {}
    for n, h in enumerate(heads):
        core = {k for k, leaf in enumerate(leaves) if _overlap((h.left, h.right), leaf) > 0}
        cores[n] = core or {min(range(len(leaves)), key=lambda k: abs(centres[k] - h.cx))}
    order = sorted(range(len(heads)), key=lambda n: -heads[n].top)
    for n in order:
        h = heads[n]
        core = cores[n]
        lo, hi = 0, len(leaves) - 1
        parents = [(o.bottom, o.span) for o in heads if o.span is not None and o.bottom >= h.top - 0.5
                   and o.span[0] <= min(core) and max(core) <= o.span[1]]
        if parents:
            lo, hi = min(parents)[1]
        blocked = set()
        for m, o in enumerate(heads):
            if m != n and _overlap((o.bottom, o.top), (h.bottom, h.top)) > 0:
                blocked |= cores[m]
        a, b = min(core), max(core)
        best = (a, b)
        for x in range(lo, a + 1):
            for y in range(b, hi + 1):
                if any(lo <= k <= hi and x <= k <= y for k in blocked - core):
                    continue
                if abs((leaves[x][0] + leaves[y][1]) / 2 - h.cx) <= tol and y - x > best[1] - best[0]:
                    best = (x, y)
        h.span = best


def columns(head: list[_Run], body: list[_Run], height: float) -> tuple[Columns, list[_Head]]:
    """The columns of a table from its header texts and the values of its rows."""
    first = min((r.piece.left for r in body if r.value), default=0.0)
    # the label area ends where the row labels end (a first column left blank is no label column)
    labels = [(r.piece.left, r.piece.right) for r in body if not r.value and r.piece.right <= first + 0.5]
    start = min(first, max(b for _, b in labels) + 0.5) if labels else min(r.piece.left for r in head + body) - 1.0
    leaves = _clusters([(r.piece.left, r.piece.right) for r in body if r.value])
    heads = _join_heads(head, height)
    value_heads = [h for h in heads if h.right > first or
                   (h.right > start and not any(_overlap((h.left, h.right), x) > 0 for x in labels))]
    leaves = _match(leaves, _leaf_heads(value_heads, leaves))
    _spans(value_heads, leaves)
    heads_of: list[list[tuple[float, float]]] = [[] for _ in leaves]
    for h in sorted(value_heads, key=lambda h: -h.bottom):  # the lowest last
        if h.span is not None:
            for k in range(h.span[0], h.span[1] + 1):
                heads_of[k].append((h.left, h.right))
    label_lefts = _label_lefts([r for r in body if not r.value and r.piece.right <= start + 0.5] +
                               [r for r in head if r.piece.right <= start + 0.5], height)
    edges = list(label_lefts) + [leaves[0][0] if leaves else start]
    for k in range(1, len(leaves)):
        edges.append((leaves[k - 1][1] + leaves[k][0]) / 2)
    edges.append(leaves[-1][1] if leaves else start + 1)
    if label_lefts:
        edges[len(label_lefts)] = max(edges[len(label_lefts) - 1] + 0.5, min(edges[len(label_lefts)], start - 0.5))
    return Columns(label_lefts, leaves, heads_of, edges), heads


def _leaf_heads(heads: list[_Head], clusters: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The x extents of the lowest headers (no other header under them): those over values, and those
    printed beside another such header (a header row; a block's title alone on its line is none)."""
    lowest = [h for h in heads if not any(o is not h and o.top <= h.bottom + 0.5 and
                                          _overlap((h.left, h.right), (o.left, o.right)) > 0 for o in heads)]
    out = [h for h in lowest if any(_overlap((h.left, h.right), c) > 0 for c in clusters) or
           any(o is not h and _overlap((o.bottom, o.top), (h.bottom, h.top)) > 0 for o in lowest)]
    return sorted((h.left, h.right) for h in out)


def _match(clusters: list[tuple[float, float]], heads: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The value columns: each x extent where values stand joined with the lowest header over it; where
    values stand under no header text (printed at the left or right of their cells), the values and
    headers left between two matched columns are taken in order when they are as many, else each run
    of values to its nearest header; a header left over heads a column blank in every row."""
    pairs: list[tuple[int, int]] = []
    for i, c in enumerate(clusters):
        best = max(range(len(heads)), key=lambda j: _overlap(c, heads[j]), default=None)
        if best is not None and _overlap(c, heads[best]) > 0 and (not pairs or best > pairs[-1][1]):
            pairs.append((i, best))
    bounds = [(-1, -1)] + pairs + [(len(clusters), len(heads))]
    for (i0, j0), (i1, j1) in zip(bounds, bounds[1:], strict=False):
        free_c, free_h = list(range(i0 + 1, i1)), list(range(j0 + 1, j1))
        if free_c and len(free_c) == len(free_h):
            pairs += list(zip(free_c, free_h, strict=True))
        elif free_c and free_h:
            taken: set[int] = set()
            for i in free_c:
                cx = (clusters[i][0] + clusters[i][1]) / 2
                j = min((j for j in free_h if j not in taken), key=lambda j: abs((heads[j][0] + heads[j][1]) / 2 - cx),
                        default=None)
                if j is not None:
                    taken.add(j)
                    pairs.append((i, j))
    placed = dict(pairs)
    out = []
    for i, c in enumerate(clusters):
        joined = (min(c[0], heads[placed[i]][0]), max(c[1], heads[placed[i]][1])) if i in placed else c
        others = [o for k, o in enumerate(clusters) if k != i] + \
            [h for j, h in enumerate(heads) if i not in placed or j != placed[i]]
        out.append(joined if not any(_overlap(joined, o) > 0 for o in others) else c)
    out += [h for j, h in enumerate(heads)
            if j not in placed.values() and not any(_overlap(h, c) > 0 for c in clusters)]
    return _clusters(out)


def _label_lefts(runs: list[_Run], height: float, more: tuple[float, ...] = ()) -> list[float]:
    """The label columns: where the label texts start, lefts within 1.5 characters as one."""
    out: list[float] = []
    for x in sorted([r.piece.left for r in runs] + list(more)):
        if not out or x - out[-1] > 1.5 * height:
            out.append(x)
    return out or [0.0]


def _continue(previous: Columns, body: list[_Run], height: float) -> Columns:
    """The columns of a table's part after a page break: the value columns of the part before, and
    label columns where this part's labels start too (the part before may have printed few rows)."""
    n = len(previous.labels)
    start = previous.edges[n]
    lefts = _label_lefts([r for r in body if not r.value and r.piece.left < start - 0.5], height,
                         tuple(x for x in previous.labels if x < start - 0.5 or n == 1))
    edges = lefts + [max(lefts[-1] + 0.5, start)] + previous.edges[n + 1:]
    return Columns(lefts, previous.leaves, previous.heads, edges)


def _label_col(x: float, cols: Columns) -> int:
    k = 0
    for i, left in enumerate(cols.labels):
        if x >= left - 2.0:
            k = i
    return k


# ---------------------------------------------------------------- rows


def build(lines: list[list[Piece]], region: Region, height: float, previous: Columns | None) -> Built | None:
    """The Grid of one unruled table; `previous` is the columns of the table it continues (its part
    on the page before), used when this part prints no header."""
    runs = [_Run(p, i, _is_value(p)) for i in range(region.first, region.last + 1) for p in lines[i]]
    start = min(r.piece.left for r in runs if r.value and r.line >= region.head)
    over = [i for i in range(region.first, region.head) if any(p.right > start for p in lines[i])]
    top = max(over) + 1 if over else region.first  # label lines under the header belong to the first rows
    head = [r for r in runs if r.line < top]
    body = [r for r in runs if r.line >= top]
    if not any(r.value for r in body):
        return None
    texts_h = sorted(r.piece.top - r.piece.bottom for r in runs if not r.value)  # digits are shorter
    height = texts_h[len(texts_h) // 2] if texts_h else height
    heads: list[_Head] = []
    values = [(r.piece.left, r.piece.right) for r in body if r.value]
    if previous is not None and not over and \
            sum(1 for v in values if any(_overlap(v, leaf) >= 0 for leaf in previous.leaves)) >= 0.6 * len(values):
        cols = _continue(previous, body, height)
    else:
        cols, heads = columns(head, body, height)
    if not cols.leaves:
        return None
    start = cols.edges[len(cols.labels)]
    data_lines = sorted({r.line for r in body if r.value})
    # a line in the body that prints text over the value columns and no value is a header inside the table
    inner = sorted({r.line for r in body if not r.value and r.piece.left >= start - 0.5} - set(data_lines))
    sums: dict[int, list[float]] = {}
    for r in body:
        if r.value:
            sums.setdefault(r.line, []).append(r.cy)
    band = {line: sum(ys) / len(ys) for line, ys in sums.items()}  # where each row's values stand
    labels = [r for r in body if not r.value and r.line not in inner and r.piece.left < start - 0.5]
    label_row = _label_rows(labels, data_lines, band, cols, height)
    anchors = sorted(set(data_lines) | set(inner) | {h.line for h in heads} | set(label_row.values()))
    row_of = {line: n for n, line in enumerate(anchors)}
    texts: dict[tuple[int, int], list[_Run]] = {}
    spans: dict[tuple[int, int], int] = {}
    guessed: set[tuple[int, int]] = set()
    for h in heads:
        if h.line not in row_of:
            continue
        if h.span is not None and h.right > start:
            key = (row_of[h.line], len(cols.labels) + h.span[0])
            spans[key] = h.span[1] - h.span[0] + 1
        else:
            key = (row_of[h.line], _label_col(h.left, cols))
        texts.setdefault(key, []).extend(h.runs)
    for r in body:
        if id(r) in label_row:
            key = (row_of[label_row[id(r)]], _label_col(r.piece.left, cols))
        elif r.line in row_of and r.piece.right <= start + 0.5 and not r.value:
            key = (row_of[r.line], _label_col(r.piece.left, cols))
        elif r.line in row_of:
            k, inside = _leaf_of((r.piece.left, r.piece.right), cols.leaves)
            key = (row_of[r.line], len(cols.labels) + k)
            if r.value and not (inside and _under_header(r, k, heads, cols)):
                guessed.add(key)
        else:
            continue
        texts.setdefault(key, []).append(r)
    used = sorted({row for row, _ in texts})
    renumber = {n: i for i, n in enumerate(used)}
    rows: list[list[Cell | None]] = [[None] * cols.cols for _ in used]
    for (row, col), members in sorted(texts.items()):
        text = _cell_text(members)
        if not text:
            continue
        piece = Piece(members[0].piece.page, min(m.piece.left for m in members), min(m.piece.bottom for m in members),
                      max(m.piece.right for m in members), max(m.piece.top for m in members), text)
        rows[renumber[row]][col] = Cell(text, piece, spans.get((row, col), 1), (row, col) in guessed)
    return Built(rows, cols) if any(any(c is not None for c in row) for row in rows) else None


def _under_header(r: _Run, k: int, heads: list[_Head], cols: Columns) -> bool:
    """Whether a value stands under the text of its column's header: the header nearest above it over
    its column (a part after a page break: the lowest header of the part before)."""
    extent = (r.piece.left, r.piece.right)
    over = [h for h in heads if h.span is not None and h.span[0] <= k <= h.span[1] and h.bottom >= r.piece.top]
    if over:
        h = min(over, key=lambda h: h.bottom)
        return _overlap(extent, (h.left, h.right)) >= 0
    return any(_overlap(extent, s) >= 0 for s in cols.heads[k][-1:])


def _label_rows(labels: list[_Run], data_lines: list[int], band: dict[int, float], cols: Columns,
                height: float) -> dict[int, int]:
    """The row (the line that anchors it) of each run of label text. The lines of one label cell
    follow each other closely, each but the last filling the column's width; such a label belongs to
    the row whose values stand within its lines. A label beside no value is a row whose values are
    all blank (its own row); one that spans several rows' values gives each line to the nearest."""
    out: dict[int, int] = {}
    by_col: dict[int, list[_Run]] = {}
    for r in labels:
        by_col.setdefault(_label_col(r.piece.left, cols), []).append(r)
    for runs in by_col.values():
        runs.sort(key=lambda r: -r.cy)
        right = max(r.piece.right for r in runs)
        blocks: list[list[_Run]] = []
        for r in runs:
            if blocks:
                last = blocks[-1][-1]
                if r.line != last.line and last.cy - r.cy <= 2.0 * height and last.piece.right >= right - 1.5 * height:
                    blocks[-1].append(r)
                    continue
            blocks.append([r])
        for block in blocks:
            on = {r.line for r in block if r.line in band}
            if not on:
                top, bottom = max(r.piece.top for r in block), min(r.piece.bottom for r in block)
                on = {d for d in data_lines if bottom - 0.25 * height <= band[d] <= top + 0.25 * height}
                if not on:
                    out.update((id(r), block[0].line) for r in block)  # a row with every value blank
                    continue
            if len(on) == 1:
                line = on.pop()
                out.update((id(r), line) for r in block)
                continue
            for r in block:  # the label spans several rows (a group's merged cell): each line to the nearest
                out[id(r)] = r.line if r.line in band else \
                    min(data_lines, key=lambda d: (round(abs(band[d] - r.cy), 1), -band[d]))
    return out


def _cell_text(members: list[_Run]) -> str:
    """The texts of one cell: its lines top to bottom, each left to right; a label wrapped over
    lines is one label (no space between Chinese characters), values side by side keep a space."""
    ordered = sorted(members, key=lambda r: (-round(r.cy, 0), r.piece.left))
    parts = [clean(r.piece.text) for r in ordered]
    parts = [t for t in parts if t]
    if all(r.value for r in ordered):
        return " ".join(parts)
    text = ""
    for t in parts:
        text = _concat(text, t)
    return text


__all__ = ["Built", "Cell", "Columns", "Region", "build", "regions"]
