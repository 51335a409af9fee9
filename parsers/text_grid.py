"""Tables in plain text handed through as Grids where the text delimits their cells.

A line with tabs or pipes is a row, its tab- or |-separated pieces its cells (a markdown table's
outer pipes and its |---| rule are not cells). A short line of text between such rows (a block
heading such as 第二十条第（八）项) is a row of one cell. A table that does not delimit its cells
(one cell per line, a whole table on one line) is no grid: the token reader (parsers/tables.py)
reads it instead.

A table whose columns are aligned by runs of spaces (text copied from a PDF, typed in a fixed-width
editor) is a grid by its shape: the columns are where its values stand, counted in display columns
(a hanzi is two wide), and each header cell heads the columns it stands over. A value under no header
is placed by position only, and so marked as guessed.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from parsers.grid import Grid, GridCell, Source, TextRow
from parsers.labels import compact

# a markdown rule |---|:--:|; no two [ \t]* stand side by side, so a long run of spaces is read in one pass
_RULE = re.compile(r"^[ \t]*(?:\|[ \t]*)?(?::?-{2,}:?[ \t]*\|[ \t]*)+(?::?-{2,}:?[ \t]*)?$")
_DIGIT = re.compile(r"\d")


def text_grid(text: str, start: int, end: int, prose: list[tuple[int, int]], shown: str | None = None,
              rows: list[TextRow] | None = None) -> Grid | None:
    """The delimited table in text[start:end] as a Grid; None when the region holds no delimited
    rows, or holds numbers on lines that are not delimited (the table is not a grid there). Without
    delimited rows, the table aligned by spaces; `shown` is the text as printed, whose widths align it
    (`text` may be a folded copy, offset for offset: （ folded to ( is one column narrower). `rows`:
    the region's delimited rows when the caller has read them already."""
    if rows is None:
        rows = delimited_rows(text, start, end, prose)
        if rows is None:
            return None
    return rows_grid(rows) if rows else aligned_grid(text, start, end, prose, shown)


def rows_grid(rows: list[TextRow]) -> Grid:
    """The Grid of delimited rows (delimited_rows)."""
    grid = Grid(ruled=False, merged=False)
    grid.cells = [GridCell(r, c, t, 1, 1, Source((a, b))) for r, (_, cells) in enumerate(rows)
                  for c, a, b, t in cells]  # one row and column each: no growing to do
    grid.rows = len(rows)
    grid.cols = max(count for count, _ in rows)
    return grid


def delimited_rows(text: str, start: int, end: int, prose: list[tuple[int, int]]) -> list[TextRow] | None:
    """The delimited rows of text[start:end] that text_grid makes a grid of; none when no line is
    delimited; None when numbers stand on lines that are not (the table is not a grid there)."""
    rows: list[TextRow] = []
    for row in iter_rows(text, start, end, prose):
        if row is None:
            return None
        rows.append(row)
    return rows


def iter_rows(text: str, start: int, end: int, prose: list[tuple[int, int]]) -> Iterator[TextRow | None]:
    """delimited_rows one by one, each once it is known to be a row (for a reader that may stop
    early); a None, and no more, when numbers stand on a line that is not delimited."""
    rows = False  # whether a row was found
    pending: list[tuple[int, int, str]] = []  # undelimited short lines after the last row
    prose_starts = [a for a, _ in prose]
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        line = text[pos:stop]
        if "\t" in line or "|" in line:
            # (a rule holds "--": most rows are told by that alone)
            if ("--" in line and _RULE.match(line)) or (prose and _in(pos, prose, prose_starts)):
                pos = stop + 1
                continue
            count, cells = _cells(line, pos)
            if cells:
                if rows and pending:
                    yield from ((1, [(0, a, b, t)]) for a, b, t in pending)
                pending = []
                rows = True
                yield count, cells
        else:
            stripped = line.strip()
            if stripped and rows and not (prose and _in(pos + line.find(stripped[0]), prose, prose_starts)):
                if _DIGIT.search(stripped):
                    yield None  # numbers outside cells (a row printed without delimiters): not a grid
                    return
                if len(stripped) <= 40:
                    a = pos + line.find(stripped)
                    pending.append((a, a + len(stripped), stripped))
        pos = stop + 1


def _in(pos: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


_SEP = re.compile(r"[\t|]")


def _cells(line: str, offset: int) -> tuple[int, list[tuple[int, int, int, str]]]:
    """How many cells a delimited line has, and those that hold text: column, start, end, text; a
    markdown row's outer pipes open and close it, they do not make empty cells."""
    start, stop = 0, len(line)
    if "|" in line:
        lead = line.lstrip(" ")
        if lead.startswith("|"):
            start = stop - len(lead) + 1
        trimmed = line.rstrip(" ")
        if trimmed.endswith("|") and len(trimmed) - 1 >= start:
            stop = len(trimmed) - 1
        seg = line[start:stop]
        # every separator one character; str.split on one of them costs a fraction of a regex split
        pieces = (_SEP.split(seg) if "\t" in seg else seg.split("|")) if "|" in seg else seg.split("\t")
    else:
        pieces = line.split("\t")
    out: list[tuple[int, int, int, str]] = []
    pos = offset + start
    append = out.append
    for col, piece in enumerate(pieces):
        if piece:
            stripped = piece.strip()
            if stripped:  # the start of the text: after the white space it was stripped of
                at = pos if len(stripped) == len(piece) else pos + len(piece) - len(piece.lstrip())
                append((col, at, at + len(stripped), stripped))
            pos += len(piece) + 1
        else:
            pos += 1
    return len(pieces), out


# ---------------------------------------------------------------- columns aligned by spaces

_CHUNK = re.compile(r"\S+(?: \S+)*")  # text that two spaces or more part from its neighbours
_HEADING = re.compile(r"[一二三四五六七八九十]+、")
_VALUE_TEXT = re.compile(r"[+\-]?\d[\d,]*(?:\.\d+)?(?:人次|万元|件|条|个|项|次|元|宗|份)?|/|—+|-|–|无|\\")


@lru_cache(maxsize=4096)
def _is_value(t: str) -> bool:
    """A number or a printed marker (/, —, 无), nothing else."""
    return _VALUE_TEXT.fullmatch(compact(t)) is not None


@lru_cache(maxsize=8192)
def width(s: str) -> int:
    """Display columns of a text in a fixed-width font: wide and full-width characters take two."""
    if s.isascii():
        return len(s)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


@dataclass(eq=False, slots=True)  # compared by identity: two chunks of the same text are two cells
class _Chunk:
    x0: int  # display columns [x0, x1) on its line
    x1: int
    a: int  # source span
    b: int
    text: str
    value: bool


def _chunks(line: str, offset: int, shown: str) -> list[_Chunk]:
    """The pieces of a line: runs of text between two or more spaces; numbers parted by one space
    (行政许可 2957, 12 0 0) are pieces of their own. Display columns are counted on `shown`, the line
    as printed."""
    out: list[_Chunk] = []
    # a width is the sum of its characters' widths: each x is counted on from the end of the last piece
    done = done_x = 0
    for m in _CHUNK.finditer(line):
        a = m.start()
        for s, e, piece, value in _pieces(m.group()):
            x0 = done_x + width(shown[done:a + s])
            done, done_x = a + e, x0 + width(shown[a + s:a + e])
            out.append(_Chunk(x0, done_x, offset + a + s, offset + a + e, piece, value))
    return out


@lru_cache(maxsize=4096)  # a table repeats its runs (0 0 0 0 0 0 0) row after row
def _pieces(run: str) -> tuple[tuple[int, int, str, bool], ...]:
    """A run of words parted by single spaces as pieces (start, end, text, whether a value): each
    value its own, consecutive words of text one piece; the whole run one piece when it holds no value."""
    words = run.split(" ")
    values = [_is_value(w) for w in words]
    if len(words) == 1 or not any(values):
        return ((0, len(run), run, values[0]),)
    out = []
    pos = 0
    i = 0
    while i < len(words):
        j = i + 1
        while j < len(words) and not values[i] and not values[j]:
            j += 1
        piece = " ".join(words[i:j])
        out.append((pos, pos + len(piece), piece, values[i]))
        pos += len(piece) + 1
        i = j
    return tuple(out)


def aligned_grid(text: str, start: int, end: int, prose: list[tuple[int, int]],
                 shown: str | None = None) -> Grid | None:
    """The table in text[start:end] whose columns are aligned by spaces, as a Grid; None when the
    region holds no such table (too few rows of values, or values that do not stand in columns).
    Widths are counted on `shown` (the text as printed, offset for offset), else on `text`."""
    shown = text if shown is None else shown
    prose_starts = [a for a, _ in prose]
    lines: list[list[_Chunk]] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        line = text[pos:stop]
        stripped = line.strip()
        if stripped and not _in(pos + line.find(stripped[0]), prose, prose_starts):
            lines.append(_chunks(line, pos, shown[pos:stop]))
        pos = stop + 1
    while lines and len(lines[0]) == 1 and not lines[0][0].value and _HEADING.match(lines[0][0].text):
        del lines[0]  # the section's heading (四、…行政复议、行政诉讼情况) is no header of the table
    # per line: where its first value stands, -1 in a line without values
    firsts = [next((k for k, c in enumerate(ln) if c.value), -1) for ln in lines]
    rows_of_values = [i for i, f in enumerate(firsts) if f >= 0]
    if not rows_of_values or (len(rows_of_values) == 1 and not (  # a number or two in prose is no table;
            sum(c.value for c in lines[rows_of_values[0]]) >= 3  # one row of values under a header is
            and any(len(ln) >= 2 for ln in lines[:rows_of_values[0]]))):
        return None
    # columns: the display ranges the values of all rows cover, values that overlap in one column
    spans = sorted((c.x0, c.x1) for ln in lines for c in ln if c.value)
    columns: list[list[int]] = []
    for x0, x1 in spans:
        if columns and x0 < columns[-1][1]:
            columns[-1][1] = max(columns[-1][1], x1)
        else:
            columns.append([x0, x1])
    lefts = [c[0] for c in columns]

    def column_of(c: _Chunk) -> int:
        return bisect.bisect_right(lefts, c.x0) - 1

    for i in rows_of_values:  # a row's values in distinct columns, after its labels
        # (a line's pieces go left to right, so its columns never fall back, and a value lies inside
        # the column its start is in, as columns are the merged ranges of the values: no two in one
        # column is all there is to ask)
        cols = {column_of(c) for c in lines[i] if c.value}
        if len(cols) < sum(c.value for c in lines[i]):
            return None
    # the labels' area: up to the end of the longest label before a row's first value
    label_end = max((c.x1 for i in rows_of_values for c in lines[i][:firsts[i]]), default=0)
    # a row's labels: the text before its first value; in a row without values, the text that starts
    # in the labels' area (text further right heads a column); no labels in the rows of values: none here either
    label_parts = [ln[:f] if f >= 0 else [c for c in ln if c.x0 < label_end]
                   for ln, f in zip(lines, firsts, strict=True)]

    def ranges() -> list[tuple[float, float]]:
        """The stretch above each column a header may stand in: halfway to its neighbours."""
        mids = [(a[1] + b[0]) / 2 for a, b in zip(columns, columns[1:], strict=False)]  # between neighbours
        return [(min(lo, x0), hi) for (x0, _), lo, hi in zip(columns, [label_end, *mids], [*mids, float("inf")],
                                                              strict=True)]

    def heads(c: _Chunk) -> list[int]:
        """The columns a header cell stands over: those whose values' centre it covers (a group header
        centred over several), else the one whose stretch it overlaps most."""
        if ordered:  # the centres in [x0, x1) are a run of them
            over = list(range(bisect.bisect_left(centres, c.x0), bisect.bisect_left(centres, c.x1)))
        else:
            over = [k for k, m in enumerate(centres) if c.x0 <= m < c.x1]
        if over:
            return over
        spans = [(min(c.x1, hi) - max(c.x0, lo), k) for k, (lo, hi) in enumerate(stretch)]
        inside, k = max(spans)
        return [k] if inside > 0 else [len(columns) - 1 if c.x0 >= columns[-1][0] else 0]

    # a header over a column with no value at all (a column left blank in every row) is a column of its
    # own: a header of one column, not over that column's values, standing beside another header of
    # the same block that is over them (自然人 beside 商业企业, 结果维持 beside 总计), or beside one of its
    # own line nearer to the values
    stretch = ranges()
    centres = [(x0 + x1) / 2 for x0, x1 in columns]
    ordered = all(m <= n for m, n in zip(centres, centres[1:], strict=False))
    blocks: list[list[list[tuple[_Chunk, list[int]]]]] = [[]]
    for ln, part, f in zip(lines, label_parts, firsts, strict=True):
        if f >= 0:
            blocks.append([])
        elif row := [(c, heads(c)) for c in ln[len(part):]]:  # after its labels
            blocks[-1].append(row)

    def over_values(c: _Chunk, k: int) -> bool:
        return c.x0 < columns[k][1] and columns[k][0] < c.x1

    def apart(c: _Chunk, d: _Chunk) -> bool:
        return not (c.x0 < d.x1 and d.x0 < c.x1)

    new_columns = []
    for block in blocks:
        for row in block:
            for c, ks in row:
                if len(ks) != 1 or over_values(c, ks[0]):
                    continue
                k = ks[0]
                centre = (columns[k][0] + columns[k][1]) / 2
                if any(k in ks2 and over_values(d, k) and apart(c, d) for other in block for d, ks2 in other) or any(
                        ks2 == [k] and d is not c and abs((d.x0 + d.x1) / 2 - centre) < abs((c.x0 + c.x1) / 2 - centre)
                        for d, ks2 in row):
                    new_columns.append([c.x0, c.x1])
    columns += new_columns
    columns.sort()
    lefts = [c[0] for c in columns]
    if len(columns) < 2:
        return None
    stretch = ranges()
    centres = [(x0 + x1) / 2 for x0, x1 in columns]
    ordered = all(m <= n for m, n in zip(centres, centres[1:], strict=False))
    labels = max(1, max(len(part) for part in label_parts))
    span, down = _header_spans(lines, label_parts, columns, heads)
    headed: set[int] = set()
    # line, chunk, first grid column, columns covered, placed by position only (a value under no header), lines
    placed: list[tuple[int, _Chunk, int, int, bool, int]] = []
    for i, ln in enumerate(lines):
        left = label_parts[i]
        for k, c in enumerate(left):  # labels right-aligned to the values: the innermost label last
            placed.append((i, c, labels - len(left) + k, 1, False, 1))
        for c in ln[len(left):]:  # a row's labels are the pieces it starts with
            if c.value:
                placed.append((i, c, labels + column_of(c), 1, column_of(c) not in headed, 1))
                continue
            # a header cell heads the columns it stands over (the values below it); text among a row's
            # values (a unit, a note) stands in its column
            over = span.get(id(c)) or heads(c)
            placed.append((i, c, labels + min(over), max(over) - min(over) + 1, False, down.get(id(c), 1)))
            if id(c) in span:
                headed.update(over)
    grid = Grid(ruled=False, merged=True)  # its size is set below: no growing cell by cell
    grid.cells = [GridCell(i, col, c.text, rows, n, Source((c.a, c.b)), guessed)
                  for i, c, col, n, guessed, rows in placed]
    grid.rows = len(lines)
    grid.cols = labels + len(columns)
    return grid


def _header_spans(lines: list[list[_Chunk]], label_parts: list[list[_Chunk]], columns: list[list[int]],
                  heads: Callable[[_Chunk], list[int]]) -> tuple[dict[int, list[int]], dict[int, int]]:
    """The columns each header cell heads, line by line up from the values: a cell of the lowest
    header line heads the columns it stands over; a cell higher up heads its own column when it stands
    over values no lower cell heads (总计 over two header lines), else the columns of the lower cells
    nearest to it (申请人情况 over 自然人, 法人或其他组织 and 总计; 行政诉讼 over its two groups). With the
    columns, the lines each cell reaches down (a cell over values no lower cell heads spans to the last
    header line, as a merged cell does)."""
    out: dict[int, list[int]] = {}
    down: dict[int, int] = {}
    block: list[list[_Chunk]] = []
    for ln, part in [*zip(lines, label_parts, strict=True), ([_Chunk(0, 0, 0, 0, "", True)], [])]:
        if not any(c.value for c in ln):
            row = ln[len(part):]  # a row's labels are the pieces it starts with
            if row:
                block.append(row)
            continue
        below: list[_Chunk] = []
        for depth, row in enumerate(reversed(block)):  # from the line nearest the values up
            claimed = {k for d in below for k in out[id(d)]}
            groups: list[_Chunk] = []
            for c in row:
                own = heads(c)
                if not below or any(k not in claimed and c.x0 < columns[k][1] and columns[k][0] < c.x1 for k in own):
                    out[id(c)] = own
                    down[id(c)] = depth + 1
                else:
                    out[id(c)] = []
                    groups.append(c)
            for d in below:  # each lower cell under the nearest group cell of this line
                if groups:
                    g = min(groups, key=lambda g: (max(0, g.x0 - d.x1, d.x0 - g.x1),
                                                   abs((g.x0 + g.x1) - (d.x0 + d.x1))))
                    out[id(g)] += out[id(d)]
            for g in groups:
                out[id(g)] = sorted(set(out[id(g)])) or heads(g)
            below = row
        block = []
    return out, down
