"""parsers/meta.py finds some matches from a literal with str.find instead of letting the regex engine scan
every character: these must find exactly what the patterns find by themselves."""
from __future__ import annotations

import random
import re
from collections import Counter

from parsers import meta

_SENTENCE = re.compile(r"[^。；;！!？?\n]+")  # a sentence as the pattern the reader used to cut them found it


def _strings(alphabet: list[str], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(n)]


def test_the_years_of_section_one_are_those_the_year_pattern_finds():
    compared = re.compile(r"(?:较|比|与|同)$")

    def by_pattern(body: str) -> Counter[int]:  # the matches of _BODY_YEAR, as finditer gives them
        cited = [(m.start(), m.end()) for m in meta._CITED.finditer(body)]
        counts: Counter[int] = Counter()
        for m in meta._BODY_YEAR.finditer(body):
            if any(a <= m.start() < b for a, b in cited) or compared.search(body[max(0, m.start() - 1):m.start()]):
                continue
            y = meta._year(m.group(1))
            if y is not None:
                counts[y] += 1
        return counts

    alphabet = ["2023", "二〇二三", "二零二二", "1999", "12", "年", "度", " ", "\n", "\u3000", "较", "比", "1", "5月",
                " 月", "《", "》", "x", "3", "二", "〇"]
    for body in _strings(alphabet, 30000, seed=1):
        assert meta._body_years(body, (0, len(body))) == by_pattern(body), repr(body)
    assert meta._body_years("2022年，我局…较2021年增加；2023年度5月", (0, 30)) == Counter({2022: 1, 2023: 1})


def test_the_statistics_period_is_the_first_match_of_its_pattern():
    alphabet = ["统计期限", "统计", "数据", "期间", "为", " ", "2022年1月1日", "起", "至", "—", "12月31日",
                "2023", "年", "\n", "。", "统数"]
    for text in _strings(alphabet, 30000, seed=2):
        found, by_pattern = meta._period(text), meta._PERIOD.search(text)
        assert (found and found.span()) == (by_pattern and by_pattern.span()), repr(text)


def test_the_sentences_read_for_counts_are_the_ones_holding_a_key_word():
    alphabet = ["申请", "申", "请", "行政复议", "行政诉讼", "行政", "受理", "3件", "。", "；", ";", "!", "？", "\n",
                "，", "x", " "]
    rng = random.Random(3)
    for text in _strings(alphabet, 30000, seed=3):
        start, end = sorted((rng.randint(0, len(text)), rng.randint(0, len(text))))
        by_pattern = [(s.start(), s.group()) for s in _SENTENCE.finditer(text, start, end)
                      if any(w in s.group() for w in meta._KEYS)]
        assert list(meta._key_sentences(text, start, end)) == by_pattern, (text, start, end)


def test_cleaning_a_line_only_takes_characters_out():
    """The title search skips a line without 公 and 开 before cleaning it: no cleaning may bring them together."""
    def within(small: str, big: str) -> bool:
        rest = iter(big)
        return all(ch in rest for ch in small)

    alphabet = ["<b>", "</b>", "<", ">", "#", "*", "-", "|", "=", "_", " ", "\u3000", "\t", "·", "—", "《", "》", "“",
                "公", "开", "公开", "x", "局"]
    for line in _strings(alphabet, 30000, seed=4):
        assert within(meta._clean(line), line), repr(line)
