"""Seeded mutation fuzzing of every reader: text, HTML, DOCX and PDF.

A case is a format and a seed: the same seed always makes the same bytes, so a failure is
reproduced by its seed alone (`python bench/fuzz.py --format pdf --seed 1234 --cases 1`). Each case
starts from a well-formed report and mutates it where readers break (tests/fuzz_text.py: bytes,
lines, numbers of up to thousands of digits, encodings and byte-order marks, HTML tags and spans;
tests/fuzz_packages.py: DOCX parts and zip headers, PDF objects, pages and content streams). A reader
passes when it returns a Report, either read (every value pointing at its printed text) or with
`.error` saying why: it never raises, hangs or dies. Used by tests/test_fuzz.py (a fixed budget in
CI) and bench/fuzz.py (any number, on demand).
"""
from __future__ import annotations

import random
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait

from fuzz_packages import docx_case, pdf_case
from fuzz_text import html_case, text_case

FORMATS = ("text", "html", "docx", "pdf")
# The cases each CI run makes (tests/test_fuzz.py): 20,000, weighted to what is quick to read. Measured CPU
# per case: text 4 ms (3.7–4.6), HTML 9–12 ms, DOCX 25–35 ms, PDF 29–38 ms: 120–160 s in all, 60–80 s on two
# cores. `python bench/fuzz.py --ci` runs this mix and prints the rates.
CI_CASES = {"text": 16_500, "html": 1_900, "docx": 800, "pdf": 800}
SUFFIX = {"text": ".txt", "html": ".html", "docx": ".docx", "pdf": ".pdf"}


# ---- running cases ----------------------------------------------------------------------------------

MAKERS: dict[str, Callable[[random.Random], bytes]] = {"text": text_case, "html": html_case, "docx": docx_case,
                                                       "pdf": pdf_case}


def make_case(fmt: str, seed: int) -> bytes:
    """The bytes of case `seed` of format `fmt` (the same on every machine and run)."""
    return MAKERS[fmt](random.Random(f"{fmt}:{seed}"))


def trouble(report: object) -> str | None:
    """What is wrong with a reader's result, or None: a Report, read (each value pointing at its
    printed text, a blank never a number) or with an error that says why and nothing else."""
    from models.checks import check
    from models.report import Report
    from models.template import STANDARD_IDS

    if not isinstance(report, Report):
        return f"not a Report: {type(report).__name__}"
    issues = check(report)
    if report.error is not None:
        if not isinstance(report.error, str) or not report.error.strip():
            return "an empty error message"
        if issues or report.cells:
            return "an error, yet cells or issues"
        return None
    if not set(STANDARD_IDS) <= set(report.values()):
        return "template fields missing from the values"
    if not all(isinstance(i.message, str) and i.message for i in issues):
        return "an issue without a message"
    for fid, cell in report.cells.items():
        if cell.span is not None and report.text[cell.span[0]:cell.span[1]] != cell.raw:
            return f"{fid}: its span does not hold its printed text"
        if cell.span is None and cell.raw is None and cell.value is not None:
            return f"{fid}: a value with no printed text"
    return None


def run_case(fmt: str, seed: int) -> str | None:
    """None when the reader behaved on this case; else what went wrong, with the traceback."""
    from parsers import parse_bytes

    data = make_case(fmt, seed)
    try:
        return trouble(parse_bytes(data, "fuzz" + SUFFIX[fmt], None, SUFFIX[fmt]))
    except Exception:  # the point of fuzzing: any exception is a finding, reported with its seed  # noqa: BLE001
        return traceback.format_exc()


@dataclass
class Outcome:
    """What a run of cases found: counts and CPU seconds per format, the failures with their seeds."""
    cases: dict[str, int] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)
    failures: list[tuple[str, int, str]] = field(default_factory=list)  # format, seed, what went wrong
    slowest: list[tuple[float, str, int]] = field(default_factory=list)  # CPU seconds, format, seed
    wall: float = 0.0

    def add(self, fmt: str, seed: int, cpu: float, problem: str | None) -> None:
        self.cases[fmt] = self.cases.get(fmt, 0) + 1
        self.cpu[fmt] = self.cpu.get(fmt, 0.0) + cpu
        if problem:
            self.failures.append((fmt, seed, problem))
        self.slowest = sorted([*self.slowest, (cpu, fmt, seed)], reverse=True)[:5]


def plan(counts: dict[str, int], base: int = 0) -> list[tuple[str, int]]:
    """The cases to run, formats interleaved (so that each worker gets its share of the slow ones)."""
    cases = [(fmt, base + i) for fmt, n in counts.items() for i in range(n)]
    random.Random(base).shuffle(cases)
    return cases


def _work(cases: list[tuple[str, int]], conn: Connection) -> None:
    """A worker process: runs its cases in order, saying when each starts and how it went."""
    for fmt, seed in cases:
        conn.send(("start", fmt, seed, 0.0, None))
        t0 = time.process_time()
        problem = run_case(fmt, seed)
        conn.send(("done", fmt, seed, time.process_time() - t0, problem))
    conn.close()


def run_cases(cases: list[tuple[str, int]], workers: int = 2, case_timeout: float = 60.0,
              on_failure: Callable[[str, int, str], None] | None = None) -> Outcome:
    """Run cases in `workers` processes (0: in this one). A case that runs past `case_timeout` or
    kills its process (a crash in pdfium, say) is a failure with its seed; the rest go on."""
    out = Outcome()
    t0 = time.perf_counter()

    def failed(fmt: str, seed: int, cpu: float, problem: str | None) -> None:
        out.add(fmt, seed, cpu, problem)
        if problem and on_failure:
            on_failure(fmt, seed, problem)

    if workers <= 0:
        for fmt, seed in cases:
            c0 = time.process_time()
            problem = run_case(fmt, seed)
            failed(fmt, seed, time.process_time() - c0, problem)
        out.wall = time.perf_counter() - t0
        return out
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")  # never fork: the test process may hold Qt and its threads
    lanes = [cases[i::workers] for i in range(workers)]
    done = [0] * workers
    procs: list[multiprocessing.process.BaseProcess | None] = [None] * workers
    conns: list[Connection | None] = [None] * workers
    current: list[tuple[str, int, float] | None] = [None] * workers

    def start(w: int) -> None:
        reader, writer = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_work, args=(lanes[w][done[w]:], writer), daemon=True)
        proc.start()
        writer.close()
        procs[w], conns[w], current[w] = proc, reader, None

    def stop(w: int, why: str) -> None:
        proc, case = procs[w], current[w]
        if proc is not None:
            proc.kill()
            proc.join()
        if case is not None:
            failed(case[0], case[1], 0.0, why)
            done[w] += 1
        conns[w] = procs[w] = None
        if done[w] < len(lanes[w]):
            start(w)

    for w in range(workers):
        if lanes[w]:
            start(w)
    while any(c is not None for c in conns):
        ready = wait([c for c in conns if c is not None], timeout=1.0)
        for w, conn in enumerate(conns):
            if conn is None or conn not in ready:
                continue
            try:
                kind, fmt, seed, cpu, problem = conn.recv()
            except EOFError:  # the worker is gone: finished, or killed by what it read
                proc = procs[w]
                if proc is not None:
                    proc.join()
                code = proc.exitcode if proc is not None else None
                if current[w] is None and done[w] >= len(lanes[w]):
                    conns[w] = procs[w] = None
                elif current[w] is None:  # it could not even start: no case to blame, and no use going on
                    raise RuntimeError(f"a fuzzing worker failed to start (exit code {code})") from None
                else:
                    stop(w, f"the reader's process died (exit code {code}) on this case")
                continue
            if kind == "start":
                current[w] = (fmt, seed, time.monotonic())
            else:
                failed(fmt, seed, cpu, problem)
                done[w] += 1
                current[w] = None
        now = time.monotonic()
        for w, case in enumerate(current):
            if case is not None and now - case[2] > case_timeout:
                stop(w, f"the reader took more than {case_timeout:.0f} s on this case (killed)")
    out.wall = time.perf_counter() - t0
    return out
