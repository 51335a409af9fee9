"""Reports as published: web pages and Word files read cell by cell, each value knowing its table cell."""
from __future__ import annotations

import io
import json
import zipfile
from decimal import Decimal

import pytest

from conftest import TRUTH
from documents import cms_page, docx_bytes, position, word_export_page
from models.checks import check
from models.template import STANDARD_IDS
from parsers import parse_bytes, parse_path

TRUTH_ALL = json.loads(TRUTH.read_text(encoding="utf-8"), parse_float=Decimal)
T004 = TRUTH_ALL["004_47148163d7b9be8f.txt"]["fields"]  # every cell a number


def synthetic() -> dict:
    """A distinct number in every cell, so a value in the wrong cell cannot go unseen."""
    out = {fid: 101 + i for i, fid in enumerate(STANDARD_IDS)}
    out["s2.fees.amount"] = Decimal("2468.1357")
    return out


def expected(values: dict) -> dict:
    return {fid: values.get(fid) for fid in STANDARD_IDS}


def read(kind: str, values: dict):
    if kind == "word":
        return parse_bytes(word_export_page(values).encode("utf-8"), "report.htm", suffix=".htm")
    if kind == "cms":
        return parse_bytes(cms_page(values).encode("utf-8"), "report.html", suffix=".html")
    if kind == "gbk":
        return parse_bytes(cms_page(values, "gb2312").encode("gb18030"), "report.html", suffix=".html")
    return parse_bytes(docx_bytes(values), "report.docx", suffix=".docx")


@pytest.mark.parametrize("kind", ["word", "cms", "gbk", "docx"])
@pytest.mark.parametrize("values", [T004, synthetic()], ids=["sample004", "distinct"])
def test_every_cell_reads_right_and_knows_its_source_cell(kind, values):
    report = read(kind, values)
    assert report.error is None
    assert {k: v for k, v in report.values().items() if k in STANDARD_IDS} == expected(values)
    assert report.meta.agency == "某某县人民政府" and report.meta.year == 2022
    for fid in ("s2.fees.amount", "s3.granted.natural_person", "s3.results_total.total", "s4.suit_after_review.total"):
        cell = report.cells[fid]
        assert report.text[cell.span[0]:cell.span[1]] == cell.raw
        if kind in ("word", "docx"):  # the CMS pages split table 三 in two, so their numbering differs
            assert cell.origin is not None and cell.origin.to_json() == list(position(fid))
    assert report.format == ("docx" if kind == "docx" else "html")


def test_the_clean_report_raises_no_issue_from_a_page_or_a_document():
    for kind in ("word", "cms", "gbk", "docx"):
        issues = [i for i in check(read(kind, T004)) if i.severity != "info"]
        assert issues == [], kind


def test_navigation_scripts_and_boilerplate_never_enter_the_tables():
    report = read("cms", T004)
    assert "document.write" not in report.text and "var year" not in report.text
    assert "99" not in [c.raw for c in report.cells.values()]
    assert report.meta.period is None


def test_a_page_decoded_by_its_meta_charset():
    report = read("gbk", T004)
    assert report.encoding == "gb18030"
    assert "某某县人民政府" in report.text


def test_the_extracted_json_has_the_source_cell_of_each_value(tmp_path):
    import subprocess
    import sys

    from conftest import ROOT
    path = tmp_path / "r.docx"
    path.write_bytes(docx_bytes(T004))
    out = subprocess.run([sys.executable, "main.py", "extract", "--json", str(path)], cwd=ROOT, capture_output=True,
                         text=True, timeout=60)
    rec = json.loads(out.stdout)["reports"][0]
    assert rec["format"] == "docx" and rec["fields"]["s3.new.total"] == 18
    assert rec["cells"]["s3.new.total"]["origin"] == list(position("s3.new.total"))


@pytest.mark.parametrize("data,suffix,message", [
    (b"<html><body><table><tr><td rowspan=99999999 colspan=99999999>x", ".html", None),
    (b"\x00\x01\x02 not html at all \xff\xfe", ".html", None),
    (b"this is not a zip", ".docx", "不是有效的 DOCX"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ".docx", "另存为 .docx"),
])
def test_bad_documents_get_a_clear_message(data, suffix, message):
    report = parse_bytes(data, "bad" + suffix, suffix=suffix)
    assert report.error is not None
    if message:
        assert message in report.error


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", "<w:document/>")
        z.writestr("word/huge.bin", b"\0" * (210 * 1024 * 1024))
    report = parse_bytes(buf.getvalue(), "bomb.docx", suffix=".docx")
    assert report.error and "解压后超过" in report.error


def test_legacy_word_and_wps_files_say_to_save_as_docx(tmp_path):
    for name in ("old.doc", "old.wps"):
        path = tmp_path / name
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
        assert "另存为 .docx" in parse_path(path).error


def test_a_50_mb_page_is_refused(tmp_path):
    path = tmp_path / "huge.html"
    with open(path, "wb") as fh:
        fh.write(b"<html><body>" + b"<p>x</p>" * (50 * 1024 * 1024 // 8) + b"</body></html>")
    report = parse_path(path)
    assert report.error and "上限" in report.error


def _same_as_truth(report) -> bool:
    return report.error is None and all(report.values()[f] == T004[f] for f in STANDARD_IDS)


def test_a_stray_byte_in_a_page_is_replaced_and_said_not_fatal():
    for charset, codec in (("utf-8", "utf-8"), ("gb2312", "gb18030")):
        data = cms_page(T004, charset).encode(codec).replace("栏目3".encode(codec), b"\xff\xfe" + "栏目3".encode(codec))
        report = parse_bytes(data, "stray.html", suffix=".html")
        assert _same_as_truth(report), charset
        assert any(i.rule == "encoding" and "�" in i.message for i in check(report))


def test_a_text_report_cut_in_the_middle_of_a_character_still_opens():
    from conftest import SAMPLES
    data = (SAMPLES / "004_47148163d7b9be8f.txt").read_bytes()
    report = parse_bytes(data[:-1] if data[-1] < 0x80 else data[:-2], "cut.txt")
    assert report.error is None and report.encoding == "utf-8"


def test_a_page_that_says_latin1_but_is_utf8_is_read_as_utf8():
    data = cms_page(T004).replace("charset='utf-8'", "charset='iso-8859-1'").encode("utf-8")
    assert _same_as_truth(parse_bytes(data, "lie.html", suffix=".html"))


def test_numbers_word_split_over_two_runs_read_whole():
    page = word_export_page(T004).replace(">2957</span>", ">29</span><span>57</span>") \
        .replace(">1131.7652</span>", ">1131.</span><span style='x'>7652</span>")
    report = parse_bytes(page.encode("utf-8"), "split.htm", suffix=".htm")
    assert report.values()["s2.licensing.decisions"] == 2957
    assert report.values()["s2.fees.amount"] == Decimal("1131.7652")


def test_a_caption_is_kept_as_text():
    page = cms_page(T004).replace("<table border=1", "<table border=1><caption>表一 主动公开情况</caption", 1)
    page = page.replace("</caption cellspacing=0>", "</caption>")
    report = parse_bytes(page.encode("utf-8"), "c.html", suffix=".html")
    assert "表一 主动公开情况" in report.text and _same_as_truth(report)


def _docx_with(transform) -> bytes:
    import docx
    from docx.oxml import OxmlElement
    d = docx.Document(io.BytesIO(docx_bytes(T004)))
    transform(d, OxmlElement)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_a_docx_table_inside_a_content_control_is_read():
    def wrap_second_table(d, el):
        tbl = d.element.body.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tbl")[1]
        sdt, content = el("w:sdt"), el("w:sdtContent")
        tbl.addprevious(sdt)
        sdt.append(content)
        content.append(tbl)
    assert _same_as_truth(parse_bytes(_docx_with(wrap_second_table), "sdt.docx", suffix=".docx"))


def test_a_docx_laid_out_inside_a_one_cell_table_is_read():
    def into_layout_table(d, el):
        body = d.element.body
        outer = d.add_table(rows=1, cols=1)._tbl
        tc = outer.find(".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tc")
        for child in list(body):
            if child is outer or child.tag.endswith("}sectPr"):
                continue
            tc.append(child)
        tc.append(el("w:p"))  # a cell ends with a paragraph
    assert _same_as_truth(parse_bytes(_docx_with(into_layout_table), "layout.docx", suffix=".docx"))


def test_a_sidebar_listing_other_years_reports_does_not_set_the_year():
    sidebar = "".join(f"<li><a href='/r{y}'>某某县人民政府{y}年政府信息公开工作年度报告</a></li>" for y in (2021, 2020))
    page = cms_page(T004).replace("<ul><li>首页</li>", f"<ul>{sidebar}<li>首页</li>", 1)
    report = parse_bytes(page.encode("utf-8"), "p.html", suffix=".html")
    assert (report.meta.agency, report.meta.year) == ("某某县人民政府", 2022)
