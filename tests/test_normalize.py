"""The text without white space (Compact) and the line and cell index (tokens.Grid) agree, offset by
offset, with what a reader counting one character at a time finds, for every kind of white space."""
from __future__ import annotations

import random

import pytest

from conftest import SAMPLES
from parsers.normalize import Compact, fold_vertical_pipes, normalize
from parsers.tokens import Grid

# every character str.isspace (and regex \s) calls white space, Latin-1 and beyond
WHITE = [chr(c) for c in range(0x110000) if chr(c).isspace()]
ALPHABET = WHITE + list("ab中文|0\t\n") + ["\x00", "\xff", "\u3001", "?", "x", "\u2028", "\u3000"]


def _kept(source: str, start: int, end: int | None) -> list[int]:
    """The source offset of each non-white character of source[start:end], one by one."""
    stop = len(source) if end is None else min(end, len(source))
    return [i for i in range(start, stop) if not source[i].isspace()]


def _check(source: str, start: int = 0, end: int | None = None) -> None:
    c = Compact.of(source, start, end)
    kept = _kept(source, start, end)
    assert c.text == "".join(source[i] for i in kept)
    for k, o in enumerate(kept):
        assert c.to_source(k) == o
        assert c.span_to_source(k, k + 1) == (o, o + 1)
        assert c.span_to_source(0, k + 1) == (kept[0], o + 1)
        assert c.from_source(o) == k
    for o in range(start, len(source) + 1):  # a white-space offset maps to the next character kept
        assert c.from_source(o) == sum(1 for i in kept if i < o)


@pytest.mark.parametrize("source", [
    "", " ", "\u3000\u3000", "规章\n\t 12", " 规章 12 ", "a\u3000b\u2028c\u1680d", "\xa0x\x85y\x1cz",
    "行政\n许可\t\t件", "x" * 5,
])
def test_compact_maps_every_offset(source):
    _check(source)


def test_compact_of_part_of_a_text():
    source = "  本年\n新收\u3000 申请 \t 12 "
    for start in range(len(source) + 1):
        for end in range(start, len(source) + 2):
            _check(source, start, end)


def test_compact_random_texts():
    rnd = random.Random(7)
    for _ in range(3000):
        source = "".join(rnd.choice(ALPHABET) for _ in range(rnd.randrange(0, 14)))
        _check(source, rnd.randrange(0, 3), rnd.choice([None, len(source) - 1, len(source) + 2]))


def test_compact_of_the_samples():
    for path in sorted(SAMPLES.glob("*.txt")):
        norm = fold_vertical_pipes(normalize(path.read_text(encoding="utf-8")))
        c = Compact.of(norm)
        kept = _kept(norm, 0, None)
        assert c.text == "".join(norm[i] for i in kept)
        assert [c.to_source(k) for k in range(len(kept))] == kept


def _locate_by_hand(text: str, pos: int) -> tuple[int, int | None]:
    """(where pos's line starts, how many tabs and | stand before pos on that line, None if none is on it)."""
    start = max((i + 1 for i, ch in enumerate(text[:pos]) if ch == "\n"), default=0)
    end = text.find("\n", pos) if "\n" in text[pos:] else len(text)
    line = text[start:end]
    if "\t" not in line and "|" not in line:
        return start, None
    return start, sum(1 for ch in text[start:pos] if ch in "\t|")


@pytest.mark.parametrize("text", [
    "", "\n", "a\n", "a\nb", "|a|b|\n|1|2|", "规章\t1\t2\n规范\t3", "a\tb|c\n|\t|\n", "\t|\t|",
    "无分隔\n第二行\r\n", "a\tb\n\nc",
])
def test_grid_locates_every_offset(text):
    grid = Grid(text)
    assert [grid.locate(k) for k in range(len(text) + 1)] == [_locate_by_hand(text, k) for k in range(len(text) + 1)]


def test_grid_random_texts():
    rnd = random.Random(11)
    for _ in range(3000):
        text = "".join(rnd.choice("\n\t| a中\r") for _ in range(rnd.randrange(0, 16)))
        grid = Grid(text)
        k = rnd.randrange(0, len(text) + 1)
        assert grid.locate(k) == _locate_by_hand(text, k)


def test_grid_locates_a_cell():
    grid = Grid("标题\n规章\t1\t2\n| 规范 | 3 |")
    assert grid.locate(0) == (0, None)  # no tab or | on the line
    assert grid.locate(grid.text.index("2")) == (3, 2)  # the line that starts at offset 3, its third cell
    assert grid.locate(grid.text.index("3")) == (10, 2)
    assert grid.locate(grid.text.index("规范")) != grid.locate(grid.text.index("规章"))


def test_fold_vertical_pipes_rejoins_a_table_copied_one_cell_a_line():
    text = "|\n规章\n|\n\n|\n0\n|\n|\n规范\n|\n3\n|"
    assert fold_vertical_pipes(text) == "| 规章 |  | 0 |\n| 规范 | 3 |"  # same length: breaks made spaces
    assert fold_vertical_pipes("\n|\n规章\n \t| ") == " | 规章  \t| "  # blanks around a lone |


def test_fold_vertical_pipes_leaves_markdown_rows_and_stray_pipes():
    markdown = "表二\n| 规章 | 0 |\n|---|---|\n| 规范 | 3 |\n"
    assert fold_vertical_pipes(markdown) == markdown
    stray = "说明\n|\n|\n| 规章 | 0 |\n"  # lone | lines that do not alternate with cells
    assert fold_vertical_pipes(stray) == stray


@pytest.mark.parametrize("kinds", [3, 30, 70, 400])
def test_normalize_folds_each_character_once_however_many_kinds_a_text_holds(kinds):
    """A pass per kind of character (few kinds) and one pass over all (many) fold alike: as a
    table lookup per character would, never a folded character folded again."""
    from models.text import _TABLE

    rnd = random.Random(kinds)
    foldable = [chr(c) for c in sorted(_TABLE) if chr(c) not in "\r\n"]
    assert not any(v in _TABLE for v in _TABLE.values())  # what one kind turns into is never another kind
    chosen = rnd.sample(foldable, kinds)
    text = "".join(rnd.choice(chosen + list("申请人0 12\t件")) for _ in range(3000))
    assert normalize(text) == text.translate(_TABLE)
