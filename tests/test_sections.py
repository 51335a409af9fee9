"""The six sections are found by their headings, whatever their numbering or markup."""
from __future__ import annotations

from parsers.sections import find_sections

BODY = "正文一段。\n"


def _doc(*headings: str) -> str:
    return "".join(h + "\n" + BODY for h in headings)


def test_numbered_headings():
    text = _doc("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项")
    found = find_sections(text)
    assert list(found) == list("一二三四五六")
    assert found["二"][0] == text.index("二、主动")
    assert found["一"][1] == found["二"][0]  # a section runs to the next one
    assert found["六"][1] == len(text)


def test_markup_and_other_numbering():
    text = _doc("## 第一部分 总体情况", "**(二) 主动公开政府信息情况**", "第三章：依申请公开政府信息情况")
    found = find_sections(text)
    assert found["一"][0] == 0
    assert found["二"][0] == text.index("**(二)")
    assert found["三"][0] == text.index("第三章")


def test_a_bracketed_sub_heading_gives_way_to_the_section_heading():
    # （二）主动公开政府信息情况 under 总体情况 is a sub-heading; 二、… is the section
    text = _doc("一、总体情况", "（二）主动公开政府信息情况", "二、主动公开政府信息情况")
    assert find_sections(text)["二"][0] == text.index("二、主动")


def test_a_line_with_a_title_word_that_is_no_title():
    text = _doc("一、总体情况", "本年度依申请公开情况良好，无问题需要改进。", "二、主动公开政府信息情况")
    found = find_sections(text)
    assert list(found) == ["一", "二"]
    assert found["二"][0] == text.index("二、主动")


def test_a_lost_heading_falls_back_to_the_table():
    text = _doc("一、总体情况") + "第二十条第(一)项\n信息内容 本年制发件数\n"
    assert find_sections(text)["二"][0] == text.index("第二十条")


def test_a_title_word_on_the_last_line_and_long_lines():
    text = "x" * 90 + "情况\n" + "一、总体情况"  # a long line is no heading; the last line has no line end
    assert find_sections(text) == {"一": (text.index("一、"), len(text))}


def test_no_text_is_a_whole_title_of_two_sections():
    """find_sections takes a heading's section from the one alternative of _ANY_TITLE that matched: every
    title each section's pattern allows (with a stop or not) is a whole title of that section alone."""
    import re
    import re._parser as sre

    from parsers.sections import _ANY_TITLE, SECTIONS

    def spelled(items: list[tuple[object, object]]) -> list[str]:
        out = [""]
        for op, av in items:
            if op is sre.LITERAL:
                alts = [chr(av)]
            elif op is sre.SUBPATTERN:
                alts = spelled(av[3])
            elif op is sre.BRANCH:
                alts = [x for b in av[1] for x in spelled(b)]
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
                lo, hi, sub = av
                assert hi <= 1, "a title pattern of finite length"
                alts = ([""] if lo == 0 else []) + spelled(sub)
            else:
                assert op is sre.IN and all(o is sre.LITERAL for o, _ in av), op
                alts = [chr(v) for _, v in av]
            out = [o + a for o in out for a in alts]
        return out

    for idx, (_key, pat) in enumerate(SECTIONS):
        titles = spelled(sre.parse(pat))
        assert len(titles) > 1
        for title in titles:
            for stop in ("", "。", "：", ":"):
                whole = [j for j, (_k, p) in enumerate(SECTIONS) if re.fullmatch(rf"(?:{p})[。.:：]?", title + stop)]
                assert whole == [idx], (title + stop, whole)
                m = _ANY_TITLE.match(title + stop)
                assert m is not None and m.lastindex == idx + 1
