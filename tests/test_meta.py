"""Agency and year: read from the title, the first heading, the signature (落款) and the file name, in
that order of trust; the inspector says which one was used; sources that disagree give a `meta` warning."""
from __future__ import annotations

import json

import pytest

from conftest import TRUTH
from models.record import report_from_record, report_to_record
from models.review import Review
from parsers.pipeline import parse_path, parse_text
from render import render

VALUES = json.loads(TRUTH.read_text(encoding="utf-8"))["001_dfce13c1242a961e.txt"]["fields"]  # all zero, clean
PERIOD = "本报告中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。"


def report_text(title: str, year: int = 2023, *, tail: str = "", preface: str = "") -> str:
    """A whole report whose title lines are `title` (the body speaks of `year`), with lines at the end."""
    body = render(VALUES, "tab", agency="某某县人民政府", year=year).split("\n", 1)[1]
    head = f"{title}\n\n{preface}\n\n" if preface else f"{title}\n\n"
    return head + body + (f"\n\n{tail}\n" if tail else "")


def meta_of(text: str, source: str = "") -> tuple[str | None, str | None, int | None, str | None]:
    m = parse_text(text, source).meta
    return m.agency, m.agency_from, m.year, m.year_from


def meta_warnings(text: str, source: str = "") -> list:
    return [i for i in parse_text(text, source).structure if i.rule == "meta"]


@pytest.mark.parametrize("title, agency", [
    ("某某县人民政府2023年政府信息公开工作年度报告", "某某县人民政府"),
    ("某某市人民政府办公厅2023年度政府信息公开工作年度报告", "某某市人民政府办公厅"),
    ("2023年某某省人民政府办公厅政府信息公开工作年度报告", "某某省人民政府办公厅"),
    ("2023年度 某某市人民政府办公厅 政府信息公开工作年度报告", "某某市人民政府办公厅"),
    ("某某县人民政府\n2023年政府信息公开工作年度报告", "某某县人民政府"),
    ("某某市发展和改革委员会\n\n2023年度\n\n政府信息公开工作年度报告", "某某市发展和改革委员会"),
    ("关于某某县人民政府2023年政府信息公开工作年度报告", "某某县人民政府"),
    ("某某市财政局关于2023年度政府信息公开工作年度报告的通知", "某某市财政局"),
    ("某某县人民政府办公室关于印发某某县2023年政府信息公开工作年度报告的通知", "某某县"),
    ("《某某县卫生健康委员会2023年政府信息公开工作年度报告》", "某某县卫生健康委员会"),
    ("“某某街道办事处2023年政府信息公开工作年度报告”", "某某街道办事处"),
    ("# 某某县人民政府2023年政府信息公开工作年度报告", "某某县人民政府"),
    ("<h1>某某县人民政府2023年政府信息公开工作年度报告</h1>", "某某县人民政府"),
    ("某某 县 人民政府  2023 年 政府信息公开 工作年度报告", "某某县人民政府"),
    ("某某县人民政府２０２３年政府信息公开工作年度报告", "某某县人民政府"),
    ("某某县人民政府二〇二三年政府信息公开工作年度报告", "某某县人民政府"),
    ("某某镇人民政府政府信息公开工作年度报告\n（2023年度）", "某某镇人民政府"),
    ("某某县人民政府2023年政府信息公开工作年度报告  发布时间：2024-01-20", "某某县人民政府"),
])
def test_agency_and_year_are_read_from_the_title_in_each_form(title, agency):
    assert meta_of(report_text(title)) == (agency, "title", 2023, "title")


def test_the_last_title_line_wins_over_a_sidebar_listing_other_years():
    sidebar = "某某县人民政府2021年政府信息公开工作年度报告\n某某县人民政府2022年政府信息公开工作年度报告"
    assert meta_of(report_text(sidebar + "\n\n某某县人民政府2023年政府信息公开工作年度报告")) == \
        ("某某县人民政府", "title", 2023, "title")


def test_a_pages_navigation_and_sentences_never_become_the_agency():
    page = ("首页 > 政务公开 > 政府信息公开年报\n您当前的位置：首页 > 信息公开\n"
            "现将某某县2023年政府信息公开工作年度报告公布如下：\n"
            "根据《中华人民共和国政府信息公开条例》，特此发布本县2023年政府信息公开工作年度报告。\n"
            "2023年政府信息公开工作年度报告")
    agency, agency_from, year, year_from = meta_of(report_text(page))
    assert (agency, agency_from) == (None, None)
    assert (year, year_from) == (2023, "title")


def test_a_title_that_starts_with_a_formula_mark_names_no_agency():
    assert meta_of(report_text("+某某县人民政府2023年政府信息公开工作年度报告"))[:2] == (None, None)


def test_the_first_heading_gives_the_agency_when_the_title_has_none():
    text = report_text("某某市交通运输局\n发布日期：2024-01-10  浏览次数：35\n2023年政府信息公开工作年度报告")
    assert meta_of(text) == ("某某市交通运输局", "heading", 2023, "title")


def test_the_signature_gives_the_agency_but_not_the_year():
    text = report_text("政府信息公开工作年度报告", preface=PERIOD.format(y=2023),
                       tail="某某市生态环境局\n\n2024年1月20日")
    assert meta_of(text) == ("某某市生态环境局", "signature", 2023, "period")


def test_a_signature_with_its_date_on_the_same_line_and_an_issuing_note_after_it():
    tail = "某某县自然资源局  2024年1月18日\n\n抄送：县政府办。\n\n某某县人民政府办公室\n2024年1月19日印发"
    text = report_text("2023年政府信息公开工作年度报告", tail=tail)
    assert meta_of(text)[:2] == ("某某县自然资源局", "signature")


def test_only_the_file_name_names_agency_and_year(tmp_path):
    text = report_text("政府信息公开工作年度报告")
    path = tmp_path / "2023年某某县人民政府政府信息公开工作年度报告.txt"
    path.write_text(text, encoding="utf-8")
    report = parse_path(path)
    assert report.error is None
    assert (report.meta.agency, report.meta.agency_from, report.meta.year, report.meta.year_from) == \
        ("某某县人民政府", "filename", 2023, "filename")
    short = tmp_path / "某某局2022年报.txt"
    short.write_text(text, encoding="utf-8")
    assert (parse_path(short).meta.agency, parse_path(short).meta.year) == ("某某局", 2022)


def test_a_file_name_without_a_report_word_gives_nothing():
    assert meta_of(report_text("政府信息公开工作年度报告"), "/reports/001_978a9fff42e671ca.txt")[::2] == (None, None)


def test_title_2023_with_a_2022_body_gets_a_meta_warning_naming_both():
    text = report_text("某某县人民政府2023年政府信息公开工作年度报告", year=2022, preface=PERIOD.format(y=2022))
    (issue,) = meta_warnings(text)
    assert (issue.rule, issue.severity, issue.fields) == ("meta", "warning", ["meta.year"])
    assert issue.message.startswith("标题写 2023 年，正文统计期限为 2022 年")
    assert "“总体情况”中的年份多为 2022 年" in issue.message and issue.message.endswith("请核对报告年度")
    assert parse_text(text).meta.year == 2023  # the title is still trusted; the auditor decides


def test_a_body_that_compares_with_last_year_is_no_disagreement():
    text = report_text("某某县人民政府2023年政府信息公开工作年度报告", year=2023, preface=PERIOD.format(y=2023))
    text = text.replace("人民群众获取信息更加便捷。", "较2022年增长12%，比2022年多3项，与2022年相比更加便捷。")
    assert meta_warnings(text) == []


def test_title_and_signature_naming_different_agencies_get_a_meta_warning():
    text = report_text("某某县人民政府2023年政府信息公开工作年度报告", tail="某某市财政局\n2024年1月20日")
    (issue,) = meta_warnings(text)
    assert (issue.rule, issue.severity, issue.fields) == ("meta", "warning", ["meta.agency"])
    assert issue.message == "标题写“某某县人民政府”，落款为“某某市财政局”：请核对发布机关"
    assert text[issue.evidence[0]:issue.evidence[1]] == "某某市财政局"


@pytest.mark.parametrize("title, signed", [
    ("某某县人民政府", "某某县人民政府办公室"),  # the government's office signs for it
    ("某某县小关乡", "小关乡人民政府"),  # the place above left out
    ("某某经济技术开发区", "某某经济技术开发区管理委员会"),
    ("某某市发展和改革委员会", "某某市发改委"),
])
def test_one_agency_written_two_ways_is_no_disagreement(title, signed):
    text = report_text(f"{title}2023年政府信息公开工作年度报告", tail=f"{signed}\n2024年1月20日")
    assert meta_warnings(text) == []


def test_extract_json_and_the_stored_record_keep_the_sources():
    report = parse_text(report_text("2023年政府信息公开工作年度报告", tail="某某县水利局\n2024年1月20日"))
    meta = report.to_json([])["meta"]
    assert (meta["agency"], meta["agency_from"], meta["year"], meta["year_from"]) == \
        ("某某县水利局", "signature", 2023, "title")
    again = report_from_record(report_to_record(report)).meta
    assert (again.agency_from, again.year_from) == ("signature", "title")


def test_a_record_stored_before_the_sources_were_kept_still_loads():
    record = report_to_record(parse_text(report_text("某某县人民政府2023年政府信息公开工作年度报告")))
    for key in ("agency_from", "year_from"):
        del record["meta"][key]
    meta = report_from_record(record).meta
    assert (meta.agency, meta.year, meta.agency_from, meta.year_from) == ("某某县人民政府", 2023, None, None)


def test_the_inspector_says_where_agency_and_year_came_from(qtbot):
    from ui.widgets import Inspector

    inspector = Inspector()
    qtbot.addWidget(inspector)
    signed = parse_text(report_text("2023年政府信息公开工作年度报告", tail="某某县水利局\n2024年1月20日"))
    inspector.show_field(Review(signed), "")
    assert inspector.meta_line.text() == "机关：某某县水利局（取自落款）；年度：2023（取自标题）"
    inspector.show_field(Review(signed), "s3.new.total")  # still shown while a cell is selected
    assert inspector.meta_line.text() == "机关：某某县水利局（取自落款）；年度：2023（取自标题）"
    unnamed = parse_text(report_text("政府信息公开工作年度报告"), "/x/某某局2022年报.txt")
    inspector.show_field(Review(unnamed), "")
    assert inspector.meta_line.text() == "机关：某某局（取自文件名）；年度：2022（取自文件名）"
    inspector.show_field(Review(parse_text(report_text("政府信息公开工作年度报告"))), "")
    assert inspector.meta_line.text() == "机关：未识别；年度：未识别"


def test_a_line_without_tags_is_cleaned_as_the_markup_pattern_cleans_it():
    """meta._clean strips the runs of markup at either end without the regex when a line has no tag;
    its character sets must stay those of _MARKUP and _BULLET."""
    import itertools

    from parsers import meta

    def by_pattern(line: str) -> str:
        s = meta._BULLET.sub("", meta._MARKUP.sub("", line))
        return meta._SPACE.sub("", s).strip(meta._QUOTES)

    alphabet = ["#", "*", ">", "_", "|", "=", "-", " ", "\u3000", "\u0085", "a", "·", "—", "《", "x局"]
    for n in range(1, 4):
        for parts in itertools.product(alphabet, repeat=n):
            line = "".join(parts)
            assert meta._clean(line) == by_pattern(line), repr(line)
