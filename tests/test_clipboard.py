"""Ranges of the official tables to and from a spreadsheet (issue #14): copy as tab-separated rows, paste
from Excel or WPS as ONE correction step with one reason, refuse a paste with a cell that is no value."""
from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox

from conftest import SAMPLES
from models.checks import label
from ui.clipboard import parse_tsv, plan_paste
from ui.layouts import table3
from ui.main_window import MainWindow
from ui.settings import Settings

S003 = "003_669b05754e9fb909.txt"
NEW = ["s3.new.natural_person", "s3.new.commercial", "s3.new.research"]
OVER = ["s3.carried_over.natural_person", "s3.carried_over.commercial", "s3.carried_over.research"]


@pytest.fixture
def w(qtbot, tmp_path, monkeypatch):
    asked: list[tuple[str, str]] = []
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: messages.append(a[2]))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: asked.append((a[1], a[2])) or ("与原件核对", True))
    shutil.copy(SAMPLES / S003, tmp_path / S003)
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    settings.auditor = "审核员丁"
    win = MainWindow(settings, str(tmp_path / "c.review.sqlite"))
    qtbot.addWidget(win)
    win.show()
    win.open_paths([str(tmp_path / S003)])
    win.asked, win.messages = asked, messages
    return win


def select(w: MainWindow, fids: list[str]) -> None:
    """Select cells as a drag or Shift+arrows would, in table 三."""
    view = w.pane.views["三"]
    w.pane.tabs.setCurrentWidget(view)
    model = view.model()
    view.setCurrentIndex(model.index_of(fids[0]))
    for fid in fids[1:]:
        view.selectionModel().select(model.index_of(fid), QItemSelectionModel.SelectionFlag.Select)
    view.setFocus()


def test_ctrl_c_copies_the_selected_range_as_rows_optionally_with_labels(w, qtbot):
    m = w.pane.grids["三"]
    assert m.setData(m.index_of(NEW[1]), "/")  # not applicable stays "/"
    select(w, NEW[:2] + OVER[:2])
    qtbot.keyClick(w.pane.views["三"], Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    values = [[str(w.review.value(f)) if w.review.value(f) is not None else "" for f in row]
              for row in (NEW[:2], OVER[:2])]
    assert QGuiApplication.clipboard().text() == "\n".join("\t".join(r) for r in values) + "\n"
    assert values[0][1] == "/"
    qtbot.keyClick(w.pane.views["三"], Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier |
                   Qt.KeyboardModifier.ShiftModifier)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0] == "\t自然人\t法人或其他组织·商业企业"
    assert lines[1].startswith("一、本年新收政府信息公开申请数量\t") and lines[2].startswith("二、上年结转")


def test_a_range_pasted_from_excel_is_one_correction_step_with_one_reason(w, qtbot):
    before = {f: w.review.value(f) for f in NEW + OVER}
    QGuiApplication.clipboard().setText("6\t1\t0\r\n2\t0\t1\r\n")  # Excel ends every row with CRLF
    select(w, NEW[:1])
    qtbot.keyClick(w.pane.views["三"], Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [w.review.value(f) for f in NEW + OVER] == [6, 1, 0, 2, 0, 1]
    changed = [f for f in NEW + OVER if before[f] != w.review.value(f)]  # cells pasted as they were: no entry
    assert len(w.asked) == 1 and f"粘贴 {len(changed)} 个单元格" in w.asked[0][1]  # the reason, asked once
    entries = w.review.ledger[-len(changed):]
    assert [(e.field, e.reason, e.auditor) for e in entries] == [(f, "与原件核对", "审核员丁") for f in changed]
    assert w.act_undo.text() == f"撤销 修改 {len(changed)} 个单元格"
    assert sorted(w.pane.views["三"].selected_fields()) == sorted(NEW + OVER)  # the pasted range stays selected
    w.act_undo.trigger()  # ONE undo takes the whole paste back
    assert {f: w.review.value(f) for f in NEW + OVER} == before
    assert not w.act_undo.isEnabled()
    w.act_redo.trigger()
    assert [w.review.value(f) for f in NEW + OVER] == [6, 1, 0, 2, 0, 1]


def test_a_paste_with_a_cell_that_is_no_value_is_refused_naming_the_cell_and_applies_nothing(w, qtbot):
    before = {f: w.review.value(f) for f in NEW + OVER}
    ledger = list(w.review.ledger)
    QGuiApplication.clipboard().setText("6\t1\t0\n2\t约3\t1\n")
    select(w, NEW[:1])
    qtbot.keyClick(w.pane.views["三"], Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert w.asked == []  # refused before asking anything
    assert label(OVER[1]) in w.messages[-1] and "约3" in w.messages[-1] and "没有应用任何值" in w.messages[-1]
    assert {f: w.review.value(f) for f in NEW + OVER} == before and w.review.ledger == ledger
    QGuiApplication.clipboard().setText("1\t2\t3\t4\t5\t6\t7\t8\n")  # wider than the table from here
    select(w, ["s3.new.commercial"])
    w.act_paste.trigger()
    assert "超出了表格" in w.messages[-1] and w.review.ledger == ledger


def test_one_value_pasted_onto_several_cells_fills_them_all(w):
    QGuiApplication.clipboard().setText("/\r\n")
    select(w, OVER)
    assert w.paste_cells()
    assert [w.review.value(f) for f in OVER] == ["/", "/", "/"]


def test_clipboard_text_is_read_as_a_spreadsheet_writes_it():
    assert parse_tsv("1\t2\r\n3\t\r\n") == [["1", "2"], ["3", ""]]
    assert parse_tsv('"a\tb"\t"say ""x"""\n') == [["a\tb", 'say "x"']]
    assert parse_tsv("5") == [["5"]]
    grid = table3(False)
    plan = plan_paste(grid, [grid.position("s3.granted.total")], "1,234\n—\n")  # WPS number format, a dash
    assert plan.values == {"s3.granted.total": 1234, "s3.partly_granted.total": "/"} and not plan.problem


def test_copy_and_paste_keys_elsewhere_keep_their_own_meaning(w, qtbot):
    text = w.pane.raw.text
    text.setFocus()
    cursor = text.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(12, cursor.MoveMode.KeepAnchor)
    text.setTextCursor(cursor)
    qtbot.keyClick(text, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)  # the report's text, not cells
    assert QGuiApplication.clipboard().text() == cursor.selectedText().replace("\u2029", "\n")
    QGuiApplication.clipboard().setText("已电话核实")
    reason = w.pane.inspector.reason
    reason.setFocus()
    ledger = list(w.review.ledger)
    qtbot.keyClick(reason, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)  # into the reason box
    assert reason.text() == "已电话核实" and w.review.ledger == ledger and w.asked == []
