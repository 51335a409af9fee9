"""Questions the window asks: which workspace to open when one cannot be, and whether to reload."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.checks import label
from models.session import ReloadPlan, Session, WorkspaceError, WorkspaceLocked
from models.values import format_value
from models.workspace import default_workspace_path
from ui.settings import Settings

translate = QCoreApplication.translate  # functions, not QObjects: the context is named ("Dialogs")


class Abandoned(Exception):
    """The user chose to stop rather than open any workspace."""


def ask_locked(parent: QWidget | None, exc: WorkspaceLocked) -> bool:
    """Another program writes this workspace: open it read-only (True), or stop (False)."""
    box = QMessageBox(QMessageBox.Icon.Warning, translate("Dialogs", "工作区正在使用"), str(exc), parent=parent)
    ro = box.addButton(translate("Dialogs", "以只读方式打开"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("Dialogs", "停止"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is ro


def ask_other_workspace(parent: QWidget | None, problem: str) -> str | None:
    """A workspace could not be opened: the user picks another file, a new one, or stops (None)."""
    box = QMessageBox(QMessageBox.Icon.Warning, box_title(parent), problem, parent=parent)
    other = box.addButton(translate("Dialogs", "打开其他工作区…"), QMessageBox.ButtonRole.AcceptRole)
    new = box.addButton(translate("Dialogs", "新建工作区…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("Dialogs", "退出"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is other:
        path, _ = QFileDialog.getOpenFileName(parent, translate("Dialogs", "打开工作区"), "",
                                              translate("Dialogs", "审核工作区 (*.sqlite)"))
        return path or None
    if box.clickedButton() is new:
        path, _ = QFileDialog.getSaveFileName(parent, translate("Dialogs", "新建工作区"), "",
                                              translate("Dialogs", "审核工作区 (*.review.sqlite)"))
        return (path if path.endswith(".sqlite") else path + ".review.sqlite") if path else None
    return None


def box_title(parent: QWidget | None) -> str:
    return translate("Dialogs", "无法打开工作区")


def open_session(parent: QWidget | None, path: str | None, settings: Settings) -> Session:
    """Open a workspace, asking the user what to do when it cannot be; never switches by itself.

    Raises Abandoned when the user stops.
    """
    target = path or str(default_workspace_path())
    while True:
        try:
            return Session.open(target, auditor=settings.auditor)
        except WorkspaceLocked as exc:
            if ask_locked(parent, exc):
                try:
                    return Session.open(target, readonly=True, auditor=settings.auditor)
                except WorkspaceError as again:
                    problem = str(again)
            else:
                problem = str(exc)
        except WorkspaceError as exc:
            problem = str(exc)
        chosen = ask_other_workspace(parent, problem)
        if chosen is None:
            raise Abandoned(problem)
        target = chosen


class ReloadDialog(QDialog):
    """Every published value that reading the source again would change, before anything changes."""

    def __init__(self, plan: ReloadPlan, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("从源文件重新读取：{name}").format(name=name))
        lay = QVBoxLayout(self)
        lines = [self.tr("源文件与上次读取时相同。") if plan.same_file else self.tr("源文件自上次读取后已经改变。"),
                 self.tr("重新读取会改变 {n} 个印出值：").format(n=len(plan.changed)) if plan.changed
                 else self.tr("重新读取不会改变任何印出值。")]
        text = QLabel("\n".join(lines))
        text.setWordWrap(True)
        lay.addWidget(text)
        table = QTableWidget(len(plan.changed), 3)
        table.setObjectName("reload_changes")
        table.setHorizontalHeaderLabels([self.tr("单元格"), self.tr("现在"), self.tr("重新读取后")])
        for i, (fid, old, new) in enumerate(plan.changed):
            blank = self.tr("空白")
            for j, v in enumerate((label(fid), format_value(old) or blank, format_value(new) or blank)):
                table.setItem(i, j, QTableWidgetItem(v))
        table.resizeColumnsToContents()
        table.setVisible(bool(plan.changed))
        lay.addWidget(table)
        tail = [self.tr("审核人的修改都会保留。")]
        if plan.dropped:
            tail.append(self.tr("以下修改所在的单元格在新读取中不存在，无法保留：{fields}").format(
                fields="、".join(label(f) for f in plan.dropped)))
        note = QLabel("\n".join(tail))
        note.setWordWrap(True)
        lay.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("重新读取"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(560, 420)


def confirm_reload(parent: QWidget, plan: ReloadPlan) -> bool:
    """Show what would change; True when the auditor confirms (tests replace this)."""
    return ReloadDialog(plan, Path(plan.report.source).name if plan.report else "", parent).exec() == \
        QDialog.DialogCode.Accepted


# keys that belong to the table and lists, not to a menu (shown on the sheet after the menus' keys)
TABLE_KEYS = (
    (QT_TRANSLATE_NOOP("Dialogs", "方向键"), QT_TRANSLATE_NOOP("Dialogs", "在表格中移动")),
    (QT_TRANSLATE_NOOP("Dialogs", "Shift+方向键"), QT_TRANSLATE_NOOP("Dialogs", "选择一片单元格（复制、粘贴）")),
    (QT_TRANSLATE_NOOP("Dialogs", "数字键"), QT_TRANSLATE_NOOP("Dialogs", "直接改写所选单元格")),
    (QT_TRANSLATE_NOOP("Dialogs", "Enter"), QT_TRANSLATE_NOOP("Dialogs", "编辑单元格；再按 Enter 确认")),
    (QT_TRANSLATE_NOOP("Dialogs", "Esc"), QT_TRANSLATE_NOOP("Dialogs", "取消编辑")),
    (QT_TRANSLATE_NOOP("Dialogs", "Tab"), QT_TRANSLATE_NOOP("Dialogs", "到下一个单元格或控件")),
    (QT_TRANSLATE_NOOP("Dialogs", "→ / ←"), QT_TRANSLATE_NOOP("Dialogs", "问题列表中：展开或收起问题涉及的单元格")),
    (QT_TRANSLATE_NOOP("Dialogs", "Enter"), QT_TRANSLATE_NOOP("Dialogs", "报告队列中：打开所选报告")),
)


class ShortcutSheet(QDialog):
    """Every key of the window, read from its menus (so it never disagrees with them), and the table keys."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("shortcut_sheet")
        self.setWindowTitle(self.tr("键盘快捷键"))
        rows: list[tuple[str, str, str]] = []
        for top in window.menuBar().actions():
            menu = top.menu()
            if menu is None:
                continue
            for act in menu.actions():
                keys = " / ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in act.shortcuts())
                if keys:
                    rows.append((top.text().replace("&", ""), act.text().replace("&", ""), keys))
        where = self.tr("表格与列表")
        rows += [(where, translate("Dialogs", what), translate("Dialogs", key)) for key, what in TABLE_KEYS]
        table = QTableWidget(len(rows), 3)
        table.setObjectName("shortcuts")
        table.setHorizontalHeaderLabels([self.tr("菜单"), self.tr("操作"), self.tr("按键")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for i, row in enumerate(rows):
            for j, text in enumerate(row):
                table.setItem(i, j, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        lay = QVBoxLayout(self)
        lay.addWidget(table)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        close.rejected.connect(self.close)
        lay.addWidget(close)
        screen = window.screen().availableGeometry()
        self.resize(min(640, screen.width() - 40), min(620, screen.height() - 60))
