"""Normalised copies of report text whose offsets map back to the original.

`normalize()` is length-preserving (one character in, one character out), so a
span in the normalised text is the same span in the original. `Compact` removes
white space for label matching and keeps a map back to original offsets.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from itertools import accumulate
from operator import add, methodcaller

from models.text import display_text, normalize

__all__ = ["Compact", "display_text", "fold_vertical_pipes", "normalize"]

_STRIP_BLANK = methodcaller("strip", " \t")  # a line is a lone | when this leaves "|"


def fold_vertical_pipes(text: str) -> str:
    """Rejoin a pipe table copied with every `|` and every cell on its own line into rows.

    Length-preserving: only the line breaks around lone `|` lines become spaces, so
    "|\n规章\n|\n\n|\n0\n|" reads as "| 规章 |  | 0 |" (the empty line is an empty cell).
    Two lone `|` lines in a row mark the end of one table row and the start of the next.
    """
    if "\n|" not in text:
        return text
    lines = text.split("\n")
    bare = list(map(_STRIP_BLANK, lines))
    if "|" not in bare:  # no lone | line (a markdown table): nothing to rejoin, no line looked at again
        return text
    lone = [x == "|" for x in bare]
    # only where lone pipes alternate with cells: a lone | among markdown rows stays a line
    vertical = [lone[i] and ((i >= 2 and lone[i - 2] and not lone[i - 1]) or
                             (i + 2 < len(lines) and lone[i + 2] and not lone[i + 1]))
                for i in range(len(lines))]
    if not any(vertical):
        return text
    out = []
    for i, line in enumerate(lines):
        out.append(line)
        if i + 1 == len(lines):
            break
        a, b = vertical[i], vertical[i + 1]
        join = (a and not lone[i + 1] and "|" not in lines[i + 1]) or (b and not lone[i] and "|" not in line)
        out.append(" " if join else "\n")
    return "".join(out)


# White space, one byte a character: white space (str.isspace, which is regex \s) → b"x", all else → b" ".
# Characters past Latin-1 are encoded as "?" first (not white space): the few white spaces among them
# (U+3000, U+2028…) are put back by hand (_wide_white).
_WHITE_MARK = bytes(0x78 if chr(c).isspace() else 0x20 for c in range(256))
_WIDE_WHITE = tuple(chr(c) for c in range(256, 0x3001) if chr(c).isspace())


def _white_mark(text: str) -> bytes:
    """text as b"x" for each white-space character and b" " for any other (same length as text)."""
    return text.encode("latin-1", "replace").translate(_WHITE_MARK)


def _wide_white(text: str) -> str:
    """text with its white space past Latin-1 (U+3000, U+2028…) made plain spaces: same length."""
    for ch in _WIDE_WHITE:
        if ch in text:
            text = text.replace(ch, " ")
    return text


_bisect_right = bisect.bisect_right  # bound once: the table readers call span_to_source often


@dataclass
class Compact:
    """`text` without white space, with a map from its offsets back to the source offsets."""
    text: str
    _cstarts: list[int]
    _ostarts: list[int]

    @classmethod
    def of(cls, source: str, start: int = 0, end: int | None = None) -> Compact:
        """The compact view of source[start:end]; offsets map into `source`."""
        stop = len(source) if end is None else end
        part = source if start == 0 and stop >= len(source) else source[start:stop]
        # Runs of text and of white space alternate: their lengths come from two splits in C (one of the
        # text, one of a byte mask of its white space), not from a regex tried at every character.
        words = part.split()
        text = "".join(words)
        mark = _white_mark(part)
        if mark.count(0x20) != len(text):  # white space past Latin-1 read as text in the mask
            mark = _white_mark(_wide_white(part))
        lens = list(map(len, words))
        cstarts = list(accumulate(lens, initial=0))
        cstarts.pop()  # the offset after the last word
        # source offset of word k + 1 = that of word k + its length + the white space after it: the steps
        # are small numbers (shared objects), so only the sums are new ones
        white = map(len, mark.split())
        first = start + next(white) if mark[:1] == b"x" else start  # white space before the first word
        ostarts = list(accumulate(map(add, lens, white), initial=first))
        del ostarts[len(lens):]  # a step after the last word (white space at the end)
        return cls(text, cstarts, ostarts)

    def to_source(self, i: int) -> int:
        """Offset in the source of compact offset i (i may equal len(text))."""
        if not self._cstarts:
            return 0
        k = bisect.bisect_right(self._cstarts, i) - 1
        if k < 0:
            return self._ostarts[0]
        return self._ostarts[k] + (i - self._cstarts[k])

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """Source span covering compact span [start, end)."""
        cstarts = self._cstarts
        if end <= start or not cstarts:
            a = self.to_source(start)
            return a, self.to_source(end - 1) + 1 if end > start else a
        ostarts = self._ostarts
        k = _bisect_right(cstarts, start) - 1
        a = ostarts[0] if k < 0 else ostarts[k] + (start - cstarts[k])
        last = end - 1
        if k + 1 < len(cstarts) and cstarts[k + 1] <= last:  # the span crosses white space: another part
            k = _bisect_right(cstarts, last, k + 1) - 1
        return a, (ostarts[0] if k < 0 else ostarts[k] + (last - cstarts[k])) + 1

    def from_source(self, o: int) -> int:
        """Compact offset of the first non-space source character at or after o."""
        k = bisect.bisect_right(self._ostarts, o) - 1
        if k < 0:
            return 0
        inside = o - self._ostarts[k]
        nxt = self._cstarts[k + 1] if k + 1 < len(self._cstarts) else len(self.text)
        return min(self._cstarts[k] + inside, nxt)
