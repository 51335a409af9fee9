"""Documents with real tables (HTML, DOCX) laid out as text: paragraphs as lines, each table as
tab-separated rows on its grid (a merged cell's text in its top-left position), with the table,
row and column of every cell's span, so each value read from the text knows its source cell."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from models.report import Origin

_SPACE = re.compile(r"[\s\u00a0\u3000\u200b]+")
MAX_GRID = 200_000  # cells in one table; a bigger grid is a broken or hostile document


def clean(text: str) -> str:
    """Cell or paragraph text on one line: runs of white space (and &nbsp;) become one space."""
    return _SPACE.sub(" ", text).strip()


@dataclass
class TextBuilder:
    parts: list[str] = field(default_factory=list)
    pos: int = 0
    tables: int = 0
    spans: list[tuple[int, int, Origin]] = field(default_factory=list)
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

    def table(self, grid: list[list[str]]) -> None:
        """A table: one line per row, cells separated by tabs, empty cells kept in place."""
        self.tables += 1
        if not self._blank:
            self._add("\n")
        for r, row in enumerate(grid):
            for c, cell in enumerate(row):
                if c:
                    self._add("\t")
                text = clean(cell)
                if text:
                    self.spans.append((self.pos, self.pos + len(text), Origin(self.tables, r + 1, c + 1)))
                    self._add(text)
            self._add("\n")
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


def fill_grid(rows: list[list[tuple[str, int, int]]]) -> list[list[str]]:
    """Place (text, rowspan, colspan) cells on a grid; a merged cell's text goes top-left, the
    positions it covers stay empty."""
    grid: list[list[str | None]] = []
    total = 0
    for r, cells in enumerate(rows):
        while len(grid) <= r:
            grid.append([])
        c = 0
        for text, rs, cs in cells:
            row = grid[r]
            while c < len(row) and row[c] is not None:
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
                    target.append(None)
                for dc in range(cs):
                    target[c + dc] = text if dr == 0 and dc == 0 else ""
            c += cs
    width = max((len(r) for r in grid), default=0)
    return [[x or "" for x in row] + [""] * (width - len(row)) for row in grid]
