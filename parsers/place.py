"""Put a row's printed values into its columns by the best evidence, and say how sure that is."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from parsers.tokens import Grid, Token


@dataclass
class Placement:
    cells: dict[str, Token]  # column id → token
    extra: list[Token]  # values that fit no column
    how: str  # "in order", "total only", "by position", "left to right"
    uncertain: bool


def place(values: list[Token], columns: list[str], header_cells: dict[str, int | None], grid: Grid,
          total: str | None = "total", header_x: dict[str, float | None] | None = None) -> Placement:
    """Assign value tokens to columns.

    A row with as many values as columns reads in order. A lone value in a row that has a
    total column is the total (the breakdown was left blank). Otherwise the tab/| cell
    positions (in `grid`) are matched to the header's, and failing that values go left to right;
    both are marked uncertain only when the evidence is weak.
    """
    n, k = len(columns), len(values)
    if k == n:
        return Placement(dict(zip(columns, values, strict=True)), [], "in order", False)
    if k == 0:
        return Placement({}, [], "in order", False)
    if k == 1 and total in columns and n > 1 and not _x_says_otherwise(values[0], total, header_x):
        return Placement({total: values[0]}, [], "total only", False)
    by_x = _by_x(values, columns, header_x or {})
    if by_x is not None:
        return Placement(by_x, [], "by position", False)
    by_pos = _by_position(values, columns, header_cells, grid)
    if by_pos is not None:
        cells, extra = by_pos
        return Placement(cells, extra, "by position", False)
    if total in columns and columns[-1] == total:
        # the last printed value is the total (totals close a printed row); the rest go left to right
        cells = dict(zip(columns[:-1], values[: min(k - 1, n - 1)], strict=False))
        cells[total] = values[-1]
        return Placement(cells, values[n - 1:-1] if k > n else [], "left to right", True)
    return Placement(dict(zip(columns, values, strict=False)), values[n:], "left to right", True)


def _by_x(values: list[Token], columns: list[str], header_x: dict[str, float | None]) -> dict[str, Token] | None:
    """On a page: each value under the header whose centre is nearest, when every value is clearly
    under one header and no two under the same."""
    at = [(v, v.x) for v in values if v.x is not None]
    xs = {c: x for c in columns if (x := header_x.get(c)) is not None}
    if not values or len(at) < len(values) or any(header_x.get(c) is None for c in columns) or len(columns) < 2:
        return None
    ordered = sorted(xs.values())
    gap = min(b - a for a, b in pairwise(ordered))
    if gap <= 0:
        return None
    cells: dict[str, Token] = {}
    for v, vx in at:
        c = min(columns, key=lambda c: abs(xs[c] - vx))
        if abs(xs[c] - vx) > 0.45 * gap or c in cells:
            return None
        cells[c] = v
    return cells


def _x_says_otherwise(value: Token, total: str, header_x: dict[str, float | None] | None) -> bool:
    """A lone value that stands under another column than the total (on a page)."""
    vx = value.x
    if not header_x or vx is None or header_x.get(total) is None:
        return False
    xs = [x for x in header_x.values() if x is not None]
    nearest = min(xs, key=lambda x: abs(x - vx))
    return nearest != header_x[total]


def _by_position(values: list[Token], columns: list[str], header_cells: dict[str, int | None],
                 grid: Grid) -> tuple[dict[str, Token], list[Token]] | None:
    """Match values to columns by their cell index; None unless the grid explains the row."""
    at = [grid.locate(v.start)[1] for v in values]
    if None in at:
        return None
    col_at = {c: header_cells.get(c) for c in columns}
    if any(i is None for i in col_at.values()) or len(set(col_at.values())) != len(columns):
        return None
    by_cell = {i: c for c, i in col_at.items()}
    cells: dict[str, Token] = {}
    extra: list[Token] = []
    for v, i in zip(values, at, strict=True):
        c = by_cell.get(i)
        if c is None or c in cells:
            extra.append(v)
        else:
            cells[c] = v
    k, n = len(values), len(columns)
    if k > n and len(cells) == n and len(extra) == k - n:
        return cells, extra  # every column filled; the extras sit where no header is
    if k < n and not extra:
        return cells, []
    return None
