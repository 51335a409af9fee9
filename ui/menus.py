"""The window's menus and keys, in one place."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

if TYPE_CHECKING:
    from ui.main_window import MainWindow

# The window's own context, named here: lupdate cannot tell the context of `win.tr` in a function.
translate = QCoreApplication.translate


def _action(win: MainWindow, menu: Any, text: str, slot: Callable[..., Any], keys: Any = None,
            name: str = "") -> QAction:
    act = QAction(text, win)
    if keys is not None:
        act.setShortcuts(keys if isinstance(keys, list) else [keys])
    act.triggered.connect(slot)
    menu.addAction(act)
    if name:
        act.setObjectName(name)
        setattr(win, f"act_{name}", act)
    return act


def build_menus(win: MainWindow) -> None:
    """File, Edit, Review, View and Help menus, with their shortcuts (F1 lists them all)."""
    keys = QKeySequence.StandardKey
    m = win.menuBar().addMenu(translate("MainWindow", "文件(&F)"))
    _action(win, m, translate("MainWindow", "打开报告…"), win.open_dialog, QKeySequence(keys.Open), "open")
    _action(win, m, translate("MainWindow", "打开文件夹…"),
            win.open_folder_dialog, QKeySequence("Ctrl+Shift+O"), "open_folder")
    win.recent_menu = m.addMenu(translate("MainWindow", "最近打开"))
    win.recent_menu.aboutToShow.connect(win.fill_recent)
    _action(win, m, translate("MainWindow", "以指定编码打开…"), win.open_with_encoding_dialog, None, "open_encoding")
    _action(win, m, translate("MainWindow", "以其他编码重新打开…"), win.reopen_with_encoding, None, "reopen")
    _action(win, m, translate("MainWindow", "从源文件重新读取…"),
            win.reload_from_source, QKeySequence(keys.Refresh), "reload")
    m.addSeparator()
    _action(win, m, translate("MainWindow", "保存工作区"), win.save_workspace, QKeySequence(keys.Save), "save")
    _action(win, m, translate("MainWindow", "工作区另存为…"),
            win.save_workspace_as, QKeySequence("Ctrl+Shift+S"), "save_as")
    _action(win, m, translate("MainWindow", "保存工作区副本…"), win.save_workspace_copy, None, "save_copy")
    _action(win, m, translate("MainWindow", "打开工作区…"), win.open_workspace_dialog, None, "open_ws")
    _action(win, m, translate("MainWindow", "导出数据集…"), win.export_dialog, QKeySequence("Ctrl+E"), "export")
    m.addSeparator()
    _action(win, m, translate("MainWindow", "退出"), win.close, QKeySequence("Ctrl+Q"), "quit")
    e = win.menuBar().addMenu(translate("MainWindow", "编辑(&E)"))
    _action(win, e, translate("MainWindow", "撤销"), win.undo, QKeySequence("Ctrl+Z"), "undo")
    _action(win, e, translate("MainWindow", "重做"),
            win.redo, [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")], "redo")
    e.addSeparator()
    _action(win, e, translate("MainWindow", "复制所选单元格"), win.copy_cells, QKeySequence("Ctrl+C"), "copy")
    _action(win, e, translate("MainWindow", "复制所选单元格（带行列名称）"),
            win.copy_cells_with_labels, QKeySequence("Ctrl+Shift+C"), "copy_labels")
    _action(win, e, translate("MainWindow", "粘贴到单元格…"), win.paste_cells, QKeySequence("Ctrl+V"), "paste")
    for act in (win.act_copy, win.act_copy_labels, win.act_paste):  # keys of the tables: the report text, the
        act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # filter and the reason box keep
        win.pane.tabs.addAction(act)  # their own copy and paste
    e.addSeparator()
    _action(win, e, translate("MainWindow", "编辑单元格"), win.pane.edit_current, QKeySequence(Qt.Key.Key_F2), "edit")
    _action(win, e, translate("MainWindow", "恢复原值"),
            win.restore_published, QKeySequence("Ctrl+Backspace"), "restore")
    _action(win, e, translate("MainWindow", "按原样接受…"), win.accept_selected, QKeySequence("Ctrl+Shift+A"), "accept")
    _action(win, e, translate("MainWindow", "填写原因"), win.focus_reason, QKeySequence("Ctrl+R"), "reason")
    e.addSeparator()
    _action(win, e, translate("MainWindow", "首选项…"), win.preferences, None, "prefs")
    r = win.menuBar().addMenu(translate("MainWindow", "审核(&R)"))
    _action(win, r, translate("MainWindow", "下一个待处理问题"), win.next_issue, QKeySequence(Qt.Key.Key_F8), "next")
    _action(win, r, translate("MainWindow", "上一个待处理问题"),
            win.previous_issue, QKeySequence("Shift+F8"), "previous")
    r.addSeparator()
    _action(win, r, translate("MainWindow", "下一份需要处理的报告"),
            win.next_report_needing_work, QKeySequence("Ctrl+F8"), "next_report_work")
    _action(win, r, translate("MainWindow", "队列中的下一份报告"),
            win.next_report, QKeySequence("Alt+PgDown"), "next_report")
    _action(win, r, translate("MainWindow", "队列中的上一份报告"),
            win.previous_report, QKeySequence("Alt+PgUp"), "previous_report")
    r.addSeparator()
    _action(win, r, translate("MainWindow", "查找原文…"), win.pane.raw.show_find, QKeySequence(keys.Find), "find")
    r.addSeparator()
    _action(win, r, translate("MainWindow", "签发本报告并转到下一份…"), win.sign_off, QKeySequence(Qt.Key.Key_F9),
            "sign_off")
    v = win.menuBar().addMenu(translate("MainWindow", "视图(&V)"))
    queue = win.reports_dock.toggleViewAction()
    queue.setShortcut(QKeySequence("Ctrl+Shift+Q"))
    v.addAction(queue)
    summary = win.summary_dock.toggleViewAction()
    summary.setShortcut(QKeySequence("Ctrl+Shift+T"))
    v.addAction(summary)
    v.addSeparator()
    for n, key in enumerate(("二", "三", "四"), start=1):
        _action(win, v, translate("MainWindow", "表{key}").format(key=key, n=n + 1),
                lambda _=False, key=key: win.show_table(key), QKeySequence(f"Ctrl+{n}"), f"table_{n}")
    _action(win, v, translate("MainWindow", "筛选报告队列"), win.focus_queue_filter, QKeySequence("Ctrl+L"), "filter")
    _action(win, v, translate("MainWindow", "问题列表"), win.focus_issues, QKeySequence("Ctrl+I"), "issues")
    _action(win, v, translate("MainWindow", "下一个窗格"), win.next_pane, QKeySequence(Qt.Key.Key_F6), "next_pane")
    _action(win, v, translate("MainWindow", "上一个窗格"), win.previous_pane, QKeySequence("Shift+F6"), "previous_pane")
    v.addSeparator()
    lang = v.addMenu(translate("MainWindow", "界面语言"))
    group = QActionGroup(win)
    for code, name in (("zh", "中文"), ("en", "English")):
        act = _action(win, lang, name, lambda _=False, code=code: win.set_language(code), None, f"lang_{code}")
        act.setCheckable(True)
        act.setChecked(win.settings.language == code)
        group.addAction(act)
    h = win.menuBar().addMenu(translate("MainWindow", "帮助(&H)"))
    _action(win, h, translate("MainWindow", "键盘快捷键"), win.show_shortcuts, QKeySequence(Qt.Key.Key_F1), "shortcuts")
