"""What the auditor sees of a value read from a scan: its own colour and legend entry, and in the
tooltip what OCR read, how sure it was and why to look again."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QInputDialog, QLabel, QMessageBox

from conftest import SAMPLES
from models.record import dumps_record
from models.report import OcrRead
from models.review import Review, SetCell
from models.session import Prepared, Session
from models.status import cell_status
from parsers.pipeline import parse_path
from scans import misread_sample
from ui import layouts, palette
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.table_models import CORRECTED_ROLE, STATE_ROLE, GridModel
from ui.widgets import Legend

SAMPLE = "003_669b05754e9fb909.txt"
SURE = "s3.granted.commercial"  # values no rule or blank marks in this sample
FLAGGED = "s3.granted.research"


def _model(qtbot) -> tuple[GridModel, Review]:
    report = parse_path(SAMPLES / SAMPLE)
    assert Review(report).cell_state(SURE) == Review(report).cell_state(FLAGGED) == "ok"  # before OCR marks
    report.cells[SURE].ocr = OcrRead(report.cells[SURE].raw or "", 0.9981)
    cell = report.cells[FLAGGED]
    cell.ocr = OcrRead("1", 0.71, (("/", 0.0), ("—", 0.0)), flagged=True, note="笔画介于“/”与“1”之间")
    cell.uncertain = True
    review = Review(report)
    m = GridModel(layouts.table3(collapsed_other=False))
    m.set_review(review)
    return m, review


def test_an_ocr_value_has_its_own_colour_and_says_what_was_read(qtbot):
    m, review = _model(qtbot)
    idx = m.index_of(SURE)
    assert m.data(idx, STATE_ROLE) == "ocr"
    assert m.data(idx, Qt.ItemDataRole.BackgroundRole).color() == QColor(palette.STATES["ocr"][0])
    tip = m.data(idx, Qt.ItemDataRole.ToolTipRole)
    assert f"OCR 读作「{review.report.cells[SURE].raw}」，置信度 0.9981" in tip  # the score as given, not rounded
    assert "状态：OCR 识别" in tip


def test_a_lone_stroke_that_may_be_a_slash_is_pink_and_says_so(qtbot):
    m, _ = _model(qtbot)
    idx = m.index_of(FLAGGED)
    assert m.data(idx, STATE_ROLE) == "uncertain"
    tip = m.data(idx, Qt.ItemDataRole.ToolTipRole)
    assert "OCR 读作「1」，置信度 0.71" in tip
    assert '其他读法："/" 0, "—" 0' in tip
    assert "笔画可能是印出的“/”或“—”，请对照原件" in tip


def test_a_corrected_ocr_value_is_the_auditors_not_ocr(qtbot):
    m, review = _model(qtbot)
    SetCell(SURE, 7, "对照原件").apply(review)  # breaks the row sum: red, with the corrected corner
    assert m.data(m.index_of(SURE), STATE_ROLE) == "error"
    assert m.data(m.index_of(SURE), CORRECTED_ROLE) is True
    # a correction that breaks nothing is simply corrected: the number is now the auditor's
    assert cell_status((), corrected=True, uncertain=False, value=7, ocr=True) == "corrected"


def test_the_legend_names_the_ocr_colour(qtbot):
    legend = Legend()
    qtbot.addWidget(legend)
    lab = legend.findChild(QLabel, "legend_ocr")
    assert lab.text() == QCoreApplication.translate("Words", "OCR 识别")
    assert palette.STATES["ocr"][0] in lab.styleSheet()


# ---------------------------------------------------------------- the rules' suggestion, in the window


def _scanned_workspace(tmp_path: Path, fid: str, read: int, right: int) -> str:
    """A workspace holding scans.misread_sample: `fid` read as `read` with `right` as its runner-up."""
    report = misread_sample(str(tmp_path / "scan.png"), fid, read, right)
    ws = str(tmp_path / "w.review.sqlite")
    s = Session.open(ws)
    s.add_prepared([Prepared(report.source, "0" * 64, None, dumps_record(report), Review(report).summary())])
    s.close()
    return ws


def test_the_inspector_offers_the_rules_suggestion_and_takes_it_only_when_asked(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("审核员甲", True))
    fid = "s3.granted.natural_person"  # printed 6; "read" as 9
    ws = _scanned_workspace(tmp_path, fid, 9, 6)
    w = MainWindow(Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)), ws)
    qtbot.addWidget(w)
    w.show()
    rid = w.session.items[0].id
    w.show_report(rid)
    assert w.pane.source_tabs.tabText(1) == "扫描页面"  # the pages of a scanned image, not "PDF 页面"
    insp = w.pane.inspector
    assert insp.suggestion_line.isVisible()
    assert insp.suggestion_line.text() == "本报告有 1 条 OCR 建议（按勾稽关系）"
    qtbot.mouseClick(insp.suggestion_btn, Qt.MouseButton.LeftButton)  # 转到: the cell is selected
    assert w.pane.selected_field() == fid
    assert insp.suggestion_line.text().startswith("OCR 读作 9，按勾稽关系（") and "应为 6 — 采纳？" in \
        insp.suggestion_line.text()
    assert w.session.review(rid).value(fid) == 9 and not w.session.ledger(rid)  # nothing changed by itself
    qtbot.mouseClick(insp.suggestion_btn, Qt.MouseButton.LeftButton)  # 采纳
    assert w.session.review(rid).value(fid) == 6
    entry = w.session.ledger(rid)[-1]
    assert entry.field == fid and entry.old == 9 and entry.new == 6 and "按勾稽关系采纳 OCR 备选读数" in entry.reason
    m = w.pane.grids["三"]
    assert m.data(m.index_of(fid), Qt.ItemDataRole.DisplayRole) == "6"
    assert not insp.suggestion_line.isVisible()  # the rules hold: nothing more to suggest
    w.close()


# ---------------------------------------------------------------- reading a PDF or a scan again


def _pdf_window(qtbot, tmp_path, monkeypatch) -> tuple[MainWindow, Path, dict]:
    import json

    from conftest import TRUTH
    from pdfs import make_pdf

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("审核员甲", True))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    values = json.loads(TRUTH.read_text(encoding="utf-8"))["004_47148163d7b9be8f.txt"]["fields"]
    path = tmp_path / "报告 2022.pdf"
    make_pdf(str(path), values)
    w = MainWindow(Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)),
                   str(tmp_path / "w.review.sqlite"))
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.report_loaded, timeout=30000):
        w.open_paths([str(path)])
    return w, path, values


def test_f5_on_a_pdf_reads_it_on_a_worker_thread_then_shows_what_would_change(qtbot, tmp_path, monkeypatch):
    from pdfs import make_pdf
    from ui import dialogs

    w, path, values = _pdf_window(qtbot, tmp_path, monkeypatch)
    make_pdf(str(path), {**values, "s3.new.natural_person": 17})  # the file changed since it was read
    plans: list = []
    monkeypatch.setattr(dialogs, "confirm_reload", lambda parent, plan: plans.append(plan) or True)
    assert w.reload_from_source() is None and w._reload_task is not None  # the window goes on meanwhile
    assert w.cancel_btn.isVisibleTo(w)
    qtbot.waitUntil(lambda: bool(plans), timeout=30000)
    assert [(f, new) for f, _old, new in plans[0].changed] == [("s3.new.natural_person", 17)]
    qtbot.waitUntil(lambda: w.review.value("s3.new.natural_person") == 17)
    assert w.review.ledger[-1].action == "reload" and w._reload_task is None


def test_cancelling_a_reread_leaves_the_report_as_it_was(qtbot, tmp_path, monkeypatch):
    from pdfs import make_pdf
    from ui import dialogs

    w, path, values = _pdf_window(qtbot, tmp_path, monkeypatch)
    before = w.review.value("s3.new.natural_person")
    make_pdf(str(path), {**values, "s3.new.natural_person": 17})
    plans: list = []
    monkeypatch.setattr(dialogs, "confirm_reload", lambda parent, plan: plans.append(plan) or True)
    w.reload_from_source()
    w.cancel_work()  # the Cancel button
    qtbot.waitUntil(lambda: w._reload_task is None, timeout=30000)
    assert plans == [] and w.review.value("s3.new.natural_person") == before and not w.review.ledger
    assert w.statusBar().currentMessage() == "已取消重新读取；报告保持不变"
    assert not w.cancel_btn.isVisibleTo(w)
