"""Reviewing a whole province: a folder into the queue, filters, sign-off, cancel, reopen, export, cross-year."""
from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QInputDialog, QMessageBox

from conftest import ROOT, SAMPLES, TRUTH
from models.crossyear import YearReport, agency_key, cross_year
from render import render
from ui import dialogs
from ui.main_window import MainWindow
from ui.rule_names import rule_name
from ui.settings import Settings
from ui.summary import RULE_ROLE

T001 = json.loads(TRUTH.read_text(encoding="utf-8"))["001_dfce13c1242a961e.txt"]["fields"]  # all zero, clean


def report(agency: str, year: int, **changes) -> str:
    """A clean report of one agency and year, with some cells changed."""
    values = dict(T001)
    values.update(changes)
    return render(values, "tab", agency=agency, year=year)


@pytest.fixture
def env(tmp_path, monkeypatch):
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: messages.append(a[2]))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("审核员乙", True))
    return {"dir": tmp_path, "messages": messages, "ws": str(tmp_path / "batch.review.sqlite"),
            "settings": lambda: Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))}


def make_folder(root, n_per_sample: int = 2):
    """A county's folder: the samples under several agency names, some in a subfolder."""
    folder = root / "county"
    (folder / "towns").mkdir(parents=True)
    for k in range(n_per_sample):
        for p in sorted(SAMPLES.glob("*.txt")):
            dst = (folder / "towns" if k % 2 else folder) / f"{k}_{p.name}"
            shutil.copy(p, dst)
    (folder / "slides.pptx").write_bytes(b"PK")  # not a readable kind: not listed
    return folder


def copies(folder, sample: str, n: int):
    """A folder holding n copies of one sample report."""
    folder.mkdir(exist_ok=True)
    for i in range(n):
        shutil.copy(SAMPLES / sample, folder / f"{i:03d}.txt")
    return folder


def load(qtbot, w: MainWindow, paths):
    with qtbot.waitSignal(w.queue_loaded, timeout=60000) as blocker:
        w.open_paths([str(p) for p in paths])
    return blocker.args[0]


def window(qtbot, env) -> MainWindow:
    w = MainWindow(env["settings"](), env["ws"])
    qtbot.addWidget(w)
    w.show()
    return w


def reviews(w: MainWindow) -> list:
    """The review of every report in the window's queue, in queue order."""
    return [w.session.review(it.id) for it in w.session.items]


def export(qtbot, w: MainWindow, folder) -> object:
    """Export from the window (in the background); what export_finished said."""
    with qtbot.waitSignal(w.export_finished, timeout=60000) as done:
        w.export_to(str(folder))
    return done.args[0]


def test_a_folder_loads_in_the_background_and_the_queue_filters(qtbot, env):
    w = window(qtbot, env)
    cancelled = load(qtbot, w, [make_folder(env["dir"])])
    assert cancelled is False
    q, proxy = w.queue.model, w.queue.proxy
    assert q.rowCount() == 10  # five samples twice, the subfolder included, the .pptx left out
    assert w.current is not None  # the first report was shown as soon as it was read
    names = {q.data(q.index(i, 0)) for i in range(q.rowCount())}
    assert "刚察县人民政府办公室" in names and "新乡县人民政府" in names
    w.queue.errors_only.setChecked(True)
    assert proxy.rowCount() == 2  # only the two copies of 003 have errors
    assert {proxy.data(proxy.index(i, 0)) for i in range(2)} == {"刚察县人民政府办公室"}
    w.queue.errors_only.setChecked(False)
    w.queue.year.setCurrentIndex(w.queue.year.findData("2023"))
    assert proxy.rowCount() == 2 and proxy.data(proxy.index(0, 0)) == "绥阳县小关乡"
    w.queue.year.setCurrentIndex(0)
    w.queue.search.setText("新乡")
    assert proxy.rowCount() == 2
    w.queue.search.setText("")
    w.queue.view.sortByColumn(3, w.queue.view.horizontalHeader().sortIndicatorOrder().DescendingOrder)
    assert proxy.data(proxy.index(0, 3)) == 3  # most errors first


def test_sign_off_records_who_when_and_which_file_and_lapses_when_it_changes(qtbot, env, monkeypatch):
    w = window(qtbot, env)
    path = env["dir"] / "001.txt"
    shutil.copy(SAMPLES / "001_dfce13c1242a961e.txt", path)
    w.open_paths([str(path)])
    w.act_sign_off.trigger()
    r = w.review
    assert r.state == "signed off"
    assert r.signoff["auditor"] == "审核员乙" and r.signoff["time"]
    assert r.signoff["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    q = w.queue.model
    assert q.data(q.index(0, 5)) == "已签发"
    w.queue.unsigned_only.setChecked(True)
    assert w.queue.proxy.rowCount() == 0
    w.close()
    path.write_bytes(path.read_bytes() + "\n附：更正说明。".encode())
    w2 = window(qtbot, env)
    w2.open_paths([str(path)])
    assert w2.review.state == "signed off"  # reopening reads the workspace, not the changed file
    plans = []
    monkeypatch.setattr(dialogs, "confirm_reload", lambda parent, plan: plans.append(plan) or True)
    w2.act_reload.trigger()  # F5 reads the file again: not the one signed off
    assert not plans[0].same_file and plans[0].changed == []
    assert w2.review.state == "in review" and w2.review.signoff is None
    assert "签发已失效" in env["messages"][-1]
    assert [e.action for e in w2.review.ledger] == ["signoff", "reload", "signoff lapsed"]


def test_an_edit_after_sign_off_reopens_the_review(qtbot, env):
    w = window(qtbot, env)
    w.open_paths([str(SAMPLES / "001_dfce13c1242a961e.txt")])
    w.act_sign_off.trigger()
    m = w.pane.grids["三"]
    m.setData(m.index_of("s3.new.total"), "1")
    assert w.review.state == "in review" and w.review.signoff is None


def test_cancel_stops_a_long_load_and_keeps_what_was_read(qtbot, env):
    folder = copies(env["dir"] / "many", "002_978f6dfc59ee8d2b.txt", 400)
    w = window(qtbot, env)
    w.queue.model.rowsInserted.connect(lambda *_: w.cancel_loading())  # cancel on the first reports
    assert load(qtbot, w, [folder]) is True
    assert 0 < w.queue.model.rowCount() < 400
    assert "已取消" in w.statusBar().currentMessage()


def test_reopening_the_workspace_restores_the_queue(qtbot, env):
    w = window(qtbot, env)
    load(qtbot, w, [make_folder(env["dir"])])
    w.queue.view.selectRow(0)
    signed = w.review.report.source
    w.act_sign_off.trigger()  # signed off, and on to the next report that needs work
    w.close()
    w2 = window(qtbot, env)  # the queue is the workspace's: listed at once, no file read
    assert w2.queue.model.rowCount() == 10 and w2.loading is None
    again = next(r for r in reviews(w2) if r.report.source == signed)
    assert again.state == "signed off"
    q = w2.queue.model
    assert q.data(q.index(w2.session.row_of(w2.session.find(signed)), 5)) == "已签发"


def test_export_of_the_queue_has_review_state_and_sign_off(qtbot, env):
    w = window(qtbot, env)
    load(qtbot, w, [make_folder(env["dir"], 1)])
    w.queue.view.selectRow(1)
    signed = w.review.report.source
    w.act_sign_off.trigger()
    export(qtbot, w, env["dir"] / "out")
    text = (env["dir"] / "out" / "reports.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 5
    row = next(r for r in rows if r["source"] == signed)
    assert (row["review_state"], row["signed_off_by"]) == ("signed off", "审核员乙")
    assert row["signed_off_sha256"] == row["sha256"] and row["signed_off_at"]
    assert all(r["review_state"] == "not started" for r in rows if r["source"] != signed)
    assert (env["dir"] / "out" / "corrections.csv").exists()


def test_cross_year_checks_show_on_both_reports_and_follow_edits(qtbot, env):
    a = env["dir"] / "2021.txt"
    b = env["dir"] / "2022.txt"
    a.write_text(report("新乡县人民政府", 2021, **{"s3.carried_forward.natural_person": 2,
                                                  "s3.carried_forward.total": 2, "s3.new.natural_person": 2,
                                                  "s3.new.total": 2, "s2.normative.in_force": 30}), encoding="utf-8")
    b.write_text(report("新乡县 政府", 2022, **{"s2.normative.in_force": 31, "s2.normative.issued": 3,
                                              "s2.normative.repealed": 1}), encoding="utf-8")
    w = window(qtbot, env)
    w.open_paths([str(a), str(b)])
    r21, r22 = sorted(reviews(w), key=lambda r: r.report.meta.year)
    cy22 = {i.issue.fields[0]: i for i in r22.open_issues() if i.issue.rule == "cross_year"}
    cy21 = {i.issue.fields[0]: i for i in r21.open_issues() if i.issue.rule == "cross_year"}
    assert set(cy22) == {"s3.carried_over.natural_person", "s3.carried_over.total", "s2.normative.in_force"}
    assert (cy22["s2.normative.in_force"].issue.expected == 32
            and "应为 32" in cy22["s2.normative.in_force"].issue.message)
    assert set(cy21) == {"s3.carried_forward.natural_person", "s3.carried_forward.total", "s2.normative.in_force"}
    w.show_report(r22.report_id)
    m = w.pane.grids["三"]
    for col in ("natural_person", "total"):
        m.setData(m.index_of(f"s3.carried_over.{col}"), "2")
    assert not any(i.issue.rule == "cross_year" and i.issue.fields[0].startswith("s3.") for i in r22.open_issues())
    assert not any(i.issue.rule == "cross_year" and i.issue.fields[0].startswith("s3.") for i in r21.open_issues())


def test_agency_names_are_matched_after_folding_long_and_short_forms():
    assert agency_key("新乡县人民政府") == agency_key("新乡县 政府") == agency_key("新乡县政府（本级）")
    assert agency_key("新乡县人民政府办公室") != agency_key("新乡县人民政府")
    a = YearReport("a", "某县人民政府", 2021, {"s3.carried_forward.total": 3})
    b = YearReport("b", "某县政府", 2022, {"s3.carried_over.total": 3})
    c = YearReport("c", "某县政府", 2024, {"s3.carried_over.total": 9})  # not the next year: no check
    found = cross_year([a, b, c])
    assert found == {"a": [], "b": [], "c": []}
    b.values = {"s3.carried_over.total": 4}
    found = cross_year([a, b, c])
    assert [i.fields for i in found["b"]] == [["s3.carried_over.total"]] and found["b"][0].expected == 3
    assert [i.fields for i in found["a"]] == [["s3.carried_forward.total"]] and found["a"][0].expected == 4


def test_command_line_export_of_a_folder_shows_progress(tmp_path):
    folder = make_folder(tmp_path, 14)  # 70 files: read on every core
    out = subprocess.run([sys.executable, "main.py", "export", "--out", str(tmp_path / "ds"), str(folder)],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "读取 70/70" in out.stderr
    rows = list(csv.DictReader(io.StringIO((tmp_path / "ds" / "reports.csv").read_bytes().decode("utf-8-sig"))))
    assert len(rows) == 70
    assert [r["source"] for r in rows] == sorted(r["source"] for r in rows)  # in order despite the workers
    assert {r["agency"] for r in rows} >= {"刚察县人民政府办公室", "西峡县人民政府"}


def test_the_queue_model_passes_the_model_tester_and_the_summary_counts_open_issues(qtbot, env, qtmodeltester):
    w = window(qtbot, env)
    load(qtbot, w, [make_folder(env["dir"], 1)])
    qtmodeltester.check(w.queue.model)
    qtmodeltester.check(w.queue.proxy)
    w.summary_dock.show()
    w.summary.refresh(w.session.items)
    rules = {w.summary.by_rule.item(i, 0).data(RULE_ROLE): (int(w.summary.by_rule.item(i, 1).text()),
                                                             int(w.summary.by_rule.item(i, 2).text()))
             for i in range(w.summary.by_rule.rowCount())}
    expected: dict[str, list[int]] = {}
    for r in reviews(w):
        for it in r.open_issues():
            e = expected.setdefault(it.issue.rule, [0, 0])
            e[0 if it.issue.severity == "error" else 1] += 1
    assert rules == {k: tuple(v) for k, v in expected.items()}
    assert rules["R2"][0] == 1  # sample 003's broken R2
    worst = w.summary.by_report.item(0, 0).text()
    assert worst == "刚察县人民政府办公室"  # the report with the most errors comes first
    assert w.summary.chart.rows[0][0] == w.summary.by_rule.item(0, 0).data(RULE_ROLE)
    assert w.summary.by_rule.item(0, 0).text() == rule_name(w.summary.chart.rows[0][0])  # a name, never a code


def test_a_scanned_pdf_opens_as_an_empty_template_the_auditor_fills_in_and_exports(qtbot, env, qapp):
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter, QPdfWriter
    path = env["dir"] / "scan.pdf"
    writer = QPdfWriter(str(path))
    p = QPainter(writer)
    p.drawRect(QRectF(50, 50, 400, 300))
    p.end()
    w = window(qtbot, env)
    with qtbot.waitSignal(w.report_loaded, timeout=30000):  # a PDF is read off the GUI thread
        w.open_paths([str(path)])
    # no text layer and no picture of text to read by OCR: said so, and the template is there to fill in
    message = w.pane.issues.items[0].issue.message
    assert w.review is not None and "没有文字层" in message and "手工填写" in message
    m = w.pane.grids["三"]
    assert m.setData(m.index_of("s3.new.total"), "12")
    export(qtbot, w, env["dir"] / "out")
    cells = list(csv.DictReader(io.StringIO((env["dir"] / "out" / "cells.csv").read_bytes().decode("utf-8-sig"))))
    typed = next(c for c in cells if c["id"] == "s3.new.total")
    # typed, nothing published; still a warning: the row's applicant cells are blank, so R3 cannot be checked
    assert (typed["value"], typed["published"], typed["status"]) == ("12", "", "warning")
    ledger = list(csv.DictReader(io.StringIO(
        (env["dir"] / "out" / "corrections.csv").read_bytes().decode("utf-8-sig"))))
    assert [(r["field"], r["new"]) for r in ledger] == [("s3.new.total", "12")]


def test_a_second_folder_opened_while_one_loads_is_read_after_it(qtbot, env):
    a = copies(env["dir"] / "a", "002_978f6dfc59ee8d2b.txt", 60)
    b = copies(env["dir"] / "b", "001_dfce13c1242a961e.txt", 6)
    w = window(qtbot, env)
    done = []
    w.queue_loaded.connect(done.append)
    w.open_paths([str(a)])
    w.open_paths([str(b)])  # while a is loading
    qtbot.waitUntil(lambda: done == [False], timeout=60000)
    assert w.queue.model.rowCount() == 66


def test_the_samples_open_only_on_a_first_start():
    from ui.app import initial_paths
    assert initial_paths(False, [], ["s1", "s2"]) == ["s1", "s2"]
    assert initial_paths(True, [], ["s1"]) == []  # the queue comes back from the workspace: nothing is read
    assert initial_paths(False, ["f"], ["s1"]) == ["f"]
    assert initial_paths(True, ["f"], ["s1"]) == ["f"]


def test_a_workspace_named_on_the_command_line_opens_as_the_workspace(qtbot, env):
    """As Explorer's "Open with" passes it: `GovInfoReview.exe "D:/审核 工作/县.review.sqlite"` opens that
    workspace with its queue, reads none of it again, and is the workspace the next start opens."""
    from models.session import Session, prepare
    from ui.app import split_workspaces, start

    ws = env["dir"] / "县 工作.review.sqlite"
    s = Session.open(ws)
    s.add_prepared([prepare(str(SAMPLES / "003_669b05754e9fb909.txt"))])
    s.close()
    settings = env["settings"]()
    w = start([str(ws)], [str(SAMPLES / "000_978a9fff42e671ca.txt")], settings)  # the samples: not read
    qtbot.addWidget(w)
    assert w.session.ws.path.resolve() == ws.resolve()
    assert [it.source.endswith("003_669b05754e9fb909.txt") for it in w.session.items] == [True]
    assert w.review is not None and w.review.report.source.endswith("003_669b05754e9fb909.txt")
    assert Path(settings.workspace).resolve() == ws.resolve()  # the next start opens it
    assert str(ws.resolve()) in settings.recent()
    w.close()
    assert split_workspaces(["a.txt", "b.REVIEW.sqlite", "c.pdf"]) == (["b.REVIEW.sqlite"], ["a.txt", "c.pdf"])
    assert split_workspaces(["missing.sqlite"]) == ([], ["missing.sqlite"])  # not a file, not a workspace name


def test_a_sign_off_names_the_file_as_it_was_read_even_when_it_changed_since(qtbot, env, monkeypatch):
    path = env["dir"] / "001.txt"
    shutil.copy(SAMPLES / "001_dfce13c1242a961e.txt", path)
    read = hashlib.sha256(path.read_bytes()).hexdigest()
    w = window(qtbot, env)
    w.open_paths([str(path)])
    w.close()
    path.write_bytes(path.read_bytes() + "\n更正。".encode())
    w2 = window(qtbot, env)
    w2.open_paths([str(path)])
    w2.act_sign_off.trigger()  # signs the text under review, which is the workspace's record
    assert w2.review.state == "signed off" and w2.review.signoff["sha256"] == read
    monkeypatch.setattr(dialogs, "confirm_reload", lambda parent, plan: True)
    w2.act_reload.trigger()  # the file read again is not the one signed off
    assert w2.review.state == "in review"
    w2.act_sign_off.trigger()
    assert w2.review.state == "signed off"
    assert w2.review.signoff["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest() != read


def test_an_export_that_cannot_replace_a_file_says_so_and_changes_nothing(qtbot, env):
    w = window(qtbot, env)
    w.open_paths([str(SAMPLES / "001_dfce13c1242a961e.txt")])
    out = env["dir"] / "out"
    assert len(export(qtbot, w, out)) == 5
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (out / "cells.csv").unlink()
    (out / "cells.csv").mkdir()  # something in the way, as a file open in Excel is on Windows
    why = export(qtbot, w, out)
    assert isinstance(why, str) and "原有文件保持不变" in why
    assert env["messages"][-1] == why
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == \
        {k: v for k, v in before.items() if k != "cells.csv"}
    assert not [p for p in out.iterdir() if p.name.startswith((".tmp-", ".old-"))]


def test_closing_the_window_stops_a_load(qtbot, env):
    folder = copies(env["dir"] / "many", "002_978f6dfc59ee8d2b.txt", 300)
    w = window(qtbot, env)
    with qtbot.waitSignal(w.queue.model.rowsInserted, timeout=60000):
        w.open_paths([str(folder)])
    task = w.loading
    w.close()
    assert task is not None and task.cancelled()
    qtbot.waitUntil(lambda: w.loading is None or task.cancelled(), timeout=10000)


def test_agency_folds_cover_common_short_forms():
    assert agency_key("某某经济开发区管理委员会") == agency_key("某某经济开发区管委会")
    assert agency_key("某某市发展和改革委员会") == agency_key("某某市发改委")
    assert agency_key("某某縣人民政府") == agency_key("某某县政府")


def test_the_command_line_finds_the_same_cross_year_issues_as_the_window(qtbot, env):
    folder = env["dir"] / "years"
    folder.mkdir()
    (folder / "2021.txt").write_text(report("某某经济开发区管理委员会", 2021, **{
        "s3.carried_forward.natural_person": 2, "s3.carried_forward.total": 2, "s3.new.natural_person": 2,
        "s3.new.total": 2}), encoding="utf-8")
    (folder / "2022.txt").write_text(report("某某经济开发区管委会", 2022), encoding="utf-8")
    w = window(qtbot, env)
    w.open_paths([str(folder)])
    in_window = sorted((r.report.meta.year, i.issue.fields[0]) for r in reviews(w) for i in r.open_issues()
                       if i.issue.rule == "cross_year")
    assert len(in_window) == 4
    out = subprocess.run([sys.executable, "main.py", "export", "--out", str(env["dir"] / "ds"), str(folder)],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO((env["dir"] / "ds" / "issues.csv").read_bytes().decode("utf-8-sig"))))
    cli = sorted((int(r["source"][-8:-4]), r["fields"]) for r in rows if r["rule"] == "cross_year")
    assert cli == in_window
    reports_rows = list(csv.DictReader(io.StringIO((env["dir"] / "ds" / "reports.csv").read_bytes()
                                                   .decode("utf-8-sig"))))
    assert all(int(r["warnings"]) == 2 for r in reports_rows)


def test_two_reports_of_one_agency_for_one_year_are_not_paired_across_years():
    a = YearReport("a", "某县政府", 2021, {"s3.carried_forward.total": 3})
    b1 = YearReport("b1", "某县政府", 2022, {"s3.carried_over.total": 4})
    b2 = YearReport("b2", "某县政府", 2022, {"s3.carried_over.total": 5})
    assert cross_year([a, b1, b2]) == {"a": [], "b1": [], "b2": []}
