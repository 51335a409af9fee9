"""Find the six sections by their headings, whatever their numbering or markup."""
from __future__ import annotations

import re

from parsers.normalize import Compact

# (key, title pattern on compact text); the order is the printed order
SECTIONS: tuple[tuple[str, str], ...] = (
    ("一", r"总体情况|总体概况|基本情况"),
    ("二", r"主动公开政府信息(?:的)?情况|主动公开政府信息"),
    ("三", r"收到和处理政府信息公开申请(?:的)?情况|收到和处理政府信息公开申请|依申请公开政府信息情况"),
    ("四", r"政府信息公开行政复议[、,和及与]?行政诉讼(?:的)?情况"
           r"|行政复议[、,和及与]?行政诉讼(?:的)?情况"),
    ("五", r"存在的?主要问题及(?:其)?改进情况|存在的?(?:主要)?问题(?:及|和|与)(?:其)?改进(?:情况|措施)?"
           r"|主要问题及改进"),
    ("六", r"其他需要报告的事项|其他需要报告事项"),
)
_NUMERALS = "一二三四五六"
_PREFIX = re.compile(r"^[#>*\s]*(?:第?([一二三四五六七八九十]|\d{1,2})[、.)）:：章部分]*\s*"
                     r"|[(（]([一二三四五六])[)）]\s*)?")
_DECOR = re.compile(r"[#*>_\s]")
# every section title holds one of these; other lines are not looked at twice (two characters each, all
# eight different: no two can overlap, so each occurrence is found by a plain search)
_TITLE_WORDS = ("情况", "事项", "问题", "改进")
# a line's title text is a whole section title (one of the patterns above, full, maybe with a stop); the
# group that matched names the section. No text is a whole title of two sections (each section's titles
# begin with their own words: 总体/基本, 主动, 收到/依申请, 政府信息公开行政复议/行政复议, 存在/主要, 其他), so
# the one match tells all there is: no section's pattern is tried again on the line.
_ANY_TITLE = re.compile("^(?:" + "|".join(f"({pat})" for _key, pat in SECTIONS) + ")[。.:：]?$")
# a table anchor that starts a section when its heading was lost
_FALLBACK = {"二": r"第二十条第\(一\)项|第二十条", "三": r"本列数据的勾稽关系|申请人情况", "四": r"行政复议"}


def _heading_lines(text: str) -> list[tuple[int, int, str | None, bool, int]]:
    """Short lines that read as a section title: (start, end, numeral, numeral in brackets, index of the
    section in SECTIONS)."""
    hits = []
    for word in _TITLE_WORDS:  # a str search per word, not a regex tried at every character
        i = text.find(word)
        while i >= 0:
            hits.append(i)
            i = text.find(word, i + 2)
    hits.sort()
    out = []
    last = -1
    for hit in hits:  # the lines that hold a title word, each once
        a = text.rfind("\n", 0, hit) + 1
        if a == last:
            continue
        last = a
        b = text.find("\n", hit + 2)
        b = len(text) if b < 0 else b
        if b - a > 80:
            continue
        line = text[a:b]
        p = _PREFIX.match(line)
        assert p is not None  # every part of the pattern is optional: it always matches, maybe empty
        number, bracketed = p.groups()
        title = _DECOR.sub("", line[p.end():])
        if 2 <= len(title) <= 40 and (m := _ANY_TITLE.match(title)):  # no other line ranks for any section
            assert m.lastindex is not None  # each alternative is a group
            out.append((a, b, number or bracketed, bracketed is not None, m.lastindex - 1))
    return out


def find_sections(text: str, compact: Compact | None = None) -> dict[str, tuple[int, int]]:
    """Start and end offsets of each section found; a section runs to the next one found."""
    lines = _heading_lines(text)
    compact = compact or Compact.of(text)
    starts: dict[str, int] = {}
    pos = 0
    for idx, (key, pat) in enumerate(SECTIONS):
        # A section heading is 二、… (or 第二部分, or the bare title); （二）… is a
        # sub-heading of 总体情况 unless nothing better is found.
        ranked = []
        for start, _end, numeral, bracketed, section in lines:
            if section != idx or start < pos:
                continue
            right = numeral in (key, str(idx + 1))
            rank = 0 if right and not bracketed else 1 if numeral is None else 2 if right else 3
            ranked.append((rank, start))
        best = min(ranked)[1] if ranked else None
        if best is None and idx > 0:
            # heading lost or run into other text (a flattened copy): the table's own
            # first label, else the title anywhere after the previous section
            cpos = compact.from_source(pos)
            m = re.compile(_FALLBACK[key]).search(compact.text, cpos) if key in _FALLBACK else None
            m = m or re.compile(pat).search(compact.text, cpos)
            if m:
                best = compact.to_source(m.start())
        if best is not None:
            starts[key] = best
            pos = best + 1
    ordered = sorted(starts.items(), key=lambda kv: kv[1])
    out = {}
    for i, (key, start) in enumerate(ordered):
        out[key] = (start, ordered[i + 1][1] if i + 1 < len(ordered) else len(text))
    return out
