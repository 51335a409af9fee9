"""Documents with real tables (HTML, DOCX) laid out as text: paragraphs as lines, each table as
tab-separated rows on its grid (a merged cell's text in its top-left position), with the table,
row and column of every cell's span; and each table handed through as a Grid whose cells know
their span and source cell, for placement."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from models.report import Origin
from parsers.grid import Grid, GridCell, Source

_SPACE = re.compile(r"[\s\u00a0\u3000\u200b]+")
MAX_GRID = 200_000  # cells in one table; a bigger grid is a broken or hostile document
Placed = tuple[int, int, int, int, str]  # row, column, rowspan, colspan, text


def clean(text: str) -> str:
    """Cell or paragraph text on one line: runs of white space (and &nbsp;) become one space."""
    return _SPACE.sub(" ", text).strip()


@dataclass
class TextBuilder:
    parts: list[str] = field(default_factory=list)
    pos: int = 0
    tables: int = 0
    spans: list[tuple[int, int, Origin]] = field(default_factory=list)
    grids: list[Grid] = field(default_factory=list)
    _blank: bool = True

    def _add(self, s: str) -> None:
        self.parts.append(s)
        self.pos += len(s)

    def line(self, text: str) -> None:
        """A paragraph; blank ones collapse so that at most one empty line separates blocks."""
        text = clean(text)
        if text:
            self._add(text + "\n")
            self._blank = False
        elif not self._blank:
            self._add("\n")
            self._blank = True

    def table(self, cells: list[Placed]) -> None:
        """A table of placed cells (row, column, rowspan, colspan, text): one line per row, cells
        separated by tabs, a merged cell's text at its top-left, empty cells kept in place; and its Grid."""
        if not cells:
            return
        self.tables += 1
        if not self._blank:
            self._add("\n")
        rows = max(r + rs for r, _, rs, _, _ in cells)
        cols = max(c + cs for _, c, _, cs, _ in cells)
        at = {(r, c): (rs, cs, text) for r, c, rs, cs, text in cells}
        grid = Grid()
        for r in range(rows):
            for c in range(cols):
                if c:
                    self._add("\t")
                hit = at.get((r, c))
                if hit is None:
                    continue
                text = clean(hit[2])
                if text:
                    origin = Origin(self.tables, r + 1, c + 1)
                    self.spans.append((self.pos, self.pos + len(text), origin))
                    grid.add(GridCell(r, c, text, hit[0], hit[1], Source((self.pos, self.pos + len(text)), origin)))
                    self._add(text)
            self._add("\n")
        grid.rows, grid.cols = rows, cols
        self.grids.append(grid)
        self._add("\n")
        self._blank = True

    def text(self) -> str:
        return "".join(self.parts)


def origin_at(spans: list[tuple[int, int, Origin]], pos: int) -> Origin | None:
    """The source cell whose text holds offset pos."""
    i = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    if i >= 0 and spans[i][0] <= pos < spans[i][1]:
        return spans[i][2]
    return None


def fill_grid(rows: list[list[tuple[str, int, int]]]) -> list[Placed]:
    """Place (text, rowspan, colspan) cells of HTML rows on a grid: each cell takes the first
    position its row leaves free (cells merged down from rows above hold theirs)."""
    grid: list[list[bool]] = []
    out: list[Placed] = []
    total = 0
    for r, cells in enumerate(rows):
        while len(grid) <= r:
            grid.append([])
        c = 0
        for text, rs, cs in cells:
            row = grid[r]
            while c < len(row) and row[c]:
                c += 1
            rs, cs = max(1, min(rs, len(rows) - r)), max(1, min(cs, 1000))
            total += rs * cs
            if total > MAX_GRID:
                raise ValueError("表格过大或合并单元格异常")
            for dr in range(rs):
                while len(grid) <= r + dr:
                    grid.append([])
                target = grid[r + dr]
                while len(target) < c + cs:
                    target.append(False)
                for dc in range(cs):
                    target[c + dc] = True
            out.append((r, c, rs, cs, text))
            c += cs
    return out
