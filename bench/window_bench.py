"""Window speed: cold start to window shown, opening a report, re-checking after one edit.

Run: python bench/window_bench.py (offscreen unless DISPLAY is set).
Targets: ≤ 1.5 s, ≤ 150 ms, ≤ 10 ms.
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if not os.environ.get("DISPLAY"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

COLD = r"""
import time, sys, os
t0 = time.perf_counter()
sys.path.insert(0, sys.argv[1])
from PySide6.QtCore import QSettings
from ui.app import make_app
from ui.settings import Settings
settings = Settings(QSettings(sys.argv[2], QSettings.Format.IniFormat))
app = make_app(settings=settings)
from ui.main_window import MainWindow
w = MainWindow(settings, sys.argv[3])
w.show()
app.processEvents()
print(time.perf_counter() - t0)
"""


def cold_start(tmp: Path, runs: int = 5) -> float:
    """Median seconds from interpreter start to the window shown (interpreter start-up included)."""
    times = []
    for i in range(runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", COLD, str(ROOT), str(tmp / f"s{i}.ini"), str(tmp / f"w{i}.sqlite")],
                       check=True, capture_output=True, text=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    print(f"cold start to window shown: {cold_start(tmp) * 1000:.0f} ms (target ≤ 1500 ms)")
    from PySide6.QtCore import QSettings

    from ui.app import make_app
    from ui.main_window import MainWindow
    from ui.settings import Settings

    settings = Settings(QSettings(str(tmp / "bench.ini"), QSettings.Format.IniFormat))
    settings.auditor = "bench"
    app = make_app(settings=settings)
    win = MainWindow(settings, str(tmp / "bench.sqlite"))
    win.show()
    samples = sorted((ROOT / "resources" / "samples").glob("*.txt"))
    opens = []
    for i in range(40):
        src = samples[i % len(samples)]
        copy = tmp / f"{i:03d}_{src.name}"
        shutil.copy(src, copy)
        t0 = time.perf_counter()
        win.open_paths([str(copy)])
        app.processEvents()
        opens.append(time.perf_counter() - t0)
    print(f"opening a report (read, check, show): median {statistics.median(opens) * 1000:.1f} ms, "
          f"max {max(opens) * 1000:.1f} ms (target ≤ 150 ms)")
    rid = next(it.id for it in win.session.items if it.name.endswith("003_669b05754e9fb909.txt"))
    win.show_report(rid)  # 003: a report with errors
    model = win.pane.grids["三"]
    idx = model.index_of("s3.results_total.natural_person")
    edits = []
    for n in range(60):
        t0 = time.perf_counter()
        model.setData(idx, str(n % 7))
        app.processEvents()
        edits.append(time.perf_counter() - t0)
    print(f"re-check after one edit (commit, check, repaint): median {statistics.median(edits) * 1000:.2f} ms, "
          f"max {max(edits) * 1000:.2f} ms (target ≤ 10 ms)")
    win.close()


if __name__ == "__main__":
    main()
