"""Readers never raise, whatever they are given: arbitrary bytes and text (hypothesis), and 20,000
mutated reports of every format per run (tests/fuzzing.py; `bench/fuzz.py` runs more on demand)."""
from __future__ import annotations

import os
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SAMPLES
from fuzzing import CI_CASES, Outcome, plan, run_cases, trouble
from parsers import parse_bytes, parse_text

REAL = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
PIECES = ["\t", "\n", "|", " ", "0", "13", "/", "—", "无", "总计", "其他", "自然人", "（六）其他处理", "3.其他",
          "第二十条第（一）项", "规章", "行政许可", "结果维持", "行政复议", "本年新收", "-4-", "1.", "件", "２０２２年"]


def _ok(report) -> None:
    """A report or a clear error; every value that was read points at its printed text."""
    problem = trouble(report)
    assert problem is None, problem


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4000))
def test_arbitrary_bytes(data):
    _ok(parse_bytes(data, "fuzz.bin"))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=3000))
def test_arbitrary_text(text):
    _ok(parse_text(text, "fuzz.txt"))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=400))
def test_label_soup(pieces):
    _ok(parse_text("".join(pieces), "soup.txt"))


@settings(max_examples=100, deadline=None)
@given(st.integers(0, len(REAL) - 1), st.integers(0, 2**32 - 1), st.integers(1, 40))
def test_mutated_real_reports(which, seed, edits):
    rng = random.Random(seed)
    chars = list(REAL[which])
    for _ in range(edits):
        i = rng.randrange(len(chars))
        op = rng.randrange(3)
        if op == 0:
            del chars[i: i + rng.randrange(1, 200)]
        elif op == 1:
            chars.insert(i, rng.choice(PIECES))
        else:
            chars[i] = rng.choice("\t\n |0123456789/—")
    _ok(parse_text("".join(chars), "mutated.txt"))


def _findings(outcome: Outcome) -> str:
    lines = [f"{len(outcome.failures)} of {sum(outcome.cases.values())} mutated files broke a reader:"]
    for fmt, seed, problem in outcome.failures[:12]:
        last = problem.strip().splitlines()[-1] if problem.strip() else problem
        lines.append(f"  {fmt} seed {seed}: {last}\n    python bench/fuzz.py --format {fmt} --seed {seed} --cases 1")
    return "\n".join(lines)


def test_every_reader_survives_twenty_thousand_mutated_files():
    """Text, HTML, DOCX and PDF reports mutated in bytes, lines, numbers, encodings, tags, zip entries and
    PDF objects: each gives a Report, read or with its error, and no case hangs or kills the reader.
    FUZZ_SEED=n runs another 20,000 (the default, 0, runs the same ones every time)."""
    assert sum(CI_CASES.values()) >= 20_000
    base = int(os.environ.get("FUZZ_SEED", "0")) * 1_000_000
    outcome = run_cases(plan(CI_CASES, base), workers=min(2, os.cpu_count() or 1), case_timeout=20)
    assert not outcome.failures, _findings(outcome)
    assert outcome.cases == CI_CASES
