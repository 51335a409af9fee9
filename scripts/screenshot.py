"""Take a screenshot of the window on a sample report (run under Xvfb: xvfb-run -s '-screen 0 1600x1000x24').

usage: python scripts/screenshot.py OUT.png [REPORT-OR-FOLDER] [FIELD-TO-SELECT] [--summary]
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    out = args[0]
    report = args[1] if len(args) > 1 else str(ROOT / "resources" / "samples" / "003_669b05754e9fb909.txt")
    field = args[2] if len(args) > 2 else "s3.results_total.natural_person"
    tmp = tempfile.mkdtemp()
    os.environ["XDG_CONFIG_HOME"] = tmp
    os.environ["XDG_DATA_HOME"] = tmp
    from PySide6.QtCore import QTimer

    from ui.app import make_app
    from ui.main_window import MainWindow

    app = make_app()
    win = MainWindow()
    win.resize(1600, 1000)
    win.split.setSizes([520, 1080])
    win.show()
    if Path(report).is_dir():
        win.open_paths([str(p) for p in sorted(Path(report).glob("*.txt"))[:4]])
        win.open_paths([str(p) for p in sorted(Path(report).glob("*.txt"))[4:]])
        win.show_review(next(r for r in win.reviews if "003" in r.report.source))
    else:
        win.open_paths([report])
    if "--summary" in sys.argv:
        win.summary_dock.show()
    win.next_issue()  # the first open issue, as F8 would: its cells selected, its sources highlighted
    win.select_field(field)

    def shoot() -> None:
        win.grab().save(out)
        app.quit()

    QTimer.singleShot(800, shoot)
    app.exec()
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
