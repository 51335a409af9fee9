"""Start the window: the application, the interface language, the reports to open."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QStandardPaths, QTranslator
from PySide6.QtWidgets import QApplication

from ui.settings import APP, ORG, Settings

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def resource_path(*parts: str) -> Path:
    """A file under resources/, from the source tree or from a frozen build."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))
    return base.joinpath("resources", *parts)


def english_qm() -> Path | None:
    """The compiled English translation: shipped beside the .ts, or built once into the cache."""
    ts = resource_path("i18n", "govinfo_en.ts")
    shipped = ts.with_suffix(".qm")
    if shipped.exists() and (not ts.exists() or shipped.stat().st_mtime >= ts.stat().st_mtime):
        return shipped
    if not ts.exists():
        return None
    cache = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation) or ".")
    qm = cache / "govinfo_en.qm"
    if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return qm
    cache.mkdir(parents=True, exist_ok=True)
    lrelease = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.BinariesPath)) / "lrelease"
    candidates = [str(lrelease), str(Path(sys.executable).with_name("pyside6-lrelease")), "pyside6-lrelease"]
    for exe in candidates:
        try:
            subprocess.run([exe, str(ts), "-qm", str(qm)], check=True, capture_output=True, timeout=60)
            return qm
        except (OSError, subprocess.SubprocessError):
            continue
    return None


def install_language(app: QApplication, language: str) -> QTranslator | None:
    """Switch the interface to English ("en"); Chinese ("zh") is the built-in default."""
    if language != "en":
        return None
    qm = english_qm()
    tr = QTranslator(app)
    if qm is None or not tr.load(str(qm)):
        return None
    app.installTranslator(tr)
    QLocale.setDefault(QLocale(QLocale.Language.English))
    return tr


def make_app(argv: list[str] | None = None, settings: Settings | None = None) -> QApplication:
    """The QApplication with names set and the chosen interface language."""
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    # hand the GIL to the GUI thread within 1 ms when the loader thread holds it (default 5 ms)
    sys.setswitchinterval(0.001)
    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    install_language(app, (settings or Settings()).language)
    return app


def run(paths: list[str], samples: list[str] | None = None) -> int:
    """Open the window on the workspace's queue and these report files; on a first start with
    nothing asked for, on the bundled sample reports. Runs until the window closes."""
    app = make_app()
    from ui.dialogs import Abandoned

    try:
        start(paths, samples)
    except Abandoned as exc:
        print(str(exc), file=sys.stderr)
        return 1
    return app.exec()


def start(paths: list[str], samples: list[str] | None = None, settings: Settings | None = None) -> MainWindow:
    """The window shown, as run() opens it: a workspace file among the paths (Explorer's "Open
    with", or a double-click once associated) is opened as the workspace, the others are read."""
    from ui.main_window import MainWindow

    workspaces, paths = split_workspaces(paths)
    win = MainWindow(settings, workspaces[0] if workspaces else None)
    if workspaces:
        win.settings.workspace = str(win.session.ws.path)
        win.settings.add_recent(str(Path(workspaces[0]).resolve()))
    win.show()
    todo = initial_paths(bool(win.session.items) or bool(workspaces), paths, samples or [])
    if paths:
        win.remember_files(paths)
    if todo:
        win.open_paths(todo)
    elif win.session.items:  # reopening a workspace reads nothing: back to the report and cell of last time
        win.resume()
    return win


def split_workspaces(paths: list[str]) -> tuple[list[str], list[str]]:
    """Of the paths given, the workspace files (*.review.sqlite, or any existing *.sqlite file) and the rest."""
    ws = [p for p in paths
          if p.lower().endswith(".review.sqlite") or (p.lower().endswith(".sqlite") and Path(p).is_file())]
    return ws, [p for p in paths if p not in ws]


def initial_paths(queued: bool, asked: list[str], samples: list[str]) -> list[str]:
    """The files the window reads at start: those asked for; the bundled samples only on a first
    start with nothing else, so they never pile into real work. A workspace's queue is never read
    again: it is restored from the workspace."""
    return asked if (queued or asked) else samples


def self_test(paths: list[str]) -> int:
    """Start the real window on these reports with a throwaway workspace and settings, wait until
    they are all read, say how many, and quit (checks a packaged build)."""
    import tempfile

    from PySide6.QtCore import QSettings, QTimer

    tmp = tempfile.mkdtemp(prefix="govinfo-selftest-")
    settings = Settings(QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
    app = make_app(settings=settings)
    from ui.main_window import MainWindow

    win = MainWindow(settings, str(Path(tmp) / "selftest.review.sqlite"))
    win.show()
    result = {"code": 1}

    def loaded(cancelled: bool) -> None:
        items = win.session.items
        errs = sum(it.errors for it in items)
        review = win.review
        print(f"window ok: {len(items)} reports in the queue, {errs} errors open, "
              f"current {review.report.meta.agency if review else None}", flush=True)
        result["code"] = 0 if items and not cancelled else 1
        QTimer.singleShot(0, win.close)
        QTimer.singleShot(0, app.quit)

    win.queue_loaded.connect(loaded)
    QTimer.singleShot(60000, app.quit)  # never hang a build check
    QTimer.singleShot(0, lambda: win.open_paths(paths))
    app.exec()
    return result["code"]
