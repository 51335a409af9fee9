"""Patterns compiled to skip where no match can start (parsers/scan.py) find exactly what the plain
patterns find, and prose sentences found from the first 。 on are the sentences found from the start.
These are the readers' own patterns: a difference here is a label or a note read differently."""
from __future__ import annotations

import random
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from models.template import S3_COLUMNS, S3_GROUP_HEADINGS, S3_ROWS, S4_COLUMNS, TABLE2_BLOCKS
from parsers import tables
from parsers.scan import compile_scan, first_chars
from parsers.tokens import _NUMBER_RUN, _PAGE_LINE, _SENTENCE, _TABLE_WORDS, _page_lines, prose_spans

TEMPLATE_PATTERNS = sorted({r.pattern for r in S3_ROWS} | {c.pattern for c in S3_COLUMNS}
                           | {c.pattern for c in S4_COLUMNS} | {p for _, p in S3_GROUP_HEADINGS}
                           | {r.pattern for b in TABLE2_BLOCKS for lay in b.layouts for r in lay.rows}
                           | {c.pattern for b in TABLE2_BLOCKS for lay in b.layouts for c in lay.columns})
TABLE_PATTERNS = {"s3_columns": tables._S3_COLUMN_RE, "s3_groups": tables._S3_GROUP_RE, "s4": tables._S4_RE,
                  "t2": tables._T2_RE}


def _pieces() -> list[str]:
    """Words of the template's labels cut at random, numbers, markers and the characters that
    separate cells and sentences: text where labels start, stop half-way and run into each other."""
    return ["本年新收", "上年结转", "申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构",
            "社会公益组织", "法律服务机构", "其他", "总计", "合计", "（三）不予公开", "(三)不予公开", "无法提供",
            "其他处理", "行政复议", "复议后起诉", "未经复议直接起诉", "结果维持", "结果纠正", "其他结果", "尚未审结",
            "第二十条第(一)项", "本年制发件数", "本年增/减", "处理决定数量", "本年处理决定数量", "规章",
            "行政规范性文件", "行政许可", "3.其他", "三其他", "(七)总计", "本年度办理结果", "0", "12", "/", "—",
            "。", "\n", "\t", "|", " ", "数量", "公开"]


@st.composite
def _texts(draw: st.DrawFn) -> str:
    words = _pieces()
    parts = draw(st.lists(st.sampled_from(words), max_size=60))
    cut = draw(st.lists(st.integers(0, 3), min_size=len(parts), max_size=len(parts)))
    return "".join(w[c:] if c < len(w) and w not in "。\n\t| " else w for w, c in zip(parts, cut, strict=True))


@pytest.mark.parametrize("name", sorted(TABLE_PATTERNS))
@settings(max_examples=300, deadline=None)
@given(text=_texts())
def test_a_table_pattern_finds_what_the_plain_pattern_finds(name, text):
    rx = TABLE_PATTERNS[name]
    plain = re.compile(rx.pattern[rx.pattern.index("(?:") + 3:-1]) if rx.pattern.startswith("(?=") else rx
    assert [(m.span(), m.lastgroup) for m in rx.finditer(text)] == \
        [(m.span(), m.lastgroup) for m in plain.finditer(text)]


def test_the_table_patterns_skip_ahead():
    """Each table's label pattern gets its look-ahead (else the test above compares a pattern with itself)."""
    assert all(rx.pattern.startswith("(?=[") for rx in TABLE_PATTERNS.values())


def test_every_template_label_pattern_matches_as_before():
    rnd = random.Random(7)
    words = _pieces()
    texts = ["".join(rnd.choice(words) for _ in range(80)) for _ in range(200)]
    for pattern in TEMPLATE_PATTERNS:
        fast, plain = compile_scan(pattern), re.compile(pattern)
        for text in texts:
            for start in (0, 5):
                assert [m.span() for m in fast.finditer(text, start)] == [m.span() for m in plain.finditer(text, start)]


@pytest.mark.parametrize("pattern, first", [
    ("总计|合计", {"总", "合"}),
    ("(?P<a>总计)|(?P<b>合计)", {"总", "合"}),
    (r"(?:本年)?处理决定数量", {"本", "处"}),
    (r"本年增[/／、]?减", {"本"}),
    (r"[一二三]、其他", {"一", "二", "三"}),
    (r"(?<![\w])[+\-]?\d", None),  # a digit class: too wide to list
    (r"\w+", None),
    (r".其他", None),
    (r"(?:其他)?", None),  # matches nothing too: every position can start a match
    (r"(?i)abc", None),
    (r"a|b*", None),
])
def test_first_characters_of_a_pattern(pattern, first):
    assert first_chars(pattern) == (frozenset(first) if first is not None else None)


def test_a_pattern_that_must_stay_as_written_compiles_unchanged():
    assert compile_scan(r"\d+").pattern == r"\d+"
    for plain in ("总计", "(总计|合计)", "[\t|]"):  # the engine finds these first characters itself
        assert compile_scan(plain).pattern == plain
    assert compile_scan("(?s)(?P<a>x.)|(?P<b>y)").pattern == "(?s)(?P<a>x.)|(?P<b>y)"  # global flags open it
    rx = compile_scan("(?P<a>[]^-])|(?P<b>\\\\)")  # class characters escaped in the look-ahead
    assert [m.group() for m in rx.finditer("a]b^c-d\\e")] == ["]", "^", "-", "\\"]


def _plain_prose_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in _SENTENCE.finditer(text, start, end)
            if not (_NUMBER_RUN.search(m.group()) or len(_TABLE_WORDS.findall(m.group())) >= 3)]


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet="本年制发规章2件。\n\t| 0/—", max_size=120), a=st.integers(0, 40), b=st.integers(0, 130))
def test_prose_sentences_are_the_ones_a_search_from_the_start_finds(text, a, b):
    assert prose_spans(text, a, b) == _plain_prose_spans(text, a, b)


def test_a_note_under_a_table_is_prose_and_a_table_without_one_has_none():
    text = "规章\t2\t0\t5\n行政规范性文件\t1\t0\t3\n注：本年度制发规章\n2件。\n"
    start = text.index("注")
    assert prose_spans(text, 0, len(text)) == [(start, len(text) - 1)]
    assert prose_spans(text, 0, start) == []


@settings(max_examples=800, deadline=None)
@given(text=st.text(alphabet="12０/第页共 \t\n-—–|:本行0—x", max_size=80),
       before=st.text(alphabet="规章1 \t\n-第页", max_size=8), after=st.text(alphabet="2 \t\n-第页", max_size=8))
@example(text="规章\t1\n:--|--:\n  | :--: | --- |\n— 4 —\n第 3 页 共 9 页\n12 / 19\n-4-\n０/１２\n\t2\n",
         before="", after="")
@example(text="第二十条\n第 3 页\n第\t7页\n| --- |\n |:--|\n--\n- 2 -\n", before="", after="")
@example(text="规章\t1\n| --- | --- |\n", before="", after="")  # each kind of page line alone in a table
@example(text="规章\t1\n:--:|--\n", before="", after="")
@example(text="第二十条\t3\n第 2 页\n", before="", after="")
@example(text="第二十条\t3\n- 2 -\n", before="", after="")
@example(text="- 2 -\n规章\t1\n", before="规章\t", after="\n- 3 -")  # the region's first line only
@example(text="规章\t1\n\n", before="", after="第 3 页\n")  # a page line just past the region
def test_page_lines_are_found_where_the_pattern_finds_them(text, before, after):
    """The page-number lines tokenize masks in a region of a text: tried only on lines that can start
    one, found as the pattern finds them anywhere in the region cut out (its first line a line, wherever
    the region starts)."""
    got = _page_lines(before + text + after, len(before), len(before) + len(text))
    assert got == [m.span() for m in _PAGE_LINE.finditer(text)]


@settings(max_examples=800, deadline=None)
@given(spans=st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=6),
       start=st.integers(0, 20), end=st.integers(0, 40))
@example(spans=[(2, 5), (7, 9)], start=0, end=40)  # apart and inside: cut in C
@example(spans=[(2, 8), (4, 6), (7, 12)], start=3, end=10)  # nested, overlapping, reaching out
def test_masked_labels_are_their_union_cut_to_the_region(spans, start, end):
    """tokenize blanks each label's span (any order, overlapping, past the region's ends) and nothing
    else: each character of the region is a space exactly where some span covers it."""
    from parsers.tokens import Anchor, _masked

    text = "".join(chr(0x4E00 + i) for i in range(40))
    spans = [(a, b) for a, b in spans if a <= b]  # an anchor never ends before it starts
    got = _masked(text, start, end, [Anchor("row", "", a, b) for a, b in spans])
    want = "".join(" " if any(a <= i < b for a, b in spans) else text[i] for i in range(start, end))
    assert got == want


@pytest.mark.parametrize("name", sorted(TABLE_PATTERNS))
@settings(max_examples=300, deadline=None)
@given(text=_texts(), start=st.integers(0, 8))
def test_labels_found_through_the_unnamed_pattern_are_the_labels_the_named_pattern_finds(name, text, start):
    """find_anchors finds where a label starts with the alternatives stripped of their names (the engine
    skips ahead on those) and reads the name there: the same spans and names as the named pattern alone."""
    from parsers.normalize import Compact
    from parsers.tokens import find_anchors

    compact = Compact.of(text)
    rx = TABLE_PATTERNS[name]
    want = [(compact.span_to_source(*m.span()), m.lastgroup or "") for m in rx.finditer(compact.text, start)]
    assert [((a.start, a.end), a.key) for a in find_anchors(compact, rx, "column", start)] == want


def test_the_unnamed_pattern_is_not_used_where_group_numbers_would_shift():
    from parsers.tokens import _FINDER, compile_named

    assert compile_named([("a", "(x)(y)"), ("b", r"(z)\2")]) not in _FINDER  # \2 names another group unnamed
    assert compile_named([("a", "甲乙"), ("b", "丙丁")]) in _FINDER


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet="规章12/ \t\n|\u3000\u2028\x1c\x85\xa0。", max_size=60), start=st.integers(0, 50))
def test_tokens_are_cut_at_white_space_and_bars_as_the_pattern_cuts_them(text, start):
    """tokenize cuts runs with str.split and a byte mask (the regex split where white space past Latin-1
    stands): the runs and their offsets are those of the regex split, whatever the white space."""
    from parsers.tokens import _RUN, _runs

    parts = _RUN.split(text)
    offsets = [start + sum(map(len, parts[:k])) for k in range(1, len(parts), 2)]
    assert _runs(text, start) == (parts[1::2], offsets)
