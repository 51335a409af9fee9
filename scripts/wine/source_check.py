"""Run by the Windows CPython 3.13 of the build, under Wine (scripts/check_windows.py starts it):

1. imports every module of main, models/, parsers/ and ui/ under CPython 3.13 for Windows, so a
   module that only works on 3.11 or only on Linux is named;
2. starts the window exactly as `--self-test` does (ui.app.self_test: a throwaway workspace, the
   bundled samples read by the worker processes), and when the queue is loaded, shows sample 003
   on its first open issue and saves the window's picture to OUT.png.

3. with --ocr, reads a scanned page by OCR and writes the text (compared with Linux's).

usage: python.exe scripts/wine/source_check.py OUT.png SAMPLE...
       python.exe scripts/wine/source_check.py --ocr PAGE.png OUT.txt
"""
from __future__ import annotations

import importlib
import pkgutil
import sys
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))


def import_all() -> int:
    names = ["main"]
    for pkg in ("models", "parsers", "ui"):
        mod = importlib.import_module(pkg)
        names += [m.name for m in pkgutil.walk_packages(mod.__path__, pkg + ".")]
    failed = 0
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - every failure is reported
            failed += 1
            print(f"import {name} failed under {sys.version.split()[0]}:\n{traceback.format_exc()}", flush=True)
    print(f"imported {len(names) - failed} of {len(names)} modules under Python {sys.version.split()[0]} "
          f"({sys.platform})", flush=True)
    return failed


def picture(out: str, samples: list[str]) -> int:
    from PySide6.QtWidgets import QApplication

    import ui.app
    from ui.main_window import MainWindow

    init = MainWindow.__init__

    def take_picture(win: MainWindow, cancelled: bool) -> None:
        # runs before self_test's own handler, which closes the window
        try:
            win.resize(1600, 1000)
            win.pane.split.setSizes([520, 1080])
            win.pane.right.setSizes([600, 400])
            third = next((it.id for it in win.session.items if "003_" in it.source), None)
            if third is not None:
                win.show_report(third)
            win.next_issue()
        except Exception:  # noqa: BLE001 - the picture is taken anyway
            traceback.print_exc()
        for _ in range(5):
            QApplication.processEvents()
        ok = win.grab().save(out)
        print(f"picture {'saved' if ok else 'NOT saved'}: {out}", flush=True)

    def patched_init(self: MainWindow, *args: object, **kw: object) -> None:
        init(self, *args, **kw)  # type: ignore[arg-type]
        self.queue_loaded.connect(lambda cancelled: take_picture(self, cancelled))

    MainWindow.__init__ = patched_init  # type: ignore[method-assign]
    return ui.app.self_test(samples)


def ocr(image: str, out: str) -> None:
    """Read a scanned page by OCR (parsers/ocr.py) and write its text, to compare with Linux."""
    from parsers.ocr import read_scan

    scan = read_scan(Path(image).read_bytes(), Path(image).suffix)
    Path(out).write_text(scan.text, encoding="utf-8")
    print(f"ocr read {len(scan.text)} characters from {Path(image).name}", flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "--ocr":
        ocr(sys.argv[2], sys.argv[3])
        sys.exit(0)
    bad = import_all()
    code = picture(sys.argv[1], sys.argv[2:])
    sys.exit(1 if bad or code else 0)
