"""Patterns that are searched through long texts, compiled so that the search skips where no match can start.

Python's regular-expression engine looks for a pattern's possible first characters only when every
alternative starts with a plain character. A pattern of named alternatives, `(?P<a>总计|合计)|(?P<b>…)`,
or one whose alternative starts with an optional part or a class, is tried in full at every position
of the text: a table's header pattern of a hundred labels then costs ~0.5 ms over one report. A
look-ahead for the set of characters a match can start with lets the engine pass over the rest in
one test each. The matches are the same: every match starts with one of those characters.
"""
from __future__ import annotations

import re
from typing import Any

try:  # the parser behind re.compile; private, so a Python without it compiles the patterns as they are
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - every supported Python (3.11+) has them
    _p = _c = None

_MAX_FIRST = 64  # a longer set is not worth testing (a match could start almost anywhere)


def compile_scan(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, with a look-ahead for the characters a match can start with
    when they can be known (a plain set of characters, no match of nothing, no case folding)."""
    first = first_chars(pattern, flags)
    if not first or _engine_knows(pattern, flags):
        return re.compile(pattern, flags)
    chars = "".join(re.escape(ch) if ch in "\\]^-[" else ch for ch in sorted(first))
    try:
        return re.compile(f"(?=[{chars}])(?:{pattern})", flags)
    except re.error:  # global flags such as (?s) must open a pattern: keep it as it is
        return re.compile(pattern, flags)



def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters a match of the pattern can start with, or None when that is not a short set
    (a class such as \\w, any character, case folding, or a pattern that can match nothing)."""
    if _p is None or flags & (re.IGNORECASE | re.VERBOSE):
        return None
    try:
        tree = _p.parse(pattern, flags)
    except re.error:
        return None
    if tree.state.flags & (re.IGNORECASE | re.VERBOSE):  # set inside the pattern: (?i)
        return None
    found = _first(list(tree))
    if found is None:
        return None
    chars, nullable = found
    if nullable or not chars or len(chars) > _MAX_FIRST:
        return None
    return frozenset(chars)


def _engine_knows(pattern: str, flags: int) -> bool:
    """Whether the engine finds the first characters itself: a pattern that starts with a plain
    character or a class, or whose top-level alternatives all start with a plain character (re's own
    prefix and charset searches)."""
    items = list(_p.parse(pattern, flags))
    while items and items[0][0] is _c.SUBPATTERN:  # a group around the start: the engine looks inside
        items = list(items[0][1][3])
    if not items:
        return False
    op, av = items[0]
    if op in (_c.LITERAL, _c.IN):
        return True
    return op is _c.BRANCH and all(alt and list(alt)[0][0] is _c.LITERAL for alt in av[1])


def _first(items: list[tuple[Any, Any]]) -> tuple[set[str], bool] | None:
    """First characters of a sequence of parsed items, and whether the sequence can match nothing."""
    out: set[str] = set()
    for op, av in items:
        got = _first_of(op, av)
        if got is None:
            return None
        chars, nullable = got
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _first_of(op: Any, av: Any) -> tuple[set[str], bool] | None:
    if op is _c.LITERAL:
        return {chr(av)}, False
    if op is _c.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is _c.LITERAL:
                chars.add(chr(value))
            elif kind is _c.RANGE and value[1] - value[0] < _MAX_FIRST:
                chars.update(chr(c) for c in range(value[0], value[1] + 1))
            else:  # a negated set, a category (\d, \w): too wide to list
                return None
        return chars, False
    if op is _c.SUBPATTERN:
        return _first(list(av[3]))
    if op is _c.BRANCH:
        out: set[str] = set()
        nullable = False
        for alt in av[1]:
            got = _first(list(alt))
            if got is None:
                return None
            out |= got[0]
            nullable |= got[1]
        return out, nullable
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        got = _first(list(av[2]))
        if got is None:
            return None
        return got[0], got[1] or av[0] == 0
    if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):  # take no character: the next item starts the match
        return set(), True
    return None  # any character, a back reference, a conditional: not known
