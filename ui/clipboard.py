"""Ranges of an official table as tab-separated text, and text pasted from Excel or WPS back onto cells.

Plain functions over the table's grid (no widgets), so the rules of a paste are tested alone.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from models.template import FIELDS
from models.values import Value, format_value, parse_value
from ui.layouts import VALUE, Grid

Position = tuple[int, int]  # (row, column) of a value cell in the grid


def value_cells(grid: Grid, row: int) -> list[tuple[int, str]]:
    """The value cells of a grid row, left to right, as (column, field id)."""
    return sorted((c, cell.field) for (r, c), cell in grid.cells.items() if r == row and cell.kind == VALUE)


def copy_text(grid: Grid, positions: list[Position], value_of: Callable[[str], Value], labels: bool = False) -> str:
    """The selected cells as rows of tab-separated values (blank stays empty, "/" stays "/"); with
    labels, a first row of column labels and a first column of row labels."""
    chosen = {p: grid.cells[p].field for p in positions if p in grid.cells and grid.cells[p].kind == VALUE}
    if not chosen:
        return ""
    rows = sorted({r for r, _ in chosen})
    cols = sorted({c for _, c in chosen})
    lines = []
    if labels:
        first = {c: next(f for (r, cc), f in sorted(chosen.items()) if cc == c) for c in cols}
        lines.append(["", *(_label(first[c], column=True) for c in cols)])
    for r in rows:
        line = [format_value(value_of(chosen[(r, c)])) if (r, c) in chosen else "" for c in cols]
        if labels:
            line.insert(0, _label(next(f for (rr, _), f in sorted(chosen.items()) if rr == r), column=False))
        lines.append(line)
    return "\n".join("\t".join(line) for line in lines) + "\n"


def _label(fid: str, column: bool) -> str:
    f = FIELDS.get(fid)
    if f is None:
        return ""
    return f.column_label if column else f.row_label


def parse_tsv(text: str) -> list[list[str]]:
    """Rows of cells from a spreadsheet's clipboard text (tabs between cells, CRLF or LF between rows,
    a cell in double quotes when it holds a tab or a line break)."""
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    quoted = False
    i = 0
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    while i < len(text):
        ch = text[i]
        if quoted:
            if ch == '"' and text[i + 1:i + 2] == '"':
                cell.append('"')
                i += 1
            elif ch == '"':
                quoted = False
            else:
                cell.append(ch)
        elif ch == '"' and not cell:
            quoted = True
        elif ch == "\t":
            row.append("".join(cell))
            cell = []
        elif ch == "\n":
            row.append("".join(cell))
            rows.append(row)
            row, cell = [], []
        else:
            cell.append(ch)
        i += 1
    if cell or row:
        row.append("".join(cell))
        rows.append(row)
    return rows


@dataclass
class PastePlan:
    """What a paste would write (field → value), or why nothing of it can be applied."""
    values: dict[str, Value]
    problem: str = ""  # a message naming the cell; nothing of the paste is applied when set
    cell: str = ""  # the field the problem is about
    text: str = ""  # the pasted text that was refused


def plan_paste(grid: Grid, selected: list[Position], text: str) -> PastePlan:
    """Map pasted rows onto the table from the first selected cell: row after row of the grid, each
    row's values onto its value cells left to right. One value pasted onto several selected cells
    fills them all. Anything that is not a number, "/" or empty refuses the whole paste."""
    rows = parse_tsv(text)
    if not rows or not selected:
        return PastePlan({}, "nothing")
    targets: list[tuple[str, str]] = []  # (field, text)
    if len(rows) == 1 and len(rows[0]) == 1 and len(selected) > 1:
        targets = [(grid.cells[p].field, rows[0][0]) for p in selected if p in grid.cells]
    else:
        r0, c0 = min(selected)
        for i, line in enumerate(rows):
            cells = [f for c, f in value_cells(grid, r0 + i) if c >= c0]
            if len(line) > len(cells) and any(t.strip() for t in line[len(cells):]):
                return PastePlan({}, "outside", text="\t".join(line))
            targets += list(zip(cells, line, strict=False))
    values: dict[str, Value] = {}
    for fid, raw in targets:
        try:
            values[fid] = parse_value(raw.strip())
        except ValueError:
            return PastePlan({}, "not a value", fid, raw.strip())
    return PastePlan(values)
