"""cells.csv says where each value sits, whatever the format: the raw text, its character span, the
source table's cell (HTML, DOCX), as the reader found them, row by row for every field a report gives.

A plain text report, a web page and a Word file of the same values go through the command line's
export together; each row of cells.csv is checked against the cell the reader made of that file.
"""
from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

from documents import cms_page, docx_bytes
from fuzz_text import truth_values
from models.export import CELL_COLUMNS, FIELD_IDS
from models.session import exporting
from models.session.reading import read_file

SAMPLE = Path(__file__).parent.parent / "resources" / "samples"


def _rows(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(codecs.BOM_UTF8)
    return list(csv.DictReader(io.StringIO(raw[3:].decode("utf-8"), newline="")))


def test_each_row_of_cells_csv_is_the_cell_the_reader_made(tmp_path):
    values = truth_values()
    paths = [tmp_path / "page.html", tmp_path / "word.docx", tmp_path / "plain.txt"]
    paths[0].write_text(cms_page(values), encoding="utf-8")
    paths[1].write_bytes(docx_bytes(values))
    paths[2].write_bytes(sorted(SAMPLE.glob("*.txt"))[-1].read_bytes())
    exporting.export_files([str(p) for p in paths], tmp_path / "out")
    rows = _rows(tmp_path / "out" / "cells.csv")
    assert list(rows[0]) == CELL_COLUMNS
    with_origin = 0
    for path in paths:
        report, _ = read_file(str(path))
        mine = [r for r in rows if r["source"] == str(path)]
        given = report.values()
        assert [r["id"] for r in mine] == [f for f in FIELD_IDS if f in given]  # every field given, in order
        for r in mine:
            c = report.cells.get(r["id"])
            span = ("", "") if c is None or c.span is None else (str(c.span[0]), str(c.span[1]))
            origin = ("", "", "") if c is None or c.origin is None else \
                (str(c.origin.table), str(c.origin.row), str(c.origin.col))
            assert (r["raw"], r["span_start"], r["span_end"]) == ((c.raw or "") if c else "", *span), r
            assert (r["source_table"], r["source_row"], r["source_col"]) == origin, r
            with_origin += origin != ("", "", "")
    assert with_origin > 300  # the web page's and the Word file's cells name their table cells
