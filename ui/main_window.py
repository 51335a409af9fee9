"""The review window: the queue, the review of the current report, menus and keys.

It sends every command to the session (models.session) and redraws from the Changes it returns;
it computes no status, parses nothing and never writes the workspace itself.
"""
from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
)

from models.review import Review
from models.session import Changes, Prepared, Session, SourceError, WorkspaceError
from models.session.pages import has_pages, page_count
from models.session.reading import may_need_ocr
from models.workspace import default_workspace_path
from ui.dialogs import open_session
from ui.file_actions import FileActions
from ui.loader import JobTask, LoadTask
from ui.menus import build_menus
from ui.navigation import Navigation
from ui.queue import QueuePane
from ui.review_actions import ReviewActions
from ui.review_pane import ReviewPane
from ui.settings import K_GEOMETRY, K_SPLIT_MAIN, K_SPLIT_RIGHT, K_STATE, Settings
from ui.summary import Summary
from ui.widgets import ElidedLabel

SYNC_LIMIT = 4  # more files than this are read in the background
BIG_FILE = 1 << 20  # and so is any file bigger than this


class MainWindow(FileActions, ReviewActions, Navigation, QMainWindow):
    """One session (workspace) and the review of its current report."""
    report_loaded = Signal(str)
    cell_corrected = Signal(str)
    queue_loaded = Signal(bool)  # a batch finished reading; True if it was cancelled

    def __init__(self, settings: Settings | None = None, workspace: str | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        asked = workspace or self.settings.workspace or None
        self.session: Session = open_session(self, asked, self.settings)
        if self.session.ws.path != Path(asked or default_workspace_path()):
            self.settings.workspace = str(self.session.ws.path)  # the one picked instead: open it next time
        self.current: int | None = None
        self.loading: LoadTask | None = None
        self._export_task: JobTask | None = None
        self._reload_task: JobTask | None = None  # a PDF or a scan read again (ui/file_actions.py)
        self._pending: list[str] = []  # files asked for while a batch was loading
        self._wanted: str | None = None  # a file asked for by name, read in the background: shown when it arrives
        self._closing = False
        self._load_errors: list[str] = []
        self._summary_timer = QTimer(self)
        self._summary_timer.setSingleShot(True)
        self._summary_timer.setInterval(300)
        self._summary_timer.timeout.connect(self._refresh_summary)
        self._pairing = QTimer(self)  # idle work: never more than ~20 ms at a time on the GUI thread
        self._pairing.setInterval(0)
        self._pairing.timeout.connect(self._pair_some)
        self._build_widgets()
        build_menus(self)
        self.setAcceptDrops(True)
        self._restore_geometry()
        self._session_changed()

    # ================================================================ building
    def _build_widgets(self) -> None:
        self.pane = ReviewPane()
        self.pane.edit_requested.connect(self._submit)
        self.pane.restore_requested.connect(self.restore_published)
        self.pane.accept_requested.connect(self.accept_selected)
        self.pane.adopt_requested.connect(self.adopt_suggestion)
        self.pane.reason_given.connect(self.give_reason)
        self.pane.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.pane.edit_rejected.connect(self._edit_rejected)
        self.pane.cell_chosen.connect(self.remember_place)
        self.banner = QLabel()
        self.banner.setObjectName("readonly_banner")
        self.banner.setStyleSheet("background:#fff3c4; color:#5d4037; padding:4px 8px; font-weight:bold;")
        self.banner.setWordWrap(True)
        # a line or two, not half the window
        self.banner.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.pane.layout().insertWidget(0, self.banner)
        self.setCentralWidget(self.pane)
        self.queue = QueuePane()
        self.queue.review_chosen.connect(self.show_report)
        dock = QDockWidget(self.tr("报告队列"), self)
        dock.setObjectName("queue_dock")
        dock.setWidget(self.queue)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self.resizeDocks([dock], [self.queue.sizeHint().width()], Qt.Orientation.Horizontal)  # see _default_layout
        self.reports_dock = dock
        self.summary = Summary()
        self.summary.rule_chosen.connect(self.filter_rule)
        sdock = QDockWidget(self.tr("汇总"), self)
        sdock.setObjectName("summary_dock")
        sdock.setWidget(self.summary)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, sdock)
        sdock.hide()
        sdock.visibilityChanged.connect(lambda visible: visible and self._refresh_summary())
        self.resizeDocks([sdock], [200], Qt.Orientation.Vertical)  # a strip below: the review keeps the room
        self.summary_dock = sdock
        self.counts = ElidedLabel()  # a long file name is cut, never widens the window
        self.counts.setObjectName("counts")
        self.counts.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.cancel_btn = QPushButton(self.tr("取消"))
        self.cancel_btn.clicked.connect(self.cancel_work)
        for w in (self.progress, self.cancel_btn):
            w.hide()
            self.statusBar().addPermanentWidget(w)
        self.statusBar().addPermanentWidget(self.counts)  # at most its hint wide: messages keep the rest

    @property
    def review(self) -> Review | None:
        """The review of the current report."""
        return self.session.review(self.current) if self.current is not None else None

    def _session_changed(self) -> None:
        """A workspace was opened: show its queue, its read-only state, its name."""
        self.current = None
        self.queue.model.set_session(self.session)
        self.queue.select(None)  # a report id of the last workspace means nothing in this one
        self.pane.show_review(None)
        ro = self.session.readonly
        self.banner.setText(self.tr("只读：{reason}。可以查看和导出，修改不会保存。").format(
            reason=self.session.ws.readonly_reason) if ro else "")
        self.banner.setVisible(ro)
        self.pane.set_readonly(ro)
        for act in (self.act_restore, self.act_accept, self.act_sign_off, self.act_reload, self.act_reopen):
            act.setEnabled(not ro)  # nothing can be stored: say so by greying out, not by a refusal later
        self._pairing.start()  # the cross-year check of the reopened queue, a little at a time
        self._update_title()
        self._update_counts()

    @Slot()
    def _pair_some(self) -> None:
        self.apply(self.session.pair_some(0.02))
        if self.session.pairing_done:
            self._pairing.stop()

    # ================================================================ opening
    def open_paths(self, paths: list[str]) -> list[int]:
        """Open report files and folders; a few are read at once, many in the background.

        Returns the reports shown at once (none for a background load: see queue_loaded).
        """
        todo, skipped, known = self.session.to_read(paths)
        if skipped:
            self.message(self.tr("跳过的文件"), self.tr("以下文件不是可读取的报告格式，未打开：\n{files}").format(
                files="\n".join(Path(f).name for f in skipped[:30])
                + (f"\n… (+{len(skipped) - 30})" if len(skipped) > 30 else "")))
        if todo and self.session.readonly:
            self.message(self.tr("无法打开"), self.tr("工作区是只读的，不能加入新报告：{reason}").format(
                reason=self.session.ws.readonly_reason))
            todo = []
        if todo and (len(todo) > SYNC_LIMIT or self.loading is not None
                     or any(_size(k) > BIG_FILE or may_need_ocr(k) for k in todo)):  # a scan: seconds a page
            if known:
                self.show_report(known[0])
            elif _asked_files(paths):  # files asked for by name (not a folder): show the first one when it is read
                self._wanted = todo[0]
            self._load_in_background(todo)
            return known[:1]
        from models.session import prepare

        self._load_errors = []
        added = self._accept([prepare(k) for k in todo])
        self._finish_loading(False)
        shown = known + added
        if shown:
            self.show_report(shown[0])
        return shown

    def _load_in_background(self, keys: list[str]) -> None:
        if self.loading is not None:  # a batch is loading: this one follows it
            self._pending += [k for k in keys if k not in self._pending]
            self.progress.setMaximum(self.progress.maximum() + len(keys))
            return
        task = LoadTask(keys)
        task.signals.chunk.connect(self._accept)
        task.signals.progress.connect(self._loaded_count)  # a bound slot: dropped with the window
        task.signals.page.connect(self._page_read)
        task.signals.finished.connect(self._finish_loading)
        self.loading = task
        self._load_errors = []
        self.progress.setRange(0, len(keys))
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_btn.show()
        self.statusBar().showMessage(self.tr("正在读取 {n} 份报告…").format(n=len(keys)))
        QThreadPool.globalInstance().start(task)

    @Slot(int, int)
    def _loaded_count(self, done: int, _total: int) -> None:
        self.progress.setValue(done)

    @Slot(str, int, int)
    def _page_read(self, path: str, done: int, pages: int) -> None:
        """A scan is being read by OCR, seconds a page: say which page, so a long wait is not a hang."""
        self.statusBar().showMessage(self.tr("正在识别扫描件 {name}：第 {done}/{pages} 页（OCR）").format(
            name=Path(path).name, done=done, pages=pages))

    @Slot()
    def cancel_loading(self) -> None:
        """Stop reading the rest of a batch (and those waiting behind it); what was read stays."""
        self._pending = []
        if self.loading is not None:
            self.loading.cancel()

    @Slot()
    def cancel_work(self) -> None:
        """The Cancel button: stop a load (what was read stays) or an export (the old files stay)."""
        self.cancel_loading()
        for task in (self._export_task, self._reload_task):
            if task is not None:
                task.cancel()

    def _hide_progress(self) -> None:
        if self.loading is None and self._export_task is None and self._reload_task is None:
            self.progress.hide()
            self.cancel_btn.hide()

    @Slot(list)
    def _accept(self, prepared: list[Prepared]) -> list[int]:
        """Reports read (here or by the loader) join the workspace and the queue."""
        if self._closing:
            return []
        try:
            ch = self.session.add_prepared(prepared)
        except WorkspaceError as exc:
            self._load_errors.append(str(exc))
            return []
        self._load_errors += ch.errors
        self.apply(ch)
        wanted = next((rid for rid in ch.added if self._wanted and self.session.item(rid).source == self._wanted), None)
        if wanted is not None:
            self._wanted = None
            self.show_report(wanted)
        elif ch.added and self.current is None:
            self.show_report(ch.added[0])  # the first report can be reviewed while the rest load
        gc.freeze()  # loaded state lives as long as the window: keep the collector from scanning it again
        return ch.added

    @Slot(bool)
    def _finish_loading(self, cancelled: bool) -> None:
        self.loading = None
        if self._closing:
            return
        if self._pending and not cancelled:
            pending, self._pending = self._pending, []
            self._load_in_background([k for k in pending if self.session.find(k) is None])
            return
        self._hide_progress()
        if self._load_errors:
            self.message(self.tr("无法打开"), "\n".join(self._load_errors[:50])
                         + (f"\n… (+{len(self._load_errors) - 50})" if len(self._load_errors) > 50 else ""))
        n = len(self.session.items)
        if n > 1 or cancelled:
            text = self.tr("已取消；队列中共 {n} 份报告") if cancelled else self.tr("队列中共 {n} 份报告")
            self.statusBar().showMessage(text.format(n=n), 8000)
        self._summary_timer.start()
        self.queue_loaded.emit(cancelled)

    # ================================================================ showing
    def show_report(self, rid: int) -> None:
        """Make a report the current one: text, tables, issues."""
        try:
            review = self.session.review(rid)
        except (WorkspaceError, KeyError) as exc:
            self.message(self.tr("无法打开"), str(exc))
            return
        self.current = rid
        self.pane.show_review(review)
        self._show_suggestions()
        if has_pages(review.report.source):
            self._show_pages(rid)
        self.queue.select(rid)
        self.remember_place()
        self._update_counts()
        self._update_title()
        self._update_undo()
        self.report_loaded.emit(review.report.source)

    def _show_pages(self, rid: int) -> None:
        try:
            data = self.session.source_bytes(rid)
            suffix = Path(self.session.review(rid).report.source).suffix.lower()
            self.pane.show_pages(data, page_count(data, suffix), suffix)
        except (SourceError, ValueError) as exc:
            self.pane.hide_pages()
            self.statusBar().showMessage(self.tr("无法显示 PDF 页面：{why}").format(why=exc), 8000)

    def apply(self, ch: Changes) -> None:
        """Redraw what an operation changed: queue rows, the current report, the summary."""
        if ch.added:
            self.queue.model.grown()
        self.queue.model.changed(ch.rows | ch.issues)
        cur = self.current
        if cur is not None and (cur in ch.reloaded or self.session.review(cur) is not self.pane.review):
            self.show_report(cur)  # read again, or loaded again from its record: show that one
        elif cur is not None and (cur in ch.issues or cur in ch.cells):
            self._show_suggestions()
            self.pane.refresh()
            self._update_counts()
        self._update_undo()
        if ch.rows or ch.added:
            self._summary_timer.start()

    def _show_suggestions(self) -> None:
        """What the consistency rules suggest for the current scan's doubtful OCR values."""
        cur = self.current
        self.pane.set_suggestions(self.session.ocr_suggestions(cur) if cur is not None else [])

    @Slot(object)
    def adopt_suggestion(self, suggestion: Any) -> None:
        """The auditor takes an OCR suggestion: one correction, with its reason, in the ledger."""
        if self._run("apply_suggestion", suggestion):
            self.cell_corrected.emit(suggestion.field)

    @Slot(str)
    def filter_rule(self, rule: str) -> None:
        """A rule picked in the summary: the queue lists only the reports with its open issues."""
        self.reports_dock.show()
        self.queue.filter_rule(rule)

    # ================================================================ chrome
    def message(self, title: str, text: str) -> None:
        """Tell the user something (tests replace QMessageBox.information)."""
        QMessageBox.information(self, title, text)

    def _refresh_summary(self) -> None:
        if self.summary_dock.isVisible():
            self.summary.refresh(self.session.items)

    def _update_counts(self) -> None:
        r = self.review
        if r is None:
            self.counts.setText("")
            return
        errs, warns = r.counts()
        acc = sum(1 for i in r.issues() if i.state == "accepted")
        counts = self.tr("错误 {errors} · 警告 {warnings} · 已接受 {accepted} · 修改 {corrected}").format(
            errors=errs, warnings=warns, accepted=acc, corrected=len(r.corrections))
        about = [r.report.encoding or "", Path(r.report.source).name]  # a PDF has no encoding
        self.counts.setText(" · ".join([counts] + [a for a in about if a]))

    def _update_title(self) -> None:
        ws = self.session.ws.path.name if self.named else self.tr("自动保存的工作区")
        if self.session.readonly:
            ws = self.tr("{workspace}（只读）").format(workspace=ws)
        r = self.review
        if r is None:
            self.setWindowTitle(self.tr("政府信息公开年报审核 [{workspace}]").format(workspace=ws))
            return
        m = r.report.meta
        self.setWindowTitle(self.tr("{report} {year} — 政府信息公开年报审核 [{workspace}]").format(
            report=m.agency or Path(r.report.source).name, year=m.year or "", workspace=ws))

    def _restore_geometry(self) -> None:
        screen = self.screen().availableGeometry()
        g = self.settings.bytes(K_GEOMETRY)
        if g is not None:
            self.restoreGeometry(g)
        else:  # fit a 1366×768 laptop as well as a large screen
            self.resize(min(1500, screen.width() * 19 // 20), min(900, screen.height() * 19 // 20))
        if self.width() > screen.width() or self.height() > screen.height():  # saved on a bigger screen
            self.resize(min(self.width(), screen.width()), min(self.height(), screen.height()))
        s = self.settings.bytes(K_STATE)
        if s is not None:
            self.restoreState(s)
        self._laid_out = False  # the splitters as the auditor left them, else laid out at the first show
        for key, split in ((K_SPLIT_MAIN, self.pane.split), (K_SPLIT_RIGHT, self.pane.right)):
            b = self.settings.bytes(key)
            if b is not None:
                self._laid_out = split.restoreState(b)
        if not self._laid_out:
            self._default_layout()

    def _default_layout(self) -> None:
        """The queue as narrow as it can show its columns; table 三 whole when the screen has room, the
        report text the rest (never less than a readable column)."""
        queue = self.queue.sizeHint().width() if self.width() >= 1300 else self.queue.minimumSizeHint().width()
        self.resizeDocks([self.reports_dock], [queue], Qt.Orientation.Horizontal)
        central = max(500, self.width() - queue - 12)
        tables = max(central * 3 // 5, min(self.pane.views["三"].full_width() + 12, central - 230))
        self.pane.split.setSizes([central - tables, tables])
        height = max(300, self.height() - 70)
        self.pane.right.setSizes([height * 3 // 5, height * 2 // 5])

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._laid_out:  # sizes known only now (a maximised window, a screenshot's full screen)
            self._laid_out = True
            QTimer.singleShot(0, self._default_layout)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self._closing = True
        self.cancel_loading()
        if self._reload_task is not None:
            self._reload_task.cancel()
        task = self._export_task
        if task is not None:  # it reads the workspace: let it stop (its old files stay) before closing that
            task.cancel()
            task.finished.wait(60)
        self.settings.set_bytes(K_GEOMETRY, self.saveGeometry())
        self.settings.set_bytes(K_STATE, self.saveState())
        self.settings.set_bytes(K_SPLIT_MAIN, self.pane.split.saveState())
        self.settings.set_bytes(K_SPLIT_RIGHT, self.pane.right.saveState())
        self.session.close()
        super().closeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.remember_files(paths)
            self.open_paths(paths)  # folders included
            event.acceptProposedAction()


def _asked_files(paths: list[str]) -> bool:
    """True when the paths name files (not a folder to read through)."""
    return bool(paths) and all(not Path(p).is_dir() for p in paths)


def _size(path: str) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0

