"""Unruled PDF tables over many layouts: how many cells are wrong, and how many of those are silent.

Run: python bench/unruled_set.py [--ruled] [--basic | --sweep] [--breaks N,..] [--dump FILE] [--compare FILE] [--jobs N]

Each report's values (the five of tests/fixtures/truth.json, every cell a different number, and that
with every fourth cell blank) are drawn by tests/pdfs.py without rules, with 1–4 pages of prose before
the tables (so the tables break over pages at different rows), table 三's labels 150/110/90/70 pt wide,
values centred or at the left of their cells: 7 × 4 × 4 × 2 = 224 PDFs. Each is read and checked as
`extract --json` does; a cell is wrong when its value differs from the one printed, and silent when it
is wrong and neither uncertain nor named by an issue. `--ruled` draws the same set with rules.
`--basic` draws the tables with no prose before them, table 三 broken after 14 rows or where it must
(7 × 4 × 2 × 2 = 112 PDFs). `--dump` writes each file's values and uncertain cells; `--compare`
reports the cells whose uncertain mark or value changed since such a dump.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

EXTRA = (1, 2, 3, 4)
WIDTHS = (150.0, 110.0, 90.0, 70.0)


def value_sets() -> dict[str, dict]:
    from models.template import STANDARD_IDS

    truth = json.loads((ROOT / "tests" / "fixtures" / "truth.json").read_text(encoding="utf-8"))
    out = {name.split("_")[0]: dict(t["fields"]) for name, t in sorted(truth.items())}
    distinct: dict = {fid: 101 + i for i, fid in enumerate(STANDARD_IDS)}
    distinct["s2.fees.amount"] = Decimal("2468.1357")
    out["distinct"] = distinct
    out["blanks"] = {f: (None if i % 4 == 1 and not f.endswith(".total") else v)
                     for i, (f, v) in enumerate(distinct.items())}
    return out


def _norm(v: object) -> object:
    return None if v is None else Decimal(str(v))


def one(job: tuple[str, dict, int, float, bool, bool, int | None, int]) -> dict:
    name, values, extra, width, left, ruled, brk, lines = job
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])  # noqa: F841 (QPdfWriter needs it)
    from models.checks import check
    from models.template import STANDARD_IDS
    from parsers.pipeline import parse_bytes
    from pdfs import make_pdf

    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "report.pdf"
        make_pdf(str(path), values, break_table3_after=brk, extra_pages=extra, ruled=ruled, label_width=width,
                 values_left=left, extra_lines=lines)
        report = parse_bytes(path.read_bytes(), str(path), None, ".pdf")
    issues = check(report)
    named = {f for i in issues for f in i.fields}
    got = report.values()
    wrong, silent = [], []
    for f in STANDARD_IDS:
        if _norm(got[f]) != _norm(values.get(f)):
            wrong.append(f)
            cell = report.cells.get(f)
            if not (cell is not None and cell.uncertain) and f not in named:
                silent.append(f)
    key = f"{name} extra={extra} width={width:.0f} {'left' if left else 'centred'}"
    key += (f" break={brk}" if brk else "") + (f" lines={lines}" if lines else "")
    return {"key": key, "cells": len(STANDARD_IDS), "wrong": wrong, "silent": silent,
            "got": {f: str(got[f]) for f in wrong},
            "uncertain": sorted(f for f, c in report.cells.items() if c.uncertain),
            "values": {f: None if v is None else str(v) for f, v in got.items()}, "error": report.error}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ruled", action="store_true")
    ap.add_argument("--dump")
    ap.add_argument("--compare")
    ap.add_argument("--basic", action="store_true",
                    help="no prose pages before the tables; table 三 broken after 14 rows or where it must")
    ap.add_argument("--breaks", default="", help="table 三 broken after these rows (comma-separated) instead")
    ap.add_argument("--sweep", action="store_true",
                    help="the tables moved down a page line by line (0–39 lines of prose after one page), "
                         "every value set, label width and alignment: 7 × 40 × 4 × 2 = 2240 PDFs")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", default="", help="a substring of the file keys to run")
    args = ap.parse_args()
    breaks: tuple[int | None, ...] = (14, None) if args.basic else (None,)
    if args.breaks:
        breaks = tuple(int(b) for b in args.breaks.split(","))
    extras = (0,) if args.basic else (1,) if args.sweep else EXTRA
    moves = range(40) if args.sweep else (0,)
    jobs = [(name, vals, e, w, left, args.ruled, b, m) for name, vals in value_sets().items()
            for e in extras for w in WIDTHS for left in (False, True) for b in breaks for m in moves]
    jobs = [j for j in jobs if args.only in f"{j[0]} extra={j[2]} width={j[3]:.0f} {'left' if j[4] else 'centred'}"
            f" lines={j[7]}"]
    with ProcessPoolExecutor(args.jobs) as pool:
        results = list(pool.map(one, jobs))
    cells = sum(r["cells"] for r in results)
    wrong = sum(len(r["wrong"]) for r in results)
    silent = sum(len(r["silent"]) for r in results)
    for r in results:
        if r["wrong"] or r["error"]:
            print(f"{r['key']}: {len(r['wrong'])} wrong, {len(r['silent'])} silent {r['error'] or ''}")
            for f in r["wrong"]:
                print(f"    {f}: got {r['got'][f]}{'  SILENT' if f in r['silent'] else ''}")
    files_bad = sum(1 for r in results if r["wrong"])
    print(f"{'ruled' if args.ruled else 'unruled'}: {len(results)} PDFs, {cells} cells: "
          f"{100 * (cells - wrong) / cells:.2f} % right ({wrong} wrong in {files_bad} files), {silent} silent; "
          f"{sum(len(r['uncertain']) for r in results)} uncertain marks")
    if args.dump:
        Path(args.dump).write_text(json.dumps({r["key"]: {"uncertain": r["uncertain"], "values": r["values"]}
                                               for r in results}, ensure_ascii=False, indent=0), encoding="utf-8")
    if args.compare:
        before = json.loads(Path(args.compare).read_text(encoding="utf-8"))
        changes = 0
        for r in results:
            b = before.get(r["key"])
            if b is None:
                continue
            new_u = sorted(set(r["uncertain"]) - set(b["uncertain"]))
            gone_u = sorted(set(b["uncertain"]) - set(r["uncertain"]))
            vals = [f for f in r["values"] if r["values"][f] != b["values"].get(f)]
            if new_u or gone_u or vals:
                changes += 1
                print(f"changed {r['key']}: newly uncertain {new_u}, no longer {gone_u}, values {vals}")
        print(f"compared with {args.compare}: {changes} files changed")


if __name__ == "__main__":
    main()
