"""The auditor's day (issue #14): triage a province, move report to report by keyboard, fit a 1366×768
office screen, a queue that names every report and flags duplicates, and words an auditor knows."""
from __future__ import annotations

import json
import re
import shutil

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox

from conftest import SAMPLES, TRUTH
from models.session import Session, prepare
from render import render
from ui.main_window import MainWindow
from ui.queue import AGENCY, DUPLICATE_ROLE, FALLBACK_ROLE, STATE
from ui.settings import Settings
from ui.summary import count_by_rule
from ui.table_models import KIND_ROLE

S000, S001, S003, S004 = ("000_978a9fff42e671ca.txt", "001_dfce13c1242a961e.txt", "003_669b05754e9fb909.txt",
                          "004_47148163d7b9be8f.txt")
CLEAN = json.loads(TRUTH.read_text(encoding="utf-8"))[S001]["fields"]  # every cell 0: no issue at all
CODES = re.compile(r"^(R\d|missing|prose|period|layout|cross_year|meta|encoding|source|migration|blank_\w+)$")


@pytest.fixture
def env(tmp_path, monkeypatch):
    """Temporary settings and workspace; every question answered as `answers` says, and recorded."""
    asked: list[str] = []
    answers = {"question": True}
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: messages.append(a[2]))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or (
        QMessageBox.StandardButton.Yes if answers["question"] else QMessageBox.StandardButton.No))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("审核员丙", True))
    folder = tmp_path / "reports"
    folder.mkdir()
    for p in sorted(SAMPLES.glob("*.txt")):
        shutil.copy(p, folder / p.name)
    return {"dir": tmp_path, "reports": folder, "asked": asked, "answers": answers, "messages": messages,
            "ws": str(tmp_path / "day.review.sqlite"),
            "settings": lambda: Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))}


def new_window(qtbot, env) -> MainWindow:
    w = MainWindow(env["settings"](), env["ws"])
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    return w


def load(qtbot, w: MainWindow, *paths) -> None:
    with qtbot.waitSignal(w.queue_loaded, timeout=60000):
        w.open_paths([str(p) for p in paths])


def rid(w: MainWindow, name: str) -> int:
    return next(it.id for it in w.session.items if it.name == name)


def key(qtbot, w: MainWindow, k, mod=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed where the keyboard is (the window's shortcuts see it as the auditor's key would be)."""
    qtbot.keyClick(w.focusWidget() or w, k, mod)


# ---------------------------------------------------------------- flow
def test_ctrl_f8_goes_to_the_next_report_that_needs_work_open_errors_first(qtbot, env):
    w = new_window(qtbot, env)
    load(qtbot, w, env["reports"])
    assert w.current == rid(w, S000)
    key(qtbot, w, Qt.Key.Key_F8, Qt.KeyboardModifier.ControlModifier)
    assert w.current == rid(w, S003)  # the only report with open errors, though three come before it
    assert w.pane.selected_issue() is not None and w.pane.selected_issue().issue.severity == "error"
    assert w.pane.table().hasFocus()  # its first open issue's cell, ready for typing
    key(qtbot, w, Qt.Key.Key_F9)  # sign off (it still has errors: the auditor confirms) …
    assert env["asked"] and w.session.item(rid(w, S003)).state == "signed off"
    assert w.current == rid(w, S004)  # … and on to the next report not signed off
    assert "已签发" in w.statusBar().currentMessage()
    for other in (S004, S000, S001, "002_978f6dfc59ee8d2b.txt"):
        assert w.current == rid(w, other)
        key(qtbot, w, Qt.Key.Key_F9)
    assert w.current == rid(w, "002_978f6dfc59ee8d2b.txt")  # the last one: nothing left to go to
    assert all(it.state == "signed off" for it in w.session.items)
    assert "都已签发" in w.statusBar().currentMessage()
    assert not w.next_report_needing_work()


def test_f8_stops_at_the_last_issue_and_offers_the_next_report(qtbot, env):
    w = new_window(qtbot, env)
    load(qtbot, w, env["reports"])
    w.show_report(rid(w, S003))
    open_items = w.pane.open_issues_left()
    seen = []
    for _ in range(open_items):
        key(qtbot, w, Qt.Key.Key_F8)
        seen.append(w.pane.selected_issue().key)
    assert len(set(seen)) == open_items and not env["asked"]  # each open issue once, in order
    env["answers"]["question"] = False
    key(qtbot, w, Qt.Key.Key_F8)  # past the last: no wrapping round, an offer instead
    assert len(env["asked"]) == 1 and "西峡县人民政府" in env["asked"][0]  # no other has errors: the next not signed
    assert w.current == rid(w, S003) and w.pane.selected_issue().key == seen[-1]  # declined: nothing moved
    env["answers"]["question"] = True
    key(qtbot, w, Qt.Key.Key_F8)
    assert w.current == rid(w, S004)
    key(qtbot, w, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)  # Shift+F8 from the first: says so
    assert w.statusBar().currentMessage()


def test_the_next_report_follows_the_queue_as_filtered_and_sorted(qtbot, env):
    w = new_window(qtbot, env)
    load(qtbot, w, env["reports"])
    w.queue.search.setText("县")  # 新乡县, 绥阳县, 刚察县, 西峡县
    w.queue.view.sortByColumn(AGENCY, Qt.SortOrder.DescendingOrder)
    order = w.queue.order()
    assert len(order) == 4 and rid(w, "002_978f6dfc59ee8d2b.txt") not in order
    w.show_report(order[0])
    key(qtbot, w, Qt.Key.Key_PageDown, Qt.KeyboardModifier.AltModifier)
    assert w.current == order[1]
    key(qtbot, w, Qt.Key.Key_PageUp, Qt.KeyboardModifier.AltModifier)
    assert w.current == order[0]


def test_a_restart_returns_to_the_last_report_and_cell(qtbot, env):
    w = new_window(qtbot, env)
    load(qtbot, w, env["reports"])
    w.show_report(rid(w, S004))
    assert w.pane.select_field("s3.granted.total")
    w.close()
    w2 = new_window(qtbot, env)
    assert w2.current is None  # nothing is read at start: the queue comes from the workspace …
    assert w2.resume()  # … and the window goes back to where the auditor stopped (ui.app.run does this)
    assert w2.current == rid(w2, S004)
    assert w2.pane.selected_field() == "s3.granted.total"
    assert w2.pane.tabs.currentWidget() is w2.pane.views["三"]


def test_the_whole_review_works_from_the_keyboard(qtbot, env):
    w = new_window(qtbot, env)
    load(qtbot, w, env["reports"])
    shown = []
    w.report_loaded.connect(shown.append)
    key(qtbot, w, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # the queue's filter
    assert w.queue.search.hasFocus()
    QTest.keyClicks(w.queue.search, "003")  # a file name (the agency would be typed through the input method)
    assert shown == [] and w.queue.proxy.rowCount() == 1  # typing filters and opens nothing
    QTest.keyClick(w.queue.search, Qt.Key.Key_Return)  # on to the list …
    assert w.queue.view.hasFocus()
    QTest.keyClick(w.queue.view, Qt.Key.Key_Down)  # … where moving to a report opens it
    assert w.current == rid(w, S003)
    key(qtbot, w, Qt.Key.Key_F8)  # the first open issue: its cell current in the table, keyboard in it
    view = w.pane.table()
    assert view.hasFocus()
    fid = w.pane.selected_field()
    QTest.keyClicks(view, "7")  # typing a digit opens the editor on it
    editor = next(e for e in view.viewport().findChildren(QLineEdit) if e.isVisible())
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.review.value(fid) == 7)
    key(qtbot, w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert w.review.value(fid) != 7
    key(qtbot, w, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # table 三
    assert w.pane.tabs.currentWidget() is w.pane.views["三"]
    key(qtbot, w, Qt.Key.Key_F6)  # on round the panes
    assert w.pane.issue_view.hasFocus()
    key(qtbot, w, Qt.Key.Key_F6)
    assert w.pane.inspector.reason.hasFocus()
    w.pane.inspector.reason.insert("已核实")  # as the input method commits it
    key(qtbot, w, Qt.Key.Key_F9)  # sign off and on to the next report that needs work
    assert w.session.item(rid(w, S003)).state == "signed off" and w.current != rid(w, S003)


def test_f1_shows_every_key_on_one_sheet(qtbot, env):
    w = new_window(qtbot, env)
    key(qtbot, w, Qt.Key.Key_F1)
    sheet = w.findChild(type(w.show_shortcuts()))
    qtbot.waitUntil(sheet.isVisible)
    table = sheet.findChild(type(w.summary.by_rule), "shortcuts")
    keys = {table.item(i, 2).text() for i in range(table.rowCount())}
    assert {"F8", "Shift+F8", "Ctrl+F8", "F9", "F1", "Ctrl+C", "Ctrl+V", "Ctrl+Z", "Ctrl+L", "F6"} <= keys
    actions = {table.item(i, 1).text() for i in range(table.rowCount())}
    assert "下一份需要处理的报告" in actions and "签发本报告并转到下一份…" in actions


# ---------------------------------------------------------------- the session's part (no window)
def test_the_session_finds_the_next_report_needing_work_duplicates_and_pastes_in_one_step(tmp_path):
    folder = tmp_path / "r"
    folder.mkdir()
    for name in (S000, S001, S003, S004):
        shutil.copy(SAMPLES / name, folder / name)
    shutil.copy(SAMPLES / S004, folder / "copy_of_004.txt")  # the same bytes under another name
    (folder / "again.txt").write_text(render(dict(CLEAN), "tab", agency="新乡县人民政府", year=2022), encoding="utf-8")
    s = Session.open(tmp_path / "w.review.sqlite", auditor="甲")
    ids = s.add_prepared([prepare(str(p)) for p in sorted(folder.iterdir())]).added
    by = {s.item(i).name: i for i in ids}
    assert s.next_needing_work(None) == by[S003]  # open errors first
    assert s.next_needing_work(by[S003]) == by[S004]  # then the next not signed off, in order
    assert s.next_needing_work(by[S003], [by[S003], by[S000]]) == by[S000]  # in the order the window lists
    dups = s.duplicates()
    assert dups[by[S004]] == [by["copy_of_004.txt"]] and dups[by["copy_of_004.txt"]] == [by[S004]]
    assert dups[by["again.txt"]] == [by[S000]]  # same agency, same year
    assert by[S003] not in dups and by[S001] not in dups
    rid3 = by[S003]
    ch = s.edit_many(rid3, {"s3.new.natural_person": 6, "s3.new.commercial": 1, "s3.new.total": 7}, "核对原件")
    assert ch.cells[rid3] == {"s3.new.natural_person", "s3.new.commercial", "s3.new.total"}
    review = s.review(rid3)
    assert [(e.field, e.reason) for e in review.ledger][-3:] == [
        ("s3.new.natural_person", "核对原件"), ("s3.new.commercial", "核对原件"), ("s3.new.total", "核对原件")]
    assert len(s.undo_edits(rid3)) == 3
    s.undo(rid3)  # one step takes back all three
    assert review.corrections == {} and not s.can_undo(rid3) and len(s.redo_edits(rid3)) == 3
    assert not s.edit_many(rid3, {"s3.new.total": review.value("s3.new.total")})  # nothing changes: no step


# ---------------------------------------------------------------- fit
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_window_fits_a_1366x768_screen_at_100_and_125_percent(qtbot, env, qapp, lang):
    from ui.app import install_language
    tr = install_language(qapp, lang)
    try:
        long = env["reports"] / ("某某省某某市某某县人民政府办公室关于印发" * 3 + "年报.txt")
        shutil.copy(SAMPLES / S003, long)
        w = new_window(qtbot, env)
        w.open_paths([str(long)])
        w.summary_dock.show()
        # 125 % makes a 1366×768 screen 1093×614 logical pixels; leave a title bar and a task bar
        small = (1093, 614 - 70)
        hint = w.minimumSizeHint()
        assert hint.width() <= small[0] and hint.height() <= small[1], hint
        w.resize(*small)
        qtbot.waitUntil(lambda: w.width() == small[0])
        w.show_report(w.session.items[0].id)  # a long file name, a long agency: nothing grows
        assert w.width() == small[0] and w.height() == small[1]
        narrow = w.minimumSizeHint().width()  # narrower still: the status line is cut, its whole text the tooltip
        w.resize(narrow, small[1])
        qtbot.waitUntil(lambda: w.width() == narrow)
        w.counts.grab()
        assert w.counts.elided() and long.name in w.counts.toolTip()
        q = w.queue.view
        assert q.horizontalScrollBar().maximum() == 0 or not q.horizontalScrollBar().isVisible()
        shown = [c for c in range(w.queue.model.columnCount()) if not q.isColumnHidden(c)]
        assert shown == [0, 1, 3, 4, 5]  # agency, year, errors, warnings, state
        assert sum(q.columnWidth(c) for c in shown) <= q.viewport().width()
        fm = q.horizontalHeader().fontMetrics()
        for c in shown[1:]:  # no header cut short ("War…")
            text = w.queue.model.headerData(c, Qt.Orientation.Horizontal)
            assert fm.horizontalAdvance(text) + 6 <= q.columnWidth(c), text
    finally:
        if tr is not None:
            qapp.removeTranslator(tr)


def test_table_headers_and_row_labels_stay_in_place_while_the_values_scroll(qtbot, env):
    w = new_window(qtbot, env)
    w.open_paths([str(env["reports"] / S003)])
    w.resize(900, 560)
    w.pane.tabs.setCurrentWidget(w.pane.views["三"])
    view = w.pane.views["三"]
    qtbot.waitUntil(lambda: view.horizontalScrollBar().maximum() > 0 and view.verticalScrollBar().maximum() > 0)
    left, top = view.left.geometry(), view.top.geometry()
    assert all(view.isColumnHidden(c) for c in range(3)) and all(view.isRowHidden(r) for r in range(3))
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    assert view.left.geometry() == left and view.top.geometry() == top  # the frozen parts never move
    assert view.left.verticalScrollBar().value() == view.verticalScrollBar().value()  # labels follow the rows
    assert view.top.horizontalScrollBar().value() == view.horizontalScrollBar().value()  # headers the columns
    label = view.left.indexAt(QPoint(5, view.left.height() - 5))  # the label beside the last row in view
    assert label.data(KIND_ROLE) == "label"
    row = view.indexAt(QPoint(5, view.viewport().height() - 5)).row()
    assert label.row() == row or view.left.visualRect(label).intersects(view.left.visualRect(
        view.model().index(row, 2)))
    head = view.top.indexAt(QPoint(view.top.width() - 5, view.top.height() - 5))
    assert head.data(KIND_ROLE) == "header"
    assert view.model().data(view.model().index(1, 9)) == "总计"  # the 总计 header is the last column's
    assert view.top.visualRect(view.model().index(1, 9)).right() <= view.top.width() + 1  # … and in view


def test_long_labels_are_cut_with_the_whole_text_in_a_tooltip(qtbot, env):
    w = new_window(qtbot, env)
    w.open_paths([str(env["reports"] / S003)])
    w.resize(900, 560)
    inspector = w.pane.inspector
    inspector.published.setText("9" * 400)  # a 400-digit misread
    inspector.published.resize(120, 20)
    inspector.published.grab()  # paint it
    assert inspector.published.elided() and inspector.published.toolTip() == "9" * 400
    assert w.minimumSizeHint().width() < 1093


def test_a_pdf_opens_fitted_to_the_width_of_its_pane(qtbot, env):
    from pdfs import make_pdf
    values = json.loads(TRUTH.read_text(encoding="utf-8"))[S004]["fields"]
    path = env["dir"] / "report.pdf"
    make_pdf(str(path), values)
    w = new_window(qtbot, env)
    with qtbot.waitSignal(w.report_loaded, timeout=30000):  # a PDF is read off the GUI thread
        w.open_paths([str(path)])
    pdf = w.pane.pdf
    room = pdf.scroll.viewport().width()
    qtbot.waitUntil(lambda: abs(pdf.label.width() - (pdf.scroll.viewport().width() - 4)) < 40)
    assert pdf.label.width() <= room
    pdf.zoom(1.25)  # zooming leaves the fit
    assert not pdf.fit and pdf.label.width() > room - 40


# ---------------------------------------------------------------- the queue
def test_the_agency_falls_back_to_the_file_name_marked_as_such(qtbot, env):
    nameless = env["dir"] / "0412.txt"
    nameless.write_text(render(dict(CLEAN), "tab", agency="", year=2022), encoding="utf-8")
    w = new_window(qtbot, env)
    w.open_paths([str(nameless), str(env["reports"] / S001)])
    q = w.queue.model
    row = w.session.row_of(rid(w, "0412.txt"))
    assert q.data(q.index(row, AGENCY)) == "0412"
    assert q.data(q.index(row, AGENCY), FALLBACK_ROLE) is True
    assert q.data(q.index(row, AGENCY), Qt.ItemDataRole.FontRole).italic()
    assert "文件名" in q.data(q.index(row, AGENCY), Qt.ItemDataRole.ToolTipRole)
    named = w.session.row_of(rid(w, S001))
    assert q.data(q.index(named, AGENCY), FALLBACK_ROLE) is False
    assert not isinstance(q.data(q.index(named, AGENCY), Qt.ItemDataRole.FontRole), QFont)


def test_duplicates_are_flagged_by_agency_and_year_or_by_the_same_file(qtbot, env):
    shutil.copy(SAMPLES / S004, env["dir"] / "西峡县年报（重复上传）.txt")
    again = env["dir"] / "新乡县2022.txt"
    again.write_text(render(dict(CLEAN), "tab", agency="新乡县人民政府", year=2022), encoding="utf-8")
    w = new_window(qtbot, env)
    load(qtbot, w, env["reports"], env["dir"] / "西峡县年报（重复上传）.txt", again)
    q = w.queue.model

    def flag(name):
        return q.data(q.index(w.session.row_of(rid(w, name)), AGENCY), DUPLICATE_ROLE)

    assert flag(S004) == [rid(w, "西峡县年报（重复上传）.txt")]
    assert flag(S000) == [rid(w, "新乡县2022.txt")]
    assert flag(S003) == [] and flag(S001) == []
    idx = q.index(w.session.row_of(rid(w, S004)), AGENCY)
    assert q.data(idx, Qt.ItemDataRole.DecorationRole) is not None
    assert "文件内容完全相同" in q.data(idx, Qt.ItemDataRole.ToolTipRole)
    assert "同一机关、同一年度" in q.data(q.index(w.session.row_of(rid(w, S000)), AGENCY), Qt.ItemDataRole.ToolTipRole)


def test_typing_in_the_queue_filter_filters_and_opens_nothing(qtbot, env):
    w = new_window(qtbot, env)
    load(qtbot, w, env["reports"])
    first = w.current
    shown = []
    w.report_loaded.connect(shown.append)
    for text in ("西", "西峡", "", "乡", "x"):
        w.queue.search.setText(text)
        assert shown == [] and w.current == first
    w.queue.search.setText("")
    sel = w.queue.view.selectionModel().selectedRows()
    assert [w.queue.proxy.data(i, Qt.ItemDataRole.UserRole + 10) for i in sel] == [first]  # still marked


def test_clicking_a_summary_bar_filters_the_queue_to_that_rule(qtbot, env):
    w = new_window(qtbot, env)
    load(qtbot, w, env["reports"])
    w.summary_dock.show()
    qtbot.waitUntil(lambda: bool(w.summary.chart.rows))
    chart = w.summary.chart
    i = next(n for n, row in enumerate(chart.rows) if row[0] == "R2")
    y = int(4 + chart._bar_height() * (i + 0.5))
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(chart.width() // 2, y))
    assert w.queue.proxy.rowCount() == 1 and w.queue.order() == [rid(w, S003)]
    assert w.queue.rule_chip.isVisible() and "R2" not in w.queue.rule_chip.text()
    w.queue.rule_chip.click()
    assert w.queue.proxy.rowCount() == 5
    w.summary.by_rule.cellClicked.emit(0, 0)  # the table beside the bars does the same
    assert w.queue.rule == w.summary.by_rule.item(0, 0).data(Qt.ItemDataRole.UserRole + 20)


def test_the_summary_follows_every_change(qtbot, env):
    w = new_window(qtbot, env)
    load(qtbot, w, env["reports"])
    w.summary_dock.show()

    def table():
        t = w.summary.by_rule
        return {t.item(i, 0).data(Qt.ItemDataRole.UserRole + 20): (int(t.item(i, 1).text()), int(t.item(i, 2).text()))
                for i in range(t.rowCount())}

    def model():
        return {r: (e, wn) for r, e, wn, _ in count_by_rule(w.session.items)}

    qtbot.waitUntil(lambda: table() == model() and table() != {})
    before = table()
    w.show_report(rid(w, S003))
    blank = next(it for it in w.pane.issues.items if it.issue.rule == "missing" and it.state == "open"
                 and any(w.review.value(f) is None for f in it.issue.fields))
    m = next(m for m in w.pane.grids.values() for f in blank.issue.fields if m.index_of(f).isValid())
    for f in blank.issue.fields:  # the auditor fills in every blank cell the issue names
        if m.index_of(f).isValid() and w.review.value(f) is None:
            m.setData(m.index_of(f), "0")
    qtbot.waitUntil(lambda: table() == model() and table() != before)
    assert table()["missing"][1] < before["missing"][1]
    w.act_undo.trigger()
    qtbot.waitUntil(lambda: table() == model())


def test_a_file_opened_by_name_is_shown_also_when_it_is_read_in_the_background(qtbot, env):
    big = env["dir"] / "big"
    big.mkdir()
    for i in range(12):
        shutil.copy(SAMPLES / S001, big / f"{i:02d}.txt")
    w = new_window(qtbot, env)
    done = []
    w.queue_loaded.connect(done.append)
    w.open_paths([str(big)])  # a folder in the background …
    w.open_paths([str(env["reports"] / S003)])  # … and, while it loads, one file asked for by name
    qtbot.waitUntil(lambda: done == [False], timeout=60000)
    assert w.current == rid(w, S003)
    idx = w.queue.view.currentIndex()
    assert w.queue.proxy.data(idx, Qt.ItemDataRole.UserRole + 10) == rid(w, S003)  # and marked in the queue
    w.show_report(w.session.items[0].id)
    w.open_paths([str(env["reports"] / S003)])  # already in the queue: shown at once
    assert w.current == rid(w, S003)


def test_recent_files_list_the_files_and_workspaces_opened_never_a_folders_files(qtbot, env, monkeypatch):
    w = new_window(qtbot, env)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(env["reports"]))
    with qtbot.waitSignal(w.queue_loaded, timeout=60000):
        w.open_folder_dialog()
    assert w.settings.recent() == []
    one = str((env["reports"] / S003).resolve())
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([one], ""))
    w.open_dialog()
    assert w.settings.recent() == [one]
    every = [str(p) for p in sorted(env["reports"].glob("*.txt"))]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (every, ""))
    w.open_dialog()  # a folder's worth picked at once: opened, not listed one by one
    assert w.settings.recent() == [one]
    other = str(env["dir"] / "other.review.sqlite")
    assert w.open_workspace(other)
    assert w.settings.recent()[0] == other
    w.fill_recent()
    acts = w.recent_menu.actions()
    assert [a.toolTip() for a in acts] == [other, one]
    acts[1].trigger()  # a report: into this workspace's queue
    assert w.session.ws.path.name == "other.review.sqlite" and w.current == w.session.find(one)


# ---------------------------------------------------------------- words
def test_the_window_shows_names_an_auditor_knows_never_internal_ids(qtbot, env):
    w = new_window(qtbot, env)
    w.open_paths([str(env["reports"] / S003)])
    issues = w.pane.issues
    names = [issues.data(issues.index(r, 1)) for r in range(issues.rowCount())]
    assert names and not any(CODES.match(n) for n in names)
    shown = []
    for r in range(issues.rowCount()):
        top = issues.index(r, 0)
        shown.append(issues.data(top, Qt.ItemDataRole.ToolTipRole))
        for c in range(issues.rowCount(top)):  # an issue naming several cells opens to them
            shown.append(issues.data(issues.index(c, 2, top)))
    for m in w.pane.grids.values():
        for fid in m.grid.fields():
            shown.append(m.data(m.index_of(fid), Qt.ItemDataRole.ToolTipRole))
    for fid in ("s3.other_total.total", "s3.results_total.natural_person"):
        w.pane.select_field(fid)
        shown.append(w.pane.inspector.title.text())
    w.summary_dock.show()
    w.summary.refresh(w.session.items)
    shown += [w.summary.by_rule.item(i, 0).text() for i in range(w.summary.by_rule.rowCount())]
    shown += [w.queue.model.data(w.queue.model.index(0, STATE))]
    text = "\n".join(shown)
    assert not re.search(r"\b(s[234](_2019)?|meta)\.[a-z_]+", text)  # no field ids
    assert not re.search(r"(^|[\s•])(R[1-5]|missing|prose|period|layout|not started|in review)\b", text, re.M)
    multi = next(r for r in range(issues.rowCount()) if len(issues.items[r].issue.fields) > 1)
    assert issues.rowCount(issues.index(multi, 0)) == len(issues.items[multi].issue.fields)
    w.pane.issue_view.expand(issues.index(multi, 0))
    cell = issues.index(1, 2, issues.index(multi, 0))
    w.pane.issue_view.setCurrentIndex(cell)
    assert w.pane.selected_field() == issues.items[multi].issue.fields[1]  # a cell row selects that cell


def test_the_language_in_use_carries_its_check_mark(qtbot, env):
    settings = env["settings"]()
    settings.language = "en"
    w = MainWindow(settings, env["ws"])
    qtbot.addWidget(w)
    assert w.act_lang_en.isChecked() and not w.act_lang_zh.isChecked()
    w.act_lang_zh.trigger()  # switches at the next start; the mark moves at once
    assert w.act_lang_zh.isChecked() and not w.act_lang_en.isChecked() and settings.language == "zh"
