"""PDF reports: tables rebuilt from the positions of their characters, each value knowing its box."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest

from conftest import TRUTH
from models.checks import check
from models.template import STANDARD_IDS
from parsers import parse_bytes, parse_path
from pdfs import make_pdf

T004 = json.loads(TRUTH.read_text(encoding="utf-8"), parse_float=Decimal)["004_47148163d7b9be8f.txt"]["fields"]


def distinct(holes: int = 0) -> dict:
    out = {fid: 101 + i for i, fid in enumerate(STANDARD_IDS)}
    out["s2.fees.amount"] = Decimal("2468.1357")
    if holes:
        for i, fid in enumerate(STANDARD_IDS):
            if i % holes == 3 and not fid.endswith(".total"):
                out[fid] = None  # a blank cell: only its position says which column the others are in
    return out


@pytest.fixture
def pdf(tmp_path, qapp):
    def make(values: dict, **kw) -> str:
        path = tmp_path / "report.pdf"
        make_pdf(str(path), values, **kw)
        return str(path)
    return make


@pytest.mark.parametrize("values", [T004, distinct(), distinct(holes=5)], ids=["sample004", "distinct", "blanks"])
@pytest.mark.parametrize("break_after", [14, None], ids=["break-in-table", "natural-breaks"])
def test_every_cell_reads_right_across_page_breaks_and_wrapped_labels(pdf, values, break_after):
    report = parse_path(pdf(values, break_table3_after=break_after))
    assert report.error is None and report.format == "pdf"
    got = report.values()
    assert {k: got[k] for k in STANDARD_IDS} == {k: values.get(k) for k in STANDARD_IDS}
    for fid in ("s3.new.total", "s3.other_no_correction.natural_person", "s4.suit_after_review.total"):
        cell = report.cells.get(fid)
        if values.get(fid) is None:
            continue
        page, left, top, right, bottom = cell.box
        assert page >= 1 and left < right and top < bottom
        assert report.text[cell.span[0]:cell.span[1]] == cell.raw


def test_table_three_crossing_the_page_break_is_on_two_pages(pdf):
    report = parse_path(pdf(distinct(), break_table3_after=14))
    pages = {report.cells[f"s3.{r}.total"].box[0] for r in ("new", "carried_forward")}
    assert pages == {1, 2}


def test_a_clean_pdf_raises_no_issue_and_page_numbers_stay_out(pdf):
    report = parse_path(pdf(T004, break_table3_after=14))
    assert "-1-" in report.text and "-2-" in report.text  # the page numbers are in the text, inside table 三
    assert [i for i in check(report) if i.severity != "info"] == []  # and none became a value or a stray row
    assert report.meta.agency == "某某县人民政府" and report.meta.year == 2022


def test_a_long_report_reads_the_same(pdf):
    report = parse_path(pdf(T004, extra_pages=8))
    assert {k: report.values()[k] for k in STANDARD_IDS} == {k: T004[k] for k in STANDARD_IDS}


def test_a_scan_without_a_text_layer_opens_as_an_empty_template_with_a_message(tmp_path, qapp):
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter, QPdfWriter
    path = tmp_path / "scan.pdf"
    writer = QPdfWriter(str(path))
    p = QPainter(writer)
    p.drawRect(QRectF(50, 50, 400, 300))  # lines only: what a scan's text layer holds, nothing
    p.end()
    report = parse_path(path)
    assert report.error is None and report.cells == {}
    assert all(v is None for v in report.values().values())
    (issue,) = check(report)
    assert "OCR" in issue.message and "手工填写" in issue.message


@pytest.mark.parametrize("data", [b"%PDF-1.7\n1 0 obj << /Type /Catalog", b"not a pdf at all", b""])
def test_broken_pdfs_get_a_clear_message(data):
    report = parse_bytes(data, "bad.pdf", suffix=".pdf")
    assert report.error and "PDF" in report.error


def test_an_encrypted_pdf_says_a_password_is_needed(monkeypatch):
    import pypdfium2 as pdfium

    def refuse(*_a, **_k):
        raise pdfium.PdfiumError("Failed to load document (PDFium: Incorrect password error).")
    monkeypatch.setattr(pdfium, "PdfDocument", refuse)
    report = parse_bytes(b"%PDF-1.7 encrypted", "secret.pdf", suffix=".pdf")
    assert report.error and "密码" in report.error


def test_a_pdf_restored_from_the_workspace_reads_exactly_as_it_did(pdf, tmp_path):
    import csv
    import io
    import subprocess
    import sys

    from conftest import ROOT
    from models.session import Session, prepare
    values = distinct(holes=5)
    path = pdf(values)
    ws_path = tmp_path / "w.review.sqlite"
    session = Session.open(ws_path)
    [rid] = session.add_prepared([prepare(path)]).added
    session.edit(rid, "s2.regulations.issued", 5)
    read = session.review(rid).report.values()
    session.close()
    moved = tmp_path / "elsewhere.pdf"
    (tmp_path / "report.pdf").rename(moved)  # the file is gone: the workspace's text and layout remain
    session = Session.open(ws_path)
    assert session.find(path) == rid
    again = session.review(rid)
    assert again.report.values() == read and again.report.cells["s3.new.total"].box is not None
    assert again.value("s2.regulations.issued") == 5 and [e.action for e in again.ledger] == ["edit"]
    session.close()
    out = subprocess.run([sys.executable, "main.py", "export", "--out", str(tmp_path / "ds"), str(ws_path)],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO((tmp_path / "ds" / "cells.csv").read_bytes().decode("utf-8-sig"))))
    published = {r["id"]: r["published"] for r in rows}
    assert all(published[f] == ("" if read[f] is None else str(read[f])) for f in STANDARD_IDS if f != "s2.fees.amount")
