"""A province's workspace in the window: reopening 5,000 reports, and an edit with all of them open.

Builds a workspace of N reports (default 5,000, made from the samples with varying agency and
year), then in a fresh process starts the window on it and prints:
- reopening to a usable window (queue listed, a report open), its peak memory, and the longest
  event-loop stall while it reopens, beside a floor: reading the queue's rows from SQLite alone;
- edit → re-check complete (the session's commit and check, the window repainted), beside a floor:
  one bare SQLite commit of the same size on the same file;
- the longest event-loop stall while a folder of 1,000 reports loads into that window.

Run: python bench/session_bench.py [--reports 5000] [--folder 1000]
Targets: reopen ≤ 3 s and ≤ 400 MB; edit → re-check ≤ 5 ms; no stall over 100 ms.
"""
from __future__ import annotations

import argparse
import os
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
import os, resource, sqlite3, statistics, sys, time
sys.path.insert(0, sys.argv[1])
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ws_path, folder = sys.argv[2], sys.argv[3]
t_floor = time.perf_counter()
db = sqlite3.connect(ws_path)
rows = db.execute("SELECT id, source, sha256, agency, year, format, errors, warnings, state, year_values, rules "
                  "FROM reports ORDER BY id").fetchall()
db.close()
floor_reopen = time.perf_counter() - t_floor
del rows
from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
from ui.app import make_app
from ui.settings import Settings
settings = Settings(QSettings(os.path.join(os.path.dirname(ws_path), "s.ini"), QSettings.Format.IniFormat))
settings.auditor = "bench"
app = make_app(settings=settings)
from ui.main_window import MainWindow
stalls = []
clock = QElapsedTimer()
def beat():
    stalls.append(clock.restart() if clock.isValid() else (clock.start() or 0))
tick = QTimer()
tick.setInterval(5)
tick.timeout.connect(beat)
w = MainWindow(settings, os.path.join(os.path.dirname(ws_path), "start.review.sqlite"))
w.show()
app.processEvents()
clock.start()
tick.start()
t0 = time.perf_counter()
reopened = {}
def reopen():  # File ▸ Open workspace, in the running window
    w.open_workspace(ws_path)  # the queue from the workspace's rows, no record read; the first report shown
    reopened["t"] = time.perf_counter()
def settled():
    if "t" in reopened and w.current is not None and "shown" not in reopened:
        reopened["shown"] = time.perf_counter()  # usable: the queue listed and a report open
    if "shown" in reopened and w.session.pairing_done:
        app.exit(0)
QTimer.singleShot(0, reopen)
watch = QTimer()
watch.setInterval(20)
watch.timeout.connect(settled)
watch.start()
app.exec()
watch.stop()
tick.stop()
reopen = reopened["shown"] - t0
reopen_stall = max(stalls) if stalls else 0  # the longest the event loop waited, reopen and pairing included
n_items = len(w.session.items)
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
# edit → re-check, through the table's own setData, as typing does
rid = w.session.items[3].id
w.show_report(rid)
app.processEvents()
model = w.pane.grids["三"]
idx = model.index_of("s3.results_total.natural_person")
edits = []
for n in range(60):
    t = time.perf_counter()
    model.setData(idx, str(n % 7 + 10))
    app.processEvents()
    edits.append(time.perf_counter() - t)
floor_edits = []  # the least an edit must do: commit one change (with its fsync) and check the report once
from models.checks import check
report = w.session.review(w.current).report
w.session.close()
db = sqlite3.connect(ws_path, isolation_level=None)
db.execute("PRAGMA synchronous=FULL")
for n in range(60):
    t = time.perf_counter()
    db.execute("BEGIN IMMEDIATE")
    db.execute("UPDATE reports SET errors=? WHERE id=?", (n, rid))
    db.execute("COMMIT")
    check(report)
    floor_edits.append(time.perf_counter() - t)
db.close()
w.open_workspace(ws_path)
while not w.session.pairing_done:
    app.processEvents()
# a folder of reports loading into the open window
stalls.clear()
clock.invalidate()
tick.start()
done = {}
def finished(cancelled):
    done["t"] = time.perf_counter()
    app.exit(0)
w.queue_loaded.connect(finished)
t1 = time.perf_counter()
w.open_paths([folder])
app.exec()
tick.stop()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print("RESULT", n_items, f"{reopen:.3f}", f"{floor_reopen:.3f}", reopen_stall, f"{rss:.0f}",
      f"{statistics.median(edits) * 1000:.2f}", f"{max(edits) * 1000:.2f}",
      f"{statistics.median(floor_edits) * 1000:.2f}", f"{done['t'] - t1:.1f}", max(stalls) if stalls else 0,
      f"{peak:.0f}", len(w.session.items) - n_items)
os._exit(0)
"""


def build_workspace(path: Path, folder: Path) -> float:
    """A workspace holding every report of a folder, read on every core; seconds taken."""
    from models.session import Session, prepare_many

    t0 = time.perf_counter()
    s = Session.open(path, auditor="bench")
    files = sorted(str(p) for p in folder.glob("*.txt"))
    chunk: list = []
    for p in prepare_many(files):
        chunk.append(p)
        if len(chunk) == 500:
            s.add_prepared(chunk)
            chunk = []
    s.add_prepared(chunk)
    s.close()
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=5000)
    ap.add_argument("--folder", type=int, default=1000)
    args = ap.parse_args()
    print(f"cores: {os.cpu_count()}")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        corpus, extra = tmp / "corpus", tmp / "more"
        corpus.mkdir()
        extra.mkdir()
        make_corpus(corpus, args.reports)
        make_corpus(extra, args.folder)
        for p in extra.glob("*.txt"):  # other file names: new reports, not the ones in the workspace
            p.rename(p.with_name("more-" + p.name))
        ws = tmp / "province.review.sqlite"
        secs = build_workspace(ws, corpus)
        print(f"built a workspace of {args.reports} reports in {secs:.0f} s ({ws.stat().st_size / 1e6:.0f} MB)")
        out = subprocess.run([sys.executable, "-c", WINDOW, str(ROOT), str(ws), str(extra)], capture_output=True,
                             text=True)
        line = next((x for x in out.stdout.splitlines() if x.startswith("RESULT")), "")
        if not line:
            print("window run failed:", out.stderr[-3000:])
            sys.exit(1)
        (_, n, reopen, floor, rstall, rss, edit_med, edit_max, floor_edit, load_s, load_stall, peak,
         added) = line.split()
        ratio = float(reopen) / max(float(floor), 1e-6)
        print(f"reopen {n} reports to a usable window (File ▸ Open workspace): {float(reopen):.2f} s (floor: the "
              f"queue's rows from SQLite {float(floor):.3f} s, ×{ratio:.1f}); longest "
              f"event-loop stall {rstall} ms, cross-year check included; {rss} MB resident "
              "(targets ≤ 3 s, ≤ 400 MB, ≤ 100 ms)")
        print(f"edit → re-check with {n} open: median {edit_med} ms, max {edit_max} ms (floor: one commit and one "
              f"check of the report {floor_edit} ms; target ≤ 5 ms)")
        print(f"folder of {args.folder} reports loaded into that window: {load_s} s, {added} added; longest "
              f"event-loop stall {load_stall} ms (target ≤ 100 ms); peak {peak} MB")


if __name__ == "__main__":
    main()
