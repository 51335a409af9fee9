"""A table as a reader found it: cells on rows and columns, each with its text and where it was printed.

Every reader hands its tables through as Grids (HTML and DOCX from their markup, PDF from ruling
lines or text positions, text from its delimiters, scans from OCR boxes). Placement
(parsers/placement.py) is the only step that knows the template's rows and columns: a reader
never guesses them, and placement never reads a file.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from models.report import Origin

Box = tuple[int, float, float, float, float]  # page (from 1), left, top, right, bottom, in points from the top
# a delimited row of a text copy (parsers/text_grid.py): how many cells it has, and those that hold
# text: (column, start, end, text)
TextRow = tuple[int, list[tuple[int, int, int, str]]]


@dataclass(slots=True)  # never changed once made; not frozen, as one is made for every cell of every table
class Source:  # and a frozen dataclass is four times slower to make
    """Where a cell's text was printed: a span of the report's text, and, when the document has
    them, its table position (HTML, DOCX) or its page box (PDF, scans)."""
    span: tuple[int, int] | None = None  # [start, end) in Report.text
    origin: Origin | None = None  # the n-th table of the document, its row and column (from 1)
    box: Box | None = None
    confidence: float | None = None  # OCR: how sure the recogniser was (0–1)


@dataclass(slots=True)
class GridCell:
    """One printed cell: its top-left row and column, how many rows and columns it covers, its text."""
    row: int  # from 0
    col: int  # from 0
    text: str
    rowspan: int = 1
    colspan: int = 1
    source: Source = field(default_factory=Source)
    guessed: bool = False  # a reader placed it in its column by position only (no header text over it)


@dataclass
class Grid:
    """A table: its cells (each merged cell once, at its top-left position), in reading order."""
    cells: list[GridCell] = field(default_factory=list)
    rows: int = 0
    cols: int = 0
    ruled: bool = True  # False when rows and columns were inferred from positions (less certain)
    edges: list[float] | None = None  # PDF: the x of each column's left edge and of the last right edge
    # False for a text copy: a merged cell's text stands in its first position, the rest are empty
    merged: bool = True

    def add(self, cell: GridCell) -> None:
        """Add a cell and grow the grid to hold it."""
        self.cells.append(cell)
        self.rows = max(self.rows, cell.row + cell.rowspan)
        self.cols = max(self.cols, cell.col + cell.colspan)

    def at(self, row: int, col: int) -> GridCell | None:
        """The cell covering a position (a merged cell covers several), or None."""
        for c in self.cells:
            if c.row <= row < c.row + c.rowspan and c.col <= col < c.col + c.colspan:
                return c
        return None

    def row_cells(self, row: int) -> list[GridCell]:
        """The cells that start on a row, left to right."""
        return sorted((c for c in self.cells if c.row == row), key=lambda c: c.col)

    def cover(self) -> list[list[GridCell | None]]:
        """For each position, the cell that covers it (a merged cell covers several), or None."""
        out: list[list[GridCell | None]] = [[None] * self.cols for _ in range(self.rows)]
        for c in self.cells:
            for r in range(c.row, min(self.rows, c.row + c.rowspan)):
                line = out[r]
                for k in range(c.col, min(self.cols, c.col + c.colspan)):
                    line[k] = c
        return out


def merge_bands(rows: int, cols: int, open_right: Callable[[int, int], bool],
                open_below: Callable[[int, int], bool]) -> tuple[list[tuple[int, int, int, int]], list[int]]:
    """The cells of a ruled table from its bands (the rows × cols rectangles between neighbouring
    rules): band (r, c) joins its right neighbour where open_right(r, c), and the one below where
    open_below(r, c), i.e. where no rule divides them (a merged cell). Returns each cell as (row,
    col, rowspan, colspan), in the order of its first band read row by row, and the cell of every
    band (index r * cols + c)."""
    parent = list(range(rows * cols))

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for r in range(rows):
        for c in range(cols):
            if c + 1 < cols and open_right(r, c):
                parent[find(r * cols + c + 1)] = find(r * cols + c)
            if r + 1 < rows and open_below(r, c):
                parent[find((r + 1) * cols + c)] = find(r * cols + c)
    number: dict[int, int] = {}
    spread: list[list[int]] = []
    cell_of: list[int] = []
    for r in range(rows):
        for c in range(cols):
            root = find(r * cols + c)
            if root not in number:
                number[root] = len(spread)
                spread.append([r, c, r, c])
            n = number[root]
            sp = spread[n]
            sp[0], sp[1], sp[2], sp[3] = min(sp[0], r), min(sp[1], c), max(sp[2], r), max(sp[3], c)
            cell_of.append(n)
    return [(r0, c0, r1 - r0 + 1, c1 - c0 + 1) for r0, c0, r1, c1 in spread], cell_of


def stack(grids: list[Grid]) -> Grid:
    """Grids of one table printed in parts (split by a page break or by a web site), one below the
    other. When every part knows its column edges on the page, the columns are those of all parts
    together (a part with fewer, wider columns spans several); otherwise a part is aligned on the
    right of the widest part (the value columns are the last ones; label columns vary)."""
    if len(grids) == 1:
        return grids[0]
    out = Grid(ruled=all(g.ruled for g in grids), merged=all(g.merged for g in grids))
    edges: list[float] | None = None
    if all(g.edges and len(g.edges) == g.cols + 1 for g in grids):
        edges = _snap(sorted(x for g in grids for x in (g.edges or [])))
        out.edges = edges
    width = max(g.cols for g in grids)
    top = 0
    for g in grids:
        mapping = _column_map(edges, g, width)
        for c in g.cells:
            a = mapping[c.col][0]
            b = mapping[c.col + c.colspan - 1]
            out.add(GridCell(top + c.row, a, c.text, c.rowspan, max(1, b[0] + b[1] - a), c.source, c.guessed))
        top += g.rows
    out.rows = top
    out.cols = max(out.cols, len(edges) - 1 if edges else width)
    return out


def _snap(xs: list[float], tol: float = 2.0) -> list[float]:
    out: list[float] = []
    for x in xs:
        if not out or x - out[-1] > tol:
            out.append(x)
    return out


def _column_map(edges: list[float] | None, g: Grid, width: int) -> list[tuple[int, int]]:
    """(first column, how many) of the stacked grid under each column of `g`."""
    if edges is not None and g.edges:
        out = []
        for k in range(g.cols):
            left, right = g.edges[k] - 2.0, g.edges[k + 1] - 2.0
            inside = [i for i in range(len(edges) - 1) if left <= edges[i] < right]
            out.append((inside[0], len(inside)) if inside else
                       (min(range(len(edges) - 1), key=lambda i: abs(edges[i] - g.edges[k] if g.edges else 0)), 1))
        return out
    shift = max(0, width - g.cols)
    return [(k + shift, 1) for k in range(g.cols)]
