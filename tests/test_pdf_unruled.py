"""PDF tables printed without ruling lines: read from the positions of their texts into Grids.

Each PDF is drawn from known values (tests/pdfs.py, Qt's PDF writer) with the tables' borders left
out, so the only structure is where each text stands: wrapped row labels, blank cells, rows with one
value, a table running over a page break, values printed away from their header's text.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from models.template import STANDARD_IDS
from parsers import parse_bytes
from parsers.pipeline import parse_stored
from pdfs import make_pdf

S3_COLUMNS = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")
S3_ROWS = sorted({f.split(".")[1] for f in STANDARD_IDS if f.startswith("s3.")})


def distinct() -> dict:
    """Every cell a different number, so a value in the wrong cell cannot pass for the right one."""
    out: dict = {fid: 101 + i for i, fid in enumerate(STANDARD_IDS)}
    out["s2.fees.amount"] = Decimal("2468.1357")
    return out


@pytest.fixture
def read(tmp_path, qapp):
    def make(values: dict, **kw):
        path = tmp_path / "report.pdf"
        make_pdf(str(path), values, ruled=False, **kw)
        data = path.read_bytes()
        return parse_bytes(data, str(path), None, ".pdf")
    return make


def _wrong(report, values: dict) -> dict:
    got = report.values()
    return {f: (values.get(f), got[f]) for f in STANDARD_IDS if got[f] != values.get(f)}


@pytest.mark.parametrize("break_after", [14, None], ids=["table-three-broken-after-14-rows", "natural-page-breaks"])
@pytest.mark.parametrize("label_width", [150.0, 90.0, 70.0], ids=["labels-150pt", "wrap-90pt", "wrap-70pt"])
def test_an_unruled_report_reads_every_cell_under_its_header(read, label_width, break_after):
    values = distinct()
    report = read(values, label_width=label_width, break_table3_after=break_after)
    assert report.error is None
    assert _wrong(report, values) == {}
    assert [f for f, c in report.cells.items() if c.uncertain] == []  # every value stands under its header's text


def test_a_wrapped_row_label_stays_one_row_with_its_values(read):
    values = distinct()
    report = read(values, label_width=70.0)
    # the longest labels of table 三 wrap over three lines inside their cell at this width
    line = next(t for t in report.text.splitlines() if "逾期未按收费通知" in t)
    assert "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请" in line.replace("⼈", "人").replace(
        "⽤", "用").replace("⾏", "行")
    assert line.split("\t")[-7:] == [str(values[f"s3.other_unpaid_fee.{c}"]) for c in S3_COLUMNS]
    cell = report.cells["s3.other_unpaid_fee.total"]
    assert report.text[cell.span[0]:cell.span[1]] == str(values["s3.other_unpaid_fee.total"])


@pytest.mark.parametrize("label_width", [150.0, 90.0])
def test_blank_cells_stay_blank_and_no_value_shifts_left(read, label_width):
    values = distinct()
    for i, fid in enumerate(STANDARD_IDS):
        if i % 4 == 1 and not fid.endswith(".total"):
            values[fid] = None  # a blank cell: only the positions of the others say where they stand
    report = read(values, label_width=label_width)
    assert _wrong(report, values) == {}
    assert all(report.cells[f].value is None and report.cells[f].raw is None
               for f in STANDARD_IDS if values[f] is None and f in report.cells)


def test_a_whole_column_left_blank_is_read_as_blank_under_its_header(read):
    values = distinct()
    for row in S3_ROWS:
        values[f"s3.{row}.research"] = None  # no value anywhere under 科研机构
    report = read(values, label_width=90.0)
    assert _wrong(report, values) == {}


def test_a_row_with_every_value_blank_is_its_own_row(read):
    values = distinct()
    for c in S3_COLUMNS:
        values[f"s3.denied_state_secret.{c}"] = None
    values["s2.penalty.decisions"] = None  # table 二: the row 行政处罚 prints no value, 行政强制 below it does
    report = read(values, label_width=90.0)
    assert _wrong(report, values) == {}
    assert report.values()["s2.coercion.decisions"] == values["s2.coercion.decisions"]


def test_a_value_only_in_the_natural_person_column_stays_there(read):
    values = distinct()
    for row in ("granted", "denied_state_secret", "carried_forward"):
        for c in S3_COLUMNS:
            values[f"s3.{row}.{c}"] = None
        values[f"s3.{row}.natural_person"] = 7
    report = read(values, label_width=90.0)
    assert _wrong(report, values) == {}
    for row in ("granted", "denied_state_secret", "carried_forward"):
        assert report.values()[f"s3.{row}.natural_person"] == 7 and report.values()[f"s3.{row}.total"] is None
        assert not report.cells[f"s3.{row}.natural_person"].uncertain


def test_table_three_across_a_page_break_reads_with_the_columns_of_its_first_part(read):
    values = distinct()
    for c in ("research", "social_org"):
        values[f"s3.carried_forward.{c}"] = None  # the last rows, on the second page, have blanks
        values[f"s3.other_other.{c}"] = None
    report = read(values, label_width=90.0, break_table3_after=14)
    assert _wrong(report, values) == {}
    assert {report.cells[f"s3.{r}.total"].box[0] for r in ("new", "carried_forward")} == {1, 2}
    assert not any(report.cells[f"s3.carried_forward.{c}"].uncertain for c in S3_COLUMNS)


def test_values_under_no_header_text_are_placed_by_position_and_marked_uncertain(read):
    values = distinct()
    report = read(values, values_left=True)  # each value at the left of its cell, its header centred
    assert _wrong(report, values) == {}
    # table 二's cells are wide: a value at their left stands under no header text, so its column is
    # a position guess and the cell is uncertain; in table 三's narrow cells a value at the left still
    # overlaps its header's text, and is certain
    table2 = [f for f in STANDARD_IDS if f.startswith("s2.")]
    assert all(report.cells[f].uncertain for f in table2)
    assert not report.cells["s3.new.commercial"].uncertain
    centred = read(values)
    assert not any(centred.cells[f].uncertain for f in table2)


def test_a_stored_unruled_report_reads_again_the_same(read):
    values = distinct()
    for i, fid in enumerate(STANDARD_IDS):
        if i % 5 == 3 and not fid.endswith(".total"):
            values[fid] = None
    report = read(values, label_width=90.0, break_table3_after=14)
    again = parse_stored(report.text, report.source, None, "pdf", report.layout)
    assert again.values() == report.values()


def test_prose_around_the_tables_is_no_table(read):
    report = read(distinct(), extra_pages=1)
    lines = report.text.splitlines()
    assert lines[0] == "某某县⼈⺠政府2022年政府信息公开⼯作年度报告"
    assert all("\t" not in t for t in lines if "持续推进政务公开" in t)
    assert "二、主动公开政府信息情况" in report.text.replace("⼆", "二")


def test_any_arrangement_of_texts_lays_out_without_error_and_every_grid_cell_points_at_its_text():
    """Texts and numbers strewn at random (overlapping, zero-sized, off the page): the layout never fails, and
    each cell of every Grid it finds is where its span says in the laid-out text."""
    import random

    from parsers.pdf_grid import Laid, _free_lines
    from parsers.pdf_reader import _lines

    words = ["规章", "1", "0", "/", "—", "123", "1,234", "2468.1357", "本年制发件数", "自然人", "总计", "信息内容",
             "三、收到和处理政府信息公开申请情况", "-1-", "x", "第二十条第（一）项", "5件", "无"]
    grids = 0
    for seed in range(400):
        rng = random.Random(seed)
        chars = []
        for _ in range(rng.randint(0, 120)):
            x = rng.choice([rng.uniform(-50, 700), rng.choice([30, 100, 200, 250, 300, 350, 400, 450, 500])])
            y = rng.choice([rng.uniform(-10, 850), rng.choice(range(100, 800, 17))])
            h = rng.choice([6.5, 5.4, 0.0, 10.0, rng.uniform(0, 30)])
            word = rng.choice(words)
            w = rng.choice([len(word) * 6.5, 0.0, rng.uniform(0, 100)]) / len(word)
            chars += [(x + k * w, y, x + (k + 1) * w, y + h, ch) for k, ch in enumerate(word)]
        out = Laid()
        _free_lines(out, _lines(chars), 1, 842.0)
        text = "".join(out.parts)
        for g in out.grids:
            grids += 1
            for c in g.cells:
                assert 0 <= c.col and c.col + c.colspan <= g.cols and 0 <= c.row < g.rows
                assert text[c.source.span[0]:c.source.span[1]] == c.text
    assert grids > 100  # the arrangements do hold tables


@pytest.mark.parametrize("label_width", [110.0, 90.0, 70.0])
def test_values_at_the_left_of_their_cells_beside_wrapped_labels_read_right(read, label_width):
    """A value printed at the left of its cell stands half a character from the end of a long label: it is
    still a cell of its own, in its column (placed by position, so uncertain where no header text is over it)."""
    values = distinct()
    report = read(values, label_width=label_width, values_left=True, extra_pages=1)
    assert _wrong(report, values) == {}


def test_rows_printing_only_their_total_beside_wrapped_labels(read):
    """Rows of table 三 with one value each (the total), their labels wrapped above and below it, across a page."""
    values = distinct()
    for row in ("denied_state_secret", "denied_law_prohibited", "denied_three_safeties", "denied_third_party",
                "denied_internal_affairs", "denied_process_info"):
        for c in S3_COLUMNS[:-1]:
            values[f"s3.{row}.{c}"] = None
    report = read(values, label_width=70.0, extra_pages=4)
    assert _wrong(report, values) == {}


def _quarter_blank() -> dict:
    values = distinct()
    for i, fid in enumerate(STANDARD_IDS):
        if i % 4 == 1 and not fid.endswith(".total"):
            values[fid] = None
    return values


def test_a_header_whose_top_row_is_left_on_the_page_before_heads_its_table(read, tmp_path):
    """Table 四's heading and the top row of its header (行政复议, 行政诉讼) end a page; the rest of the
    header and the row of values are on the next: a reader takes the header as one."""
    import pypdfium2 as pdfium

    values = _quarter_blank()
    report = read(values, label_width=110.0, extra_pages=1, break_table3_after=None)
    pdf = pdfium.PdfDocument(str(tmp_path / "report.pdf"))
    pages = [pdf[n].get_textpage().get_text_range() for n in range(len(pdf))]
    at = next(n for n, t in enumerate(pages) if "复议、" in t.replace("⾏", "行") and "诉讼情况" in t)
    assert "复议后起诉" not in pages[at] and "复议后起诉" in pages[at + 1]  # the header is split by the break
    assert _wrong(report, values) == {}
    assert not any(report.cells[f].uncertain for f in STANDARD_IDS if f.startswith("s4.") and f in report.cells)
    assert report.cells["s4.review.total"].box[0] == at + 2  # the values are read on the next page


@pytest.mark.parametrize("label_width", [150.0, 70.0])
def test_blanks_in_a_group_with_values_at_the_left_of_their_cells_stay_in_their_columns(read, label_width):
    """Table 四 printed with values at the left of their cells and blanks in its first group (结果维持 of
    行政复议): the group headers still span their own columns, and no value moves into the next group."""
    values = _quarter_blank()
    report = read(values, label_width=label_width, values_left=True, extra_pages=2, break_table3_after=None)
    assert values["s4.review.upheld"] is None
    assert _wrong(report, values) == {}


def test_a_table_continued_past_the_ends_of_labels_wrapped_at_a_page_break(read):
    """Table 三 breaks inside a group whose labels wrap at 70 pt: the ends of the labels left under the
    break and the group's label at the top of the next page are no prose, so the part there keeps the
    first part's columns; rows printing only their total, at the left of its cell, stay in 总计."""
    values = distinct()
    for row in ("denied_internal_affairs", "denied_process_info", "denied_enforcement_file", "denied_admin_query",
                "unable_not_held", "unable_needs_creation", "unable_unclear"):
        for c in S3_COLUMNS[:-1]:
            values[f"s3.{row}.{c}"] = None
    report = read(values, label_width=70.0, values_left=True, extra_pages=4, break_table3_after=None)
    assert _wrong(report, values) == {}
    assert {report.cells[f"s3.{r}.total"].box[0] for r in ("new", "unable_unclear")} == {4, 5}


def _page_of(path, text: str) -> int:
    import unicodedata

    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))  # pdfium gives some characters as CJK radicals (⾏ for 行)
    return next(n + 1 for n in range(len(pdf))
                if text in unicodedata.normalize("NFKC", pdf[n].get_textpage().get_text_range()))


@pytest.mark.parametrize("extra_lines, values_left, header, row", [
    (33, True, "自然人", "一、本年新收"),  # table 三: its heading and top header rows end a page
    (39, False, "本年收费", "行政事业性收费"),  # table 二: its last block's header ends a page, its row begins the next
], ids=["table-three-header-split", "table-two-block-header-split"])
def test_header_rows_at_the_foot_of_a_page_head_the_rows_on_the_next(read, tmp_path, extra_lines, values_left,
                                                                      header, row):
    values = distinct()
    report = read(values, extra_pages=1, extra_lines=extra_lines, values_left=values_left, break_table3_after=None)
    assert _page_of(tmp_path / "report.pdf", header) + 1 == _page_of(tmp_path / "report.pdf", row)
    assert _wrong(report, values) == {}
    assert "\t" not in next(t for t in report.text.splitlines() if t.startswith("-2-"))  # the page number stays a line


def test_label_ends_and_the_page_number_at_a_page_foot_are_no_header(read):
    """Under the last row of a page, a group label wrapped over lines (三、本年 / 度办理结 / 果) and the page number
    head nothing: the rows on the next page keep the table's columns, blanks and all."""
    values = _quarter_blank()
    report = read(values, extra_pages=1, extra_lines=19, break_table3_after=None)
    assert _wrong(report, values) == {}


def test_a_ruled_tables_last_row_alone_on_the_next_page_is_read_by_its_rules(tmp_path, qapp):
    """(Ruled, beside the unruled cases of a page break.) Table 四's header ends a page and its one row of
    values, blanks among them, stands alone on the next: that one line of many cells is a ruled table too,
    read by its borders, so no value moves into a blank's column."""
    values = _quarter_blank()
    path = tmp_path / "report.pdf"
    make_pdf(str(path), values, break_table3_after=None, extra_pages=1, ruled=True)
    assert _page_of(path, "复议后起诉") + 1 == _page_of(path, str(values["s4.review.total"]))
    report = parse_bytes(path.read_bytes(), str(path), None, ".pdf")
    assert _wrong(report, values) == {}
    assert not any(c.uncertain for c in report.cells.values())
