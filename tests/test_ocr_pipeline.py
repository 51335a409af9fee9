"""Scans through the whole reader: image files and PDF pages without a text layer are read by OCR into
the same report as any other file, every OCR value carrying its read; the doubtful ones are one item;
pages not read are named; the workspace keeps the reads so that reopening needs no OCR; the rules
suggest another reading of one doubtful cell, applied only as an ordinary, logged correction.

Each scan is read once per module (OCR takes seconds a page)."""
from __future__ import annotations

import io
import json
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from conftest import SAMPLES, TRUTH
from models.checks import check
from models.record import dumps_record
from models.review import Review
from models.session import Prepared, Session, prepare
from models.session.workers import job_cancelled, job_progress, run_many
from models.values import NA
from parsers import pipeline
from parsers.ocr_images import IMAGE_SUFFIXES
from parsers.pipeline import parse_bytes, parse_path
from scans import CLEAN, misread_sample, scan_report, with_markers

SAMPLE = "004_47148163d7b9be8f.txt"
SLASH = ["s3.new.research", "s3.granted.social_org", "s4.review.pending"]
DASH = ["s3.new.legal_service"]


def _values() -> dict:
    return with_markers(json.loads(TRUTH.read_text(encoding="utf-8"))[SAMPLE]["fields"], SLASH, DASH)


@pytest.fixture(scope="module")
def qapp():
    return QApplication.instance() or QApplication([])


@pytest.fixture(scope="module")
def tables_scan(qapp):
    """Table 三 (with "/" and "—" cells) scanned clean: one page."""
    scan = scan_report(_values(), CLEAN, tables=(1,), prose=False, seed=5)
    assert len(scan.pages) == 1
    return scan


@pytest.fixture(scope="module")
def png_report(tables_scan, tmp_path_factory):
    path = tmp_path_factory.mktemp("scan") / "县政府2022年报告.png"
    path.write_bytes(tables_scan.png())
    return parse_path(path)


def _text_pdf(lines: list[tuple[str, float]]) -> bytes:
    """A one-page PDF with a text layer holding these lines (text, size)."""
    import tempfile

    from pdfs import _Pages

    with tempfile.TemporaryDirectory() as d:
        path = str(Path(d) / "t.pdf")
        pages = _Pages(path)
        for text, size in lines:
            pages.line(text, size)
        pages.close()
        return Path(path).read_bytes()


def _join(*pdfs: bytes) -> bytes:
    """One PDF of the pages of several, in order."""
    import pypdfium2 as pdfium

    out = pdfium.PdfDocument.new()
    for data in pdfs:
        src = pdfium.PdfDocument(data)
        out.import_pages(src)
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


@pytest.fixture(scope="module")
def mixed_report(qapp, tables_scan):
    """Page 1 with a text layer (title, 一、), page 2 scanned (table 三), page 3 with a text layer."""
    from documents import PROSE, TITLE

    first = _text_pdf([(TITLE, 13), ("一、总体情况", 10), (PROSE.format(n=_values()["s3.new.total"]), 9)])
    last = _text_pdf([("五、存在的主要问题及改进情况", 10), ("信息更新不够及时。", 9), ("六、其他需要报告的事项", 10)])
    data = _join(first, tables_scan.pdf(), last)
    return parse_bytes(data, "mixed.pdf", suffix=".pdf")


def _want(fid: str) -> object:
    v = _values()[fid]
    return NA if v in ("/", "—") else v


def test_image_suffixes_agree():
    assert pipeline.IMAGE_SUFFIXES == IMAGE_SUFFIXES


def test_image_file_is_read_by_ocr_every_value_carrying_its_read(png_report):
    r = png_report
    assert r.error is None and r.format == "image"
    s3 = [f for f in _values() if f.startswith("s3.")]
    assert all(f in r.cells for f in s3)
    for fid in s3:
        cell = r.cells[fid]
        assert cell.ocr is not None and 0 <= cell.ocr.confidence <= 1
        assert cell.box is not None and cell.box[0] == 1
    right = sum(r.cells[f].value == _want(f) for f in s3)
    assert right >= 0.99 * len(s3)
    for fid in s3:  # a wrong value is never silent
        if r.cells[fid].value != _want(fid):
            assert r.cells[fid].uncertain, fid


def test_slash_cells_are_slash_uncertain_or_flagged_never_a_silent_one(png_report):
    for fid in SLASH + DASH:
        if not fid.startswith("s3."):
            continue
        cell = png_report.cells[fid]
        assert cell.value == NA or cell.uncertain or (cell.ocr is not None and cell.ocr.flagged), (fid, cell)
        assert cell.value != Decimal(1) or cell.uncertain


def test_doubtful_reads_are_one_item_naming_their_cells(png_report):
    doubtful = [f for f, c in png_report.cells.items() if c.ocr is not None and (c.ocr.flagged or c.uncertain)]
    items = [i for i in check(png_report) if i.kind_of == "ocr_doubt"]
    if not doubtful:
        assert items == []
        return
    assert len(items) == 1
    assert set(items[0].fields) == set(doubtful) and items[0].count == len(doubtful)
    assert f"OCR 读数存疑（{len(doubtful)} 格）" in items[0].message
    # a doubtful cell the auditor corrected leaves the item
    fid = doubtful[0]
    vals = dict(png_report.values())
    vals[fid] = Decimal(123456)
    after = [i for i in check(png_report, vals) if i.kind_of == "ocr_doubt"]
    assert all(fid not in i.fields for i in after)


def test_json_cell_carries_ocr_read_and_uncertain(png_report):
    d = json.loads(png_report.json_text(check(png_report)))
    cells = d["cells"]
    for fid, cell in png_report.cells.items():
        if cell.raw is None:
            continue
        assert cells[fid]["ocr"]["text"] == cell.ocr.text
        assert cells[fid]["ocr"]["confidence"] == cell.ocr.confidence
        assert cells[fid].get("uncertain", False) == cell.uncertain
    assert not any("本程序不做 OCR" in i["message"] for i in d["issues"])


def test_mixed_pdf_is_one_report_with_scanned_pages_in_their_place(mixed_report):
    r = mixed_report
    assert r.error is None and r.format == "pdf"
    assert r.meta.year == 2022 and r.meta.agency == "某某县人民政府"  # from the text page
    from parsers.normalize import normalize

    text = normalize(r.text)  # the text layer prints 一 as the radical ⼀
    one, three, five = (text.index(h) for h in ("一、总体情况", "三、收到和处理", "五、存在的主要问题"))
    assert one < three < five  # the scanned page's text stands between the text pages'
    s3 = [f for f in _values() if f.startswith("s3.")]
    assert sum(r.cells[f].value == _want(f) for f in s3) >= 0.99 * len(s3)
    assert all(r.cells[f].ocr is not None and r.cells[f].box[0] == 2 for f in s3)  # page 2, read by OCR
    assert any(p.kind == "applications" for p in r.prose)  # prose counts from the text page


def test_a_cell_from_the_text_layer_has_no_ocr_read(qapp):
    import tempfile

    from pdfs import make_pdf

    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "text.pdf"
        make_pdf(str(path), json.loads(TRUTH.read_text(encoding="utf-8"))[SAMPLE]["fields"])
        r = parse_path(path)
    assert len(r.cells) == 200 and not any(c.ocr for c in r.cells.values())
    assert not any(i.rule == "ocr" for i in r.structure)


def test_cancel_names_the_pages_not_read(tables_scan):
    """Cancelled after the first page of a three-page TIFF: page 1's values, pages 2–3 named."""
    from scans import Scan

    tiff = Scan([tables_scan.pages[0]] * 3, tables_scan.dpi).tiff()
    seen: list[tuple[int, int]] = []
    r = parse_bytes(tiff, "three.tiff", suffix=".tiff", progress=lambda d, t: seen.append((d, t)),
                    cancelled=lambda: len(seen) >= 1)
    assert seen == [(1, 3)]
    assert r.error is None and r.cells["s3.new.total"].value == _want("s3.new.total")
    notes = [i.message for i in r.structure if i.rule == "missing" and "未读取" in i.message]
    assert len(notes) == 1 and "第 2、3 页" in notes[0] and "已取消" in notes[0]


def test_blank_scan_says_nothing_was_read(qapp):
    import numpy as np

    from scans import encode

    blank = np.full((1169, 827), 255, np.uint8)
    r = parse_bytes(encode(blank, ".png"), "blank.png", suffix=".png")
    assert r.error is None and not r.cells
    assert any("未读出任何文字" in i.message for i in r.structure)
    pdf = parse_bytes(_join(_blank_pdf()), "blank.pdf", suffix=".pdf")
    assert any("既没有文字层，也没有可供 OCR 识别的扫描图像" in i.message for i in pdf.structure)
    assert not any("不做 OCR" in i.message for i in pdf.structure + r.structure)


def _blank_pdf() -> bytes:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument.new()
    doc.new_page(595, 842)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_ocr_missing_gives_a_clear_message_not_a_crash(monkeypatch, tables_scan):
    import parsers.ocr_engine as engine

    monkeypatch.setattr(engine, "_engine", None)
    monkeypatch.setitem(sys.modules, "rapidocr", None)  # import rapidocr → ImportError
    r = parse_bytes(tables_scan.png(), "x.png", suffix=".png")
    assert r.error is not None and "无法进行 OCR" in r.error


# ---------------------------------------------------------------- worker processes: pages and cancel


def _pages_job(n: int) -> tuple[int, int]:
    """Stands for a scan of n pages: reports each page, stops at the next page once cancelled."""
    done = 0
    for _ in range(n):
        if job_cancelled():
            break
        time.sleep(0.15)
        done += 1
        job_progress(done, n)
    return n, done


@pytest.mark.parametrize("workers", [1, 2], ids=["in process", "worker processes"])
def test_pages_reported_from_workers_and_cancel_stops_the_item_being_read(workers):
    seen: list[tuple[int, int, int]] = []
    out = list(run_many(_pages_job, [2, 3], workers=workers, min_parallel=1, pages=lambda *a: seen.append(a)))
    assert out == [(2, 2), (3, 3)]
    assert [s for s in seen if s[0] == 1] == [(1, 1, 3), (1, 2, 3), (1, 3, 3)]
    seen.clear()
    out = list(run_many(_pages_job, [6, 6, 6], workers=workers, min_parallel=1, pages=lambda *a: seen.append(a),
                        cancelled=lambda: len(seen) >= 2))
    assert out and out[0][0] == 6 and out[0][1] < 6  # the first comes back with the pages read
    assert len(out) < 3  # and the others are not read


# ---------------------------------------------------------------- the workspace and the session


def test_workspace_keeps_the_reads_and_reopening_needs_no_ocr(tmp_path, tables_scan, monkeypatch):
    src = tmp_path / "scan.png"
    src.write_bytes(tables_scan.png())
    ws = tmp_path / "w.sqlite"
    s = Session.open(ws)
    s.add_prepared([prepare(str(src))])
    rid = s.find(src)
    before = {f: (c.value, c.ocr, c.uncertain) for f, c in s.review(rid).report.cells.items()}
    issues = [i.issue.message for i in s.review(rid).issues()]
    s.close()
    assert any(o is not None for _, o, _ in before.values())

    import parsers.ocr_engine as engine

    monkeypatch.setattr(engine, "_engine", None)
    monkeypatch.setitem(sys.modules, "rapidocr", None)  # OCR cannot run now
    s = Session.open(ws)
    try:
        review = s.review(rid)
        after = {f: (c.value, c.ocr, c.uncertain) for f, c in review.report.cells.items()}
        assert after == before
        assert [i.issue.message for i in review.issues()] == issues
        assert any(i.issue.kind_of == "ocr_doubt" for i in review.issues()) == any(
            u for _, o, u in before.values() if o is not None)
    finally:
        s.close()


def _scanned_sample(tmp_path: Path, fid: str, read: int, right: int) -> tuple[Session, int]:
    """A workspace holding scans.misread_sample: `fid` read as `read` with `right` as a runner-up."""
    report = misread_sample(str(tmp_path / "scan.png"), fid, read, right)
    s = Session.open(tmp_path / "w.sqlite")
    s.add_prepared([Prepared(report.source, "0" * 64, None, dumps_record(report), Review(report).summary())])
    return s, s.items[0].id


def test_suggestion_is_offered_and_applied_only_as_a_logged_correction(tmp_path):
    fid = "s3.granted.natural_person"  # printed 6 in the sample
    s, rid = _scanned_sample(tmp_path, fid, 9, 6)
    try:
        assert s.review(rid).value(fid) == 9  # nothing changed by itself
        found = s.ocr_suggestions(rid)
        assert [(x.field, x.value) for x in found] == [(fid, 6)]
        assert "OCR 读作 9，按勾稽关系应为 6" in found[0].message
        assert s.review(rid).value(fid) == 9 and not s.ledger(rid)
        ch = s.apply_suggestion(rid, found[0])
        assert rid in ch.rows and fid in ch.cells[rid]
        assert s.review(rid).value(fid) == 6
        entry = s.ledger(rid)[-1]
        assert entry.field == fid and entry.new == 6 and "按勾稽关系采纳 OCR 备选读数" in entry.reason
        assert s.ocr_suggestions(rid) == []  # the rules hold now
        s.undo(rid)
        assert s.review(rid).value(fid) == 9
    finally:
        s.close()


def test_no_suggestion_for_a_report_not_read_by_ocr(tmp_path):
    report = parse_path(SAMPLES / "003_669b05754e9fb909.txt")  # its rules fail, but no value came from a scan
    s = Session.open(tmp_path / "w.sqlite")
    try:
        s.add_prepared([Prepared(report.source, "0" * 64, None, dumps_record(report), Review(report).summary())])
        assert s.ocr_suggestions(s.items[0].id) == []
    finally:
        s.close()


@pytest.mark.slow
def test_window_loading_reads_a_scan_in_a_worker_process_page_by_page(tmp_path, tables_scan):
    """prepare_many as the window calls it (spawn): even one scan is read in a worker process, its
    pages reported to the caller, and the record holds every OCR read."""
    from models.record import loads_record
    from models.session import prepare_many

    src = tmp_path / "scan.png"
    src.write_bytes(tables_scan.png())
    seen: list[tuple[int, int, int]] = []
    got = list(prepare_many([str(src)], spawn=True, pages=lambda *a: seen.append(a)))
    assert seen == [(0, 1, 1)]
    assert len(got) == 1 and got[0].error is None
    report = loads_record(got[0].record)
    assert report.cells["s3.new.total"].value == _want("s3.new.total") and report.cells["s3.new.total"].ocr


def _stamped_scan_pdf(page, dpi: int) -> bytes:
    """A scanned page as a PDF whose text layer holds only a page number and a stamp drawn over the
    page-sized image (as many sites publish scans)."""
    import tempfile

    from PySide6.QtCore import QMarginsF, QRectF, Qt
    from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

    with tempfile.TemporaryDirectory() as d:
        path = str(Path(d) / "stamped.pdf")
        writer = QPdfWriter(path)
        writer.setResolution(72)
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                         QMarginsF(0, 0, 0, 0)))
        h, w = page.shape
        image = QImage(page.tobytes(), w, h, w, QImage.Format.Format_Grayscale8)
        p = QPainter(writer)
        p.drawImage(QRectF(0, 0, 595, 842), image)
        p.drawText(QRectF(0, 820, 595, 14), Qt.AlignmentFlag.AlignCenter, "- 1 -")
        p.drawText(QRectF(400, 10, 180, 14), Qt.AlignmentFlag.AlignRight, "网站下载")
        p.end()
        return Path(path).read_bytes()


def test_a_scan_with_a_stamp_in_its_text_layer_is_read_by_ocr(qapp, tables_scan):
    data = _stamped_scan_pdf(tables_scan.pages[0], tables_scan.dpi)
    r = parse_bytes(data, "stamped.pdf", suffix=".pdf")
    assert r.error is None
    s3 = [f for f in _values() if f.startswith("s3.")]
    assert sum(f in r.cells and r.cells[f].value == _want(f) for f in s3) >= 0.99 * len(s3)
    assert all(r.cells[f].ocr is not None for f in s3 if f in r.cells)
    assert r.text.count("网站下载") <= 1  # the stamp once (read by OCR), not twice


@pytest.mark.parametrize("turns", [1, 2], ids=["sideways", "upside down"])
def test_a_page_scanned_sideways_or_upside_down_is_turned_upright(tables_scan, turns):
    """A landscape table scanned on a portrait page, or a page fed upside down: read as upright, each
    box given on the page as it was scanned."""
    import numpy as np

    from scans import encode

    pixels = np.rot90(tables_scan.pages[0], turns)
    r = parse_bytes(encode(pixels, ".png"), "turned.png", suffix=".png")
    s3 = [f for f in _values() if f.startswith("s3.")]
    assert sum(f in r.cells and r.cells[f].value == _want(f) for f in s3) >= 0.99 * len(s3)
    assert not [f for f in s3 if f in r.cells and r.cells[f].value != _want(f) and not r.cells[f].uncertain]
    upright = {p.field: p.box for p in tables_scan.printed}
    x0, y0, x1, y1 = upright["s3.new.total"]  # points from the top of the upright page
    w, h = 595, 842
    _, left, top, right, bottom = r.cells["s3.new.total"].box
    cx, cy = (left + right) / 2, (top + bottom) / 2
    if turns == 1:  # turned counter-clockwise: the upright page's (x, y) is now at (y, w - x)
        ux, uy = w - cy, cx
    else:
        ux, uy = w - cx, h - cy
    assert x0 - 3 < ux < x1 + 3 and y0 - 3 < uy < y1 + 3


def test_a_scan_may_be_larger_than_a_text_report(tmp_path):
    """A scanned PDF or image takes a few MB a page: 25 MB is read (here: found damaged, not refused as too
    large), while a 25 MB text file is still refused."""
    from models.session.reading import read_file

    big = b"%PDF-1.4\n" + b"0" * (25 * 1024 * 1024)
    for name in ("big.pdf", "big.tif"):
        (tmp_path / name).write_bytes(big)
        report, _ = read_file(tmp_path / name)
        assert report.error is not None and "过大" not in report.error, report.error
        assert "过大" not in (parse_path(tmp_path / name).error or "")
    (tmp_path / "big.txt").write_bytes(big)
    assert "过大" in (read_file(tmp_path / "big.txt")[0].error or "")
    assert "过大" in (parse_path(tmp_path / "big.txt").error or "")


def test_an_image_pillow_refuses_gets_a_message_not_a_crash(monkeypatch, tables_scan):
    from PIL import Image

    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)  # every page now looks like a decompression bomb
    r = parse_bytes(tables_scan.png(), "bomb.png", suffix=".png")
    assert r.error is not None and not r.cells
