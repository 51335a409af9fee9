"""Tables read the way a person reads them, whatever the format: a value under the header it stands
under, misprinted labels still taken for the row they name (and shown as uncertain), and the one
row missing between two known neighbours. Built from the failure classes seen in real reports."""
from __future__ import annotations

import html
import json
from decimal import Decimal

import pytest

from conftest import TRUTH
from documents import docx_bytes, grids, html_table, sections, word_export_page
from models.checks import check
from models.template import S3_COLUMNS, S3_ORG_GROUP, S3_ROWS, STANDARD_IDS
from parsers import parse_bytes, parse_path, parse_text
from parsers.normalize import normalize
from render import S3_NOTE, cell_text, render

T004 = json.loads(TRUTH.read_text(encoding="utf-8"), parse_float=Decimal)["004_47148163d7b9be8f.txt"]["fields"]
S3_IDS = [c.id for c in S3_COLUMNS]


def distinct() -> dict:
    """A distinct number in every cell, so a value in the wrong cell cannot go unseen."""
    out = {fid: 101 + i for i, fid in enumerate(STANDARD_IDS)}
    out["s2.fees.amount"] = Decimal("2468.1357")
    return out


def wrong(report, values: dict) -> list[str]:
    got = report.values()
    return [f"{f}: want {values.get(f)!r} got {got.get(f)!r}" for f in STANDARD_IDS if got.get(f) != values.get(f)]


# ---------------------------------------------------------------- misprinted labels, every format

# official label → as misprinted: two characters dropped, two swapped, one wrong, in each table
MISPRINTS = {
    "5.属于三类内部事务信息": "5.属于三类内部信息",  # 三: two dropped
    "6.属于四类过程性信息": "6.属于四类程过性信息",  # 三: two swapped
    "2.重复申请": "2.重复申情",  # 三: one wrong
    "行政事业性收费": "行政事性收",  # 二: two dropped
    "行政许可": "行政可许",  # 二: two swapped
    "行政强制": "行政强治",  # 二: one wrong
    "未经复议直接起诉": "未经复议起诉",  # 四: two dropped (a spanning header)
    "复议后起诉": "复议起后诉",  # 四: two swapped (a spanning header)
    "尚未审结": "尚末审结",  # 四: one wrong (a column header, printed three times)
}
MISPRINTED_ROWS = {"s3.denied_internal_affairs": "5.属于三类内部信息", "s3.denied_process_info": "6.属于四类程过性信息",
                   "s3.rejected_duplicate": "2.重复申情", "s2.fees": "行政事性收", "s2.licensing": "行政可许",
                   "s2.coercion": "行政强治"}


def _read(kind: str, values: dict, relabel: dict, tmp_path) -> object:
    if kind == "html":
        return parse_bytes(word_export_page(values, relabel).encode("utf-8"), "r.htm", suffix=".htm")
    if kind == "docx":
        return parse_bytes(docx_bytes(values, relabel), "r.docx", suffix=".docx")
    if kind == "pdf":
        from pdfs import make_pdf
        path = tmp_path / "r.pdf"
        make_pdf(str(path), values, relabel=relabel)
        return parse_path(path)
    text = render(values, "tab")
    for official, printed in relabel.items():
        text = text.replace(official, printed)
    return parse_text(text)


@pytest.mark.parametrize("kind", ["html", "docx", "pdf", "text"])
def test_misprinted_labels_in_every_table_still_read_their_rows_and_are_shown_uncertain(kind, tmp_path, qapp):
    values = distinct()
    report = _read(kind, values, MISPRINTS, tmp_path)
    assert report.error is None
    assert wrong(report, values) == []
    for prefix, printed in MISPRINTED_ROWS.items():
        cells = [c for f, c in report.cells.items() if f.startswith(prefix + ".") and c.raw is not None]
        assert cells, prefix
        for cell in cells:
            assert cell.uncertain, cell.id
            # the note gives the label as the file holds it (a PDF's text layer may print 行 as the radical ⾏)
            assert cell.label_note is not None and normalize(cell.label_note[0]) == printed, (cell.id, cell.label_note)
    pending = report.cells["s4.suit_direct.pending"]
    assert pending.uncertain and pending.label_note is not None
    assert report.cells["s4.review.upheld"].label_note is None and not report.cells["s4.review.upheld"].uncertain
    # the rows printed as the template prints them are certain
    assert not report.cells["s3.granted.natural_person"].uncertain
    assert not report.cells["s2.regulations.issued"].uncertain
    assert report.cells["s3.granted.natural_person"].label_note is None
    # and the misprint is named in the issue list (information), never a missing row
    messages = [i.message for i in check(report)]
    assert any("5.属于三类内部信息" in m and "5.属于三类内部事务信息" in m for m in messages)
    assert not any("缺少「5.属于三类内部事务信息」" in m for m in messages)


def test_extract_json_shows_uncertain_cells_and_the_printed_label():
    text = render(distinct(), "tab").replace("2.重复申请", "2.重复申情")
    rec = parse_text(text).to_json([])
    cell = rec["cells"]["s3.rejected_duplicate.total"]
    assert cell["uncertain"] is True
    assert cell["label"] == {"printed": "2.重复申情", "template": "2.重复申请"}
    assert "uncertain" not in rec["cells"]["s3.granted.total"] and "label" not in rec["cells"]["s3.granted.total"]


def test_a_label_as_near_to_two_template_labels_is_not_guessed():
    # 行政处制 is one edit from 行政处罚 and one from 行政强制, and both rows are missing: neither is taken
    text = render(distinct(), "tab").replace("行政处罚", "行政处制").replace("行政强制", "行政处制")
    report = parse_text(text)
    assert report.value("s2.penalty.decisions") is None and report.value("s2.coercion.decisions") is None
    assert any("行政处制" in i.message for i in check(report))


def test_an_unknown_label_between_two_known_neighbours_takes_the_one_missing_row():
    values = distinct()
    printed = "3.补正后仍无法确定申请内容"
    for kind in ("text", "html"):
        if kind == "text":
            report = parse_text(render(values, "tab").replace("3.补正后申请内容仍不明确", printed))
        else:
            page = word_export_page(values, {"3.补正后申请内容仍不明确": printed})
            report = parse_bytes(page.encode("utf-8"), "r.htm", suffix=".htm")
        assert wrong(report, values) == [], kind
        cell = report.cells["s3.unable_unclear.natural_person"]
        assert cell.uncertain and cell.label_note == (printed, "3.补正后申请内容仍不明确"), kind


def test_an_extra_unknown_row_is_not_taken_for_a_template_row():
    values = distinct()
    lines = render(values, "tab").split("\n")
    at = next(i for i, line in enumerate(lines) if "2.重复申请" in line)
    lines.insert(at + 1, "\t\t2a.申请人撤回申请" + "\t9" * 7)
    report = parse_text("\n".join(lines))
    # far from every label and no row missing around it: named as an unknown row, never placed
    assert wrong(report, values) == []
    assert any("2a.申请人撤回申请" in i.message and "未计入" in i.message for i in check(report))


# ---------------------------------------------------------------- a value stands under its header


def _single_column(column: str) -> dict:
    values = {f: v for f, v in distinct().items() if not f.startswith("s3.")}
    for r in S3_ROWS:
        values[f"s3.{r.id}.{column}"] = 7
    return values


@pytest.mark.parametrize("column", ["natural_person", "legal_service", "total"])
def test_a_page_printing_one_value_per_row_puts_it_under_its_column(column):
    values = _single_column(column)
    report = parse_bytes(word_export_page(values).encode("utf-8"), "r.htm", suffix=".htm")
    assert wrong(report, values) == []
    assert not report.cells[f"s3.granted.{column}"].uncertain
    assert report.value("s3.granted.total" if column != "total" else "s3.granted.natural_person") is None
    issues = check(report)
    if column != "total":  # a row printing only its total is complete as printed
        assert any(i.rule == "missing" and f"s3.granted.{column}" in i.fields for i in issues)


def _table3_html(values: dict, top: list[str], orgs: list[str]) -> str:
    """Table 三 with its merged header in another order: `top` orders 自然人 / 法人或其他组织 / 总计,
    `orgs` the five sub-columns."""
    label = {c.id: c.label for c in S3_COLUMNS}
    order = [x for t in top for x in (orgs if t == "org" else [t])]
    head1 = "".join('<td colspan="5">' + S3_ORG_GROUP + "</td>" if t == "org" else
                    f'<td rowspan="2">{label[t]}</td>' for t in top)
    head2 = "".join(f"<td>{label[c]}</td>" for c in orgs)
    rows = [f'<tr><td rowspan="3" colspan="3">{html.escape(S3_NOTE)}</td><td colspan="7">申请人情况</td></tr>',
            f"<tr>{head1}</tr>", f"<tr>{head2}</tr>"]
    for r in S3_ROWS:
        cells = "".join(f"<td>{html.escape(cell_text(values.get(f's3.{r.id}.{c}')))}</td>" for c in order)
        rows.append(f'<tr><td colspan="3">{html.escape(r.label)}</td>{cells}</tr>')
    return "<table border=1>" + "\n".join(rows) + "</table>"


ORGS = ["commercial", "research", "social_org", "legal_service", "other_org"]


@pytest.mark.parametrize("top,orgs", [
    (["total", "natural_person", "org"], ORGS),
    (["natural_person", "org", "total"], ["legal_service", "other_org", "commercial", "social_org", "research"]),
    (["org", "total", "natural_person"], list(reversed(ORGS))),
], ids=["total-first", "orgs-permuted", "all-moved"])
@pytest.mark.parametrize("holes", [False, True], ids=["full", "blanks"])
def test_merged_headers_in_another_order_are_read_by_header(top, orgs, holes):
    values = distinct()
    if holes:
        for i, f in enumerate(STANDARD_IDS):
            if f.startswith("s3.") and i % 4 == 1:
                values[f] = None
    g2, _, g4 = grids()
    page = sections(values, [html_table(g2, values), _table3_html(values, top, orgs), html_table(g4, values)])
    report = parse_bytes(("<html><body><p>某某县人民政府2022年政府信息公开工作年度报告</p>" + page
                          + "</body></html>").encode("utf-8"), "r.html", suffix=".html")
    assert wrong(report, values) == []
    assert not any(c.uncertain for c in report.cells.values())
    assert any(i.rule == "layout" and "列序" in i.message for i in check(report))


# ---------------------------------------------------------------- PDF: wrapped labels, unruled tables


@pytest.mark.parametrize("label_width", [150.0, 70.0], ids=["wide", "narrow"])
def test_pdf_row_labels_wrapping_over_lines_inside_ruled_cells_stay_one_row(tmp_path, qapp, label_width):
    from pdfs import make_pdf
    values = distinct()
    path = tmp_path / "wrapped.pdf"
    make_pdf(str(path), values, label_width=label_width)
    report = parse_path(path)
    assert wrong(report, values) == []
    cell = report.cells["s3.other_unpaid_fee.natural_person"]  # the longest label, over several lines
    assert not cell.uncertain and cell.box is not None and report.text[cell.span[0]:cell.span[1]] == cell.raw
    assert [i for i in check(report) if i.rule == "missing" and "未知" in i.message] == []


@pytest.mark.parametrize("values", [T004, distinct()], ids=["sample004", "distinct"])
def test_an_unruled_pdf_table_reads_from_text_positions(tmp_path, qapp, values):
    from pdfs import make_pdf
    path = tmp_path / "unruled.pdf"
    make_pdf(str(path), values, ruled=False)
    report = parse_path(path)
    assert report.error is None
    assert wrong(report, values) == []


@pytest.mark.parametrize("shape", ["tab", "pipe"])
def test_a_text_table_printing_one_value_per_row_puts_it_under_its_column(shape):
    values = _single_column("natural_person")
    report = parse_text(render(values, shape))
    assert wrong(report, values) == []
