"""extract never raises, whatever text or bytes it is given."""
from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SAMPLES
from models.checks import check
from models.template import STANDARD_IDS
from parsers import parse_bytes, parse_text

REAL = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
PIECES = ["\t", "\n", "|", " ", "0", "13", "/", "—", "无", "总计", "其他", "自然人", "（六）其他处理", "3.其他",
          "第二十条第（一）项", "规章", "行政许可", "结果维持", "行政复议", "本年新收", "-4-", "1.", "件", "２０２２年"]


def _ok(report) -> None:
    """A report or a clear error; every value that was read points at its printed text."""
    issues = check(report)
    if report.error is not None:
        assert report.error.strip() and issues == [] and report.cells == {}
        return
    assert set(STANDARD_IDS) <= set(report.values())
    for _fid, cell in report.cells.items():
        if cell.span:
            assert report.text[cell.span[0]:cell.span[1]] == cell.raw
        elif cell.raw is None:
            assert cell.value is None  # a cell with no printed text is blank, never a number


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
