"""Where the problems are: open issues by rule (with a bar chart) and by report, for a supervisor."""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QSizePolicy, QTableWidget, QTableWidgetItem, QWidget

from models.session import QueueItem
from ui import palette
from ui.rule_names import rule_help, rule_name

RULE_ROLE = Qt.ItemDataRole.UserRole + 20


def count_by_rule(items: list[QueueItem]) -> list[tuple[str, int, int, int]]:
    """(rule, open errors, open warnings, reports with it), most frequent first."""
    errs: Counter[str] = Counter()
    warns: Counter[str] = Counter()
    reports: Counter[str] = Counter()
    for it in items:
        by_rule = it.open_by_rule()
        for rule, (e, w) in by_rule.items():
            errs[rule] += e
            warns[rule] += w
        reports.update(rule for rule, (e, w) in by_rule.items() if e or w)
    rules = sorted(set(errs) | set(warns), key=lambda k: (-(errs[k] + warns[k]), k))
    return [(k, errs[k], warns[k], reports[k]) for k in rules]


class BarChart(QWidget):
    """Horizontal bars: errors and warnings per rule; clicking a bar picks its rule."""
    rule_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, int, int, int]] = []
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("点击一条，队列只显示有此规则问题的报告"))

    def _bar_height(self) -> float:
        return min(24.0, (self.height() - 8) / max(1, len(self.rows)))

    def rule_at(self, y: float) -> str:
        """The rule of the bar at this height ('' between bars)."""
        i = int((y - 4) // self._bar_height())
        return self.rows[i][0] if self.rows and 0 <= i < len(self.rows) and y >= 4 else ""

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        rule = self.rule_at(event.position().y())
        if rule:
            self.rule_clicked.emit(rule)

    def set_rows(self, rows: list[tuple[str, int, int, int]]) -> None:
        self.rows = rows
        self.update()

    def paintEvent(self, event: Any) -> None:  # noqa: N802
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("white"))
        if not self.rows:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("没有待处理的问题"))
            return
        top = max(e + w for _, e, w, _ in self.rows) or 1
        h = self._bar_height()
        names = [rule_name(r[0]) for r in self.rows]
        label_w = min(self.width() / 2.5, max(self.fontMetrics().horizontalAdvance(n) for n in names) + 12.0)
        width = max(10.0, self.width() - label_w - 60)
        for i, (_rule, e, w, _) in enumerate(self.rows):
            y = 4 + i * h
            p.setPen(QColor("#333"))
            name = self.fontMetrics().elidedText(names[i], Qt.TextElideMode.ElideRight, int(label_w - 8))
            p.drawText(QRectF(4, y, label_w - 8, h), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, name)
            x = label_w
            for n, state in ((e, "error"), (w, "warning")):
                bw = width * n / top
                p.fillRect(QRectF(x, y + 3, bw, h - 6), QColor(palette.STATES[state][0]))
                x += bw
            p.drawText(QRectF(x + 4, y, 56, h), Qt.AlignmentFlag.AlignVCenter, str(e + w))
        p.end()


class Summary(QWidget):
    """Open issues by rule (table and bars) and by report (worst first); picking a rule filters the queue."""
    rule_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.by_rule = QTableWidget(0, 4)
        self.by_rule.setHorizontalHeaderLabels([self.tr("规则"), self.tr("错误"), self.tr("警告"), self.tr("涉及报告")])
        self.by_report = QTableWidget(0, 4)
        self.by_report.setHorizontalHeaderLabels([self.tr("机关"), self.tr("年度"), self.tr("错误"), self.tr("警告")])
        for t in (self.by_rule, self.by_report):
            t.verticalHeader().hide()
            t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for t in (self.by_rule, self.by_report):  # the name takes the room left, cut with its tooltip
            t.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            t.setTextElideMode(Qt.TextElideMode.ElideMiddle)
            t.verticalHeader().setDefaultSectionSize(t.fontMetrics().height() + 8)
            t.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chart = BarChart()
        self.chart.rule_clicked.connect(self.rule_chosen)
        self.by_rule.cellClicked.connect(lambda row, _col: self.rule_chosen.emit(
            self.by_rule.item(row, 0).data(RULE_ROLE)))
        lay = QHBoxLayout(self)
        lay.addWidget(self.by_rule, 1)
        lay.addWidget(self.chart, 1)
        lay.addWidget(self.by_report, 1)

    def refresh(self, items: list[QueueItem]) -> None:
        """Count again over these reports."""
        rows = count_by_rule(items)
        self.by_rule.setRowCount(len(rows))
        for i, row in enumerate(rows):
            for j, v in enumerate(row):
                item = QTableWidgetItem(rule_name(row[0]) if j == 0 else str(v))
                item.setData(RULE_ROLE, row[0])
                item.setToolTip(rule_help(row[0]))
                self.by_rule.setItem(i, j, item)
        self.chart.set_rows(rows)
        worst = sorted(((it.errors, it.warnings, it) for it in items), key=lambda x: (-x[0], -x[1]))
        worst = [x for x in worst if x[:2] != (0, 0)][:200]
        self.by_report.setRowCount(len(worst))
        for i, (e, w, it) in enumerate(worst):
            for j, v in enumerate((it.agency or Path(it.source).stem, it.year or "", e, w)):
                item = QTableWidgetItem(str(v))
                item.setToolTip(it.source if j == 0 else "")
                self.by_report.setItem(i, j, item)
