"""The File menu and preferences: dialogs that ask, then commands to the session."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow

from models.report import Report
from models.review import SIGNED_OFF
from models.session import Session, WorkspaceError
from models.session.reading import may_need_ocr
from models.workspace import default_workspace_path
from ui import dialogs
from ui.loader import JobTask
from ui.table_models import word

if TYPE_CHECKING:
    from ui.main_window import MainWindow

RECENT_AT_ONCE = 3  # files picked together up to this many go to the recent list; more are a folder's worth
ENCODINGS = ["utf-8", "gb18030", "big5hkscs", "utf-16", "utf-16-le", "utf-16-be", "cp1252"]
OPEN_FILTER = QT_TRANSLATE_NOOP("Words", "报告文件 (*.txt *.md *.text *.html *.htm *.docx *.pdf *.png *.jpg *.jpeg *.tif *.tiff);;所有文件 (*)")  # noqa: E501


class FileActions(QMainWindow):
    """Opening files and workspaces, reading a report again, saving, exporting, preferences."""
    export_finished = Signal(object)  # the files written, or one line saying why not

    @property
    def named(self: MainWindow) -> bool:  # type: ignore[misc]
        """True when the workspace is a file the user named (not the automatic one)."""
        return Path(self.session.ws.path) != default_workspace_path()

    @Slot()
    def open_dialog(self: MainWindow) -> None:  # type: ignore[misc]
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("打开报告"), self.settings.last_dir, word(OPEN_FILTER))
        if paths:
            self.settings.last_dir = str(Path(paths[0]).parent)
            self.remember_files(paths)
            self.open_paths(paths)

    def remember_files(self: MainWindow, paths: list[str]) -> None:  # type: ignore[misc]
        """Files the user opened by name go to the recent list (a folder, or a folder's worth, does not)."""
        files = [p for p in paths if Path(p).is_file()]
        if 0 < len(files) <= RECENT_AT_ONCE and len(files) == len(paths):
            for p in reversed(files):
                self.settings.add_recent(str(Path(p).resolve()))

    @Slot()
    def open_folder_dialog(self: MainWindow) -> None:  # type: ignore[misc]
        folder = QFileDialog.getExistingDirectory(self, self.tr("打开文件夹（含子文件夹）"), self.settings.last_dir)
        if folder:
            self.settings.last_dir = folder
            self.open_paths([folder])

    def fill_recent(self: MainWindow) -> None:  # type: ignore[misc]
        """The recent files and workspaces, newest first: a workspace opens as one, a report joins the queue."""
        self.recent_menu.clear()
        for p in self.settings.recent():
            act = self.recent_menu.addAction(_elide_path(p))
            act.setToolTip(p)
            act.setEnabled(Path(p).exists())
            if p.endswith(".sqlite"):
                act.triggered.connect(lambda _=False, p=p: self.open_workspace(p))
            else:
                act.triggered.connect(lambda _=False, p=p: self.open_paths([p]))
        if not self.settings.recent():
            self.recent_menu.addAction(self.tr("（无）")).setEnabled(False)

    # ------------------------------------------------------------ reading again
    @Slot()
    def reopen_with_encoding(self: MainWindow) -> None:  # type: ignore[misc]
        """Read the current report again with an encoding the auditor picks (shown first, then applied)."""
        if self.current is None:
            return
        enc, ok = QInputDialog.getItem(self, self.tr("以其他编码重新打开"), self.tr("编码："), ENCODINGS, 1, False)
        if ok:
            self.reload(self.current, enc)

    @Slot()
    def reload_from_source(self: MainWindow) -> None:  # type: ignore[misc]
        """F5: read the current report's file again; what would change is shown before anything changes."""
        if self.current is not None:
            self.reload(self.current, None)

    def reload(self: MainWindow, rid: int, encoding: str | None) -> bool:  # type: ignore[misc]
        """Read a report's file again: show every published value that would change, apply on confirmation."""
        if self.session.readonly:
            self.message(self.tr("只读"), self.tr("工作区是只读的，不能重新读取。"))
            return False
        if may_need_ocr(self.session.item(rid).source):  # a PDF or an image: a scan is read by OCR for minutes
            self._reread_in_background(rid, encoding)
            return False
        got = self.session.read_again(rid, encoding)
        assert got is not None  # read here: nothing cancels it
        return self._reread(rid, encoding, *got)

    def _reread_in_background(self: MainWindow, rid: int, encoding: str | None) -> None:  # type: ignore[misc]
        """Read a PDF or a scan again on a worker thread, page by page with Cancel; then as reload()."""
        if self._reload_task is not None:
            self.message(self.tr("重新读取"), self.tr("正在重新读取一份报告，请等它完成或取消。"))
            return
        session = self.session
        stop = [False]

        def job(progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> object:
            # in a worker process: pdfium (PDFs, and the pages the window draws) must not run on two threads
            got = session.read_again(rid, encoding, progress, lambda: stop[0], worker=True)
            return session, rid, encoding, *(got or (None, "")), stop[0] or got is None

        task = JobTask(job)
        task.cancel = lambda: stop.__setitem__(0, True)  # type: ignore[method-assign]
        task.signals.progress.connect(self._reread_page)
        task.signals.done.connect(self._reread_done)
        task.signals.failed.connect(self._reread_failed)
        self._reload_task = task
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_btn.show()
        self.statusBar().showMessage(self.tr("正在重新读取 {name}…").format(name=Path(session.item(rid).source).name))
        QThreadPool.globalInstance().start(task)

    @Slot(int, int)
    def _reread_page(self: MainWindow, done: int, pages: int) -> None:  # type: ignore[misc]
        self.progress.setRange(0, pages)
        self.progress.setValue(done)
        self.statusBar().showMessage(self.tr("正在重新识别扫描件：第 {done}/{pages} 页（OCR）").format(
            done=done, pages=pages))

    @Slot(object)
    def _reread_done(self: MainWindow, result: object) -> None:  # type: ignore[misc]
        self._reload_task = None
        self._hide_progress()
        session, rid, encoding, report, sha, cancelled = result  # type: ignore[misc]
        if self._closing or session is not self.session:  # closed, or another workspace opened meanwhile
            return
        if cancelled:  # nothing changes: the reading stays as it was
            self.statusBar().showMessage(self.tr("已取消重新读取；报告保持不变"), 8000)
            return
        self._reread(rid, encoding, report, sha)

    @Slot(str)
    def _reread_failed(self: MainWindow, why: str) -> None:  # type: ignore[misc]
        self._reload_task = None
        self._hide_progress()
        if not self._closing:
            self.message(self.tr("无法重新读取"), why)

    def _reread(self: MainWindow, rid: int, encoding: str | None, report: Report, sha: str) -> bool:  # type: ignore[misc]
        """The file read again: show what would change, apply on confirmation."""
        plan = self.session.plan_reload(rid, encoding, report, sha)
        if plan.error:
            self.message(self.tr("无法重新读取"), plan.error)
            return False
        if not dialogs.confirm_reload(self, plan):
            return False
        self._ensure_auditor()
        was_signed = self.session.review(rid).state == SIGNED_OFF
        try:
            ch = self.session.apply_reload(plan)
        except WorkspaceError as exc:
            self.message(self.tr("无法保存修改"), str(exc))
            return False
        self.apply(ch)
        lines = list(ch.notes)
        if was_signed and self.session.review(rid).state != SIGNED_OFF:
            lines.append(self.tr("签发已失效：读取的文件不是签发时的文件，请审核后重新签发。"))
        self.message(self.tr("已重新读取"), "\n".join(lines))
        return True

    @Slot()
    def open_with_encoding_dialog(self: MainWindow) -> None:  # type: ignore[misc]
        """Open files that were not read right (or not at all) with an encoding the auditor picks."""
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("以指定编码打开"), self.settings.last_dir,
                                                word(OPEN_FILTER))
        if not paths:
            return
        enc, ok = QInputDialog.getItem(self, self.tr("以指定编码打开"), self.tr("编码："), ENCODINGS, 1, False)
        if ok:
            self.open_with_encoding(paths, enc)

    def open_with_encoding(self: MainWindow, paths: list[str], encoding: str) -> None:  # type: ignore[misc]
        from models.session import prepare

        problems = []
        for p in paths:
            known = self.session.find(p)
            if known is not None:
                self.reload(known, encoding)
                continue
            ch = self.session.add_prepared([prepare(p, encoding)])
            problems += ch.errors
            self.apply(ch)
            if ch.added:
                self.show_report(ch.added[0])
        if problems:
            self.message(self.tr("无法打开"), "\n".join(problems))

    # ------------------------------------------------------------ workspaces
    @Slot()
    def save_workspace(self: MainWindow) -> None:  # type: ignore[misc]
        """Ctrl+S: every change is already on disk; an automatic workspace is given a name."""
        if not self.named:
            self.save_workspace_as()
            return
        self.statusBar().showMessage(self.tr("每次修改都已保存：{path}").format(path=self.session.ws.path), 5000)

    @Slot()
    def save_workspace_as(self: MainWindow) -> None:  # type: ignore[misc]
        path = self._ask_save_path(self.tr("工作区另存为"))
        if not path:
            return
        try:
            self.session.save_as(path)
        except WorkspaceError as exc:
            self.message(self.tr("无法保存"), str(exc))
            return
        self.settings.workspace = path
        self._update_title()
        self.statusBar().showMessage(self.tr("工作区已保存为 {path}").format(path=path), 5000)

    @Slot()
    def save_workspace_copy(self: MainWindow) -> None:  # type: ignore[misc]
        """A complete copy in one file, to hand over or keep; work goes on in this workspace."""
        path = self._ask_save_path(self.tr("保存工作区副本"))
        if not path:
            return
        try:
            self.session.save_copy(path)
        except WorkspaceError as exc:
            self.message(self.tr("无法保存"), str(exc))
            return
        self.statusBar().showMessage(self.tr("副本已保存：{path}").format(path=path), 5000)

    def _ask_save_path(self: MainWindow, title: str) -> str:  # type: ignore[misc]
        path, _ = QFileDialog.getSaveFileName(self, title, self.settings.last_dir,
                                              self.tr("审核工作区 (*.review.sqlite)"))
        if path and not path.endswith(".sqlite"):
            path += ".review.sqlite"
        return path

    @Slot()
    def open_workspace_dialog(self: MainWindow) -> None:  # type: ignore[misc]
        path, _ = QFileDialog.getOpenFileName(self, self.tr("打开工作区"), self.settings.last_dir,
                                              self.tr("审核工作区 (*.sqlite)"))
        if path:
            self.open_workspace(path)

    def open_workspace(self: MainWindow, path: str) -> bool:  # type: ignore[misc]
        """Switch to another workspace (the current one stays open if that one cannot be)."""
        if Path(path).resolve() == Path(self.session.ws.path).resolve():
            self.statusBar().showMessage(self.tr("这个工作区已经打开：{path}").format(path=path), 5000)
            return True
        if self._export_task is not None:  # it reads this workspace until it is done
            self.message(self.tr("无法打开工作区"), self.tr("正在导出，请等它完成或取消后再换工作区。"))
            return False
        try:
            session = Session.open(path, auditor=self.settings.auditor)
        except WorkspaceError as exc:
            from models.session import WorkspaceLocked

            if not (isinstance(exc, WorkspaceLocked) and dialogs.ask_locked(self, exc)):
                self.message(self.tr("无法打开工作区"), str(exc))
                return False
            session = Session.open(path, readonly=True, auditor=self.settings.auditor)
        self.cancel_loading()
        self.session.close()
        self.session = session
        self.settings.workspace = path
        self.settings.add_recent(str(Path(path).resolve()))
        self._session_changed()
        if session.items:  # in the next turn of the event loop: the queue is drawn first
            QTimer.singleShot(0, lambda: self.current is None and self.session is session and self.resume())
        return True

    # ------------------------------------------------------------ export
    @Slot()
    def export_dialog(self: MainWindow) -> None:  # type: ignore[misc]
        """Ctrl+E: write the dataset of every report in the queue into a folder (in the background)."""
        if not self.session.items:
            self.message(self.tr("导出"), self.tr("还没有打开任何报告"))
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("导出到文件夹"), self.settings.last_dir)
        if folder:
            self.export_to(folder)

    def export_to(self: MainWindow, folder: str) -> None:  # type: ignore[misc]
        """Export in the background with progress and Cancel; export_finished says how it went."""
        if self._export_task is not None:
            self.message(self.tr("导出"), self.tr("正在导出，请等它完成或取消后再导出。"))
            return
        session = self.session
        task = JobTask(lambda progress, cancelled: session.export(folder, progress, cancelled, spawn=True))
        task.signals.progress.connect(lambda done, total: (self.progress.setRange(0, total),
                                                           self.progress.setValue(done)))
        task.signals.done.connect(lambda written: self._exported(folder, written))
        task.signals.failed.connect(lambda why: self._exported(folder, why))
        task.signals.cancelled.connect(lambda: self._exported(folder, None))
        self.progress.setRange(0, len(session.items))
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_btn.show()
        self.statusBar().showMessage(self.tr("正在导出 {n} 份报告…").format(n=len(session.items)))
        self._export_task = task
        QThreadPool.globalInstance().start(task)

    def _exported(self: MainWindow, folder: str, result: object) -> None:  # type: ignore[misc]
        """The export ended: written (a list of files), failed (one line) or cancelled (None)."""
        self._export_task = None
        self._hide_progress()
        if result is None:
            result = self.tr("已取消导出；{folder} 中原有的文件保持不变").format(folder=folder)
            self.statusBar().showMessage(result, 8000)
        elif isinstance(result, str):
            if not self._closing:
                self.message(self.tr("导出失败"), result)
        else:
            n = len(result) if isinstance(result, list) else 0
            self.statusBar().showMessage(self.tr("已导出 {n} 个文件到 {folder}").format(n=n, folder=folder), 8000)
        self.export_finished.emit(result)

    # ------------------------------------------------------------ preferences
    @Slot()
    def preferences(self: MainWindow) -> None:  # type: ignore[misc]
        name, ok = QInputDialog.getText(self, self.tr("首选项"), self.tr("审核人姓名："), text=self.settings.auditor)
        if ok:
            self.settings.auditor = name.strip()
            self.session.auditor = self.settings.auditor

    def set_language(self: MainWindow, lang: str) -> None:  # type: ignore[misc]
        self.settings.language = lang
        self.message(self.tr("界面语言"), self.tr("界面语言将在下次启动时切换。")
                     + "\nThe interface language changes at the next start.")


def _elide_path(path: str, keep: int = 60) -> str:
    """A long path shortened in the middle for a menu (the whole path is the tooltip)."""
    return path if len(path) <= keep else path[:20] + "…" + path[-(keep - 21):]
