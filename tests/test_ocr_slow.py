"""The slow one (about 20 s on 2 cores): a whole scanned report read end to end, as the pipeline will
read it. It runs in CI with the rest; `-m "not slow"` leaves it out of a quick run."""
from __future__ import annotations

import json
import signal
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QApplication

from conftest import ROOT, TRUTH
from models.values import NA
from parsers.ocr import cell_marks, read_scan
from parsers.ocr_suggest import suggest
from parsers.pipeline import parse_laid_out
from scans import CLEAN, OFFICE, Scan, scan_report, with_markers

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


def _main(*args: str, **kw: object) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(ROOT / "main.py"), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT, **kw)  # type: ignore[call-overload]


@pytest.mark.slow
def test_extract_json_of_a_whole_scan_never_gives_a_silent_one(tmp_path):
    """`main.py extract --json` on a 2-page office scan (image-only PDF) with "/" and "—" cells: every
    value carries its OCR read; every "/" or "—" cell is "/", or uncertain, or flagged; never a silent
    1; the pages are reported on stderr; the doubtful reads are one item."""
    app = QApplication.instance() or QApplication([])
    values = with_markers(json.loads(TRUTH.read_text(encoding="utf-8"))[SAMPLE]["fields"], SLASH, DASH)
    scan = scan_report(values, OFFICE, seed=11)
    path = tmp_path / "扫描件.pdf"
    path.write_bytes(scan.pdf())
    del app
    proc = _main("extract", "--json", str(path))
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    report = json.loads(out)["reports"][0]
    assert report["error"] is None and report["format"] == "pdf"
    assert "第 1/2 页 OCR" in err and "第 2/2 页 OCR" in err
    fields, cells = report["fields"], report["cells"]
    for fid, want in values.items():
        if want is None:
            continue
        cell = cells[fid]
        assert cell["ocr"]["text"] and 0 <= cell["ocr"]["confidence"] <= 1, fid
        if want in ("/", "—"):
            assert fields[fid] == "/" or cell.get("uncertain") or cell["ocr"].get("flagged"), (fid, cell)
            assert fields[fid] != 1 or cell.get("uncertain"), (fid, cell)
        elif str(fields[fid]) != str(want):  # a wrong read is never silent
            assert cell.get("uncertain"), (fid, want, cell)
    doubtful = {f for f, c in cells.items() if c.get("uncertain") and "ocr" in c}
    groups = [i for i in report["issues"] if i["kind"] == "ocr_doubt"]
    assert len(groups) == (1 if doubtful else 0)
    if groups:
        assert set(groups[0]["fields"]) == doubtful


@pytest.mark.slow
def test_ctrl_c_stops_at_the_next_page_and_reports_what_was_read(tmp_path):
    """Ctrl+C while `extract` reads a 3-page TIFF: the page being read finishes, the report comes out
    with the pages read and an issue naming the others, and the exit status says it was cancelled."""
    app = QApplication.instance() or QApplication([])
    values = with_markers(json.loads(TRUTH.read_text(encoding="utf-8"))[SAMPLE]["fields"], [], [])
    page = scan_report(values, CLEAN, tables=(1,), prose=False).pages[0]
    del app
    path = tmp_path / "three.tiff"
    path.write_bytes(Scan([page, page, page], 300).tiff())
    proc = _main("extract", "--json", str(path))
    assert proc.stderr is not None
    seen = ""
    while "第 1/3 页" not in seen:
        ch = proc.stderr.read(1)
        assert ch, seen
        seen += ch
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 130, seen + err
    assert "已取消" in err
    report = json.loads(out)["reports"][0]
    assert report["error"] is None and report["fields"]["s3.new.total"] == 18
    unread = [i["message"] for i in report["issues"] if "未读取" in i["message"]]
    assert len(unread) == 1 and "OCR 已取消" in unread[0]
    assert "第 3 页" in unread[0] or "第 2、3 页" in unread[0]
