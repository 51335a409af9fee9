"""The review window: the raw report beside the official tables, the issue list, menus and keys."""
from __future__ import annotations

import gc
import os
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, QModelIndex, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QUndoGroup, QUndoStack
from PySide6.QtWidgets import (QAbstractItemView, QDockWidget, QFileDialog, QHeaderView, QInputDialog, QLabel,
                               QMainWindow, QMessageBox, QProgressBar, QPushButton, QSplitter, QTableView,
                               QTabWidget, QVBoxLayout, QWidget)

from models.review import RESTORE, Edit, Review, ReviewedIssue, SetCell, accept
from models.batch import expand_paths, unreadable_in
from models.review import SIGNED_OFF
from models.session import Prepared, attach, export_reviews, open_report, prepare, refresh_cross_year, source_key
from models.workspace import sha256_bytes
from models.values import Value, format_value
from models.workspace import Workspace, WorkspaceError, default_workspace_path
from ui.commands import EditCommand
from ui.layouts import table2, table3, table4
from parsers.decode import DecodeError
from parsers.pdf_reader import page_count
from ui.loader import LoadTask
from ui.pdf_view import PdfPane
from ui.queue import QueuePane
from ui.raw_view import RawPane
from ui.settings import K_GEOMETRY, K_SPLIT_MAIN, K_SPLIT_RIGHT, K_STATE, Settings
from ui.table_models import ISSUE_ROLE, GridModel, IssueModel, word
from ui.summary import Summary
from ui.widgets import Inspector, Legend, OfficialTable

SYNC_LIMIT = 4  # more files than this are read in the background
BIG_FILE = 1 << 20  # and so is any file bigger than this


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
ENCODINGS = ["utf-8", "gb18030", "big5hkscs", "utf-16", "utf-16-le", "utf-16-be", "cp1252"]
OPEN_FILTER = QT_TRANSLATE_NOOP("Words", "报告文件 (*.txt *.md *.text *.html *.htm *.docx *.pdf);;所有文件 (*)")


class MainWindow(QMainWindow):
    """One workspace, the reports opened in it, and the review of the current one."""
    report_loaded = Signal(str)
    cell_corrected = Signal(str)
    queue_loaded = Signal(bool)  # a batch finished reading; True if it was cancelled

    def __init__(self, settings: Settings | None = None, workspace: str | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        path = workspace or self.settings.workspace or str(default_workspace_path())
        if not Path(path).parent.exists() and path != str(default_workspace_path()):
            path = str(default_workspace_path())
        problem = ""
        try:
            self.ws = Workspace(path)
        except WorkspaceError as exc:  # never lose the auditor's work by writing over it: start another file
            problem = str(exc)
            fresh = default_workspace_path()
            if Path(path) == fresh:
                fresh = fresh.with_name(f"autosave-{int(time.time())}.review.sqlite")
            path = str(fresh)
            self.ws = Workspace(path)
        self.named = bool(workspace or self.settings.workspace) and Path(path) != default_workspace_path() \
            and not problem
        self.reviews: list[Review] = []
        self.current: Review | None = None
        self.undo_group = QUndoGroup(self)
        self.stacks: dict[int, QUndoStack] = {}
        self.loading: LoadTask | None = None
        self._pending: list[str] = []  # files asked for while a batch was loading
        self._closing = False
        self._load_errors: list[str] = []
        self._summary_timer = QTimer(self)
        self._summary_timer.setSingleShot(True)
        self._summary_timer.setInterval(300)
        self._summary_timer.timeout.connect(self._refresh_summary)
        self._build_widgets()
        self._build_actions()
        self.setAcceptDrops(True)
        self._restore_geometry()
        self._update_title()
        if problem:
            QTimer.singleShot(0, lambda: self.message(self.tr("无法打开工作区"),
                                                      problem + self.tr("\n已改用新的工作区：") + path))

    # ================================================================ building
    def _build_widgets(self) -> None:
        self.raw = RawPane()
        self.raw.text.position_clicked.connect(self._source_clicked)
        self.pdf = PdfPane()
        self.pdf.point_clicked.connect(self._page_clicked)
        self.source_tabs = QTabWidget()
        self.source_tabs.addTab(self.raw, self.tr("原文文本"))
        self.source_tabs.addTab(self.pdf, self.tr("PDF 页面"))
        self.source_tabs.setTabVisible(1, False)
        self.grids = {"二": GridModel(table2(False), self._submit), "三": GridModel(table3(False), self._submit),
                      "四": GridModel(table4(), self._submit)}
        self.tabs = QTabWidget()
        self.views: dict[str, OfficialTable] = {}
        for key, model in self.grids.items():
            view = OfficialTable(model)
            view.selectionModel().currentChanged.connect(self._cell_selected)
            model.edit_rejected.connect(self._edit_rejected)
            self.views[key] = view
            self.tabs.addTab(view, self.tr("表") + key)
        tables = QWidget()
        tlay = QVBoxLayout(tables)
        tlay.setContentsMargins(0, 0, 0, 0)
        tlay.addWidget(self.tabs)
        self.legend = Legend()
        tlay.addWidget(self.legend)
        self.issues = IssueModel(self)
        self.issue_view = QTableView()
        self.issue_view.setModel(self.issues)
        self.issue_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.issue_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.issue_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.issue_view.verticalHeader().hide()
        self.issue_view.setWordWrap(True)
        hh = self.issue_view.horizontalHeader()  # fixed widths: sizing to contents re-reads every row per edit
        for col, width in ((0, 48), (1, 64), (3, 110)):
            hh.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.issue_view.setColumnWidth(col, width)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.issue_view.selectionModel().currentRowChanged.connect(self._issue_selected)
        self.inspector = Inspector()
        self.inspector.restore_requested.connect(self.restore_published)
        self.inspector.accept_requested.connect(self.accept_selected)
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(self.issue_view)
        bottom.addWidget(self.inspector)
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 1)
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(tables)
        self.right.addWidget(bottom)
        self.right.setStretchFactor(0, 3)
        self.right.setStretchFactor(1, 2)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.source_tabs)
        self.split.addWidget(self.right)
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 3)
        self.setCentralWidget(self.split)
        self.queue = QueuePane()
        self.queue.review_chosen.connect(self.show_review)
        dock = QDockWidget(self.tr("报告队列"), self)
        dock.setObjectName("queue_dock")
        dock.setWidget(self.queue)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self.resizeDocks([dock], [280], Qt.Orientation.Horizontal)
        self.reports_dock = dock
        self.summary = Summary()
        sdock = QDockWidget(self.tr("汇总"), self)
        sdock.setObjectName("summary_dock")
        sdock.setWidget(self.summary)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, sdock)
        sdock.hide()
        sdock.visibilityChanged.connect(lambda visible: visible and self._refresh_summary())
        self.summary_dock = sdock
        self.counts = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.cancel_btn = QPushButton(self.tr("取消"))
        self.cancel_btn.clicked.connect(self.cancel_loading)
        for w in (self.progress, self.cancel_btn):
            w.hide()
            self.statusBar().addPermanentWidget(w)
        self.statusBar().addPermanentWidget(self.counts)

    def _action(self, menu: Any, text: str, slot: Any, keys: Any = None, name: str = "") -> QAction:
        act = QAction(text, self)
        if keys is not None:
            act.setShortcuts(keys if isinstance(keys, list) else [keys])
        act.triggered.connect(slot)
        menu.addAction(act)
        if name:
            act.setObjectName(name)
            setattr(self, f"act_{name}", act)
        return act

    def _build_actions(self) -> None:
        S = QKeySequence.StandardKey
        m = self.menuBar().addMenu(self.tr("文件(&F)"))
        self._action(m, self.tr("打开报告…"), self.open_dialog, QKeySequence(S.Open), "open")
        self._action(m, self.tr("打开文件夹…"), self.open_folder_dialog, QKeySequence("Ctrl+Shift+O"), "open_folder")
        self.recent_menu = m.addMenu(self.tr("最近打开"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._action(m, self.tr("以指定编码打开…"), self.open_with_encoding_dialog, None, "open_encoding")
        self._action(m, self.tr("以其他编码重新打开…"), self.reopen_with_encoding, None, "reopen")
        self._action(m, self.tr("从源文件重新读取"), self.reload_from_source, QKeySequence(S.Refresh), "reload")
        m.addSeparator()
        self._action(m, self.tr("保存工作区"), self.save_workspace, QKeySequence(S.Save), "save")
        self._action(m, self.tr("工作区另存为…"), self.save_workspace_as, QKeySequence("Ctrl+Shift+S"), "save_as")
        self._action(m, self.tr("打开工作区…"), self.open_workspace_dialog, None, "open_ws")
        self._action(m, self.tr("导出数据集…"), self.export_dialog, QKeySequence("Ctrl+E"), "export")
        m.addSeparator()
        self._action(m, self.tr("退出"), self.close, QKeySequence("Ctrl+Q"), "quit")
        e = self.menuBar().addMenu(self.tr("编辑(&E)"))
        undo = self.undo_group.createUndoAction(self, self.tr("撤销"))
        undo.setShortcuts([QKeySequence("Ctrl+Z")])
        redo = self.undo_group.createRedoAction(self, self.tr("重做"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.act_undo, self.act_redo = undo, redo
        e.addAction(undo)
        e.addAction(redo)
        e.addSeparator()
        self._action(e, self.tr("编辑单元格（Enter）"), self._edit_current, None, "edit")
        self._action(e, self.tr("恢复原值"), self.restore_published, QKeySequence("Ctrl+Backspace"), "restore")
        self._action(e, self.tr("按原样接受…"), self.accept_selected, QKeySequence("Ctrl+Shift+A"), "accept")
        e.addSeparator()
        self._action(e, self.tr("首选项…"), self.preferences, None, "prefs")
        r = self.menuBar().addMenu(self.tr("审核(&R)"))
        self._action(r, self.tr("下一个待处理问题"), self.next_issue, QKeySequence(Qt.Key.Key_F8), "next")
        self._action(r, self.tr("上一个待处理问题"), self.previous_issue, QKeySequence("Shift+F8"), "previous")
        self._action(r, self.tr("查找原文…"), self.raw.show_find, QKeySequence(S.Find), "find")
        r.addSeparator()
        self._action(r, self.tr("签发本报告…"), self.sign_off, QKeySequence(Qt.Key.Key_F9), "sign_off")
        v = self.menuBar().addMenu(self.tr("视图(&V)"))
        v.addAction(self.reports_dock.toggleViewAction())
        summary = self.summary_dock.toggleViewAction()
        summary.setShortcut(QKeySequence("Ctrl+Shift+T"))
        v.addAction(summary)
        lang = v.addMenu(self.tr("界面语言"))
        self._action(lang, "中文", lambda: self._set_language("zh"), None, "lang_zh")
        self._action(lang, "English", lambda: self._set_language("en"), None, "lang_en")
        self.undo_group.cleanChanged.connect(lambda _clean: self._update_title())

    # ================================================================ opening
    def open_paths(self, paths: list[str]) -> list[Review]:
        """Open report files and folders; a few are read at once, many in the background.

        Returns the reviews opened at once (none for a background load: see queue_loaded).
        """
        files = expand_paths(paths)
        skipped = [f for files_ in unreadable_in(paths).values() for f in files_]
        if skipped:
            self.message(self.tr("跳过的文件"), self.tr("以下文件不是可读取的报告格式，未打开：\n")
                         + "\n".join(Path(f).name for f in skipped[:30])
                         + (f"\n… (+{len(skipped) - 30})" if len(skipped) > 30 else ""))
        keys = list(dict.fromkeys(source_key(p) for p in files))
        known = {r.report.source: r for r in self.reviews}
        todo = [k for k in keys if k not in known]
        if len(todo) > SYNC_LIMIT or self.loading is not None or any(_size(k) > BIG_FILE for k in todo):
            self._load_in_background(todo)
            return []
        stored = self.ws.find_many(todo)
        self._load_errors = []
        opened = self._accept([prepare(k, stored.get(k)) for k in todo])
        self._finish_loading(False)
        shown = [known[k] for k in keys if k in known] + opened
        if shown:
            self.show_review(shown[0])
        return shown

    def _load_in_background(self, keys: list[str]) -> None:
        if self.loading is not None:  # a batch is loading: this one follows it
            self._pending += [k for k in keys if k not in self._pending]
            self.progress.setMaximum(self.progress.maximum() + len(keys))
            return
        stored = self.ws.find_many(keys)
        task = LoadTask(keys, stored)
        task.signals.chunk.connect(self._accept)
        task.signals.progress.connect(self._progress)
        task.signals.finished.connect(self._finish_loading)
        self.loading = task
        self._load_errors = []
        self.progress.setRange(0, len(keys))
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_btn.show()
        self.statusBar().showMessage(self.tr("正在读取 ") + str(len(keys)) + self.tr(" 份报告…"))
        QThreadPool.globalInstance().start(task)

    @Slot()
    def cancel_loading(self) -> None:
        """Stop reading the rest of a batch (and those waiting behind it); what was read stays."""
        self._pending = []
        if self.loading is not None:
            self.loading.cancel()

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        self.progress.setValue(done)

    @Slot(list)
    def _accept(self, prepared: list[Prepared]) -> list[Review]:
        """Reports read (here or by the loader) join the workspace and the queue."""
        new: list[Review] = []
        if self._closing:
            return new
        have = {r.report.source for r in self.reviews}
        with self.ws.batch():
            for p in prepared:
                if p.source in have:
                    continue
                opened = attach(self.ws, p, self.settings.auditor)
                if opened.review is None:
                    self._load_errors.append(f"{Path(p.source).name}：{opened.error}")
                    continue
                self._register(opened.review)
                have.add(p.source)
                new.append(opened.review)
                if len(prepared) <= SYNC_LIMIT:
                    self.settings.add_recent(p.source)
                if opened.notes:
                    self.statusBar().showMessage(f"{Path(p.source).name}：" + "；".join(opened.notes), 10000)
        self.queue.model.add(new)
        if new and self.current is None:
            self.show_review(new[0])  # the first report can be reviewed while the rest load
        # Loaded reviews live as long as the window: keep the garbage collector from scanning
        # them again and again (a full pass over a thousand reports stalls the window).
        gc.freeze()
        return new

    def _register(self, review: Review) -> None:
        self.reviews.append(review)
        self.stacks[id(review)] = QUndoStack(self.undo_group)
        review.listeners.append(lambda r=review: self._review_changed(r))

    @Slot(bool)
    def _finish_loading(self, cancelled: bool) -> None:
        self.loading = None
        if self._closing:
            return
        if self._pending and not cancelled:
            pending, self._pending = self._pending, []
            self._load_in_background([k for k in pending if k not in {r.report.source for r in self.reviews}])
            return
        self.progress.hide()
        self.cancel_btn.hide()
        for r in refresh_cross_year(self.reviews):
            self.queue.model.changed(r)
        if self._load_errors:
            self.message(self.tr("无法打开"), "\n".join(self._load_errors[:50])
                         + (f"\n… (+{len(self._load_errors) - 50})" if len(self._load_errors) > 50 else ""))
        if len(self.reviews) > 1 or cancelled:
            self.statusBar().showMessage((self.tr("已取消；") if cancelled else "") + self.tr("队列中共 ")
                                         + str(len(self.reviews)) + self.tr(" 份报告"), 8000)
        self._summary_timer.start()
        self.queue_loaded.emit(cancelled)

    def restore_queue(self) -> None:
        """Reopen every report the workspace holds (in the background when there are many)."""
        sources = self.ws.sources()
        if sources:
            self.open_paths(sources)

    def show_review(self, review: Review) -> None:
        """Make a review the current one: text, tables, issues."""
        self.current = review
        self.undo_group.setActiveStack(self.stacks[id(review)])
        has_2019 = any(f.startswith("s2_2019.") for f in review.report.cells)
        collapsed = any(f.startswith("s3.other_total.") for f in review.report.cells)
        self._relayout("二", table2(has_2019))
        self._relayout("三", table3(collapsed))
        for model in self.grids.values():
            model.set_review(review)
        self.issues.set_review(review)
        self.raw.text.set_source(review.report.text)
        self._show_pages(review)
        self.queue.select(review)
        self.inspector.show_field(review, "")
        self._update_counts()
        self._update_title()
        self.report_loaded.emit(review.report.source)

    def _relayout(self, key: str, grid: Any) -> None:
        model = self.grids[key]
        if model.grid.rows == grid.rows and model.grid.fields() == grid.fields():
            return
        new = GridModel(grid, self._submit)
        new.edit_rejected.connect(self._edit_rejected)
        view = OfficialTable(new)
        view.selectionModel().currentChanged.connect(self._cell_selected)
        i = self.tabs.indexOf(self.views[key])
        self.tabs.removeTab(i)
        self.views[key].deleteLater()
        self.tabs.insertTab(i, view, self.tr("表") + key)
        self.grids[key], self.views[key] = new, view

    # ================================================================ editing
    def _stack(self) -> QUndoStack | None:
        return self.stacks.get(id(self.current)) if self.current else None

    def push(self, edit: Edit, text: str) -> None:
        """Apply an edit to the current review through the undo stack."""
        stack = self._stack()
        if self.current is None or stack is None:
            return
        self._ensure_auditor()
        cmd = EditCommand(self.current, edit, text)
        stack.push(cmd)
        if cmd.error:
            self.message(self.tr("无法保存修改"), self.tr("修改没有保存，工作区无法写入：") + cmd.error)

    def _submit(self, fid: str, value: Value) -> None:
        reason = self.inspector.reason.text().strip()
        self.push(SetCell(fid, value, reason), self.tr("修改 ") + fid + " → " + (format_value(value) or self.tr("空白")))
        self.inspector.reason.clear()
        self.cell_corrected.emit(fid)

    def _ensure_auditor(self) -> None:
        if self.current is not None and not self.current.auditor:
            if not self.settings.auditor:
                name, ok = QInputDialog.getText(self, self.tr("审核人"), self.tr("请输入审核人姓名（记入修改记录，只需输入一次）："))
                if ok and name.strip():
                    self.settings.auditor = name.strip()
            for r in self.reviews:
                r.auditor = self.settings.auditor

    def _review_changed(self, review: Review) -> None:
        self.queue.model.changed(review)
        self._summary_timer.start()
        if review is not self.current:
            return
        for other in refresh_cross_year(self.reviews, review.report.meta.agency):
            if other is not review:
                self.queue.model.changed(other)
        for model in self.grids.values():
            model.refresh()
        key = self._selected_issue_key()
        self.issues.refresh()
        if key:
            row = self.issues.row_of(key)
            if row >= 0:
                self.issue_view.selectionModel().blockSignals(True)
                self.issue_view.selectRow(row)
                self.issue_view.selectionModel().blockSignals(False)
        self.inspector.show_field(review, self.selected_field())
        self._update_counts()

    @Slot(str)
    def _edit_rejected(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)
        QMessageBox.information(self, self.tr("无法修改"), message)

    def _edit_current(self) -> None:
        view = self.tabs.currentWidget()
        if isinstance(view, OfficialTable):
            view.edit_current()

    def selected_field(self) -> str:
        """The field id of the current cell in the visible table ('' if none)."""
        view = self.tabs.currentWidget()
        if isinstance(view, OfficialTable):
            model = view.model()
            assert isinstance(model, GridModel)
            return model.field_at(view.currentIndex())
        return ""

    @Slot()
    def restore_published(self) -> None:
        """Go back to the printed value of the selected cell."""
        fid = self.selected_field()
        if self.current and fid and fid in self.current.corrections:
            reason = self.inspector.reason.text().strip()
            self.push(SetCell(fid, RESTORE, reason), self.tr("恢复原值 ") + fid)
            self.inspector.reason.clear()

    @Slot()
    def accept_selected(self) -> None:
        """Accept the selected issue (or the open issues of the selected cell) as published."""
        if self.current is None:
            return
        issue = self._selected_issue()
        fid = self.selected_field()
        if issue is not None and (self.issue_view.hasFocus() or not fid):
            items = [issue] if issue.state == "open" else []
        else:
            items = [r for r in self.current.issues_for(fid) if r.state == "open" and r.issue.severity != "info"]
        if not items:
            self.statusBar().showMessage(self.tr("没有需要接受的待处理问题"), 5000)
            return
        reason = self.inspector.reason.text().strip()
        if not reason:
            reason, ok = QInputDialog.getText(self, self.tr("按原样接受"),
                                              self.tr("接受原因（例如：已与报告单位核实）："))
            if not ok or not reason.strip():
                return
        stack = self._stack()
        assert stack is not None
        self._ensure_auditor()
        stack.beginMacro(self.tr("按原样接受 ") + str(len(items)) + self.tr(" 项"))
        cmds = [EditCommand(self.current, accept(self.current, it, reason.strip()), it.key) for it in items]
        for cmd in cmds:
            stack.push(cmd)
        stack.endMacro()
        failed = [c.error for c in cmds if c.error]
        if failed:
            self.message(self.tr("无法保存修改"), self.tr("修改没有保存，工作区无法写入：") + str(failed[0]))
        self.inspector.reason.clear()

    # ================================================================ linking
    @Slot(QModelIndex, QModelIndex)
    def _cell_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        model = current.model()
        fid = model.field_at(current) if isinstance(model, GridModel) else ""
        if self.current is None:
            return
        self.inspector.show_field(self.current, fid)
        cell = self.current.report.cells.get(fid) if fid else None
        self.raw.text.show_spans([cell.span] if cell and cell.span else [])
        if self.source_tabs.isTabVisible(1):
            self.pdf.show_box(cell.box if cell else None)
        if fid and not (cell and cell.span):
            self.statusBar().showMessage(self.tr("此单元格在原文中没有对应的数字（空白或未印出）"), 5000)

    def select_field(self, fid: str) -> bool:
        """Show a field: switch to its table and select its cell."""
        for key, view in self.views.items():
            if self.grids[key].index_of(fid).isValid():
                self.tabs.setCurrentWidget(view)
                view.setFocus()
                return view.select_field(fid)
        return False

    @Slot(int)
    def _source_clicked(self, pos: int) -> None:
        if self.current is None:
            return
        for fid, cell in self.current.report.cells.items():
            if cell.span and cell.span[0] <= pos < cell.span[1]:
                self.select_field(fid)
                return

    def _selected_issue(self) -> ReviewedIssue | None:
        idx = self.issue_view.currentIndex()
        item = self.issues.data(self.issues.index(idx.row(), 0), ISSUE_ROLE) if idx.isValid() else None
        return item if isinstance(item, ReviewedIssue) else None

    def _selected_issue_key(self) -> str:
        it = self._selected_issue()
        return it.key if it else ""

    @Slot(QModelIndex, QModelIndex)
    def _issue_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.issues.data(self.issues.index(current.row(), 0), ISSUE_ROLE) if current.isValid() else None
        if not isinstance(item, ReviewedIssue) or self.current is None:
            return
        fields = [f for f in item.issue.fields if self.grids_show(f)]
        if fields:
            self.select_field(fields[0])
            view = self.tabs.currentWidget()
            if isinstance(view, OfficialTable):
                view.select_fields(fields)  # every cell of the issue in that table, the first one current
        spans = [c.span for f in item.issue.fields if (c := self.current.report.cells.get(f)) and c.span]
        boxes = [c.box for f in item.issue.fields if (c := self.current.report.cells.get(f)) and c.box]
        if self.source_tabs.isTabVisible(1) and boxes:
            self.pdf.show_box(boxes[0])
        if item.issue.evidence:
            spans.insert(0, item.issue.evidence)
        self.raw.text.show_spans(spans)
        self.issue_view.setFocus()

    def _show_pages(self, review: Review) -> None:
        """A PDF's pages beside its text; other formats show their text only."""
        is_pdf = review.report.format == "pdf"
        self.source_tabs.setTabVisible(1, is_pdf)
        if not is_pdf:
            self.source_tabs.setCurrentIndex(0)
            return
        try:
            with open(review.report.source, "rb") as fh:
                data = fh.read()
            self.pdf.set_document(data, page_count(data))
            self.source_tabs.setCurrentIndex(1)
        except (OSError, DecodeError) as exc:
            self.source_tabs.setTabVisible(1, False)
            self.statusBar().showMessage(self.tr("无法显示 PDF 页面：") + str(exc), 8000)

    @Slot(int, float, float)
    def _page_clicked(self, page: int, x: float, y: float) -> None:
        """Clicking a number on the page selects its cell."""
        if self.current is None:
            return
        for fid, cell in self.current.report.cells.items():
            b = cell.box
            if b and b[0] == page and b[1] - 2 <= x <= b[3] + 2 and b[2] - 2 <= y <= b[4] + 2:
                self.select_field(fid)
                return

    def grids_show(self, fid: str) -> bool:
        """True if one of the tables shows this field."""
        return any(m.index_of(fid).isValid() for m in self.grids.values())

    def _go_issue(self, step: int) -> None:
        if self.current is None or not self.issues.items:
            return
        n = len(self.issues.items)
        start = self.issue_view.currentIndex().row()
        start = -1 if start < 0 and step > 0 else (n if start < 0 else start)
        for k in range(1, n + 1):
            row = (start + step * k) % n
            it = self.issues.items[row]
            if it.state == "open" and it.issue.severity != "info":
                self.issue_view.selectionModel().setCurrentIndex(
                    self.issues.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                self.issue_view.scrollTo(self.issues.index(row, 0))
                return
        self.statusBar().showMessage(self.tr("没有待处理的问题了"), 5000)

    @Slot()
    def next_issue(self) -> None:
        """F8: the next open issue."""
        self._go_issue(1)

    @Slot()
    def previous_issue(self) -> None:
        """Shift+F8: the previous open issue."""
        self._go_issue(-1)

    # ================================================================ files
    @Slot()
    def open_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("打开报告"), self.settings.last_dir, word(OPEN_FILTER))
        if paths:
            self.settings.last_dir = str(Path(paths[0]).parent)
            self.open_paths(paths)

    @Slot()
    def open_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("打开文件夹（含子文件夹）"), self.settings.last_dir)
        if folder:
            self.settings.last_dir = folder
            self.open_paths([folder])

    @Slot()
    def sign_off(self) -> None:
        """F9: the review of this report is done; record who, when and which version of the file."""
        r = self.current
        if r is None:
            return
        if r.state == SIGNED_OFF:
            self.statusBar().showMessage(self.tr("本报告已签发"), 5000)
            return
        if r.source_note:
            self.message(self.tr("签发"), self.tr("源文件已经改变，审核的是旧文本；请先“从源文件重新读取”再签发。"))
            return
        errs, warns = r.counts()
        if errs or warns:
            ok = QMessageBox.question(self, self.tr("签发"), self.tr("还有 ") + str(errs) + self.tr(" 个错误、")
                                      + str(warns) + self.tr(" 个警告未处理。仍要签发吗？"))
            if ok != QMessageBox.StandardButton.Yes:
                return
        self._ensure_auditor()
        try:
            with open(r.report.source, "rb") as fh:
                sha = sha256_bytes(fh.read())
        except OSError:
            sha = (self.ws.find(r.report.source) or {}).get("sha256", "")
        r.sign_off(sha)
        self.statusBar().showMessage(self.tr("已签发：") + (r.report.meta.agency or r.report.source), 5000)

    def _refresh_summary(self) -> None:
        if self.summary_dock.isVisible():
            self.summary.refresh(self.reviews)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for p in self.settings.recent():
            act = self.recent_menu.addAction(p)
            act.triggered.connect(lambda _=False, p=p: self.open_paths([p]))
        if not self.settings.recent():
            self.recent_menu.addAction(self.tr("（无）")).setEnabled(False)

    @Slot()
    def reopen_with_encoding(self) -> None:
        """Read the current report again with an encoding the auditor picks."""
        if self.current is None:
            return
        enc, ok = QInputDialog.getItem(self, self.tr("以其他编码重新打开"), self.tr("编码："), ENCODINGS, 1, False)
        if ok:
            self._reopen(self.current, enc, False)

    @Slot()
    def reload_from_source(self) -> None:
        """Read the current report's file again (it changed); corrections that still apply are kept."""
        if self.current is not None:
            self._reopen(self.current, None, True)

    def _reopen(self, review: Review, encoding: str | None, reread: bool) -> None:
        result = open_report(self.ws, review.report.source, encoding, self.settings.auditor, reread)
        if result.review is None:
            self.message(self.tr("无法重新读取"), str(result.error))
            return
        i = self.reviews.index(review)
        self.stacks.pop(id(review)).deleteLater()
        self._register(result.review)
        self.reviews.pop()
        self.reviews[i] = result.review
        self.queue.model.replace(review, result.review)
        for r in refresh_cross_year(self.reviews, result.review.report.meta.agency):
            self.queue.model.changed(r)
        self.show_review(result.review)
        self.message(self.tr("已重新读取"), "；".join(result.notes))

    @Slot()
    def open_with_encoding_dialog(self) -> None:
        """Open files that were not read right (or not at all) with an encoding the auditor picks."""
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("以指定编码打开"), self.settings.last_dir,
                                                word(OPEN_FILTER))
        if not paths:
            return
        enc, ok = QInputDialog.getItem(self, self.tr("以指定编码打开"), self.tr("编码："), ENCODINGS, 1, False)
        if ok:
            self.open_with_encoding(paths, enc)

    def open_with_encoding(self, paths: list[str], encoding: str) -> None:
        problems = []
        for p in paths:
            key = source_key(p)
            known = next((r for r in self.reviews if r.report.source == key), None)
            if known is not None:
                self._reopen(known, encoding, False)
                continue
            result = open_report(self.ws, key, encoding, self.settings.auditor)
            if result.review is None:
                problems.append(f"{Path(p).name}：{result.error}")
                continue
            self._register(result.review)
            self.queue.model.add([result.review])
            self.show_review(result.review)
        if problems:
            self.message(self.tr("无法打开"), "\n".join(problems))

    @Slot()
    def save_workspace(self) -> None:
        """Ctrl+S: every change is already on disk; an automatic workspace is given a name."""
        if not self.named:
            self.save_workspace_as()
            return
        for s in self.stacks.values():
            s.setClean()
        self.statusBar().showMessage(self.tr("已保存：") + str(self.ws.path), 5000)

    @Slot()
    def save_workspace_as(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("工作区另存为"), self.settings.last_dir,
                                              self.tr("审核工作区 (*.review.sqlite)"))
        if not path:
            return
        if not path.endswith(".sqlite"):
            path += ".review.sqlite"
        self.ws = self.ws.save_as(path)
        for r in self.reviews:
            r.store = self.ws
        self.named = True
        self.settings.workspace = path
        for s in self.stacks.values():
            s.setClean()
        self._update_title()
        self.statusBar().showMessage(self.tr("工作区已保存为 ") + path, 5000)

    @Slot()
    def open_workspace_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("打开工作区"), self.settings.last_dir,
                                              self.tr("审核工作区 (*.sqlite)"))
        if path:
            self.open_workspace(path)

    def open_workspace(self, path: str) -> None:
        """Switch to another workspace and reopen the reports it holds (the current one stays if it cannot)."""
        try:
            ws = Workspace(path)
        except WorkspaceError as exc:
            self.message(self.tr("无法打开工作区"), str(exc))
            return
        self.cancel_loading()
        self.ws.close()
        self.ws = ws
        self.named = True
        self.settings.workspace = path
        self.reviews.clear()
        for stack in self.stacks.values():
            stack.deleteLater()
        self.stacks.clear()
        self.queue.model.clear()
        self.current = None
        self.restore_queue()
        self._update_title()

    @Slot()
    def export_dialog(self) -> None:
        """Ctrl+E: write the dataset of every open report into a folder."""
        if not self.reviews:
            self.message(self.tr("导出"), self.tr("还没有打开任何报告"))
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("导出到文件夹"), self.settings.last_dir)
        if folder:
            self.export_to(folder)

    def export_to(self, folder: str) -> list[Path]:
        """Export the open reviews (cleaned and published values, statuses, issues, ledger)."""
        try:
            written = export_reviews(self.reviews, self.ws, folder)
        except OSError as exc:
            self.message(self.tr("导出失败"), self.tr("没有导出（原有文件保持不变）：") + str(exc))
            return []
        self.statusBar().showMessage(self.tr("已导出 ") + str(len(written)) + self.tr(" 个文件到 ") + folder, 8000)
        return written

    @Slot()
    def preferences(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("首选项"), self.tr("审核人姓名："), text=self.settings.auditor)
        if ok:
            self.settings.auditor = name.strip()
            for r in self.reviews:
                r.auditor = self.settings.auditor

    def _set_language(self, lang: str) -> None:
        self.settings.language = lang
        self.message(self.tr("界面语言"), self.tr("界面语言将在下次启动时切换。") + "\nThe interface language changes at the next start.")

    # ================================================================ chrome
    def message(self, title: str, text: str) -> None:
        """Tell the user something (tests replace QMessageBox.information)."""
        QMessageBox.information(self, title, text)

    def _update_counts(self) -> None:
        r = self.current
        if r is None:
            self.counts.setText("")
            return
        items = r.issues()
        errs = sum(1 for i in items if i.state == "open" and i.issue.severity == "error")
        warns = sum(1 for i in items if i.state == "open" and i.issue.severity == "warning")
        acc = sum(1 for i in items if i.state == "accepted")
        self.counts.setText(self.tr("错误 ") + str(errs) + self.tr(" · 警告 ") + str(warns) + self.tr(" · 已接受 ")
                            + str(acc) + self.tr(" · 修改 ") + str(len(r.corrections)) + " · "
                            + (r.report.encoding or "") + " · " + Path(r.report.source).name)

    def _update_title(self) -> None:
        ws = self.ws.path.name if self.named else self.tr("自动保存的工作区")
        head = ""
        if self.current is not None:
            m = self.current.report.meta
            head = f"{m.agency or Path(self.current.report.source).name} {m.year or ''} — "
        self.setWindowTitle(head + self.tr("政府信息公开年报审核") + f" [{ws}]")

    def _restore_geometry(self) -> None:
        g = self.settings.bytes(K_GEOMETRY)
        if g is not None:
            self.restoreGeometry(g)
        else:
            self.resize(1500, 900)
        s = self.settings.bytes(K_STATE)
        if s is not None:
            self.restoreState(s)
        for key, split in ((K_SPLIT_MAIN, self.split), (K_SPLIT_RIGHT, self.right)):
            b = self.settings.bytes(key)
            if b is not None:
                split.restoreState(b)
            elif split is self.split:
                split.setSizes([560, 940])
            else:
                split.setSizes([560, 300])

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self._closing = True
        self.cancel_loading()
        self.settings.set_bytes(K_GEOMETRY, self.saveGeometry())
        self.settings.set_bytes(K_STATE, self.saveState())
        self.settings.set_bytes(K_SPLIT_MAIN, self.split.saveState())
        self.settings.set_bytes(K_SPLIT_RIGHT, self.right.saveState())
        self.ws.close()
        super().closeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.open_paths(paths)  # folders included
            event.acceptProposedAction()
