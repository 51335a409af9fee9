"""Scanned reports read by OCR: tables 二 三 四 drawn from the samples' values with "/" and "—" cells,
scanned clean, as an office scan and as a phone photo; what the auditor gets is checked cell by cell.

OCR takes seconds a page, so each scan is read once per module (fixtures) and the tests look at it."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from conftest import ROOT, TRUTH
from models.values import NA
from parsers.ocr import (
    PageImage,
    ScannedPage,
    build_scan,
    ocr_pages,
    page_images,
    read_scan,
    scan_page,
)
from parsers.ocr_engine import Read
from parsers.ocr_marks import UNCERTAIN_BELOW, Ink, OcrMark, mark, measure_ink
from parsers.ocr_suggest import suggest
from parsers.pipeline import parse_path
from scans import CLEAN, CONDITIONS, OFFICE, PHOTO, Condition, Printed, Scan, scan_report, with_markers

SAMPLE = "004_47148163d7b9be8f.txt"
SLASH = ["s3.new.research", "s3.granted.social_org", "s3.denied_state_secret.legal_service",
         "s3.unable_not_held.commercial", "s3.rejected_petition.research", "s4.review.pending", "s2.normative.repealed"]
DASH = ["s3.new.legal_service", "s3.carried_forward.other_org", "s4.suit_direct.other"]


def _values() -> dict:
    fields = json.loads(TRUTH.read_text(encoding="utf-8"))[SAMPLE]["fields"]
    return with_markers(fields, SLASH, DASH)


@pytest.fixture(scope="module")
def qapp():
    return QApplication.instance() or QApplication([])


def _read(scan: Scan, cond: Condition) -> list[ScannedPage]:
    k = 72 / cond.dpi
    return [scan_page(PageImage(p, n + 1, p.shape[1] * k, p.shape[0] * k)) for n, p in enumerate(scan.pages)]


@pytest.fixture(scope="module")
def table3_scans(qapp) -> dict[str, tuple[Scan, list[ScannedPage]]]:
    """Table 三 (with its "/" and "—" cells) and table 四, in each of the three conditions."""
    out = {}
    for cond in CONDITIONS:
        scan = scan_report(_values(), cond, tables=(1, 2), prose=False, seed=7)
        out[cond.name] = (scan, _read(scan, cond))
    return out


def _skewed_box_ok(cond: Condition, printed: Printed, box: tuple) -> bool:
    """A read's page box lies where the value was printed, allowing for the scan's skew."""
    page_w, page_h = 595, 842
    x0, y0, x1, y1 = printed.box
    cx, cy = (box[1] + box[3]) / 2, (box[2] + box[4]) / 2
    a = np.radians(cond.skew)  # the page was turned about its centre; turn the read back
    dx, dy = cx - page_w / 2, cy - page_h / 2
    ux = page_w / 2 + dx * np.cos(a) - dy * np.sin(a)
    uy = page_h / 2 + dx * np.sin(a) + dy * np.cos(a)
    return x0 - 2 < ux < x1 + 2 and y0 - 2 < uy < y1 + 2


@pytest.mark.parametrize("cond", CONDITIONS, ids=lambda c: c.name)
def test_no_slash_is_ever_a_silent_one(table3_scans, cond):
    scan, pages = table3_scans[cond.name]
    built = build_scan(pages)
    by_page = {}
    for g in built.grids:
        for c in g.cells:
            by_page.setdefault(c.source.box[0], []).append(c)
    slashes = [p for p in scan.printed if p.text == "/"]
    assert len(slashes) == 6  # the "/" cells of tables 三 and 四
    for p in slashes:
        hits = [c for c in by_page.get(p.page, []) if _skewed_box_ok(cond, p, c.source.box)]
        assert len(hits) == 1, p.field
        cell = hits[0]
        m = built.marks[cell.source.span[0]]
        assert cell.text == "/" or m.uncertain or m.flagged, (p.field, cell.text, m)
        assert not (cell.text == "1" and not m.flagged), p.field
        if m.text != "/":  # the recogniser said otherwise: the auditor is shown why it is "/"
            assert m.flagged and m.uncertain, (p.field, m)
    for p in (p for p in scan.printed if p.text == "—"):
        hits = [c for c in by_page.get(p.page, []) if _skewed_box_ok(cond, p, c.source.box)]
        assert [c.text for c in hits] == ["—"], p.field


@pytest.mark.parametrize("cond", CONDITIONS, ids=lambda c: c.name)
def test_every_value_cell_read_where_it_was_printed(table3_scans, cond):
    """Each printed value is one grid cell at its printed place; a wrong read is never a confident one."""
    scan, pages = table3_scans[cond.name]
    built = build_scan(pages)
    cells = [(c, built.marks[c.source.span[0]]) for g in built.grids for c in g.cells]
    wrong, confident_wrong = [], []
    for p in scan.printed:
        hits = [(c, m) for c, m in cells if c.source.box[0] == p.page and _skewed_box_ok(cond, p, c.source.box)]
        assert len(hits) == 1, (p.field, p.text, [c.text for c, _ in hits])
        cell, m = hits[0]
        assert cell.source.confidence is not None and 0 < cell.source.confidence <= 1
        if cell.text != p.text:
            wrong.append((p.field, p.text, cell.text))
            if not (m.uncertain or m.flagged):
                confident_wrong.append((p.field, p.text, cell.text, m))
    assert len(scan.printed) == 190  # table 三's 175 cells and table 四's 15
    assert confident_wrong == []
    assert len(wrong) <= (0 if cond is CLEAN else 2), wrong


def test_grid_keeps_the_printed_table_shape(table3_scans):
    """Table 四 from its rules: 4 rows × 15 columns, its merged header cells spanning theirs."""
    _, pages = table3_scans["clean"]
    grids = build_scan(pages).grids
    t4 = grids[-1]
    assert (t4.rows, t4.cols) == (4, 15)
    assert t4.ruled
    head = t4.at(0, 0)
    assert head.text == "行政复议" and head.colspan == 5
    suit = t4.at(0, 5)
    assert suit.text == "行政诉讼" and suit.colspan == 10
    assert [c.text for c in t4.row_cells(3)][:5] == ["0", "0", "0", "/", "0"]


def test_marks_read_confidence_and_alternatives(table3_scans):
    _, pages = table3_scans["office"]
    built = build_scan(pages)
    slash_marks = [m for m in built.marks.values() if m.shape == "/"]
    assert slash_marks and all(m.angle is not None and m.angle <= 74 for m in slash_marks)
    # the recogniser read these "/" as "1"; the mark keeps that read and offers "1" as the other reading
    misread = [m for m in slash_marks if m.text == "1"]
    assert misread and all(any(a == "1" for a, _ in m.alternatives) for m in misread)
    assert all("按形状取“/”" in m.note for m in misread)


def test_unruled_table_reads_as_laid_out_lines(qapp):
    """A table printed without rules gives no Grid: its rows come through as a PDF's text does,
    cells apart by tabs, each with its box and mark, and its "/" is still never a silent 1."""
    scan = scan_report(_values(), OFFICE, tables=(2,), prose=False, ruled=False)
    got = read_scan(scan.png(), ".png")
    assert got.grids == []
    row = next(line for line in got.text.splitlines() if line.count("\t") >= 10)
    assert row.split("\t") == ["0", "0", "0", "/", "0", "0", "0", "—", "0", "0", "0", "0", "0", "0", "0"]
    start = got.text.index(row) + row.index("/")
    i = [p[0] for p in got.layout["pieces"]].index(start)
    m = OcrMark.from_json(got.layout["ocr"][i])
    assert m.shape == "/" and (m.text == "/" or m.flagged)


# ---------------------------------------------------------------- the "/" rule alone


def _glyph(kind: str, size: int = 40) -> np.ndarray:
    import cv2

    img = np.full((size + 20, size + 20), 255, np.uint8)
    if kind == "/":
        cv2.line(img, (18, size + 8), (18 + int(size * 0.33), 12), 0, 3)  # about 72° from the horizontal
    elif kind == "1":
        cv2.line(img, (30, 10), (30, size + 8), 0, 3)
        cv2.line(img, (30, 10), (22, 16), 0, 3)  # the flag
    elif kind == "—":
        cv2.line(img, (10, 30), (size + 8, 30), 0, 3)
    return img


@pytest.mark.parametrize(("kind", "lo", "hi"), [("/", 65, 74), ("1", 78, 120), ("—", -1, 1)])
def test_ink_angle(kind, lo, hi):
    ink = measure_ink(_glyph(kind))
    angle = ink.angle if ink.angle < 170 else ink.angle - 180
    assert lo <= angle <= hi


def test_slanted_one_is_a_slash_and_flagged():
    text, m = mark(Read("1", 0.95, (("/", 0.03),)), Ink(72.5, 9, 25))
    assert text == "/" and m.flagged and m.uncertain and m.shape == "/"
    assert ("1", 0.0) in m.alternatives or any(a == "1" for a, _ in m.alternatives)


def test_upright_one_read_surely_is_a_one():
    text, m = mark(Read("1", 0.998), Ink(93.0, 9, 25))
    assert text == "1" and not m.flagged and not m.uncertain


@pytest.mark.parametrize("angle", [75.0, 77.0])
def test_one_between_slash_and_upright_stays_one_but_flagged(angle):
    text, m = mark(Read("1", 0.99), Ink(angle, 9, 25))
    assert text == "1" and m.flagged and m.uncertain
    assert any(a == "/" for a, _ in m.alternatives)


def test_bare_bar_is_flagged():
    text, m = mark(Read("|", 0.97), Ink(90.0, 2, 25))
    assert text == "1" and m.flagged and "/" in [a for a, _ in m.alternatives]


def test_flat_yi_is_a_dash():
    text, m = mark(Read("一", 0.55), Ink(0.0, 21, 3))
    assert text == "—" and m.shape == "—" and m.uncertain and m.text == "一"


def test_flat_one_is_a_dash_and_flagged():
    text, m = mark(Read("1", 0.93), Ink(178.0, 21, 3))
    assert text == "—" and m.flagged and m.uncertain and any(a == "1" for a, _ in m.alternatives)


def test_upright_one_read_unsurely_is_uncertain_but_not_a_slash():
    text, m = mark(Read("1", 0.67), Ink(92.0, 8, 20))
    assert text == "1" and m.uncertain and not m.flagged and "不像“/”" in m.note


def test_low_confidence_digit_is_uncertain_not_flagged():
    text, m = mark(Read("6", UNCERTAIN_BELOW - 0.2, (("8", 0.2),)), Ink(90.0, 12, 20))
    assert text == "6" and m.uncertain and not m.flagged
    assert m.alternatives == (("8", 0.2),)


def test_decoder_keeps_the_runner_up_readings():
    """CTC decoding as rapidocr does it (repeats and blanks collapsed), plus the recogniser's second
    choices where it was least sure: the data the suggestion function works from."""
    from parsers.ocr_engine import _decode

    chars = ["blank", "0", "1", "6", "8", "9", "/", " "]
    steps = [("1", 0.99), ("blank", 0.9), ("6", 0.55), ("6", 0.6), ("blank", 0.95)]
    prob = np.full((len(steps), len(chars)), 0.001, np.float32)
    for t, (ch, p) in enumerate(steps):
        prob[t, chars.index(ch)] = p
    prob[2, chars.index("8")] = 0.40  # where "6" was read, "8" came close
    prob[3, chars.index("8")] = 0.35
    read = _decode(prob, chars)
    assert read.text == "16"
    assert read.confidence == pytest.approx((0.99 + 0.55) / 2, abs=1e-3)
    assert read.alternatives[0][0] == "18" and read.alternatives[0][1] == pytest.approx((0.99 + 0.40) / 2, abs=1e-3)


# ---------------------------------------------------------------- suggestions from the rules


def test_suggestion_when_one_alternative_makes_the_rules_hold():
    values = parse_path(ROOT / "resources" / "samples" / SAMPLE).values()
    assert values["s3.new.natural_person"] == 18
    values["s3.new.natural_person"] = 16  # OCR misread 18 as 16
    marks = {"s3.new.natural_person": OcrMark("16", 0.71, (("18", 0.21), ("10", 0.03)), uncertain=True),
             "s3.granted.natural_person": OcrMark("6", 0.80, (("8", 0.1),), uncertain=True)}
    out = suggest(values, marks)
    assert [(s.field, s.read, s.value) for s in out] == [("s3.new.natural_person", 16, 18)]
    assert out[0].message == "OCR 读作 16，按勾稽关系应为 18"
    assert set(out[0].rules) == {"R1", "R3"}


def test_suggestion_brings_back_a_one_the_shape_rule_took_for_a_slash():
    values = parse_path(ROOT / "resources" / "samples" / SAMPLE).values()
    assert values["s3.carried_over.natural_person"] == 1
    values["s3.carried_over.natural_person"] = NA
    marks = {"s3.carried_over.natural_person": OcrMark("1", 0.9, (("1", 0.0),), "/", 73.0, True, True)}
    out = suggest(values, marks)
    assert [(s.value, s.message) for s in out] == [(1, "OCR 读作 “/”，按勾稽关系应为 1")]


def test_no_suggestion_when_rules_hold_or_no_single_change_explains():
    values = parse_path(ROOT / "resources" / "samples" / SAMPLE).values()
    marks = {"s3.new.natural_person": OcrMark("18", 0.7, (("16", 0.2),), uncertain=True)}
    assert suggest(values, marks) == []
    values["s3.new.natural_person"] = 16
    values["s3.granted.natural_person"] = 7
    assert suggest(values, {"s3.new.natural_person": OcrMark("16", 0.7, (("18", 0.2),), uncertain=True)}) == []


# ---------------------------------------------------------------- page images, progress, cancel, offline


def test_image_files_become_pages(qapp):
    scan = scan_report(_values(), PHOTO, tables=(2,), prose=False)
    tiff = scan_report(_values(), PHOTO, tables=(0, 1, 2), prose=False).tiff()
    pages = list(page_images(tiff, ".tif"))
    assert len(pages) == 2 and pages[0].pixels.shape == (1754, 1240)
    assert abs(pages[0].width_pt - 595) < 1 and abs(pages[0].height_pt - 842) < 1
    from scans import encode
    png = list(page_images(encode(scan.pages[0], ".png"), ".png"))  # no resolution stored: an A4 page is assumed
    assert len(png) == 1 and abs(png[0].width_pt - 595) < 1
    jpg = list(page_images(encode(scan.pages[0], ".jpg"), ".jpg"))
    assert len(jpg) == 1 and jpg[0].pixels.shape == scan.pages[0].shape
    with pytest.raises(Exception, match="图片"):
        list(page_images(b"not an image", ".png"))


def test_scanned_pdf_gives_its_embedded_image_at_its_own_resolution(qapp):
    scan = scan_report(_values(), OFFICE, tables=(2,), prose=False)
    pages = list(page_images(scan.pdf(), ".pdf"))
    assert len(pages) == 1
    assert pages[0].pixels.shape == scan.pages[0].shape  # 200 dpi as scanned, not rendered again
    assert abs(pages[0].width_pt - 595) < 1


def test_pages_without_text_are_the_ones_to_scan(qapp, tmp_path):
    from parsers.ocr import pages_without_text
    from pdfs import make_pdf

    make_pdf(str(tmp_path / "text.pdf"), _values())
    assert pages_without_text((tmp_path / "text.pdf").read_bytes()) == []
    scanned = scan_report(_values(), OFFICE, tables=(2,), prose=False).pdf()
    assert pages_without_text(scanned) == [1]


def test_a_pdf_page_without_a_page_sized_image_is_rendered(qapp, tmp_path):
    from pdfs import make_pdf

    make_pdf(str(tmp_path / "drawn.pdf"), _values())
    (page,) = page_images((tmp_path / "drawn.pdf").read_bytes(), ".pdf", pages=[2])
    h, w = page.pixels.shape
    assert page.page == 2 and abs(h - 3508) <= 2 and abs(w - 2480) <= 2  # A4 at 300 dpi
    assert page.pixels.min() < 100 < 250 < page.pixels.max()  # ink on white


def test_progress_per_page_and_cancel_between_pages():
    blank = np.full((400, 283), 255, np.uint8)
    images = [PageImage(blank, n, 595, 842) for n in (1, 2, 3)]
    seen = []
    done = ocr_pages(images, progress=lambda d, t: seen.append((d, t)), total=3)
    assert len(done) == 3 and seen == [(1, 3), (2, 3), (3, 3)]
    done = ocr_pages(iter(images), cancelled=lambda: len(seen) >= 4, progress=lambda d, t: seen.append((d, t)),
                     total=3)
    assert len(done) == 1


def test_page_limit_reports_the_pages_not_read():
    blank = np.full((1754, 1240), 255, np.uint8)
    tiff = Scan([blank, blank, blank], 150).tiff()
    scan = read_scan(tiff, ".tiff", max_pages=1)
    assert scan.pages == 1 and scan.skipped == 2


def test_ocr_runs_with_the_network_cut_off_and_writes_nothing(tmp_path):
    """The models come from the wheel: no download, no model cache, even with every socket refused."""
    code = """
import socket, sys
def refuse(*a, **k):
    raise OSError('network is cut off in this test')
socket.socket.connect = refuse
socket.create_connection = refuse
import numpy as np, cv2
img = np.full((300, 600), 255, np.uint8)
cv2.putText(img, '2957', (40, 170), cv2.FONT_HERSHEY_SIMPLEX, 3, 0, 6)
from parsers.ocr_page import read_page
print([w.read.text for w in read_page(img).words])
"""
    import rapidocr

    models = Path(rapidocr.__file__).parent / "models"  # the wheel's folder must not change
    before = sorted(p.name for p in models.iterdir())
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": str(ROOT)})
    assert out.returncode == 0, out.stderr[-2000:]
    assert "2957" in out.stdout
    assert sorted(p.name for p in models.iterdir()) == before
    assert list(tmp_path.iterdir()) == []
