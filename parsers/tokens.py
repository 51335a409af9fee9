"""Cut a table region into label anchors and value tokens, each with its source span and grid position."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, repeat
from operator import add, attrgetter
from typing import NamedTuple

from parsers.normalize import Compact
from parsers.scan import compile_scan, first_chars

VALUE, MARKER, TEXT = "value", "marker", "text"

# A number is a cell of its own: not glued to a word on its left (保留4位), nor followed
# by a word (4位), a list marker (1. 1、) or a bracket ((1)). A unit may follow it (124件).
_TOKEN = re.compile(r"""
 (?P<value>(?<![\w.、/()])[+\-]?\d[\d,]*(?:\.\d+)?(?:人次|万元|件|条|个|项|次|元|宗|份)?(?![\w.、%()]))
|(?P<marker>(?<![\w\-])(?:/|—+|-|–|无|\\)(?![\w\-]))
|(?P<text>[^\s|]+)
""", re.X)
# page numbers and running heads that PDF copies leave inside tables: "-4-", "— 4 —", "第4页", "4/12"
# (on one line: "12\n/\n19" is three cells of a row copied one a line, not page 12 of 19)
_PAGE_LINE = re.compile(r"^[ \t]*(?:[-—–][ \t]*\d{1,3}[ \t]*[-—–]|第[ \t]*\d{1,3}[ \t]*页"
                        r"(?:[ \t]*共[ \t]*\d{1,3}[ \t]*页)?|\d{1,3}[ \t]*/[ \t]*\d{1,3})[ \t]*$"
                        # and the rule under a markdown table header: |---|:--:| (white space is taken after
                        # each | only, never by two neighbouring [ \t]*: a run of spaces is tried once, not
                        # from each of its characters)
                        r"|^[ \t]*(?:\|[ \t]*)?(?::?-{2,}:?[ \t]*\|[ \t]*)+(?::?-{2,}:?[ \t]*)?$", re.M)


# A sentence: text ending in 。 that is not split into cells (at most one line break inside).
# It starts at a line start, after a 。 or after a cell border; starting anywhere else would make
# the search retry from every character of the table rows, which hold no 。.
_SENTENCE = re.compile(r"(?:^|(?<=[。\t|]))[^。\t|\n]{2,}(?:\n[^。\t|\n]+)?。", re.M)
_NUMBER_RUN = re.compile(r"\d\s+[\d/—-]\s+[\d/—-]")  # three cells of numbers: a table row, not prose
_TABLE_WORDS = re.compile(r"本年新收|上年结转|予以公开|部分公开|国家秘密|不予处理|结转下年|第二十条|信息内容|"
                          r"本年制发|现行有效|处理决定数量|结果维持|结果纠正|尚未审结|申请人情况")


def prose_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of prose inside a table section (a note under a table, a paragraph before it).

    Their numbers are never values and their words never labels: "本年度制发规章2件。" is not
    the 规章 row. A whole table copied onto one line is not a sentence: it has runs of numbers
    and many labels.
    """
    out: list[tuple[int, int]] = []
    # A sentence ends at a 。 and reaches at most one line back: the search runs from the line before
    # the first 。 to the last (most table sections hold none, and the pattern cannot skip ahead itself)
    first, last = text.find("。", start, end), text.rfind("。", start, end)
    if first < 0:
        return out
    above = text.rfind("\n", start, first)  # the line break before the first 。's line, and the one before it
    begin = max(start, text.rfind("\n", start, above) + 1) if above >= 0 else start
    for m in _SENTENCE.finditer(text, begin, last + 1):
        sentence = m.group()
        if _NUMBER_RUN.search(sentence) or len(_TABLE_WORDS.findall(sentence)) >= 3:
            continue
        out.append((m.start(), m.end()))
    return out


def outside(anchors: list[Anchor], spans: list[tuple[int, int]]) -> list[Anchor]:
    """The anchors that do not sit inside any of the spans."""
    if not spans:
        return anchors
    return [a for a in anchors if not any(s <= a.start < e for s, e in spans)]


class Token(NamedTuple):  # a tuple: a report has hundreds, made faster than a dataclass (tuple.__new__)
    kind: str  # value, marker, text
    raw: str
    start: int
    end: int
    x: float | None = None  # horizontal position on the page (PDF), for aligning values under headers
    # (its tab or | cell is found from `start` only for the few rows that need it: place._by_position)


@dataclass(slots=True)
class Anchor:
    """A label found in the text: a row, a column header, a group heading or a block."""
    kind: str  # row, column, group, block, noise
    key: str
    start: int
    end: int
    line: int = 0  # where its line starts (Grid.locate): tells whether two labels share a line
    cell: int | None = None
    x: float | None = None


class Grid:
    """Line and cell positions of offsets in one text, found where asked: a report asks for a few dozen
    (header labels, rows that need their cells), so no index of the whole text is built."""

    def __init__(self, text: str, xs: list[tuple[int, int, float, float]] | None = None) -> None:
        self.text = text
        self.xs = xs or []  # (start, end, left, right) of each piece of a PDF's text
        self._x_starts = [p[0] for p in self.xs]
        self._separated = "\t" in text or "|" in text  # cells are told by tabs and |

    def x_of(self, pos: int, end: int | None = None) -> float | None:
        """The page x of the centre of text[pos:end] (PDF text only), found within its piece: a
        piece can hold the texts of neighbouring cells that were printed close together."""
        if not self.xs:
            return None
        i = bisect.bisect_right(self._x_starts, pos) - 1
        if i < 0 or not self.xs[i][0] <= pos < self.xs[i][1]:
            return None
        start, stop, left, right = self.xs[i]
        end = min(stop, end if end is not None else pos + 1)
        mid = (pos + end) / 2
        return left + (right - left) * (mid - start) / max(1, stop - start)

    def locate(self, pos: int) -> tuple[int, int | None]:
        """(line, cell index or None) of a source offset: the line named by the offset where it starts,
        the cell by the tabs and | before `pos` on it; None when its line holds neither."""
        text = self.text
        start = text.rfind("\n", 0, pos) + 1
        if not self._separated:
            return start, None
        end = text.find("\n", pos)
        if end < 0:
            end = len(text)
        if text.find("\t", start, end) < 0 and text.find("|", start, end) < 0:
            return start, None  # no tab or | on this line: no grid to speak of
        return start, text.count("\t", start, pos) + text.count("|", start, pos)


def compile_named(patterns: list[tuple[str, str]]) -> re.Pattern[str]:
    """One pattern of named alternatives, `(?P<key>pattern)|…`, in the order given (find_anchors)."""
    named = compile_scan("|".join(f"(?P<{key}>{pat})" for key, pat in patterns))
    # The engine skips ahead by itself only in a pattern whose alternatives all start with a plain character:
    # named groups hide those, so the same alternatives without names find where matches start (scan.py)
    plain = "|".join(pat for _, pat in patterns)
    if _BACKREFERENCE.search(plain):  # group numbers shift without the names: the plain pattern would differ
        return named
    try:
        finder = compile_scan(plain)
    except re.error:  # an alternative that cannot stand without its group (a flag inside it)
        return named
    if finder.pattern == plain and first_chars(plain) is not None:
        _FINDER[named] = finder
    return named


_FINDER: dict[re.Pattern[str], re.Pattern[str]] = {}  # compile_named's patterns → the same without names
_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")


def find_anchors(compact: Compact, pattern: re.Pattern[str], kind: str, start: int = 0,
                 end: int | None = None) -> list[Anchor]:
    """Every match of a named-group pattern in compact text, as source-span anchors."""
    out = []
    span_to_source, text = compact.span_to_source, compact.text
    stop = len(text) if end is None else end
    finder = _FINDER.get(pattern)
    if finder is not None:
        # The same alternatives in the same order match the same text where they start: the named pattern
        # is tried only there, for the name
        match = pattern.match
        for f in finder.finditer(text, start, stop):
            m = match(text, f.start(), stop)
            a, b = span_to_source(*f.span())
            out.append(Anchor(kind, (m and m.lastgroup) or "", a, b))
        return out
    for m in pattern.finditer(text, start, stop):
        a, b = span_to_source(*m.span())
        out.append(Anchor(kind, m.lastgroup or "", a, b))
    return out


def tokenize(text: str, start: int, end: int, masks: list[Anchor], grid: Grid) -> list[Token]:
    """Value, marker and text tokens of text[start:end] outside the masked (label) spans."""
    masked = _masked(text, start, end, masks)
    # page lines judged on the text as printed: with its label masked, "行政规范性文件\t12\t/\t19" would
    # read as the page number "12 / 19"
    for a, b in _page_lines(text, start, end):
        masked = masked[:a] + " " * (b - a) + masked[b:]
    # A token holds no white space and no |, and what the pattern finds in a run of other characters
    # does not depend on what stands around it (white space and | end a value, a marker and a text
    # alike): so the runs are cut in C and each run's tokens found once per distinct run ("0", "/").
    runs, ats = _runs(masked, start)
    if grid.xs:
        x_of = grid.x_of  # on a page: where each value and marker stands
        return [_new(Token, (kind, raw, a + at, b + at, None if kind is TEXT else x_of(a + at, b + at)))
                for run, at in zip(runs, ats, strict=True) for kind, raw, a, b in _cut(run)]
    # Most runs are one token ("0", "/", a word) seen before: their kinds are looked up and their tokens
    # made in C, a stretch at a time; a run of several tokens ("12件无") or a new one is cut by the pattern.
    kinds = list(map(_ONE_TOKEN.get, runs))
    ends = list(map(add, ats, map(len, runs)))
    out: list[Token] = []
    i, n = 0, len(runs)
    while i < n:
        try:
            j = kinds.index(None, i)
        except ValueError:
            j = n
        out += map(_new, repeat(Token), zip(kinds[i:j], runs[i:j], ats[i:j], ends[i:j], repeat(None)))
        if j < n:
            run, at = runs[j], ats[j]
            cut = _cut(run)
            out += [_new(Token, (kind, raw, a + at, b + at, None)) for kind, raw, a, b in cut]
            if len(cut) == 1 and len(run) <= 64:
                if len(_ONE_TOKEN) >= 16384:
                    _ONE_TOKEN.clear()
                _ONE_TOKEN[run] = cut[0][0]
        i = j + 1
    return out


def _masked(text: str, start: int, end: int, masks: list[Anchor]) -> str:
    """text[start:end] with the spans of the masks (their union, given in any order) made spaces."""
    pieces, pos = [], start
    for a0, a1 in sorted(zip(map(_START, masks), map(_END, masks), strict=True)):
        if a0 < pos:
            a0 = pos
        if a1 > end:
            a1 = end
        if a1 <= a0:
            continue
        pieces.append(text[pos:a0])
        pieces.append(" " * (a1 - a0))
        pos = a1
    pieces.append(text[pos:end])
    return "".join(pieces)


def _runs(masked: str, start: int) -> tuple[list[str], list[int]]:
    """The runs of characters between white space and | in `masked`, and where each starts (+ start)."""
    # str.split cuts the runs in C without a match object each (the regex split costs ~8x more). Where
    # each starts comes from the lengths of the runs and of the white space between them, which a byte
    # mask of the text gives (x for white space and |, a space for any other character; as Compact.of).
    runs = (masked.replace("|", " ") if "|" in masked else masked).split()
    mark = masked.encode("latin-1", "replace").translate(_SEP_MARK)
    lens = list(map(len, runs))
    if mark.count(0x20) != sum(lens):  # white space past Latin-1 (U+3000…), a separator the mask misses
        parts = _RUN.split(masked)  # white space (maybe empty) and runs in turn
        return parts[1::2], list(accumulate(map(len, parts), initial=start))[1:-1:2]
    # run k + 1 starts where run k does + its length + the white space after it: the steps are small
    # numbers (shared objects), so only the sums are new ones
    white = map(len, mark.split())
    first = start + next(white) if mark[:1] == b"x" else start  # white space before the first run
    ats = list(accumulate(map(add, lens, white), initial=first))
    del ats[len(lens):]  # a step after the last run (white space at the end)
    return runs, ats


_RUN = re.compile(r"([^\s|]+)")
# white space (str.split's is \s's) and | as x, any other Latin-1 character as a space
_SEP_MARK = bytes(0x78 if chr(c).isspace() or c == 0x7C else 0x20 for c in range(256))
_START, _END = attrgetter("start"), attrgetter("end")
_PAGE_HEADS = frozenset("-—–第|:")  # what a page line can start with, besides a digit (_PAGE_LINE)


# A line that may be a page line: it starts (after spaces and tabs) with a dash, 第, | or :, or with a
# digit and holds a / ("12/19"). Searched from each line break (found in C), the region's first line
# behind one: most tables hold no such line, and the exact pattern is then never tried.
_MAYBE_PAGE_LINE = re.compile(r"\n[ \t]*(?:[-—–第|:]|\d[^\n]*/)")
_MAYBE_FIRST_PAGE_LINE = re.compile(r"[ \t]*(?:[-—–第|:]|\d[^\n]*/)")  # the same for the region's first line


def _page_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of _PAGE_LINE's matches in the region text[start:end], relative to `start`: the pattern
    tried only on the lines that start as one can (a page number, a dash, 第, a | or :), not at every
    character (rows start with labels)."""
    out: list[tuple[int, int]] = []
    if not _MAYBE_PAGE_LINE.search(text, start, end) and not _MAYBE_FIRST_PAGE_LINE.match(text, start, end):
        return out
    region = text[start:end]
    pos = 0
    for line in region.split("\n"):
        head = line.lstrip(" \t")[:1]
        if head and (head in _PAGE_HEADS or head.isdecimal()):
            m = _PAGE_LINE.match(region, pos, pos + len(line))
            if m:
                out.append(m.span())
        pos += len(line) + 1
    return out
_new = tuple.__new__


def _tokens_of(run: str) -> tuple[tuple[str, str, int, int], ...]:
    """The tokens of one run of characters between white space or |: kind, text, start, end."""
    return tuple((_KIND[m.lastgroup or TEXT], m.group(), m.start(), m.end()) for m in _TOKEN.finditer(run))


_run_tokens = lru_cache(maxsize=16384)(_tokens_of)  # short runs ("0", "/", "12件") come again and again
_ONE_TOKEN: dict[str, str] = {}  # a short run that is one token → its kind


def _cut(run: str) -> tuple[tuple[str, str, int, int], ...]:
    return _run_tokens(run) if len(run) <= 64 else _tokens_of(run)


_KIND = {TEXT: TEXT, VALUE: VALUE, MARKER: MARKER}  # the module's own strings, so `is` tells them apart


def place_anchors(anchors: list[Anchor], grid: Grid) -> None:
    """Fill in the line and cell of each anchor."""
    for a in anchors:
        a.line, a.cell = grid.locate(a.start)
        a.x = grid.x_of(a.start, a.end)
