"""The Grid a reader hands through: parts of one table stacked, text copies made grids."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.grid import Grid, GridCell, stack
from parsers.text_grid import text_grid


def test_parts_split_by_a_page_break_stack_on_the_columns_of_every_part():
    top = Grid(edges=[0.0, 100.0, 300.0])  # the header's first row: two wide cells
    top.add(GridCell(0, 0, "说明"))
    top.add(GridCell(0, 1, "申请人情况"))
    rest = Grid(edges=[0.0, 100.0, 200.0, 300.0])  # the rest of the table: three columns
    rest.add(GridCell(0, 0, "一、本年新收"))
    rest.add(GridCell(0, 2, "5"))
    g = stack([top, rest])
    assert g.edges == [0.0, 100.0, 200.0, 300.0]
    spanning = next(c for c in g.cells if c.text == "申请人情况")
    assert (spanning.row, spanning.col, spanning.colspan) == (0, 1, 2)  # over both value columns
    value = next(c for c in g.cells if c.text == "5")
    assert (value.row, value.col) == (1, 2)


def test_parts_without_positions_align_on_the_right():
    a = Grid()
    for k, t in enumerate(["", "", "自然人", "总计"]):
        if t:
            a.add(GridCell(0, k, t))
    a.cols = 4
    b = Grid()
    b.add(GridCell(0, 0, "（七）总计"))
    b.add(GridCell(0, 1, "3"))
    b.add(GridCell(0, 2, "3"))
    g = stack([a, b])
    assert [(c.col, c.text) for c in g.cells if c.row == 1] == [(1, "（七）总计"), (2, "3"), (3, "3")]


def test_a_delimited_text_table_is_a_grid_and_empty_cells_keep_their_place():
    text = "x\n信息内容\t本年制发件数\t本年废止件数\n规章\t\t3\n| 行政许可 | 5 |\n"
    g = text_grid(text, 0, len(text), [])
    assert g is not None
    cells = {(c.row, c.col): c.text for c in g.cells}
    assert cells == {(0, 0): "信息内容", (0, 1): "本年制发件数", (0, 2): "本年废止件数", (1, 0): "规章", (1, 2): "3",
                     (2, 0): "行政许可", (2, 1): "5"}
    three = next(c for c in g.cells if c.text == "3")
    assert text[three.source.span[0]:three.source.span[1]] == "3"


def test_a_table_whose_values_are_not_in_cells_is_not_a_grid():
    text = "信息内容\t本年制发件数\n规章 0 0 3\n行政许可\t5\n"
    assert text_grid(text, 0, len(text), []) is None


def _table3(header: bool) -> str:
    """A tab-delimited table 三, with or without its header row (seven values a row)."""
    from models.template import S3_COLUMNS, S3_ROWS

    head = "\t".join([""] + [c.label for c in S3_COLUMNS]) + "\n" if header else ""
    return head + "".join("\t".join([r.label] + [str(n % 7 + k) for k in range(7)]) + "\n"
                          for n, r in enumerate(S3_ROWS))


def test_placement_told_a_guess_is_thrown_away_stops_at_it_and_places_nothing():
    from parsers.placement import place

    text = _table3(header=False)  # no header: columns in official order, a guess
    g = text_grid(text, 0, len(text), [])
    assert g is not None
    full = place("三", g)
    assert full is not None and full.guessed and full.cells
    quick = place("三", g, guesses=False)
    assert quick is not None and quick.found and quick.guessed and not quick.cells and not quick.issues


def test_placement_told_a_guess_is_thrown_away_places_a_table_under_its_headers_in_full():
    from parsers.placement import place

    text = _table3(header=True)
    g = text_grid(text, 0, len(text), [])
    assert g is not None
    full = place("三", g)
    assert full is not None and not full.guessed and full.cells
    quick = place("三", g, guesses=False)
    assert quick is not None
    assert (quick.cells, quick.issues, quick.found, quick.doubt) == (full.cells, full.issues, full.found, full.doubt)


def _thrown_and_placed(text: str) -> tuple[bool, object]:
    from parsers.placement import place, table3_thrown
    from parsers.text_grid import delimited_rows, iter_rows, rows_grid

    rows = delimited_rows(text, 0, len(text), [])
    assert rows
    got: list[tuple[int, list[tuple[int, int, int, str]]]] = []
    thrown = table3_thrown(iter_rows(text, 0, len(text), []), got)
    assert thrown or got == rows  # kept: every row read, for the grid
    return thrown, place("三", rows_grid(rows))


def test_a_text_table3_whose_values_stand_under_no_header_is_told_thrown_without_its_grid():
    # a copy that lost a header cell: an eighth value in every row, under nothing
    head, body = _table3(header=True).split("\n", 1)
    text = head + "\n" + body.replace("\n", "\t9\n")
    thrown, placed = _thrown_and_placed(text)
    assert thrown
    assert placed is not None and placed.guessed  # what placing the whole grid says


def test_a_text_table3_without_a_header_is_told_thrown():
    thrown, placed = _thrown_and_placed(_table3(header=False))
    assert thrown
    assert placed is not None and placed.guessed


def test_a_text_table3_under_its_headers_is_not_told_thrown():
    thrown, placed = _thrown_and_placed(_table3(header=True))
    assert not thrown
    assert placed is not None and not placed.guessed and placed.cells


def test_a_text_table3_is_read_only_up_to_its_first_value_under_no_header():
    from parsers.placement import table3_thrown
    from parsers.text_grid import iter_rows

    head, body = _table3(header=True).split("\n", 1)
    text = head + "\n" + body.replace("\n", "\t9\n", 1) + "x\t1\n" * 50  # only the first row has an eighth value
    read = []

    def rows():  # the rows as the text is read, counted
        for row in iter_rows(text, 0, len(text), []):
            read.append(row)
            yield row

    got: list[tuple[int, list[tuple[int, int, int, str]]]] = []
    assert table3_thrown(rows(), got)
    assert len(read) == len(got) == 2  # the header and the first row: the rest never read


def test_a_text_that_proves_not_to_be_a_grid_is_thrown():
    from parsers.placement import table3_thrown
    from parsers.text_grid import delimited_rows, iter_rows

    text = _table3(header=True) + "（七）总计 1 2 3\n"  # a row printed without delimiters
    assert delimited_rows(text, 0, len(text), []) is None
    assert table3_thrown(iter_rows(text, 0, len(text), []), [])


def test_placement_told_a_guess_is_thrown_away_stops_at_a_row_with_a_value_left_over():
    from parsers.placement import place

    head, body = _table3(header=True).split("\n", 1)
    text = head + "\n" + body.replace("\n", "\t9\n", 1)  # the first row has an eighth value, under no header
    g = text_grid(text, 0, len(text), [])
    assert g is not None
    g.merged = True  # as a grid aligned by spaces: its rows are placed one by one
    full = place("三", g)
    assert full is not None and full.guessed and full.cells
    quick = place("三", g, guesses=False)
    assert quick is not None and quick.found and quick.guessed and not quick.cells and not quick.issues


def _cells_by_pattern(line: str, offset: int) -> tuple[int, list[tuple[int, int, int, str]]]:
    """A delimited line's cells as a regex split gives them (the reader's first way, kept as the oracle):
    a markdown row's outer pipes open and close it; a cell of white space holds nothing."""
    outer = re.fullmatch(r"( *\|)?(.*?)(\| *)?", line, re.S)
    assert outer is not None
    out, pos = [], offset + outer.start(2)
    pieces = re.split(r"[\t|]", outer.group(2))
    for col, piece in enumerate(pieces):
        if piece and not piece.isspace():
            stripped = piece.strip()
            at = pos + len(piece) - len(piece.lstrip())
            out.append((col, at, at + len(stripped), stripped))
        pos += len(piece) + 1
    return len(pieces), out


@settings(max_examples=600, deadline=None)
@given(line=st.text(alphabet="规章12/ \t|\u3000\xa0-", max_size=40), offset=st.integers(0, 99))
def test_a_delimited_line_is_cut_into_the_cells_a_regex_split_gives(line, offset):
    from parsers.text_grid import _cells

    assert _cells(line, offset) == _cells_by_pattern(line, offset)
