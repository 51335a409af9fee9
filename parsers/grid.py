"""A table as a reader found it: cells on rows and columns, each with its text and where it was printed.

Every reader hands its tables through as Grids (HTML and DOCX from their markup, PDF from ruling
lines or text positions, text from its delimiters, scans from OCR boxes). Placement
(parsers/placement.py) is the only step that knows the template's rows and columns: a reader
never guesses them, and placement never reads a file.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from models.report import Origin

Box = tuple[int, float, float, float, float]  # page (from 1), left, top, right, bottom, in points from the top


@dataclass(frozen=True, slots=True)
class Source:
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


@dataclass
class Grid:
    """A table: its cells (each merged cell once, at its top-left position), in reading order."""
    cells: list[GridCell] = field(default_factory=list)
    rows: int = 0
    cols: int = 0
    ruled: bool = True  # False when rows and columns were inferred from positions (less certain)

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
