"""Rules that help the auditor of a scan: when changing ONE doubtful OCR value to another reading
of it (an alternative the recogniser gave, or what the shape of its ink suggests) makes every
failing consistency rule (R1–R4) hold, say so: "OCR 读作 6，按勾稽关系应为 9".

A pure function over values: it changes nothing. The session layer offers the suggestion, and
applies it only when the auditor accepts.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from models.checks import check_rules
from models.report import ERROR, Issue
from models.values import NA, Value, elided, parse_value
from parsers.ocr_marks import OcrMark

RULES = ("R1", "R2", "R3", "R4")
MAX_TRIES = 400  # rule checks at most (each takes about a millisecond)


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One cell to change, from what OCR gave to what the rules call for."""
    field: str
    read: Value  # the value as read
    value: Value  # the value that makes the failing rules hold
    score: float  # the recogniser's score for that reading (0 when only the ink's shape suggests it)
    rules: tuple[str, ...]  # the rules that failed and now hold
    message: str


def _shown(v: Value) -> str:
    return "空白" if v is None else ("“/”" if v == NA else elided(v))


def _failing(issues: list[Issue], fid: str) -> list[Issue]:
    """The R1–R4 issues that a change to `fid` should clear: every broken rule, and the rules that
    cannot be checked because of that cell."""
    return [i for i in issues if i.rule in RULES and (i.severity == ERROR or fid in i.fields)]


def _readings(mark: OcrMark) -> list[tuple[Value, float]]:
    """The values a doubtful read might be: the recogniser's alternatives, the read itself when
    the shape rule replaced it, and what the shape suggests, each once."""
    out: dict[str, tuple[Value, float]] = {}
    cands = list(mark.alternatives) + [(mark.text, mark.confidence)]
    if mark.shape is not None:
        cands.append((mark.shape, 0.0))
    for text, score in cands:
        try:
            v = parse_value(text)
        except ValueError:  # a letter or a character: not a reading of a number
            continue
        if v is None:
            continue
        key = repr(v)
        if key not in out or out[key][1] < score:
            out[key] = (v, score)
    return list(out.values())


def suggest(values: Mapping[str, Value], marks: Mapping[str, OcrMark]) -> list[Suggestion]:
    """Every single-cell change among the doubtful OCR values (uncertain or flagged) that makes all
    failing R1–R4 rules hold, the recogniser's likeliest reading first; empty when the rules hold
    already, or when no single change explains the failures (two readings explaining them equally
    are both returned: the auditor decides)."""
    base = check_rules(values)
    if not any(i.rule in RULES for i in base):
        return []
    # a broken rule names every cell of its equation: one change can mend them all only in a cell
    # that every broken rule names (this keeps a scan with many doubtful reads to a few checks)
    broken = [set(i.fields) for i in base if i.rule in RULES and i.severity == ERROR]
    out = []
    tries = 0
    for fid, mark in marks.items():
        if not (mark.uncertain or mark.flagged) or fid not in values or not all(fid in b for b in broken):
            continue
        failing = _failing(base, fid)
        if not failing:
            continue
        current = values[fid]
        for v, score in _readings(mark):
            if v == current or tries >= MAX_TRIES:
                continue
            tries += 1
            changed = dict(values)
            changed[fid] = v
            after = check_rules(changed)
            if any(i.rule in RULES and (i.severity == ERROR or fid in i.fields) for i in after):
                continue
            rules = tuple(sorted({i.rule for i in failing}))
            out.append(Suggestion(fid, current, v, score, rules,
                                  f"OCR 读作 {_shown(current)}，按勾稽关系应为 {_shown(v)}"))
    return sorted(out, key=lambda s: -s.score)
