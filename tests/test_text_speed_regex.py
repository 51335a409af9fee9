"""Long runs of white space (a PDF copy's padding, a page padded with &nbsp;) are read in linear time:
no pattern retries a run of spaces from each of its characters. A hang guard, not a speed test: the
old patterns took hours on these inputs, the reader takes milliseconds; speed is measured in bench/."""
from __future__ import annotations

import json
import random
import re
import subprocess
import sys

import pytest

from conftest import ROOT, TRUTH
from parsers.html_reader import _META_CHARSET
from parsers.meta import _DATE_AT_END, _MARKUP, _PERIOD
from parsers.text_grid import _RULE
from parsers.tokens import _PAGE_LINE
from render import render

VALUES = json.loads(TRUTH.read_text(encoding="utf-8"))["004_47148163d7b9be8f.txt"]["fields"]

# The patterns as they were, quadratic on runs of spaces: the specification of which lines they match.
_DATE = r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
OLD = {
    # (a page number stands on one line: "12\n/\n19" is three cells, so [ \t]* where this had \s*)
    "page_line": re.compile(r"^[ \t]*(?:[-—–][ \t]*\d{1,3}[ \t]*[-—–]|第[ \t]*\d{1,3}[ \t]*页"
                            r"(?:[ \t]*共[ \t]*\d{1,3}[ \t]*页)?|\d{1,3}[ \t]*/[ \t]*\d{1,3})[ \t]*$"
                            r"|^[ \t]*\|?(?:[ \t]*:?-{2,}:?[ \t]*\|)+[ \t]*(?::?-{2,}:?)?[ \t]*$", re.M),
    "rule": re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{2,}:?[ \t]*\|)+[ \t]*(?::?-{2,}:?)?[ \t]*$"),
    "markup": re.compile(r"<[^<>]{0,80}>|^[#*>_|=\-\s]+|[#*_|=\s]+$"),
    "date_at_end": re.compile(r"\s*" + _DATE + r"\s*(?:印发|发布|制)?\s*$"),
    "period": re.compile(r"(?:统计|数据)[^。\n]{0,30}?(?:期限|期间|时间|时段|区间|时限|周期|口径|范围)"
                         r"[^。\n\d]{0,12}" + _DATE
                         + r"\s*(?:起)?\s*(?:至|到|—+|-|–|~|～)\s*(?:" + _DATE + r"|(\d{1,2})\s*月\s*(\d{1,2})\s*日)"),
    "meta_charset": re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I),
}
NEW = {"page_line": _PAGE_LINE, "rule": _RULE, "markup": _MARKUP, "date_at_end": _DATE_AT_END, "period": _PERIOD,
       "meta_charset": _META_CHARSET}
ALPHABETS = {
    "page_line": [" ", "\t", "|", "-", "--", ":", "—", "4", "12", "第", "页", "共", "/", "\n", "a"],
    "rule": [" ", "\t", "|", "-", "--", ":", "a"],
    "markup": [" ", "\t", "#", "*", "_", "|", "=", "-", ">", "<b>", "<", "标题", "\u3000"],
    "date_at_end": [" ", "\t", "2022", "年", "1", "12", "月", "日", "印发", "制", "\n", "x"],
    "period": ["统计期限", "数据", "为", " ", "2022年1月1日", "起", "至", "—", "12月31日", "2023", "年", "\n"],
}


def _strings(alphabet: list[str], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(n)]


@pytest.mark.parametrize("name", sorted(ALPHABETS))
def test_the_linear_patterns_match_what_the_old_ones_matched(name):
    old, new = OLD[name], NEW[name]
    for s in _strings(ALPHABETS[name], 20000, seed=len(name)):
        assert [m.span() for m in new.finditer(s)] == [m.span() for m in old.finditer(s)], repr(s)
        assert old.sub("", s) == new.sub("", s), repr(s)


def test_the_meta_charset_pattern_finds_the_same_charset():
    alphabet = [b"<meta", b" ", b"\t", b"charset", b"=", b"'", b'"', b"gbk", b"utf-8", b">", b"http-equiv", b"x"]
    rng = random.Random(5)
    for _ in range(20000):
        s = b"".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        old, new = OLD["meta_charset"].search(s), _META_CHARSET.search(s)
        assert (old and (old.span(), old.group(1))) == (new and (new.span(), new.group(1))), s


N = 200_000  # a run this long took the old patterns hours; a linear pass takes milliseconds


def _padded(kind: str) -> str:
    text = render(VALUES, "tab")
    if kind == "spaces_in_table3":
        return text.replace("（二）部分公开", " " * N + "\n（二）部分公开", 1)
    if kind == "tabs_in_table2":
        return text.replace("第二十条第（五）项", "\t" * N + "\n第二十条第（五）项", 1)
    if kind == "spaces_in_title":
        title = text.split("\n", 1)[0]
        agency = title.split("2022年")[0]
        return text.replace(title, agency + " " * N + title[len(agency):], 1)
    if kind == "spaces_after_period":
        return text.replace("一、总体情况\n", "一、总体情况\n统计期限为2022年1月1日" + " " * N + "x。\n", 1)
    if kind == "page_padded":
        return text.replace("三、收到和处理", "\u3000" * N + "\n三、收到和处理", 1)
    raise ValueError(kind)


@pytest.mark.parametrize("kind", ["spaces_in_table3", "tabs_in_table2", "spaces_in_title", "spaces_after_period",
                                  "page_padded"])
def test_a_long_run_of_white_space_is_read_like_the_report_without_it(tmp_path, kind):
    clean, padded = tmp_path / "clean.txt", tmp_path / "padded.txt"
    clean.write_text(render(VALUES, "tab"), encoding="utf-8")
    padded.write_text(_padded(kind), encoding="utf-8")
    got = {}
    for p in (clean, padded):
        out = subprocess.run([sys.executable, str(ROOT / "main.py"), "extract", "--json", str(p)], cwd=ROOT,
                             capture_output=True, text=True, encoding="utf-8", timeout=60)
        report = json.loads(out.stdout)["reports"][0]
        got[p.name] = (report["fields"], report.get("meta"))
    assert got["padded.txt"] == got["clean.txt"]
    assert got["clean.txt"][0]["s3.new.total"] == VALUES["s3.new.total"]
