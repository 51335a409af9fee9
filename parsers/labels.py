"""Printed labels against the template's: exact by pattern, else by a small edit distance.

A label is compared as a person reads it: folded (models.text.normalize), white space removed,
its numbering (一、 （一） 1. 1、) set aside. A misprint (two characters dropped or swapped, one
wrong) is still the label it was meant to be when it is within a few edits of exactly one
template label; such a match is reported as uncertain with both labels.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from models.text import normalize

_WHITE = re.compile(r"[\s\u00a0\u3000]+")
_NUMBERING = re.compile(r"^(?:第?[一二三四五六七八九十]{1,3}[、.．:：]|\([一二三四五六七八九十\d]{1,3}\)"
                        r"|\d{1,2}(?:[.、．:：]|(?=\D)))")
_NOTE = re.compile(r"\([^()]*\)$")  # a trailing bracketed note: （区分处理的，只计这一情形…）
_QUOTES = re.compile(r"[\"'“”‘’「」『』]")


@lru_cache(maxsize=8192)  # a report's labels are mostly the official ones: the same strings again and again
def compact(text: str) -> str:
    """A label folded and without white space, as the template's patterns expect it."""
    return _WHITE.sub("", normalize(text))


@lru_cache(maxsize=4096)
def core(label: str) -> str:
    """A compact label without its numbering, quotes and trailing bracketed note: what is compared."""
    s = _QUOTES.sub("", _NUMBERING.sub("", compact(label), count=1))
    stripped = _NOTE.sub("", s)
    return stripped or s


def max_edits(n: int) -> int:
    """How many edits a label of n characters may carry and still be recognised."""
    if n < 3:
        return 0
    if n < 6:
        return 1
    if n < 12:
        return 2
    return 3


def distance(a: str, b: str, limit: int) -> int:
    """Edit distance with adjacent swaps counted as one edit (optimal string alignment); any value
    above `limit` is returned as limit + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        best = cur[0]
        for j, cb in enumerate(b, 1):
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
            best = min(best, v)
        if best > limit:
            return limit + 1
        prev2, prev = prev, cur
    return min(prev[-1], limit + 1)


@dataclass(frozen=True, slots=True)
class Near:
    """A printed label taken for a template label it does not match exactly."""
    key: str
    printed: str
    template: str


def nearest(printed: str, candidates: Sequence[tuple[str, str]]) -> Near | None:
    """The one candidate (key, template label) within a few edits of the printed label, when no
    other candidate is as near; None otherwise."""
    return _nearest(printed, tuple(candidates))


@lru_cache(maxsize=8192)  # a report's labels are mostly the official ones: the same question again and again
def _nearest(printed: str, candidates: tuple[tuple[str, str], ...]) -> Near | None:
    p = core(printed)
    if len(p) < 2:
        return None
    scored: list[tuple[int, str, str]] = []
    for key, label in candidates:
        t = core(label)
        limit = max_edits(len(t))
        if limit == 0:
            continue
        d = distance(p, t, limit)
        if d <= limit:
            scored.append((d, key, label))
    if not scored:
        return None
    scored.sort()
    if len(scored) > 1 and scored[1][0] == scored[0][0] and scored[1][1] != scored[0][1]:
        return None  # as near to two labels: no way to tell which was meant
    d, key, label = scored[0]
    return Near(key, printed.strip(), label)
