"""Start the window: the application, the interface language, the reports to open."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QStandardPaths, QTranslator
from PySide6.QtWidgets import QApplication

from ui.settings import APP, ORG, Settings


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


def run(paths: list[str]) -> int:
    """Open the window on these report files and run until it closes."""
    app = make_app()
    from ui.main_window import MainWindow

    win = MainWindow()
    win.show()
    win.open_paths(win.ws.sources() + paths)  # the workspace's queue, then the files asked for
    return app.exec()
