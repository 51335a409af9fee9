"""A province at once: builds 2,000 and 10,000 report files from the samples (agencies with reports for
consecutive years, so the cross-year check has pairs) and prints, for the command-line export, the wall
time, the CPU-seconds of every process (the exporting process and its workers) and the exporting
process's peak memory, beside a floor measured in the same run on the same cores (reading, decoding
and one regex pass over the same files in as many worker processes); where the export's CPU goes
(reading, checking, rows, CSV, writing; one process, its collector set as a worker's), and what pandas
takes to write the CSV beside the csv module writing the same bytes from the same input (its floor) and
pandas' cost per call; then the window's load
time for 1,000 with the longest event-loop stall, and its peak memory.

Run: python bench/batch_bench.py [--sizes 2000,10000] [--no-window]
Targets: 10,000 exported in ≤ 20 s wall on 2 idle cores and ≤ 40 CPU-seconds over all processes, the
exporting process's memory flat (about the same at 2,000 and 10,000); no stall over 100 ms while 1,000
load; ≤ 400 MB with 1,000 loaded.
"""
from __future__ import annotations

import argparse
import csv
import gc
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from extract_bench import make_corpus  # noqa: E402

STEMS = "甲乙丙丁戊己庚辛壬癸"  # agency names hold no digits (the reader refuses a name with one)


def agency_name(k: int) -> str:
    """The k-th made-up agency: 乙丙县人民政府 for 12."""
    return "".join(STEMS[int(d)] for d in str(k)) + "县人民政府"


def make_batch(folder: Path, n: int, per_agency: int = 4) -> list[Path]:
    """n report files built from the samples (extract_bench.make_corpus), the agencies named like
    real ones (乙丙县人民政府), per_agency reports each for consecutive years."""
    return make_corpus(folder, n, per_agency, agency_name)


# Runs the command line's export in this process and says what it cost: its own CPU and peak memory
# (the workers' CPU is counted by the bench, which waits for the whole tree).
EXPORT = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
import main
t0 = time.perf_counter()
rc = main.main(["export", "--quiet", "--out", sys.argv[3], sys.argv[2]])
me = resource.getrusage(resource.RUSAGE_SELF)
print("BENCH " + json.dumps({"rc": rc, "cpu": me.ru_utime + me.ru_stime, "peak_mb": me.ru_maxrss / 1024,
                             "inner": time.perf_counter() - t0}))
"""

# The floor: every file read, decoded and scanned once by one regex, in one process per core (chunks of
# 50, as the export's workers take them).
FLOOR = r"""
import json, os, re, resource, sys
from concurrent.futures import ProcessPoolExecutor
NUMBER = re.compile(r"\d+")
def scan(paths):
    n = 0
    for p in paths:
        with open(p, "rb") as fh:
            n += sum(1 for _ in NUMBER.finditer(fh.read().decode("utf-8")))
    return n
paths = sorted(os.path.join(sys.argv[1], f) for f in os.listdir(sys.argv[1]))
parts = [paths[i:i + 50] for i in range(0, len(paths), 50)]
with ProcessPoolExecutor(os.cpu_count()) as pool:
    total = sum(pool.map(scan, parts))
me = resource.getrusage(resource.RUSAGE_SELF)
print("BENCH " + json.dumps({"numbers": total, "cpu": me.ru_utime + me.ru_stime, "peak_mb": me.ru_maxrss / 1024}))
"""


def _run(code: str, *args: str) -> tuple[dict[str, float], float, float]:
    """What the script printed, its wall seconds, and the CPU-seconds of it and all its children."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("BENCH ")]
    if not lines:
        raise SystemExit(f"run failed: {done.stderr[-2000:]}")
    return json.loads(lines[-1][6:]), wall, cpu


def export_run(folder: Path, out: Path) -> tuple[str, float, float, float]:
    """One line on the command-line export of a folder; its wall seconds, CPU-seconds and exporting
    process's peak MB."""
    info, wall, cpu = _run(EXPORT, str(ROOT), str(folder), str(out))
    if info["rc"] != 0:
        raise SystemExit(f"export failed with code {info['rc']}")
    return (f"wall {wall:5.1f} s, CPU {cpu:5.1f} s over all processes (exporting process {info['cpu']:.1f} s, "
            f"workers {cpu - info['cpu']:.1f} s), exporting process peak {info['peak_mb']:.0f} MB",
            wall, cpu, info["peak_mb"])


def floor_run(folder: Path) -> tuple[str, float, float]:
    info, wall, cpu = _run(FLOOR, str(folder))
    return f"wall {wall:5.1f} s, CPU {cpu:5.1f} s over all processes", wall, cpu


def _csv_module(rows: Iterable[Sequence[str]]) -> bytes:
    """The rows as the csv module writes them: the bytes pandas must give, at the module's speed."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    return buf.getvalue().encode("utf-8")


def _csv_module_tables(tables: Any) -> tuple[bytes, bytes, bytes]:
    """What Tables.csv() writes, by the csv module from the same input pandas is given: reports.csv's and
    issues.csv's rows, and cells.csv by column (zipped into rows, which the module needs and pandas does not)."""
    return (_csv_module(tables.reports), _csv_module(zip(*tables.cell_columns(), strict=True)),
            _csv_module(tables.issues))


def breakdown(folder: Path, n: int = 1000) -> str:
    """Where an export's CPU goes, per report, in one process over n of the files, step by step as a
    worker takes a chunk (exporting._files_chunk): reading, checking, the rows (statuses, formatting),
    the CSV (pandas, one call a table for EXPORT_CHUNK reports), then the writer; the CSV step beside
    the csv module writing the same bytes from the same input (its floor), and what one pandas call costs
    before its first cell."""
    from models import export
    from models.checks import check
    from models.session import exporting
    from models.session.reading import read_file

    paths = sorted(str(p) for p in folder.iterdir())[:n]
    clock = time.process_time
    spent = dict.fromkeys(("reading", "checking", "rows", "csv", "writing"), 0.0)
    floor = 0.0  # the csv module on the same rows
    exporting._files_chunk(paths[:50])  # warm: imports, compiled patterns
    # as in a worker process (workers._pool_worker): the collector leaves the start-up objects alone and
    # runs less often; here, with pandas and the bench loaded, it would otherwise cost a share of its own
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)
    with tempfile.TemporaryDirectory() as d:
        chunks = []
        for at in range(0, len(paths), exporting.EXPORT_CHUNK):
            tables = export.Tables()
            for p in paths[at:at + exporting.EXPORT_CHUNK]:
                t0 = clock()
                report, sha = read_file(p, None)
                t1 = clock()
                issues = check(report)
                t2 = clock()
                tables.add(export.ExportItem(report, issues, sha, extra=dict(exporting._NOT_STARTED)))
                t3 = clock()
                spent["reading"] += t1 - t0
                spent["checking"] += t2 - t1
                spent["rows"] += t3 - t2
            t0 = clock()
            chunks.append(tables.csv())
            spent["csv"] += clock() - t0
            t0 = clock()
            same = _csv_module_tables(tables)
            floor += clock() - t0
            if same != chunks[-1]:
                raise SystemExit("pandas and the csv module wrote different bytes")
        t0 = clock()
        export.export_csv_chunks(iter(chunks), d, lambda: ([], []))
        spent["writing"] += clock() - t0
    gc.unfreeze()
    gc.set_threshold(*threshold)
    total = sum(spent.values())
    calls = 200
    t0 = clock()
    for _ in range(calls):
        export.csv_text([["a", "b"]], ["p", "q"])
    per_call = (clock() - t0) / calls
    return (", ".join(f"{k} {v / len(paths) * 1000:.2f} ms ({v / total:.0%})" for k, v in spent.items())
            + f"; {total / len(paths) * 1000:.2f} ms per report in one process\n"
            + f"  CSV by pandas {spent['csv'] / len(paths) * 1000:.2f} ms per report, the same bytes by the csv module "
            + f"{floor / len(paths) * 1000:.2f} ms ({spent['csv'] / floor:.1f}×); one pandas call "
            + f"{per_call * 1000:.2f} ms before its first cell ({exporting.EXPORT_CHUNK} reports a call: "
            + f"{3 * per_call / exporting.EXPORT_CHUNK * 1000:.3f} ms per report)")


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
print(f"{done['t'] - t0:.2f} {max(stalls) if stalls else 0} {peak:.0f} {len(w.session.items)}")
os._exit(0)
"""


def window_run(folder: Path, tmp: Path) -> str:
    out = subprocess.run([sys.executable, "-c", WINDOW, str(ROOT), str(folder), str(tmp / "s.ini"),
                          str(tmp / "w.sqlite")], capture_output=True, text=True)
    line = out.stdout.strip().splitlines()[-1] if out.stdout.strip() else ""
    try:
        secs, stall, peak, rows = line.split()
    except ValueError:
        return "window run failed: " + out.stderr[-2000:]
    return (f"{float(secs):.1f} s for {rows} reports; longest event-loop stall {stall} ms (target ≤ 100 ms); "
            f"peak memory {peak} MB (target ≤ 400 MB)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="2000,10000")
    ap.add_argument("--no-window", action="store_true")
    a = ap.parse_args()
    sizes = [int(x) for x in a.sizes.split(",")]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"cores: {os.cpu_count()}; load average before: {load:.2f} (the targets are for idle cores)")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        folders = {}
        for n in sizes:
            folders[n] = tmp / f"r{n}"
            folders[n].mkdir()
            make_batch(folders[n], n)
        peaks = {}
        for n in sizes:
            line, wall, cpu, peaks[n] = export_run(folders[n], tmp / f"out{n}")
            print(f"export of {n:>6} reports: {line}" + ("  (target ≤ 20 s wall, ≤ 40 CPU-s)" if n == 10000 else ""))
            floor, floor_wall, floor_cpu = floor_run(folders[n])
            print(f"  floor, {n:>6} files:   {floor}")
            print(f"  ratio to the floor: wall {wall / floor_wall:.0f}×, CPU {cpu / floor_cpu:.0f}×; "
                  f"{cpu / n * 1000:.2f} CPU-ms per report over all processes")
        if len(sizes) > 1:
            print(f"exporting process peak: {peaks[sizes[0]]:.0f} MB for {sizes[0]} reports, "
                  f"{peaks[sizes[-1]]:.0f} MB for {sizes[-1]} ({peaks[sizes[-1]] / peaks[sizes[0]]:.2f}×; flat is ≈ 1)")
        warnings = sum(1 for line in (tmp / f"out{sizes[-1]}" / "issues.csv").open(encoding="utf-8-sig")
                       if ",cross_year," in line)
        print(f"  ({warnings} cross-year warnings in the last export)")
        print("where the CPU goes:", breakdown(folders[sizes[0]]))
        if not a.no_window:
            n = 1000 if 1000 in folders else sizes[0]
            print(f"window load of {n} reports: {window_run(folders[n], tmp)}")


if __name__ == "__main__":
    main()
