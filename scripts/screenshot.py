"""Take a screenshot of the whole window on the sample reports, as big as the screen (run under Xvfb).

usage: python scripts/screenshot.py OUT.png [REPORT-OR-FOLDER] [FIELD-TO-SELECT]
                                    [--lang=en] [--summary] [--rule=R2] [--edit] [--readonly]

The README's pictures, on an office screen (125 % scaling: QT_SCALE_FACTOR=1.25):

    xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshot.py docs/day-zh.png resources/samples
    xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshot.py docs/day-en.png resources/samples \
        --lang=en
    QT_SCALE_FACTOR=1.25 xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshot.py \
        docs/day-zh-125.png resources/samples

--lang=en     the English interface
--summary     the summary by rule and by report docked below
--rule=CODE   the queue filtered to one rule, as a click on its bar in the summary does
--edit        correct the selected cell (with a reason) first, so the inspector shows its last change
--readonly    reopen the workspace read-only afterwards, as a second window would: the banner shows
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def option(name: str, default: str = "") -> str:
    return next((a.split("=", 1)[1] for a in sys.argv if a.startswith(f"--{name}=")), default)


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    out = args[0]
    report = args[1] if len(args) > 1 else str(ROOT / "resources" / "samples" / "003_669b05754e9fb909.txt")
    field = args[2] if len(args) > 2 else "s3.results_total.natural_person"
    tmp = tempfile.mkdtemp()
    os.environ["XDG_CONFIG_HOME"] = tmp
    os.environ["XDG_DATA_HOME"] = tmp
    os.environ["XDG_CACHE_HOME"] = tmp
    from PySide6.QtCore import QSettings, QTimer

    from ui.app import make_app
    from ui.main_window import MainWindow
    from ui.settings import Settings

    settings = Settings(QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
    settings.auditor = "审核员甲"
    settings.language = option("lang", "zh")
    workspace = str(Path(tmp) / "screenshot.review.sqlite")
    app = make_app(settings=settings)
    win = MainWindow(settings, workspace)
    if Path(report).is_dir():
        files = sorted(Path(report).glob("*.txt"))
        win.open_paths([str(p) for p in files[:4]])
        win.open_paths([str(p) for p in files[4:]])
        win.show_report(next(it.id for it in win.session.items if "003" in it.source))
    else:
        win.open_paths([report])
    if "--edit" in sys.argv:
        win.pane.select_field(field)
        model = next(m for m in win.pane.grids.values() if m.index_of(field).isValid())
        win.pane.inspector.reason.setText("与报告单位电话核实")
        model.setData(model.index_of(field), "6")
    if "--readonly" in sys.argv:
        win.close()
        win = MainWindow(settings, workspace)
        win.session.close()  # the same window, but on the workspace opened read-only
        from models.session import Session

        win.session = Session.open(workspace, readonly=True, auditor=settings.auditor)
        win._session_changed()
        win.show_report(win.session.items[0].id)
    win.setGeometry(app.primaryScreen().availableGeometry())  # the whole screen, as a maximised window
    win.show()
    if "--summary" in sys.argv:
        win.summary_dock.show()
    if option("rule"):
        win.filter_rule(option("rule"))

    def select() -> None:  # once the window is laid out at its size
        win.next_issue()  # the first open issue, as F8 would: its cells selected, its sources highlighted
        win.pane.select_field(field)

    def shoot() -> None:
        win.grab().save(out)
        print(f"{out}: window {win.width()}×{win.height()} (minimum {win.minimumSizeHint().width()}×"
              f"{win.minimumSizeHint().height()}), screen {app.primaryScreen().availableGeometry().size().toTuple()}")
        app.quit()

    def start() -> None:
        QTimer.singleShot(300, select)
        QTimer.singleShot(1000, shoot)

    if win.loading is not None:  # a scan is read by OCR in the background: shoot once it is in
        win.queue_loaded.connect(lambda _cancelled: start())
    else:
        start()
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main())
