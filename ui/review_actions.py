"""The Edit menu: corrections, restore, accept, reasons, undo and redo, copy and paste of cell ranges.

Each asks what it must (a reason, the auditor's name), then sends one command to the session.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QInputDialog, QMainWindow

from models.review import RESTORE, AcceptIssue, Edit, SetCell, same_value
from models.session import Changes, WorkspaceError
from models.values import Value, format_value
from ui.clipboard import copy_text, plan_paste
from ui.table_models import cell_name

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class ReviewActions(QMainWindow):
    """Changing the current report's review, always through the session."""

    def _writable(self: MainWindow) -> bool:  # type: ignore[misc]
        """True when changes can be stored; otherwise says why."""
        if self.session.readonly:
            self.message(self.tr("只读"), self.tr("工作区是只读的（{reason}），修改不会保存。").format(
                reason=self.session.ws.readonly_reason))
            return False
        return True

    def _run(self: MainWindow, op: str, *args: object) -> Changes | None:  # type: ignore[misc]
        """Send a command to the session for the current report; say so when it cannot be stored."""
        if self.current is None or not self._writable():
            return None
        self._ensure_auditor()
        try:
            ch: Changes = getattr(self.session, op)(self.current, *args)
        except WorkspaceError as exc:
            self.message(self.tr("无法保存修改"), str(exc))
            self.show_report(self.current)  # what is shown is what the workspace holds
            return None
        self.apply(ch)
        return ch

    def _submit(self: MainWindow, fid: str, value: Value) -> None:  # type: ignore[misc]
        if self._run("edit", fid, value, self.pane.inspector.take_reason()):
            self.cell_corrected.emit(fid)

    @Slot(str)
    def _edit_rejected(self: MainWindow, why: str) -> None:  # type: ignore[misc]
        self.statusBar().showMessage(why, 8000)
        self.message(self.tr("无法修改"), why)

    @Slot()
    def restore_published(self: MainWindow) -> None:  # type: ignore[misc]
        """Go back to the printed value of the selected cell."""
        fid = self.pane.selected_field()
        if fid:
            self._run("restore", fid, self.pane.inspector.take_reason())

    @Slot()
    def accept_selected(self: MainWindow) -> None:  # type: ignore[misc]
        """Accept the selected issue (or the open issues of the selected cell) as published."""
        items = self.pane.issues_to_accept()
        if items and not self._writable():
            return
        if not items:
            self.statusBar().showMessage(self.tr("没有需要接受的待处理问题"), 5000)
            return
        reason = self.pane.inspector.take_reason()
        if not reason:
            reason, ok = QInputDialog.getText(self, self.tr("按原样接受"),
                                              self.tr("接受原因（例如：已与报告单位核实）："))
            if not ok or not reason.strip():
                return
        self._run("accept", [it.key for it in items], reason.strip())

    @Slot(str)
    def give_reason(self: MainWindow, reason: str) -> None:  # type: ignore[misc]
        """A reason typed after the edit: it goes to the selected cell's last change."""
        review = self.review
        last = review.last_change_of(self.pane.selected_field()) if review else None
        if last is not None and self._run("give_reason", last.id, reason):
            self.pane.inspector.reason.clear()
            self.pane.refresh()

    @Slot()
    def focus_reason(self: MainWindow) -> None:  # type: ignore[misc]
        """Ctrl+R: type the reason for the next change (or for the selected cell's last one)."""
        self.pane.inspector.reason.setFocus()
        self.pane.inspector.reason.selectAll()

    @Slot()
    def undo(self: MainWindow) -> None:  # type: ignore[misc]
        self._run("undo")

    @Slot()
    def redo(self: MainWindow) -> None:  # type: ignore[misc]
        self._run("redo")

    def _step_words(self: MainWindow, edits: list[Edit]) -> str:  # type: ignore[misc]
        """What an undo or redo would do, in the interface's words (cell labels are the report's)."""
        cells = [e for e in edits if isinstance(e, SetCell)]
        accepts = [e for e in edits if isinstance(e, AcceptIssue)]
        if accepts:
            if all(a.acceptance is None for a in accepts):
                return self.tr("撤回接受 {n} 项").format(n=len(accepts))
            return self.tr("按原样接受 {n} 项").format(n=len(accepts))
        if len(cells) == 1:
            e = cells[0]
            if e.value is RESTORE:
                return self.tr("{cell} 恢复原值").format(cell=cell_name(e.fid))
            return self.tr("{cell} → {value}").format(cell=cell_name(e.fid),
                                                      value=format_value(e.value) or self.tr("空白"))  # type: ignore[arg-type]
        return self.tr("修改 {n} 个单元格").format(n=len(cells)) if cells else ""

    def _update_undo(self: MainWindow) -> None:  # type: ignore[misc]
        rid = self.current
        can_undo = rid is not None and self.session.can_undo(rid)
        can_redo = rid is not None and self.session.can_redo(rid)
        self.act_undo.setEnabled(can_undo)
        self.act_redo.setEnabled(can_redo)
        undo = self._step_words(self.session.undo_edits(rid)) if can_undo and rid is not None else ""
        redo = self._step_words(self.session.redo_edits(rid)) if can_redo and rid is not None else ""
        self.act_undo.setText(self.tr("撤销 {what}").format(what=undo) if undo else self.tr("撤销"))
        self.act_redo.setText(self.tr("重做 {what}").format(what=redo) if redo else self.tr("重做"))

    def _ensure_auditor(self: MainWindow) -> None:  # type: ignore[misc]
        if not self.session.auditor:
            if not self.settings.auditor:
                name, ok = QInputDialog.getText(self, self.tr("审核人"),
                                                self.tr("请输入审核人姓名（记入修改记录，只需输入一次）："))
                if ok and name.strip():
                    self.settings.auditor = name.strip()
            self.session.auditor = self.settings.auditor

    # ------------------------------------------------------------ clipboard
    @Slot()
    def copy_cells(self: MainWindow, labels: bool = False) -> str:  # type: ignore[misc]
        """Ctrl+C: the selected cells as tab-separated rows (Ctrl+Shift+C: with their row and column labels)."""
        view, review = self.pane.table(), self.review
        if view is None or review is None:
            return ""
        text = copy_text(view.grid, view.selected_positions(), review.value, labels)
        if text:
            QGuiApplication.clipboard().setText(text)
            n = len(view.selected_positions())
            self.statusBar().showMessage(self.tr("已复制 {n} 个单元格").format(n=n), 4000)
        return text

    @Slot()
    def copy_cells_with_labels(self: MainWindow) -> str:  # type: ignore[misc]
        return self.copy_cells(True)

    @Slot()
    def paste_cells(self: MainWindow) -> bool:  # type: ignore[misc]
        """Ctrl+V: a range copied from Excel or WPS, from the selected cell on. Every value is a
        correction with one reason, asked once, and the whole paste is ONE step of undo. Anything that
        is not a number, "/" or empty refuses the paste, naming the cell, and nothing of it is applied."""
        view, review = self.pane.table(), self.review
        if view is None or review is None or not self._writable():
            return False
        plan = plan_paste(view.grid, view.selected_positions(), QGuiApplication.clipboard().text())
        if plan.problem == "nothing":
            self.statusBar().showMessage(self.tr("剪贴板里没有可粘贴的内容，或没有选中单元格"), 5000)
            return False
        if plan.problem == "outside":
            self.message(self.tr("无法粘贴"), self.tr("粘贴的范围超出了表格：“{text}”没有对应的单元格。"
                                                   "本次粘贴没有应用任何值。").format(text=plan.text))
            return False
        if plan.problem:
            self.message(self.tr("无法粘贴"), self.tr("{cell}：“{text}”不是数字、“/”或空白。本次粘贴没有应用任何值。")
                         .format(cell=cell_name(plan.cell), text=plan.text))
            return False
        changed = {f: v for f, v in plan.values.items() if not same_value(v, review.value(f))}
        if not changed:
            self.statusBar().showMessage(self.tr("粘贴的值与现有值相同，没有修改"), 5000)
            return False
        reason = self.pane.inspector.take_reason()
        if not reason:
            reason, ok = QInputDialog.getText(self, self.tr("粘贴"), self.tr(
                "粘贴 {n} 个单元格的原因（记入修改记录，这些单元格共用）：").format(n=len(changed)))
            if not ok:
                return False
        ch = self._run("edit_many", plan.values, reason.strip())
        if ch:
            view.select_fields(list(plan.values))
            self.statusBar().showMessage(self.tr("已粘贴 {n} 个单元格（一步，可撤销）").format(n=len(changed)), 5000)
        return bool(ch)
