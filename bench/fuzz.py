"""Fuzz the readers on demand: mutated text, HTML, DOCX and PDF reports (tests/fuzzing.py), as many as
you like, printing cases per second per format and every failure with the seed that reproduces it.

Run: python bench/fuzz.py [--cases N] [--seed S] [--format text|html|docx|pdf|all] [--workers W]
     python bench/fuzz.py --ci                 # the mix tests/test_fuzz.py runs, to time it
     python bench/fuzz.py --format pdf --seed 1234 --cases 1    # one case again, traceback in full
Case S of a format is the same bytes on every machine; --save DIR writes each failing case's file.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from fuzzing import CI_CASES, FORMATS, SUFFIX, make_case, plan, run_cases  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=1000, help="cases per format (default 1000)")
    ap.add_argument("--seed", type=int, default=0, help="the first case's seed; cases S, S+1, … are run")
    ap.add_argument("--format", choices=(*FORMATS, "all"), default="all")
    ap.add_argument("--ci", action="store_true", help=f"run the CI mix: {CI_CASES}")
    ap.add_argument("--workers", type=int, default=None,
                    help="processes (default: one per core; 0 runs in this process, without the time limit)")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds before a case counts as hung")
    ap.add_argument("--save", type=Path, help="write each failing case's bytes to this folder")
    args = ap.parse_args(argv)

    if args.ci:
        counts = dict(CI_CASES)
    else:
        counts = {f: args.cases for f in (FORMATS if args.format == "all" else (args.format,))}
    cases = plan(counts, args.seed) if args.ci else [(f, args.seed + i) for f in counts for i in range(counts[f])]
    workers = args.workers if args.workers is not None else (0 if len(cases) == 1 else os.cpu_count() or 1)
    print(f"{len(cases)} cases ({', '.join(f'{f} {n}' for f, n in counts.items())}) from seed {args.seed}, "
          f"{workers or 'no'} worker processes", flush=True)

    def found(fmt: str, seed: int, problem: str) -> None:
        lines = problem.strip().splitlines()
        print(f"FAIL {fmt} seed {seed}: {lines[-1] if lines else problem}", flush=True)
        if len(cases) == 1:
            print(problem)
        else:
            print(f"     python bench/fuzz.py --format {fmt} --seed {seed} --cases 1", flush=True)
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            (args.save / f"{fmt}-{seed}{SUFFIX[fmt]}").write_bytes(make_case(fmt, seed))

    outcome = run_cases(cases, workers, args.timeout, found)
    print(f"{'format':<6} {'cases':>7} {'CPU s':>8} {'cases/s':>8}")
    for fmt in counts:
        n, cpu = outcome.cases.get(fmt, 0), outcome.cpu.get(fmt, 0.0)
        print(f"{fmt:<6} {n:>7} {cpu:>8.1f} {n / cpu if cpu else 0:>8.0f}")
    total_cpu = sum(outcome.cpu.values())
    print(f"all    {sum(outcome.cases.values()):>7} {total_cpu:>8.1f}   wall {outcome.wall:.1f} s")
    print("slowest: " + ", ".join(f"{fmt} {seed} ({cpu:.2f} s)" for cpu, fmt, seed in outcome.slowest))
    print(f"{len(outcome.failures)} failures")
    return 1 if outcome.failures else 0


if __name__ == "__main__":
    sys.exit(main())
