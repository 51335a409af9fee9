"""The slow one (about 20 s on 2 cores): a whole scanned report read end to end, as the pipeline will
read it. It runs in CI with the rest; `-m "not slow"` leaves it out of a quick run."""
from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QApplication

from conftest import TRUTH
from models.values import NA
from parsers.ocr import cell_marks, read_scan
from parsers.ocr_suggest import suggest
from parsers.pipeline import parse_laid_out
from scans import OFFICE, scan_report, with_markers

SAMPLE = "004_47148163d7b9be8f.txt"
# (no "/" in table 二 here: the text reader of parsers/tables.py drops a table 二 row holding "/",
# for every format; the Grids of tests/test_ocr.py hold it)
SLASH = ["s3.rejected_petition.research", "s3.new.research", "s3.granted.social_org", "s3.unable_not_held.commercial",
         "s4.review.pending"]
DASH = ["s3.new.legal_service", "s4.suit_direct.other"]


@pytest.mark.slow
def test_whole_scanned_report_reads_like_the_text_report():
    """A 2-page office scan (200 dpi, 0.7° skew, noise, JPEG) as an image-only PDF: its text and
    layout, read by the pipeline, give the sample's 200 values, each with its page box; every "/"
    is "/" and flagged; agency and year come from the scanned title; the marks survive a
    workspace round trip."""
    app = QApplication.instance() or QApplication([])
    values = with_markers(json.loads(TRUTH.read_text(encoding="utf-8"))[SAMPLE]["fields"], SLASH, DASH)
    scan = scan_report(values, OFFICE, seed=3)
    got = read_scan(scan.pdf(), ".pdf")
    report = parse_laid_out(got.text, "scan.pdf", "scan", got.layout)
    marks = cell_marks(report)
    assert report.meta.year == 2022 and report.meta.agency == "某某县人民政府"
    assert len(report.cells) == 200
    wrong = []
    for fid, want in values.items():
        cell = report.cells[fid]
        expected = NA if want in ("/", "—") else want
        if str(cell.value) != str(expected):
            wrong.append((fid, want, cell.raw))
        if want is not None:  # a blank cell stays blank, with nothing to point at
            assert cell.box is not None and cell.box[0] in (1, 2), fid
    assert wrong == []
    for fid in SLASH:  # "/", and where the recogniser read "1", flagged and shown as uncertain
        assert report.cells[fid].value == NA
        assert marks[fid].text == "/" or (marks[fid].flagged and report.cells[fid].uncertain)
    assert all(marks[f].shape == "—" for f in DASH)
    again = parse_laid_out(got.text, "scan.pdf", "scan", json.loads(json.dumps(got.layout)))
    assert cell_marks(again) == marks
    assert suggest(report.values(), marks) == []  # the rules hold: nothing to suggest
    del app
