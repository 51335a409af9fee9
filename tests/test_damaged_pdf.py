"""A PDF with a damaged page: the readable pages are read, the damaged one is named, and a folder export
goes on past it (issue 12: one damaged page used to raise PdfiumError and stop the whole dataset)."""
from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from decimal import Decimal

import pytest

from conftest import ROOT, SAMPLES, TRUTH
from models.report import WARNING
from models.session.pages import DecodeError, page_count, render_page
from models.template import STANDARD_IDS
from parsers import parse_bytes

T004 = json.loads(TRUTH.read_text(encoding="utf-8"), parse_float=Decimal)["004_47148163d7b9be8f.txt"]["fields"]
_PAGE = re.compile(rb"\d+ 0 obj\s*(<<\s*/Type\s*/Page\b(?!s).*?>>)\s*endobj", re.S)


def break_page(data: bytes, page: int) -> bytes:
    """The PDF with page `page` (from 1) no longer a page: its object becomes a string of the same length,
    so the cross-reference table still points at every object and only that page fails to load."""
    m = list(_PAGE.finditer(data))[page - 1]
    a, b = m.span(1)
    return data[:a] + b"(" + b"x" * (b - a - 2) + b")" + data[b:]


@pytest.fixture(scope="module")
def report_pdf(tmp_path_factory, qapp) -> bytes:
    """Sample 004's values drawn as a PDF of five pages: title and prose, prose only, then the tables."""
    from pdfs import make_pdf

    path = tmp_path_factory.mktemp("pdf") / "r.pdf"
    make_pdf(str(path), T004, extra_pages=3)
    return path.read_bytes()


def _page_of(report, fid: str) -> int:
    return report.cells[fid].box[0]


def test_the_pdf_made_for_these_tests_has_a_page_of_prose_only(report_pdf):
    intact = parse_bytes(report_pdf, "r.pdf", None, ".pdf")
    assert intact.error is None and page_count(report_pdf) == 5
    assert {k: intact.values()[k] for k in STANDARD_IDS} == {k: T004.get(k) for k in STANDARD_IDS}
    assert min(cell.box[0] for cell in intact.cells.values() if cell.box) == 3  # pages 1 and 2: prose


def test_a_damaged_page_is_named_and_every_other_page_is_read(report_pdf):
    intact = parse_bytes(report_pdf, "r.pdf", None, ".pdf")
    report = parse_bytes(break_page(report_pdf, 2), "r.pdf", None, ".pdf")
    assert report.error is None
    assert report.values() == intact.values()  # the tables are on pages 3 to 5: every value read
    [note] = [i for i in report.structure if "损坏" in i.message]
    assert (note.rule, note.severity, note.fields) == ("missing", WARNING, [])
    assert note.message == "第 2 页已损坏，无法读取；其余页面照常读取"
    assert report.meta.agency == intact.meta.agency and report.meta.year == 2022  # the title is on page 1
    assert "（2.6）" not in report.text and "（1.1）" in report.text and "（3.15）" in report.text
    assert report.layout is not None and report.layout["heights"][1] == 0  # page 2 keeps its place


def test_a_damaged_table_page_loses_only_its_own_values(report_pdf):
    intact = parse_bytes(report_pdf, "r.pdf", None, ".pdf")
    report = parse_bytes(break_page(report_pdf, 5), "r.pdf", None, ".pdf")
    assert report.error is None
    got = report.values()
    before = [f for f in STANDARD_IDS if f in intact.cells and _page_of(intact, f) < 5]
    on_page_5 = [f for f in STANDARD_IDS if f in intact.cells and _page_of(intact, f) == 5]
    assert before and on_page_5
    assert all(got[f] == intact.values()[f] for f in before)
    assert all(got[f] is None for f in on_page_5)  # blank and reported, never made up
    assert "第 5 页已损坏，无法读取；其余页面照常读取" in [i.message for i in report.structure]


def test_a_pdf_whose_every_page_is_damaged_says_so(report_pdf):
    data = report_pdf
    for _ in range(5):
        data = break_page(data, 1)  # the first page still a page
    report = parse_bytes(data, "r.pdf", None, ".pdf")
    assert report.error == "PDF 文件已损坏，无法读取：全部 5 页都无法载入"


def test_the_damaged_page_is_not_drawn_and_the_window_is_told_why(report_pdf):
    data = break_page(report_pdf, 2)
    assert page_count(data) == 5
    with pytest.raises(DecodeError, match="第 2 页已损坏，无法显示"):
        render_page(data, 2, 1.0)
    pixels, width, height, _ = render_page(data, 3, 0.5)  # the others still draw
    assert width > 0 and height > 0 and len(pixels) >= width * height * 4


def test_a_folder_export_goes_on_past_a_damaged_pdf(report_pdf, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a_damaged.pdf").write_bytes(break_page(report_pdf, 5))
    (folder / "b_good.txt").write_bytes((SAMPLES / "000_978a9fff42e671ca.txt").read_bytes())
    out = subprocess.run([sys.executable, "main.py", "export", "--quiet", "--out", str(tmp_path / "ds"), str(folder)],
                         cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=180)
    assert out.returncode == 0, out.stderr

    def rows(name: str) -> list[dict[str, str]]:
        return list(csv.DictReader(io.StringIO((tmp_path / "ds" / name).read_bytes().decode("utf-8-sig"))))

    reports = {r["source"].rsplit("/", 1)[-1]: r for r in rows("reports.csv")}
    assert set(reports) == {"a_damaged.pdf", "b_good.txt"}
    assert reports["a_damaged.pdf"]["error"] == "" and reports["b_good.txt"]["error"] == ""
    assert reports["b_good.txt"]["s3.new.total"] == "13"
    assert reports["a_damaged.pdf"]["s2.licensing.decisions"] == str(T004["s2.licensing.decisions"])
    notes = [i for i in rows("issues.csv") if i["source"].endswith("a_damaged.pdf") and "损坏" in i["message"]]
    assert [n["message"] for n in notes] == ["第 5 页已损坏，无法读取；其余页面照常读取"]


def test_an_unruled_report_with_a_damaged_page_reads_its_other_pages(tmp_path, qapp):
    """The tables drawn without borders (read from the positions of their texts): a damaged page of prose is
    named and every table value is still read."""
    from pdfs import make_pdf

    path = tmp_path / "u.pdf"
    make_pdf(str(path), T004, extra_pages=3, ruled=False, label_width=90.0)
    data = path.read_bytes()
    intact = parse_bytes(data, "u.pdf", None, ".pdf")
    assert {k: intact.values()[k] for k in STANDARD_IDS} == {k: T004.get(k) for k in STANDARD_IDS}
    report = parse_bytes(break_page(data, 2), "u.pdf", None, ".pdf")
    assert report.error is None and report.values() == intact.values()
    assert "第 2 页已损坏，无法读取；其余页面照常读取" in [i.message for i in report.structure]
