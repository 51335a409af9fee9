"""What the auditor sees of a value read from a scan: its own colour and legend entry, and in the
tooltip what OCR read, how sure it was and why to look again."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel

from conftest import SAMPLES
from models.report import OcrRead
from models.review import Review, SetCell
from models.status import cell_status
from parsers.pipeline import parse_path
from ui import layouts, palette
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
