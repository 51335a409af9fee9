"""A province at once: builds 1,000 and 10,000 report files from the samples (varying agency and year) and
prints the command-line export time, the window's load time for 1,000 with the longest event-loop stall,
and peak memory.

Run: python bench/batch_bench.py [--sizes 1000,10000]
Targets: 10,000 exported in ≤ 30 s on 2 cores; no stall over 100 ms while 1,000 load; ≤ 400 MB with 1,000 loaded.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from extract_bench import make_corpus  # noqa: E402

WINDOW = r"""
import os, resource, sys, time
sys.path.insert(0, sys.argv[1])
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
from ui.app import make_app
from ui.settings import Settings
settings = Settings(QSettings(sys.argv[3], QSettings.Format.IniFormat))
app = make_app(settings=settings)
from ui.main_window import MainWindow
w = MainWindow(settings, sys.argv[4])
w.show()
app.processEvents()
stalls = []
clock = QElapsedTimer()
tick = QTimer()
tick.setInterval(5)
def beat():
    if clock.isValid():
        stalls.append(clock.restart())
    else:
        clock.start()
tick.timeout.connect(beat)
done = {}
def finished(cancelled):
    done["t"] = time.perf_counter()
    app.quit()
w.queue_loaded.connect(finished)
tick.start()
t0 = time.perf_counter()
w.open_paths([sys.argv[2]])
app.exec()
tick.stop()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{done['t'] - t0:.2f} {max(stalls) if stalls else 0} {peak:.0f} {w.queue.model.rowCount()}")
os._exit(0)
"""


def cli_export(folder: Path, out: Path) -> tuple[float, float]:
    """Seconds and peak MB (this process's children) of `main.py export --out out folder`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "main.py"), "export", "--quiet", "--out", str(out), str(folder)],
                   check=False, capture_output=True)
    dt = time.perf_counter() - t0
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    return dt, peak


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000")
    sizes = [int(x) for x in ap.parse_args().sizes.split(",")]
    print(f"cores: {os.cpu_count()}")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        folders = {}
        for n in sizes:
            folder = tmp / f"r{n}"
            folder.mkdir()
            make_corpus(folder, n)
            folders[n] = folder
        for n in sizes:
            dt, peak = cli_export(folders[n], tmp / f"out{n}")
            print(f"command-line export of {n} reports: {dt:.1f} s (peak memory of the run {peak:.0f} MB)"
                  + (" (target ≤ 30 s)" if n == 10000 else ""))
        n = 1000 if 1000 in folders else sizes[0]
        out = subprocess.run([sys.executable, "-c", WINDOW, str(ROOT), str(folders[n]), str(tmp / "s.ini"),
                              str(tmp / "w.sqlite")], capture_output=True, text=True)
        line = out.stdout.strip().splitlines()[-1] if out.stdout.strip() else ""
        try:
            secs, stall, peak, rows = line.split()
        except ValueError:
            print("window run failed:", out.stderr[-2000:])
            return
        print(f"window load of {n} reports: {float(secs):.1f} s for {rows} rows; longest event-loop stall "
              f"{stall} ms (target ≤ 100 ms); peak memory {peak} MB (target ≤ 400 MB)")


if __name__ == "__main__":
    main()
