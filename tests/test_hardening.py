"""Whatever a file holds, every reader finishes quickly with a report or a clear message; the
originals are never written; exports are all-or-nothing."""
from __future__ import annotations

import hashlib
import io
import json
import os
import random
import shutil
import stat
import time
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SAMPLES, TRUTH
from documents import cms_page, docx_bytes, word_export_page
from models.checks import check
from parsers import parse_bytes, parse_path

T004 = json.loads(TRUTH.read_text(encoding="utf-8"))["004_47148163d7b9be8f.txt"]["fields"]
SECONDS = 5.0  # the longest any one input may take


def _ok(data: bytes, suffix: str) -> None:
    t0 = time.perf_counter()
    report = parse_bytes(data, "fuzz" + suffix, suffix=suffix)
    issues = check(report)
    assert time.perf_counter() - t0 < SECONDS
    if report.error is not None:
        assert report.error.strip() and report.cells == {} and issues == []
    for cell in report.cells.values():
        if cell.span:
            assert report.text[cell.span[0]:cell.span[1]] == cell.raw


def _mutate(data: bytes, seed: int, edits: int) -> bytes:
    rng = random.Random(seed)
    b = bytearray(data)
    for _ in range(edits):
        op = rng.randrange(4)
        i = rng.randrange(len(b)) if b else 0
        if op == 0 and b:
            b[i] = rng.randrange(256)
        elif op == 1:
            del b[i: i + rng.randrange(1, 64)]
        elif op == 2:
            b[i:i] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 16)))
        else:
            b = b[: rng.randrange(len(b) + 1)]  # truncated
    return bytes(b)


@pytest.fixture(scope="module")
def originals(qapp):
    import tempfile

    from pdfs import make_pdf
    with tempfile.TemporaryDirectory() as d:
        make_pdf(os.path.join(d, "r.pdf"), T004)
        pdf = open(os.path.join(d, "r.pdf"), "rb").read()
    return {".html": cms_page(T004).encode("utf-8"), ".htm": word_export_page(T004).encode("utf-8"),
            ".docx": docx_bytes(T004), ".pdf": pdf, ".txt": (SAMPLES / "003_669b05754e9fb909.txt").read_bytes()}


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.sampled_from([".html", ".htm", ".docx", ".pdf", ".txt"]), st.integers(0, 2**32 - 1), st.integers(1, 30))
def test_mutated_and_truncated_documents_of_every_kind(originals, suffix, seed, edits):
    _ok(_mutate(originals[suffix], seed, edits), suffix)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([".html", ".docx", ".pdf"]), st.binary(max_size=3000))
def test_arbitrary_bytes_in_every_reader(suffix, data):
    _ok(data, suffix)


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=2000))
def test_arbitrary_text_as_a_web_page(text):
    _ok(text.encode("utf-8"), ".html")


def test_a_docx_that_unzips_to_a_mountain_is_refused_quickly():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<" * (300 * 1024 * 1024))
    t0 = time.perf_counter()
    report = parse_bytes(buf.getvalue(), "bomb.docx", suffix=".docx")
    assert time.perf_counter() - t0 < SECONDS and "解压后超过" in report.error


@pytest.mark.parametrize("name,data", [
    ("novel.txt", "第一章\n天色已晚，他推开门，雨还在下。她说：“明天再走吧。”\n".encode() * 200),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 30),
    ("empty.txt", b""),
    ("page.html", "<html><body><h1>欢迎访问</h1><p>今日新闻：天气晴。</p></body></html>".encode()),
])
def test_files_that_are_not_reports_say_so(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    report = parse_path(path)
    assert report.error and "不是政府信息公开工作年度报告" in report.error


def _digest(folder) -> dict:
    return {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in folder.iterdir()}


def test_a_full_review_never_writes_the_original_reports(qtbot, tmp_path, monkeypatch, originals):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    from ui import dialogs
    from ui.main_window import MainWindow
    from ui.settings import Settings
    plans = []
    monkeypatch.setattr(dialogs, "confirm_reload", lambda parent, plan: plans.append(plan) or True)
    messages = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: messages.append(a[2]))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("审核员", True))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("gb18030", True))
    reports = tmp_path / "reports"
    reports.mkdir()
    for p in SAMPLES.glob("*.txt"):
        shutil.copy(p, reports / p.name)
    for suffix in (".html", ".docx", ".pdf"):
        (reports / ("doc" + suffix)).write_bytes(originals[suffix])
    for p in reports.iterdir():
        p.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)  # read-only, as handed to the auditor
    before = _digest(reports)
    w = MainWindow(Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)),
                   str(tmp_path / "ws.review.sqlite"))
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.queue_loaded, timeout=60000):
        w.open_paths([str(reports)])
    assert len(w.session.items) == 8
    for item in list(w.session.items):
        w.show_report(item.id)
        m = w.pane.grids["四"]
        m.setData(m.index_of("s4.review.total"), "7")
        w.pane.select_field("s4.review.total")
        w.act_accept.trigger()
        w.act_sign_off.trigger()
        w.act_reload.trigger()
        qtbot.waitUntil(lambda: w._reload_task is None, timeout=30000)  # a PDF is read again off the GUI thread
    assert len(plans) == 8 and all(p.same_file for p in plans)
    w.show_report(next(it.id for it in w.session.items if it.source.endswith("003_669b05754e9fb909.txt")))
    w.act_reopen.trigger()
    assert len(plans) == 8 and "gb18030" in messages[-1]  # a UTF-8 file: nothing to confirm, nothing changed
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "out"))
    with qtbot.waitSignal(w.export_finished, timeout=60000) as done:
        w.act_export.trigger()
    assert isinstance(done.args[0], list)
    w.close()
    assert (tmp_path / "out" / "corrections.csv").exists()
    assert _digest(reports) == before
    assert sorted(p.name for p in reports.iterdir()) == sorted(before)


def test_an_export_that_fails_half_way_leaves_the_previous_one_whole(tmp_path, monkeypatch):
    from models import export
    out = tmp_path / "ds"
    items = [export.ExportItem(parse_path(p), []) for p in sorted(SAMPLES.glob("*.txt"))]
    export.export_dataset(items, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    calls = {"n": 0}
    real = export.report_rows

    def failing(it):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk full")
        return real(it)
    monkeypatch.setattr(export, "report_rows", failing)
    with pytest.raises(OSError):
        export.export_dataset(items, out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no half files, no temp files left
