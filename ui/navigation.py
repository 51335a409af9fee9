"""The auditor's day: from issue to issue, from report to report, by keyboard; back where one stopped.

F8 walks the open issues of a report; at the last one it offers the next report that needs work
(open errors first, then reports not signed off), which Ctrl+F8 goes to at once and signing off
(F9) goes to by itself. The last report and cell are kept in the settings for the next start.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from models.review import SIGNED_OFF
from ui.dialogs import ShortcutSheet

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class Navigation(QMainWindow):
    """Moving through the queue and the issues, and the keyboard's way round the window."""

    def ask(self, title: str, text: str) -> bool:
        """A yes/no question (tests replace QMessageBox.question)."""
        return QMessageBox.question(self, title, text) == QMessageBox.StandardButton.Yes

    def report_name(self: MainWindow, rid: int) -> str:  # type: ignore[misc]
        """A report as the queue names it: its agency and year, or its file name."""
        it = self.session.item(rid)
        return f"{it.agency} {it.year or ''}".strip() if it.agency else Path(it.source).name

    # ------------------------------------------------------------ issues
    @Slot()
    def next_issue(self: MainWindow) -> None:  # type: ignore[misc]
        """F8: the next open issue; after the last one, the offer of the next report that needs work."""
        if self.pane.go_issue(1):
            return
        rid = self.next_needing_work()
        if rid is None:
            self.statusBar().showMessage(self.tr("本报告没有更多待处理问题；其他报告都已签发"), 8000)
            return
        done = self.tr("本报告没有更多待处理的问题。") if self.pane.open_issues_left() == 0 else \
            self.tr("这是本报告最后一个待处理的问题。")
        if self.ask(self.tr("下一份报告"), done + self.tr("转到下一份需要处理的报告（{name}）吗？").format(
                name=self.report_name(rid))):
            self.go_to_report(rid)

    @Slot()
    def previous_issue(self: MainWindow) -> None:  # type: ignore[misc]
        """Shift+F8: the previous open issue."""
        if not self.pane.go_issue(-1):
            self.statusBar().showMessage(self.tr("前面没有待处理的问题了"), 5000)

    # ------------------------------------------------------------ reports
    def next_needing_work(self: MainWindow) -> int | None:  # type: ignore[misc]
        """The next report that needs work in the queue as listed, else in the whole queue."""
        return self.session.next_needing_work(self.current, self.queue.order()) or \
            self.session.next_needing_work(self.current)

    def go_to_report(self: MainWindow, rid: int) -> None:  # type: ignore[misc]
        """Show a report at its first open issue, its cell ready for typing."""
        self.show_report(rid)
        if self.current == rid and not self.pane.go_issue(1):
            self.pane.focus_table()

    @Slot()
    def next_report_needing_work(self: MainWindow) -> bool:  # type: ignore[misc]
        """Ctrl+F8: on to the next report with open errors, else the next one not signed off."""
        rid = self.next_needing_work()
        if rid is None:
            self.statusBar().showMessage(self.tr("没有其他需要处理的报告：都已签发"), 8000)
            return False
        self.go_to_report(rid)
        self.statusBar().showMessage(self.tr("下一份需要处理的报告：{name}").format(name=self.report_name(rid)), 8000)
        return True

    def _step_report(self: MainWindow, step: int) -> None:  # type: ignore[misc]
        order = self.queue.order()
        if not order:
            return
        k = order.index(self.current) + step if self.current in order else (0 if step > 0 else len(order) - 1)
        if 0 <= k < len(order):
            self.show_report(order[k])
            self.queue.view.setFocus()

    @Slot()
    def next_report(self: MainWindow) -> None:  # type: ignore[misc]
        """Alt+PgDown: the report below in the queue as listed."""
        self._step_report(1)

    @Slot()
    def previous_report(self: MainWindow) -> None:  # type: ignore[misc]
        """Alt+PgUp: the report above."""
        self._step_report(-1)

    @Slot()
    def sign_off(self: MainWindow) -> None:  # type: ignore[misc]
        """F9: the review of this report is done (who, when, which version of the file); then on to the
        next report that needs work."""
        r = self.review
        if r is None or self.current is None:
            return
        if r.state == SIGNED_OFF:
            self.statusBar().showMessage(self.tr("本报告已签发"), 5000)
            return
        if not self._writable():
            return
        errs, warns = r.counts()
        if errs or warns:
            if not self.ask(self.tr("签发"), self.tr("还有 {errors} 个错误、{warnings} 个警告未处理。"
                                                   "仍要签发吗？").format(errors=errs, warnings=warns)):
                return
        name = self.report_name(self.current)
        if not self._run("sign_off"):
            return
        nxt = self.next_needing_work()
        if nxt is None:
            self.statusBar().showMessage(self.tr("已签发：{name}。队列中的报告都已签发。").format(name=name), 8000)
            return
        self.go_to_report(nxt)
        self.statusBar().showMessage(self.tr("已签发：{name}。下一份需要处理的报告：{next}").format(
            name=name, next=self.report_name(nxt)), 8000)

    # ------------------------------------------------------------ where one stopped
    def remember_place(self: MainWindow, fid: str = "") -> None:  # type: ignore[misc]
        """Keep the report and cell in view for the next start."""
        if self.current is not None:
            self.settings.set_last_place(str(self.session.ws.path), self.session.item(self.current).source, fid)

    def resume(self: MainWindow) -> bool:  # type: ignore[misc]
        """Show the report and cell in view when the window last closed on this workspace (else the first)."""
        workspace, source, fid = self.settings.last_place()
        rid = self.session.find(source) if source and workspace == str(self.session.ws.path) else None
        if rid is None:
            if self.session.items:
                self.show_report(self.session.items[0].id)
            return False
        self.show_report(rid)
        if fid and self.pane.select_field(fid):
            self.remember_place(fid)
        return True

    # ------------------------------------------------------------ the keyboard's way round
    def _panes(self: MainWindow) -> list[QWidget]:  # type: ignore[misc]
        table = self.pane.table()
        panes = [self.queue.view, table, self.pane.issue_view, self.pane.inspector.reason, self.pane.source_tabs]
        return [w for w in panes if w is not None and w.isVisible()]

    def cycle_focus(self: MainWindow, step: int) -> None:  # type: ignore[misc]
        """F6 / Shift+F6: the next or previous pane (queue, table, issues, reason, report text)."""
        panes = self._panes()
        if not panes:
            return
        focus = self.focusWidget()
        at = next((i for i, w in enumerate(panes) if focus is not None and (focus is w or w.isAncestorOf(focus))), -1)
        target = panes[(at + step) % len(panes)]
        if target is self.pane.source_tabs:  # the report's text, or its pages
            target = self.pane.raw.text if self.pane.source_tabs.currentWidget() is self.pane.raw else \
                self.pane.pdf.scroll
        target.setFocus()

    @Slot()
    def next_pane(self: MainWindow) -> None:  # type: ignore[misc]
        self.cycle_focus(1)

    @Slot()
    def previous_pane(self: MainWindow) -> None:  # type: ignore[misc]
        self.cycle_focus(-1)

    def show_table(self: MainWindow, key: str) -> None:  # type: ignore[misc]
        """Ctrl+1/2/3: table 二, 三 or 四, with the keyboard in it."""
        self.pane.tabs.setCurrentWidget(self.pane.views[key])
        self.pane.focus_table()

    @Slot()
    def focus_queue_filter(self: MainWindow) -> None:  # type: ignore[misc]
        """Ctrl+L: type in the queue's filter (which filters, and opens nothing)."""
        if not self.reports_dock.isVisible():
            self.reports_dock.show()
        self.queue.search.setFocus()
        self.queue.search.selectAll()

    @Slot()
    def focus_issues(self: MainWindow) -> None:  # type: ignore[misc]
        """Ctrl+I: the issue list."""
        self.pane.issue_view.setFocus()
        if not self.pane.issue_view.currentIndex().isValid() and self.pane.issues.rowCount():
            self.pane.select_issue_row(0)

    @Slot()
    def show_shortcuts(self: MainWindow) -> ShortcutSheet:  # type: ignore[misc]
        """F1: every key of the window on one sheet (it stays open beside the work)."""
        sheet = self.findChild(ShortcutSheet)
        if sheet is None:
            sheet = ShortcutSheet(self)
        sheet.show()
        sheet.raise_()
        return sheet
