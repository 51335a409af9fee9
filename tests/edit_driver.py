"""Run by test_kill: open the window offscreen, make edits one by one, say each, never stop.

usage: edit_driver.py WORKSPACE SETTINGS.ini REPORT
"""
from __future__ import annotations

import itertools
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings  # noqa: E402

from ui.app import make_app  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.settings import Settings  # noqa: E402

FIELDS = ["s3.new.natural_person", "s3.new.commercial", "s3.granted.natural_person", "s3.granted.total",
          "s4.review.upheld", "s4.review.total", "s4.suit_direct.other", "s3.carried_forward.total"]


def main() -> None:
    app = make_app()
    settings = Settings(QSettings(sys.argv[2], QSettings.Format.IniFormat))
    settings.auditor = "driver"
    win = MainWindow(settings, sys.argv[1])
    win.open_paths([sys.argv[3]])
    for n in itertools.count(1):  # a burst of edits until killed
        fid = FIELDS[n % len(FIELDS)]
        model = next(m for m in win.pane.grids.values() if m.index_of(fid).isValid())
        model.setData(model.index_of(fid), str(n))
        print(f"{fid} {n}", flush=True)
        app.processEvents()


if __name__ == "__main__":
    main()
