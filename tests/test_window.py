"""A user's path through the review window: open, see, fix, undo, accept, reopen, export."""
from __future__ import annotations

import csv
import io
import shutil

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from conftest import SAMPLES
from ui import dialogs, palette
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.table_models import ISSUE_ROLE, STATE_ROLE, GridModel

S003 = "003_669b05754e9fb909.txt"
S000 = "000_978a9fff42e671ca.txt"


@pytest.fixture
def env(tmp_path, monkeypatch):
    """Temporary settings and workspace, dialogs answered, messages captured."""
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: messages.append(a[2]))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("审核员甲", True))
    for name in (S003, S000):
        shutil.copy(SAMPLES / name, tmp_path / name)
    return {"dir": tmp_path, "messages": messages,
            "settings": lambda: Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)),
            "ws": str(tmp_path / "review.sqlite")}


@pytest.fixture
def window(qtbot, env):
    w = MainWindow(env["settings"](), env["ws"])
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.report_loaded):
        w.open_paths([str(env["dir"] / S003)])
    return w


def grid(w: MainWindow, table: str) -> GridModel:
    return w.pane.grids[table]


def state(w: MainWindow, fid: str) -> str:
    for m in w.pane.grids.values():
        idx = m.index_of(fid)
        if idx.isValid():
            return m.data(idx, STATE_ROLE)
    raise KeyError(fid)


def open_rules(w: MainWindow) -> list[tuple[str, str]]:
    return [(it.issue.rule, it.issue.fields[0] if it.issue.fields else "") for it in w.pane.issues.items
            if it.state == "open"]


def test_known_problems_are_coloured_and_listed(window):
    m = grid(window, "三")
    idx = m.index_of("s3.results_total.natural_person")
    assert m.data(idx, Qt.ItemDataRole.DisplayRole) == "5"
    assert state(window, "s3.results_total.natural_person") == "error"
    assert m.data(idx, Qt.ItemDataRole.BackgroundRole).color() == QColor(palette.STATES["error"][0])
    assert "（七）总计 · 自然人" in m.data(idx, Qt.ItemDataRole.ToolTipRole)
    assert state(window, "s4.suit_after_review.total") == "warning"
    assert ("R2", "s3.results_total.natural_person") in open_rules(window)
    assert ("period", "meta.period") in open_rules(window)
    assert "错误 3" in window.counts.text()
    assert window.pane.legend.findChild(type(window.counts), "legend_error").text().startswith("错误")
    # the collapsed （六） row is drawn, and its three sub-rows are blank
    assert m.index_of("s3.other_total.total").isValid()
    assert state(window, "s3.other_other.total") == "blank"


def test_fixing_a_value_clears_its_issue_and_undo_redo_follow(window):
    m = grid(window, "四")
    fid = "s4.suit_after_review.total"
    assert ("R4", fid) in open_rules(window)
    window.pane.inspector.reason.setText("各项之和为 0")
    assert m.setData(m.index_of(fid), "0")
    assert ("R4", fid) not in open_rules(window)
    assert state(window, fid) == "corrected"
    assert m.data(m.index_of(fid), Qt.ItemDataRole.DisplayRole) == "0"
    entry = window.review.ledger[-1]
    assert (entry.field, entry.old, entry.new, entry.reason, entry.auditor) == (
        fid, None, 0, "各项之和为 0", "审核员甲")
    window.act_undo.trigger()
    assert ("R4", fid) in open_rules(window) and state(window, fid) == "warning"
    assert m.data(m.index_of(fid), Qt.ItemDataRole.DisplayRole) == ""
    window.act_redo.trigger()
    assert ("R4", fid) not in open_rules(window) and state(window, fid) == "corrected"


def test_only_numbers_can_be_entered(window, env):
    m = grid(window, "三")
    idx = m.index_of("s3.new.total")
    assert not m.setData(idx, "五件")
    assert "只能填写数字" in env["messages"][-1]
    assert m.data(idx, Qt.ItemDataRole.DisplayRole) == "5"
    assert m.setData(idx, "/")  # not applicable is allowed
    assert window.review.value("s3.new.total") == "/"


def test_accept_as_published_keeps_the_issue_listed_as_accepted(window):
    assert window.pane.select_field("s3.results_total.natural_person")
    window.pane.inspector.reason.setText("")
    window.act_accept.trigger()
    accepted = [it for it in window.pane.issues.items if it.state == "accepted"]
    assert {it.issue.rule for it in accepted} >= {"R2"}
    assert all(it.acceptance.reason == "审核员甲" for it in accepted)  # the dialog's answer
    assert state(window, "s3.results_total.natural_person") == "accepted"
    row = window.pane.issues.row_of(accepted[0].key)
    assert window.pane.issues.data(window.pane.issues.index(row, 3)).startswith("已接受")
    window.act_undo.trigger()
    assert not any(it.state == "accepted" for it in window.pane.issues.items)


def shown(window: MainWindow) -> list[str]:
    """The characters the raw pane highlights, as the user sees them."""
    doc = window.pane.raw.text.toPlainText()
    return [doc[s.cursor.selectionStart():s.cursor.selectionEnd()] for s in window.pane.raw.text._source]


def test_selecting_a_cell_shows_its_source_and_clicking_the_source_selects_the_cell(window):
    window.pane.select_field("s3.new.natural_person")
    cell = window.review.report.cells["s3.new.natural_person"]
    assert window.pane.raw.text.highlighted() == [cell.span]
    assert shown(window) == ["5"]
    window.pane._source_clicked(window.review.report.cells["s2.normative.in_force"].span[0])
    assert window.pane.selected_field() == "s2.normative.in_force"
    assert window.pane.tabs.currentWidget() is window.pane.views["二"]


def test_f8_walks_the_open_issues_and_selects_their_cells(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_F8)
    first = window.pane.issues.data(window.pane.issues.index(window.pane.issue_view.currentIndex().row(), 0), ISSUE_ROLE)
    assert first.state == "open" and first.issue.severity == "error"
    assert window.pane.selected_field() == next(f for f in first.issue.fields if window.pane.shows(f))
    qtbot.keyClick(window, Qt.Key.Key_F8)
    assert window.pane.issue_view.currentIndex().row() == 1
    qtbot.keyClick(window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.pane.issue_view.currentIndex().row() == 0


def test_period_issue_highlights_the_sentence(window):
    row = next(n for n, it in enumerate(window.pane.issues.items) if it.issue.rule == "period")
    window.pane.issue_view.selectRow(row)
    (a, b), = window.pane.raw.text.highlighted()
    assert "2022年12月28日" in window.review.report.text[a:b]


def test_reopening_restores_the_review(qtbot, env):
    w1 = MainWindow(env["settings"](), env["ws"])
    qtbot.addWidget(w1)
    w1.open_paths([str(env["dir"] / S003)])
    grid(w1, "四").setData(grid(w1, "四").index_of("s4.suit_after_review.total"), "0")
    w1.pane.select_field("s3.results_total.natural_person")
    w1.act_accept.trigger()
    w1.close()
    w2 = MainWindow(env["settings"](), env["ws"])
    qtbot.addWidget(w2)
    assert w2.queue.model.rowCount() == 1  # the queue comes back from the workspace, nothing is read
    assert w2.open_paths([str(env["dir"] / S003)]) == [w1.session.items[0].id]  # already there: shown
    assert w2.review.value("s4.suit_after_review.total") == 0
    assert state(w2, "s4.suit_after_review.total") == "corrected"
    assert any(it.state == "accepted" and it.issue.rule == "R2" for it in w2.pane.issues.items)
    accepted = sum(1 for it in w2.pane.issues.items if it.state == "accepted")
    assert [e.action for e in w2.review.ledger] == ["edit"] + ["accept"] * accepted


def test_export_from_the_window_writes_the_dataset_and_ledger(window, qtbot, tmp_path, monkeypatch):
    m = grid(window, "四")
    m.setData(m.index_of("s4.suit_after_review.total"), "0")
    out = tmp_path / "export"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    with qtbot.waitSignal(window.export_finished, timeout=60000) as done:
        window.act_export.trigger()
    assert [p.name for p in done.args[0]] == ["reports.csv", "cells.csv", "issues.csv", "corrections.csv",
                                             "data_dictionary.csv"]
    assert "已导出 5 个文件到" in window.statusBar().currentMessage()
    names = sorted(p.name for p in out.iterdir())
    assert names == ["cells.csv", "corrections.csv", "data_dictionary.csv", "issues.csv", "reports.csv"]
    raw = (out / "corrections.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0]) == ["entry", "source", "field", "action", "published", "old", "new", "reason", "time",
                             "auditor", "refers_to"]
    assert [(r["field"], r["action"], r["old"], r["new"], r["auditor"], r["refers_to"]) for r in rows] == [
        ("s4.suit_after_review.total", "edit", "", "0", "审核员甲", "")]
    cells = list(csv.DictReader(io.StringIO((out / "cells.csv").read_bytes().decode("utf-8-sig"))))
    c = next(c for c in cells if c["id"] == "s4.suit_after_review.total")
    assert (c["value"], c["published"], c["status"]) == ("0", "", "corrected")


def test_two_reports_switch_with_their_own_undo(window, env):
    window.open_paths([str(env["dir"] / S000)])
    q = window.queue.model
    assert q.rowCount() == 2 and q.data(q.index(1, 0)) == "新乡县人民政府"
    grid(window, "三").setData(grid(window, "三").index_of("s3.granted.natural_person"), "8")
    window.queue.view.selectRow(0)
    assert window.review.report.meta.agency == "刚察县人民政府办公室"
    assert not window.act_undo.isEnabled()
    window.queue.view.selectRow(1)
    assert window.review.report.meta.agency == "新乡县人民政府"
    assert window.act_undo.isEnabled()


def test_table_models_pass_the_model_tester(window, qtmodeltester):
    for m in window.pane.grids.values():
        qtmodeltester.check(m)
    qtmodeltester.check(window.issues)


def test_bad_file_gets_a_message_and_the_window_goes_on(window, env):
    bad = env["dir"] / "scan.txt"
    bad.write_bytes(bytes(range(256)) * 40)
    window.open_paths([str(bad)])
    assert "scan.txt" in env["messages"][-1] and "二进制" in env["messages"][-1]
    assert window.queue.model.rowCount() == 1


def test_english_interface_can_be_chosen(qtbot, env, qapp):
    from ui.app import install_language
    tr = install_language(qapp, "en")
    assert tr is not None
    try:
        w = MainWindow(env["settings"](), env["ws"])
        qtbot.addWidget(w)
        menus = [a.text() for a in w.menuBar().actions()]
        assert menus[:3] == ["&File", "&Edit", "&Review"]
        assert w.act_next.text() == "Next open issue"
        assert w.pane.legend.findChild(type(w.counts), "legend_error").text() == "Error (rule broken)"
    finally:
        qapp.removeTranslator(tr)
    w2 = MainWindow(env["settings"](), env["ws"])
    qtbot.addWidget(w2)
    assert [a.text() for a in w2.menuBar().actions()][0] == "文件(&F)"


def test_dropping_files_opens_them(window, env, qtbot):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(env["dir"] / S000))])
    ev = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                    Qt.KeyboardModifier.NoModifier)
    window.dropEvent(ev)
    assert window.queue.model.rowCount() == 2
    assert window.review.report.meta.agency == "新乡县人民政府"


def test_windows_line_ends_highlight_the_right_characters(qtbot, env):
    path = env["dir"] / "crlf.txt"
    path.write_bytes((SAMPLES / S000).read_bytes().replace(b"\n", b"\r\n"))
    w = MainWindow(env["settings"](), env["ws"])
    qtbot.addWidget(w)
    w.open_paths([str(path)])
    for fid, raw in (("s2.licensing.decisions", "4658"), ("s2.fees.amount", "7504.2371"), ("s3.granted.total", "8")):
        w.pane.select_field(fid)
        assert shown(w) == [raw]


def test_selecting_an_issue_selects_all_its_cells(window):
    row = next(n for n, it in enumerate(window.pane.issues.items) if it.issue.rule == "R3")
    window.pane.issue_view.selectRow(row)
    item = window.pane.issues.items[row]
    assert sorted(window.pane.views["三"].selected_fields()) == sorted(item.issue.fields)


def test_a_bad_workspace_file_is_refused_and_the_current_one_keeps_working(window, env, monkeypatch):
    bad = env["dir"] / "bad.sqlite"
    bad.write_bytes(b"not a database" * 200)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    window.act_open_ws.trigger()
    assert "工作区" in env["messages"][-1]
    m = grid(window, "四")
    assert m.setData(m.index_of("s4.suit_after_review.total"), "0")
    from models.workspace import Workspace
    assert Workspace(env["ws"], readonly=True).db.execute("SELECT COUNT(*) FROM corrections").fetchone()[0] == 1


def test_a_changed_source_is_shown_by_reload_before_anything_changes(qtbot, env, monkeypatch):
    path = env["dir"] / S000
    w1 = MainWindow(env["settings"](), env["ws"])
    qtbot.addWidget(w1)
    w1.open_paths([str(path)])
    grid(w1, "三").setData(grid(w1, "三").index_of("s3.granted.natural_person"), "8")
    w1.close()
    path.write_bytes(path.read_bytes().replace("行政许可\t4658".encode(), "行政许可\t4659".encode()))
    w2 = MainWindow(env["settings"](), env["ws"])
    qtbot.addWidget(w2)
    w2.open_paths([str(path)])
    assert w2.review.value("s2.licensing.decisions") == 4658  # the record that was reviewed, not the file
    plans = []
    monkeypatch.setattr(dialogs, "confirm_reload", lambda parent, plan: plans.append(plan) or True)
    w2.act_reload.trigger()
    assert [(f, old, new) for f, old, new in plans[0].changed] == [("s2.licensing.decisions", 4658, 4659)]
    assert not plans[0].same_file
    assert w2.review.value("s2.licensing.decisions") == 4659
    assert w2.review.value("s3.granted.natural_person") == 8  # the correction stays
    assert [e.action for e in w2.review.ledger] == ["edit", "reload"]
    assert "从源文件重新读取" in env["messages"][-1]


def test_a_file_whose_encoding_cannot_be_guessed_opens_with_one_the_auditor_picks(window, env, monkeypatch):
    import json

    from conftest import TRUTH
    from render import render
    values = json.loads(TRUTH.read_text(encoding="utf-8"))["004_47148163d7b9be8f.txt"]["fields"]
    path = env["dir"] / "big5.txt"
    path.write_bytes(render(values, "tab", trad=True).encode("big5hkscs", errors="replace"))  # Big5, traditional
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("big5hkscs", True))
    window.act_open_encoding.trigger()
    assert window.review.report.encoding == "big5hkscs"
    assert window.review.value("s2.licensing.decisions") == 2957 and window.review.value("s3.new.total") == 18


def test_a_pdf_shows_its_pages_with_the_selected_value_marked_and_clicks_select_cells(qtbot, env, qapp):
    import json

    from conftest import TRUTH
    from pdfs import make_pdf
    values = json.loads(TRUTH.read_text(encoding="utf-8"))["004_47148163d7b9be8f.txt"]["fields"]
    path = env["dir"] / "report.pdf"
    make_pdf(str(path), values, break_table3_after=14)
    w = MainWindow(env["settings"](), env["ws"])
    qtbot.addWidget(w)
    w.open_paths([str(path)])
    assert w.pane.source_tabs.isTabVisible(1) and w.pane.source_tabs.currentWidget() is w.pane.pdf
    assert w.pane.pdf.pages == 2 and w.pane.pdf.label.pixmap() is not None
    cell = w.review.report.cells["s3.carried_forward.total"]  # after the page break
    w.pane.select_field("s3.carried_forward.total")
    assert w.pane.pdf.page == cell.box[0] == 2 and w.pane.pdf.focus_box == cell.box
    other = w.review.report.cells["s2.licensing.decisions"]
    page, left, top, right, bottom = other.box
    w.pane._page_clicked(page, (left + right) / 2, (top + bottom) / 2)
    assert w.pane.selected_field() == "s2.licensing.decisions"
    w.open_paths([str(SAMPLES / S000)])  # a text report: no page view
    assert not w.pane.source_tabs.isTabVisible(1)
