"""A user's path through the review window: open, see, fix, undo, accept, reopen, export."""
from __future__ import annotations

import csv
import io
import shutil
from decimal import Decimal

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QMessageBox

from conftest import SAMPLES
from ui import dialogs, palette
from ui.main_window import MainWindow
from ui.rule_names import rule_name
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
    assert window.pane.legend.findChild(QLabel, "legend_error").text().startswith("错误")
    # the collapsed （六） row is drawn, and its three sub-rows are blank
    assert m.index_of("s3.other_total.total").isValid()
    assert state(window, "s3.other_other.total") == "blank"


def test_fixing_a_value_clears_its_issue_and_undo_redo_follow(window):
    m = grid(window, "四")
    fid = "s4.suit_after_review.total"
    # the blank total is one item: the R4 sum it leaves unchecked is part of it (models/grouping.py)
    assert ("missing", fid) in open_rules(window)
    window.pane.inspector.reason.setText("各项之和为 0")
    assert m.setData(m.index_of(fid), "0")
    assert ("missing", fid) not in open_rules(window)
    assert state(window, fid) == "corrected"
    assert m.data(m.index_of(fid), Qt.ItemDataRole.DisplayRole) == "0"
    entry = window.review.ledger[-1]
    assert (entry.field, entry.old, entry.new, entry.reason, entry.auditor) == (
        fid, None, 0, "各项之和为 0", "审核员甲")
    window.act_undo.trigger()
    assert ("missing", fid) in open_rules(window) and state(window, fid) == "warning"
    assert m.data(m.index_of(fid), Qt.ItemDataRole.DisplayRole) == ""
    window.act_redo.trigger()
    assert ("missing", fid) not in open_rules(window) and state(window, fid) == "corrected"


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
    issues = window.pane.issues
    first = issues.data(issues.index(window.pane.issue_view.currentIndex().row(), 0), ISSUE_ROLE)
    assert first.state == "open" and first.issue.severity == "error"
    assert window.pane.selected_field() == next(f for f in first.issue.fields if window.pane.shows(f))
    qtbot.keyClick(window, Qt.Key.Key_F8)
    assert window.pane.issue_view.currentIndex().row() == 1
    qtbot.keyClick(window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.pane.issue_view.currentIndex().row() == 0


def test_period_issue_highlights_the_sentence(window):
    row = next(n for n, it in enumerate(window.pane.issues.items) if it.issue.rule == "period")
    window.pane.select_issue_row(row)
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
    accepted = sum(len(it.issue.fields) for it in w2.pane.issues.items if it.state == "accepted")
    assert [e.action for e in w2.review.ledger] == ["edit"] + ["accept"] * accepted  # one entry per cell


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
    qtmodeltester.check(window.pane.issues)


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
        legend = w.pane.legend.findChild(QLabel, "legend_error")  # a word on the colour, the meaning in its tooltip
        assert (legend.text(), legend.toolTip()) == ("Error", "Error (rule broken)")
    finally:
        qapp.removeTranslator(tr)
    w.close()  # one window writes a workspace at a time
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
    window.pane.select_issue_row(row)
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
    plans = []
    monkeypatch.setattr(dialogs, "confirm_reload", lambda parent, plan: plans.append(plan) or True)
    window.act_reopen.trigger()  # again with the encoding picked: shown first, then applied
    assert [(p.encoding, p.same_file, p.changed) for p in plans] == [("big5hkscs", True, [])]
    assert window.review.ledger[-1].action == "reload" and "big5hkscs" in window.review.ledger[-1].reason
    assert window.review.value("s3.new.total") == 18


def test_a_pdf_shows_its_pages_with_the_selected_value_marked_and_clicks_select_cells(qtbot, env, qapp):
    import json

    from conftest import TRUTH
    from pdfs import make_pdf
    values = json.loads(TRUTH.read_text(encoding="utf-8"))["004_47148163d7b9be8f.txt"]["fields"]
    path = env["dir"] / "report.pdf"
    make_pdf(str(path), values, break_table3_after=14)
    w = MainWindow(env["settings"](), env["ws"])
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.report_loaded, timeout=30000):  # a PDF may hold scanned pages: read off the GUI thread
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
    with qtbot.waitSignal(w.report_loaded, timeout=30000):
        w.open_paths([str(SAMPLES / S000)])  # a text report: no page view
    assert not w.pane.source_tabs.isTabVisible(1)


# ---------------------------------------------------------------- issue 11: the window over the session layer

def open_window(qtbot, env, *paths) -> MainWindow:
    """A new window on the test workspace, shown, with these report files opened."""
    w = MainWindow(env["settings"](), env["ws"])
    qtbot.addWidget(w)
    w.show()
    if paths:
        w.open_paths([str(p) for p in paths])
    return w


def ledger(w: MainWindow) -> list[tuple[str, str, object, object, str]]:
    """The current report's ledger as (field, action, old, new, reason)."""
    return [(e.field, e.action, e.old, e.new, e.reason) for e in w.session.review(w.current).ledger]


def editor_of(view):
    """The line edit open on a table view's current cell (None when no editor is open)."""
    from PySide6.QtWidgets import QLineEdit
    found = [e for e in view.viewport().findChildren(QLineEdit) if e.isVisible()]
    return found[0] if found else None


def test_a_fee_printed_with_six_decimals_is_shown_whole_and_enter_twice_changes_nothing(qtbot, env):
    from PySide6.QtTest import QTest
    text = (SAMPLES / S000).read_text(encoding="utf-8")
    assert text.count("7504.2371") == 1
    path = env["dir"] / "fee.txt"
    path.write_text(text.replace("7504.2371", "5949.088667"), encoding="utf-8")
    w = open_window(qtbot, env, path)
    fid = "s2.fees.amount"
    m, view = grid(w, "二"), w.pane.views["二"]
    idx = m.index_of(fid)
    assert m.data(idx, Qt.ItemDataRole.DisplayRole) == "5949.088667"
    r5 = [it for it in w.pane.issues.items if it.issue.rule == "R5" and it.issue.fields == [fid]]
    assert [it.state for it in r5] == ["open"] and state(w, fid) == "error"
    assert w.pane.select_field(fid)
    w.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    QTest.keyClick(view, Qt.Key.Key_Return)  # Enter: the editor opens on the value as printed
    editor = editor_of(view)
    assert editor is not None and editor.text() == "5949.088667"
    QTest.keyClick(editor, Qt.Key.Key_Return)  # Enter again, nothing typed: Qt commits it (queued) and closes it
    qtbot.waitUntil(lambda: editor_of(view) is None)
    assert m.data(idx, Qt.ItemDataRole.DisplayRole) == "5949.088667"
    assert str(w.review.value(fid)) == "5949.088667"
    assert w.session.review(w.current).ledger == [] and fid not in w.review.corrections
    assert [it.state for it in w.pane.issues.items if it.issue.rule == "R5" and it.issue.fields == [fid]] == ["open"]
    tip = m.data(idx, Qt.ItemDataRole.ToolTipRole)
    assert "印出：5949.088667" in tip and "5949.088667" in tip.split(rule_name("R5"), 1)[1]
    assert w.pane.inspector.current.text() == "5949.088667"
    assert not w.act_undo.isEnabled()
    QTest.keyClick(view, Qt.Key.Key_Return)  # the same keys do commit a value that was typed
    editor = editor_of(view)
    editor.selectAll()
    QTest.keyClicks(editor, "5949.0887")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor_of(view) is None)
    assert ledger(w) == [(fid, "edit", Decimal("5949.088667"), Decimal("5949.0887"), "")]
    assert m.data(idx, Qt.ItemDataRole.DisplayRole) == "5949.0887"


def test_undo_and_redo_add_ledger_entries_and_never_touch_the_reason_typed(window, env):
    fid = "s4.suit_after_review.total"
    typed = "与报告单位电话核实（2024-03-05）：复议后起诉各项合计为 0；见附件第 3 页"
    m = grid(window, "四")
    window.pane.select_field(fid)
    window.pane.inspector.reason.setText(typed)
    assert m.setData(m.index_of(fid), "0")
    assert window.pane.inspector.reason.text() == ""  # the reason went with the edit
    assert "撤销" in window.act_undo.text() and window.act_undo.isEnabled()
    window.act_undo.trigger()
    assert m.data(m.index_of(fid), Qt.ItemDataRole.DisplayRole) == "" and state(window, fid) == "warning"
    window.act_redo.trigger()
    assert m.data(m.index_of(fid), Qt.ItemDataRole.DisplayRole) == "0" and state(window, fid) == "corrected"
    window.act_undo.trigger()
    assert m.data(m.index_of(fid), Qt.ItemDataRole.DisplayRole) == "" and state(window, fid) == "warning"
    entries = window.session.review(window.current).ledger
    assert [(e.action, e.old, e.new) for e in entries] == [
        ("edit", None, 0), ("undo", 0, None), ("redo", None, 0), ("undo", 0, None)]
    assert entries[0].reason == typed and window.review.reason_of(entries[0]) == typed
    assert [e.reason for e in entries[1:]] == ["", "", ""]  # nothing glued onto reasons
    assert entries[1].ref == entries[0].id
    assert all(e.ref is not None and e.ref < e.id for e in entries[1:])
    window.close()  # what the workspace holds, read by another program
    from models.workspace import Workspace
    ws = Workspace(env["ws"], readonly=True)
    rows = ws.db.execute("SELECT action, reason, ref FROM ledger ORDER BY id").fetchall()
    ws.close()
    assert rows == [("edit", typed, None), ("undo", "", entries[0].id), ("redo", "", entries[2].ref),
                    ("undo", "", entries[3].ref)]


def test_a_reason_can_be_given_after_the_edit(window, qtbot, tmp_path):
    fid = "s4.suit_after_review.total"
    m = grid(window, "四")
    window.pane.select_field(fid)
    assert not window.pane.inspector.reason_btn.isEnabled()  # nothing changed yet: nothing to give it to
    assert m.setData(m.index_of(fid), "0")
    insp = window.pane.inspector
    assert insp.reason_btn.isEnabled() and "（未填）" in insp.last.text() and "→ 0" in insp.last.text()
    insp.reason.setText("各项之和为 0")
    qtbot.mouseClick(insp.reason_btn, Qt.MouseButton.LeftButton)
    entries = window.session.review(window.current).ledger
    assert [(e.field, e.action, e.reason, e.ref) for e in entries] == [
        (fid, "edit", "", None), (fid, "reason", "各项之和为 0", entries[0].id)]
    assert insp.reason.text() == "" and "原因：各项之和为 0" in insp.last.text()
    with qtbot.waitSignal(window.export_finished, timeout=60000):
        window.export_to(str(tmp_path / "out"))
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out" / "corrections.csv").read_bytes().decode("utf-8-sig"))))
    # the edit's row carries the reason given later too; the reason's own row names the edit
    assert [(r["entry"], r["action"], r["reason"], r["refers_to"]) for r in rows] == [
        (str(entries[0].id), "edit", "各项之和为 0", ""),
        (str(entries[1].id), "reason", "各项之和为 0", str(entries[0].id))]


def test_a_corrected_cell_that_still_breaks_a_rule_is_red_with_the_corrected_mark(window):
    from ui.table_models import CORRECTED_ROLE
    fid = "s3.results_total.natural_person"  # printed 5; R2 wants the sum of the outcomes
    m = grid(window, "三")
    idx = m.index_of(fid)
    assert m.data(idx, CORRECTED_ROLE) is False
    assert m.setData(idx, "6")  # corrected, still wrong
    assert ("R2", fid) in open_rules(window)
    assert m.data(idx, STATE_ROLE) == "error"
    assert m.data(idx, Qt.ItemDataRole.BackgroundRole).color() == QColor(palette.STATES["error"][0])
    assert m.data(idx, CORRECTED_ROLE) is True
    tip = m.data(idx, Qt.ItemDataRole.ToolTipRole)
    assert "已由审核人更正为：6" in tip and "印出：5" in tip
    view = window.pane.views["三"]  # the corner is drawn: green at the top right, red elsewhere in the cell
    window.pane.select_field("s3.new.total")  # not selected, so the cell shows its own colour
    view.scrollTo(idx)
    image = view.viewport().grab().toImage()
    r = view.visualRect(idx)
    assert image.pixelColor(r.right() - 2, r.top() + 2) == QColor(palette.CORRECTED_MARK)
    assert image.pixelColor(r.left() + 3, r.bottom() - 3) == QColor(palette.STATES["error"][0])
    other = view.visualRect(m.index_of("s3.results_total.total"))  # corrected? no: no mark
    assert image.pixelColor(other.right() - 2, other.top() + 2) != QColor(palette.CORRECTED_MARK)


@pytest.fixture
def small_mount(tmp_path):
    """A small tmpfs folder and a function that remounts it read-only: CI runs as root, and chmod
    does not stop root from writing; a read-only mount does."""
    import subprocess
    folder = tmp_path / "mnt"
    folder.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(folder)], capture_output=True,
                          text=True)
    if made.returncode:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {made.stderr.strip()}")

    def make_readonly() -> None:
        done = subprocess.run(["mount", "-o", "remount,ro", str(folder)], capture_output=True, text=True)
        if done.returncode:
            pytest.skip(f"cannot remount read-only: {done.stderr.strip()}")

    yield folder, make_readonly
    subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def test_a_read_only_workspace_opens_with_a_banner_takes_no_typing_and_exports(qtbot, env, small_mount, tmp_path):
    folder, make_readonly = small_mount
    ws = str(folder / "review.sqlite")
    fid = "s4.suit_after_review.total"
    w1 = MainWindow(env["settings"](), ws)
    qtbot.addWidget(w1)
    w1.open_paths([str(env["dir"] / S003)])
    assert not w1.banner.isVisibleTo(w1)
    assert grid(w1, "四").setData(grid(w1, "四").index_of(fid), "0")
    w1.close()
    make_readonly()
    before = (folder / "review.sqlite").read_bytes()
    w = MainWindow(env["settings"](), ws)
    qtbot.addWidget(w)
    w.show()
    assert w.session.readonly
    assert w.banner.isVisible() and "只读" in w.banner.text()
    assert "只读" in w.windowTitle()
    w.show_report(w.session.items[0].id)
    m, view = grid(w, "四"), w.pane.views["四"]
    idx = m.index_of(fid)
    assert m.data(idx, Qt.ItemDataRole.DisplayRole) == "0" and state(w, fid) == "corrected"
    assert not m.flags(idx) & Qt.ItemFlag.ItemIsEditable
    assert all(not g.flags(g.index_of(f)) & Qt.ItemFlag.ItemIsEditable for g in w.pane.grids.values()
               for f in g._pos)
    w.pane.select_field(fid)
    view.edit_current()
    assert editor_of(view) is None
    assert not m.setData(idx, "5")
    assert m.data(idx, Qt.ItemDataRole.DisplayRole) == "0"
    insp = w.pane.inspector
    assert not (insp.restore_btn.isEnabled() or insp.accept_btn.isEnabled() or insp.reason_btn.isEnabled()
                or insp.reason.isEnabled())
    assert not (w.act_accept.isEnabled() or w.act_sign_off.isEnabled() or w.act_reload.isEnabled())
    assert [e.action for e in w.session.review(w.current).ledger] == ["edit"]
    out = tmp_path / "out"
    with qtbot.waitSignal(w.export_finished, timeout=60000) as done:
        w.export_to(str(out))
    assert isinstance(done.args[0], list) and len(done.args[0]) == 5
    rows = list(csv.DictReader(io.StringIO((out / "corrections.csv").read_bytes().decode("utf-8-sig"))))
    assert [(r["field"], r["action"], r["new"]) for r in rows] == [(fid, "edit", "0")]
    w.close()
    assert (folder / "review.sqlite").read_bytes() == before


def test_a_second_window_on_an_open_workspace_asks_and_never_erases_the_first_ones_work(qtbot, env, monkeypatch):
    from models.session import Session, WorkspaceLocked
    w1 = open_window(qtbot, env, env["dir"] / S003)
    m1 = grid(w1, "四")
    assert m1.setData(m1.index_of("s4.suit_after_review.total"), "0")
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_locked", lambda parent, exc: asked.append(str(exc)) or True)
    w2 = open_window(qtbot, env)  # the same workspace: the user chooses read-only
    assert len(asked) == 1 and "另一个程序" in asked[0]
    assert w2.session.readonly and w2.banner.isVisible() and "只读" in w2.banner.text()
    assert w2.queue.model.rowCount() == 1
    w2.show_report(w2.session.items[0].id)
    m2 = grid(w2, "四")
    assert m2.data(m2.index_of("s4.suit_after_review.total"), Qt.ItemDataRole.DisplayRole) == "0"
    assert not m2.flags(m2.index_of("s4.review.upheld")) & Qt.ItemFlag.ItemIsEditable
    assert not m2.setData(m2.index_of("s4.review.upheld"), "9")
    assert m1.setData(m1.index_of("s4.review.upheld"), "1")  # the first window goes on working
    w2.close()
    assert m1.setData(m1.index_of("s4.review.other"), "2")  # and still holds the workspace
    with pytest.raises(WorkspaceLocked):
        Session.open(env["ws"])
    other: list[str] = []
    monkeypatch.setattr(dialogs, "ask_locked", lambda parent, exc: False)  # stop, rather than read-only
    monkeypatch.setattr(dialogs, "ask_other_workspace", lambda parent, problem: other.append(problem))
    with pytest.raises(dialogs.Abandoned):
        MainWindow(env["settings"](), env["ws"])
    assert len(other) == 1 and "另一个程序" in other[0]
    assert m1.setData(m1.index_of("s4.review.total"), "3")
    w1.close()
    s = Session.open(env["ws"])
    review = s.review(s.items[0].id)
    assert [(e.field, e.new) for e in review.ledger] == [
        ("s4.suit_after_review.total", 0), ("s4.review.upheld", 1), ("s4.review.other", 2), ("s4.review.total", 3)]
    s.close()


def test_f5_shows_what_the_changed_file_would_change_and_applies_it_only_when_confirmed(qtbot, env, monkeypatch):
    from PySide6.QtWidgets import QTableWidget

    from models.checks import label
    path = env["dir"] / S000
    w = open_window(qtbot, env, path)
    kept, changed = "s3.granted.natural_person", "s2.licensing.decisions"
    w.pane.inspector.reason.setText("与附件核对")
    assert grid(w, "三").setData(grid(w, "三").index_of(kept), "8")
    path.write_bytes(path.read_bytes().replace("行政许可\t4658".encode(), "行政许可\t4659".encode()))
    plans, answer = [], [False]
    monkeypatch.setattr(dialogs, "confirm_reload", lambda parent, plan: plans.append(plan) or answer[0])
    before = ledger(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    qtbot.keyClick(w, Qt.Key.Key_F5)
    assert len(plans) == 1
    plan = plans[0]
    assert [(f, str(old), str(new)) for f, old, new in plan.changed] == [(changed, "4658", "4659")]
    assert not plan.same_file and plan.dropped == []
    dialog = dialogs.ReloadDialog(plan, path.name)  # what confirm_reload shows
    table = dialog.findChild(QTableWidget, "reload_changes")
    assert [table.item(0, j).text() for j in range(3)] == [label(changed), "4658", "4659"]
    assert "已经改变" in dialog.findChildren(QLabel)[0].text()
    m2 = grid(w, "二")
    assert m2.data(m2.index_of(changed), Qt.ItemDataRole.DisplayRole) == "4658"  # declined: nothing changed
    assert ledger(w) == before and w.review.value(changed) == 4658
    answer[0] = True
    w.act_reload.trigger()
    assert m2.data(m2.index_of(changed), Qt.ItemDataRole.DisplayRole) == "4659"
    assert w.review.value(kept) == 8 and kept in w.review.corrections  # the auditor's correction stays
    assert grid(w, "三").data(grid(w, "三").index_of(kept), Qt.ItemDataRole.DisplayRole) == "8"
    assert ledger(w)[:-1] == before
    field, action, _, _, reason = ledger(w)[-1]
    assert (field, action) == ("", "reload") and "1 个印出值改变" in reason
    assert "1 个印出值改变" in env["messages"][-1]
    assert not w.act_undo.isEnabled()  # a reload is not undone by Ctrl+Z: F5 again reads the file


def test_a_workspace_reopened_after_its_report_files_were_deleted_still_holds_the_review(qtbot, env):
    a, b = env["dir"] / S003, env["dir"] / S000
    w1 = open_window(qtbot, env, a, b)
    w1.show_report(w1.session.find(a))
    w1.pane.inspector.reason.setText("各项之和为 0")
    assert grid(w1, "四").setData(grid(w1, "四").index_of("s4.suit_after_review.total"), "0")
    w1.pane.select_field("s3.results_total.natural_person")
    w1.act_accept.trigger()
    seen = (dict(w1.review.values()), w1.review.statuses(), ledger(w1),
            [(it.issue.rule, it.issue.fields, it.state) for it in w1.pane.issues.items], w1.pane.raw.text.toPlainText())
    q = w1.queue.model
    rows = [tuple(q.data(q.index(r, c)) for c in range(6)) for r in range(2)]
    counts = w1.counts.text()
    # R2 and R3 on that cell accepted, R1 open; the collapsed （六） row is a note on the 2019 layout, not a warning
    assert rows[0][3] == 1 and w1.review.counts() == (1, 3)
    w1.close()
    a.unlink()
    b.unlink()
    w2 = open_window(qtbot, env)
    q = w2.queue.model
    assert q.rowCount() == 2
    assert [tuple(q.data(q.index(r, c)) for c in range(6)) for r in range(2)] == rows
    assert [(row[0], row[2]) for row in rows] == [("刚察县人民政府办公室", S003), ("新乡县人民政府", S000)]
    w2.queue.view.selectRow(0)  # the auditor picks it in the queue
    assert w2.review.report.source == str(a)
    assert (dict(w2.review.values()), w2.review.statuses(), ledger(w2),
            [(it.issue.rule, it.issue.fields, it.state) for it in w2.pane.issues.items],
            w2.pane.raw.text.toPlainText()) == seen
    m = grid(w2, "四")
    assert m.data(m.index_of("s4.suit_after_review.total"), Qt.ItemDataRole.DisplayRole) == "0"
    assert w2.counts.text() == counts
    w2.act_reload.trigger()  # F5 cannot read a file that is gone: it says so and changes nothing
    assert "不存在" in env["messages"][-1] and ledger(w2) == seen[2]
    w2.queue.view.selectRow(1)
    assert w2.review.report.meta.agency == "新乡县人民政府"
    assert w2.review.value("s2.fees.amount") == Decimal("7504.2371")


def test_cancelling_an_export_leaves_the_files_of_the_last_one(window, qtbot, tmp_path, monkeypatch):
    import threading
    out = tmp_path / "out"
    with qtbot.waitSignal(window.export_finished, timeout=60000):
        window.export_to(str(out))
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    m = grid(window, "四")
    assert m.setData(m.index_of("s4.suit_after_review.total"), "0")
    real, gate = window.session.export, threading.Event()

    def held(*args, **kwargs):  # the export starts only once Cancel was pressed
        gate.wait(30)
        return real(*args, **kwargs)
    monkeypatch.setattr(window.session, "export", held)
    with qtbot.waitSignal(window.export_finished, timeout=60000) as done:
        window.export_to(str(out))
        assert window.cancel_btn.isVisible() and window.progress.isVisible()
        window.cancel_btn.click()
        gate.set()
    assert isinstance(done.args[0], str) and "已取消导出" in done.args[0]
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert not window.cancel_btn.isVisible() and not window.progress.isVisible()
