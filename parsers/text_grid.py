"""Tables in plain text handed through as Grids where the text delimits their cells.

A line with tabs or pipes is a row, its tab- or |-separated pieces its cells (a markdown table's
outer pipes and its |---| rule are not cells). A short line of text between such rows (a block
heading such as 第二十条第（八）项) is a row of one cell. A table that does not delimit its cells
(one cell per line, values after spaces, a whole table on one line) is no grid: the token reader
(parsers/tables.py) reads it instead.
"""
from __future__ import annotations

import bisect
import re

from parsers.grid import Grid, GridCell, Source

# a markdown rule |---|:--:|; no two [ \t]* stand side by side, so a long run of spaces is read in one pass
_RULE = re.compile(r"^[ \t]*(?:\|[ \t]*)?(?::?-{2,}:?[ \t]*\|[ \t]*)+(?::?-{2,}:?[ \t]*)?$")
_DIGIT = re.compile(r"\d")


def text_grid(text: str, start: int, end: int, prose: list[tuple[int, int]]) -> Grid | None:
    """The delimited table in text[start:end] as a Grid; None when the region holds no delimited
    rows, or holds numbers on lines that are not delimited (the table is not a grid there)."""
    rows: list[list[tuple[int, int, str]]] = []  # per row: (start, end, text) of each cell, by position
    pending: list[tuple[int, int, str]] = []  # undelimited short lines after the last row
    prose_starts = [a for a, _ in prose]
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        line = text[pos:stop]
        if "\t" in line or "|" in line:
            if _RULE.match(line) or _in(pos, prose, prose_starts):
                pos = stop + 1
                continue
            cells = _cells(line, pos)
            if any(t for _, _, t in cells):
                if rows and pending:
                    rows.extend([c] for c in pending)
                pending = []
                rows.append(cells)
        else:
            stripped = line.strip()
            if stripped and rows and not _in(pos + line.find(stripped[0]), prose, prose_starts):
                if _DIGIT.search(stripped):
                    return None  # numbers outside cells (a row printed without delimiters): not a grid
                if len(stripped) <= 40:
                    a = pos + line.find(stripped)
                    pending.append((a, a + len(stripped), stripped))
        pos = stop + 1
    if not rows:
        return None
    grid = Grid(ruled=False, merged=False)
    for r, cells in enumerate(rows):
        for c, (a, b, t) in enumerate(cells):
            if t:
                grid.add(GridCell(r, c, t, source=Source((a, b))))
    grid.rows = len(rows)
    grid.cols = max(len(cells) for cells in rows)
    return grid


def _in(pos: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


_SEP = re.compile(r"[\t|]")


def _cells(line: str, offset: int) -> list[tuple[int, int, str]]:
    """The cells of a delimited line, empty ones kept in place; a markdown row's outer pipes open and
    close it, they do not make empty cells."""
    start, stop = 0, len(line)
    lead = line.lstrip(" ")
    if lead.startswith("|"):
        start = stop - len(lead) + 1
    trimmed = line.rstrip(" ")
    if trimmed.endswith("|") and len(trimmed) - 1 >= start:
        stop = len(trimmed) - 1
    out: list[tuple[int, int, str]] = []
    pos = start
    for m in _SEP.finditer(line, start, stop):
        out.append(_piece(line, pos, m.start(), offset))
        pos = m.end()
    out.append(_piece(line, pos, stop, offset))
    return out


def _piece(line: str, a: int, b: int, offset: int) -> tuple[int, int, str]:
    piece = line[a:b]
    stripped = piece.strip()
    if not stripped:
        return (offset + a, offset + a, "")
    at = offset + a + len(piece) - len(piece.lstrip())
    return (at, at + len(stripped), stripped)
