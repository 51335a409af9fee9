"""One test per problem found in review: what went wrong, read as a person would read it."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, SAMPLES, TRUTH
from models.checks import check
from parsers import parse_bytes, parse_path, parse_text
from render import render

T001 = json.loads(TRUTH.read_text(encoding="utf-8"))["001_dfce13c1242a961e.txt"]["fields"]  # all zero
S000 = (SAMPLES / "000_978a9fff42e671ca.txt").read_text(encoding="utf-8")


def base(**changes) -> str:
    values = dict(T001)
    values.update(changes)
    return render(values, "tab")


def after(text: str, heading: str, insert: str, at_end: bool = False) -> str:
    """Put a paragraph just under a section heading, or just before the next heading."""
    lines = text.split("\n")
    i = next(n for n, line in enumerate(lines) if heading in line)
    if at_end:
        i = next(n for n in range(i + 1, len(lines)) if lines[n][:2] in ("三、", "四、", "五、")) - 1
    lines.insert(i + 1, insert)
    return "\n".join(lines)


def issues(text: str) -> list:
    return [i for i in check(parse_text(text)) if i.severity != "info"]


@pytest.mark.parametrize("heading,sentence,at_end,stated", [
    ("二、主动公开政府信息情况", "本年度制发规章2件，作出行政许可决定99件。", True, []),
    ("三、收到和处理政府信息公开申请情况", "本年度本机关新收政府信息公开申请10件，上年结转0件，予以公开10件。", False,
     [("applications", 10)]),
    ("四、政府信息公开行政复议、行政诉讼情况", "本年度共发生行政复议1件，行政诉讼3件。", False,
     [("review", 1), ("suit", 3)]),
])
def test_numbers_in_a_sentence_inside_a_table_section_never_enter_the_table(heading, sentence, at_end, stated):
    text = after(base(), heading, sentence, at_end)
    report = parse_text(text)
    assert report.values() == parse_text(base()).values()
    assert [i.rule for i in issues(text)] == ["prose"] * len(stated)  # checked as prose, not read as cells
    before = [(p.kind, p.value) for p in parse_text(base()).prose]
    assert [(p.kind, p.value) for p in report.prose if (p.kind, p.value) not in before] == stated


def test_a_prose_count_under_a_table_that_disagrees_is_reported():
    text = after(base(), "四、政府信息公开行政复议、行政诉讼情况", "本年度共发生行政复议1件。")
    assert [i.rule for i in issues(text)] == ["prose"]


def test_windows_line_ends_keep_every_value_linked_to_its_source():
    crlf = S000.replace("\n", "\r\n")
    a, b = parse_text(S000), parse_text(crlf)
    assert a.values() == b.values()
    for _fid, cell in b.cells.items():
        if cell.span:
            assert crlf[cell.span[0]:cell.span[1]] == cell.raw


def test_a_vertical_pipe_table_with_windows_line_ends_reads_like_the_original():
    text = render(dict(T001, **{"s2.regulations.issued": None, "s2.regulations.repealed": 5}), "pipe_vertical")
    lf, crlf = parse_text(text).values(), parse_text(text.replace("\n", "\r\n")).values()
    assert crlf == lf
    assert lf["s2.regulations.issued"] is None and lf["s2.regulations.repealed"] == 5


def test_raw_text_is_what_was_printed_not_the_folded_copy():
    text = S000.replace("行政许可\t4658", "行政许可\t４６５８件")
    cell = parse_text(text).cells["s2.licensing.decisions"]
    assert cell.value == 4658 and cell.raw == "４６５８件"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(codec):
    text = (SAMPLES / "002_978f6dfc59ee8d2b.txt").read_text(encoding="utf-8")
    report = parse_bytes(text.encode(codec), "u16.txt")
    assert report.error is None and report.encoding == codec
    assert report.values()["s3.new.total"] == 9


def test_a_header_that_lost_a_column_while_rows_print_seven_numbers_reads_in_official_order():
    values = {**T001, **{f"s3.new.{c}": n for c, n in zip(
        ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total"),
        (4, 3, 1, 0, 0, 2, 10), strict=True)}}
    text = render(values, "tab").replace("科研机构", "", 1)
    report = parse_text(text)
    v = report.values()
    assert (v["s3.new.research"], v["s3.new.social_org"], v["s3.new.other_org"], v["s3.new.total"]) == (1, 0, 2, 10)
    assert any(i.rule == "layout" and "科研机构" in i.message for i in check(report))


def test_a_space_aligned_header_with_the_total_first_is_read_by_its_header():
    header = ("三、收到和处理政府信息公开申请情况\n"
              "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）  申请人情况\n"
              "  总计  自然人  法人或其他组织\n    商业企业  科研机构  社会公益组织  法律服务机构  其他\n")
    text = base()
    start = text.index("三、收到和处理政府信息公开申请情况")
    first_row = text.index("一、本年新收", start)
    text = text[:start] + header + "一、本年新收政府信息公开申请数量  10  6  2  1  0  0  1\n" + \
        text[text.index("\n", first_row) + 1:]
    v = parse_text(text).values()
    assert (v["s3.new.total"], v["s3.new.natural_person"], v["s3.new.other_org"]) == (10, 6, 1)


def test_the_official_header_copied_one_cell_per_line_keeps_the_total_last():
    cells = [c for line in S000.split("\n") for c in (line.split("\t") if "\t" in line else [line]) if c.strip()]
    v = parse_text("\n".join(cells)).values()
    assert (v["s3.new.natural_person"], v["s3.new.total"], v["s3.rejected_duplicate.natural_person"]) == (13, 13, 1)


def test_table_four_printed_one_row_per_group_reads_by_header_positions_and_names_unknown_rows():
    table = ("\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n行政复议\t1\t\t0\t0\t1\n"
             "行政诉讼（未经复议直接起诉）\t0\t1\t0\t0\t1\n行政诉讼（复议后起诉）\t0\t0\t0\t2\t2\n行政赔偿\t0\t0\t1\t0\t1\n")
    text = base()
    a = text.index("四、政府信息公开行政复议")
    a = text.index("\n", a) + 1
    b = text.index("五、存在")
    report = parse_text(text[:a] + table + text[b:])
    v = report.values()
    assert (v["s4.review.upheld"], v["s4.review.corrected"], v["s4.review.total"]) == (1, None, 1)
    assert (v["s4.suit_after_review.pending"], v["s4.suit_after_review.total"]) == (2, 2)
    assert any("行政赔偿" in i.message for i in check(report))


def test_a_short_space_aligned_row_keeps_its_last_number_as_the_total():
    text = S000.replace("二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0",
                        "二、上年结转政府信息公开申请数量 0 0 0 0 0 3")
    report = parse_text(text)
    assert report.values()["s3.carried_over.total"] == 3
    assert report.cells["s3.carried_over.total"].uncertain


def test_a_group_heading_printed_with_numbers_names_its_cells():
    text = base().replace("（四）无法提供\t", "（四）无法提供\t0\t0\t0\t0\t0\t0\t0\t", 1)
    found = [i for i in issues(text) if "无法提供" in i.message]
    assert found and "s3.unable_not_held.total" in found[0].fields


def test_statistics_period_worded_as_时段_is_checked():  # noqa: N802  (时段 has no lower case)
    text = after(base(), "六、其他需要报告的事项", "本报告统计时段为2022年1月1日至2022年11月30日。")
    assert any(i.rule == "period" for i in issues(text))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_instead_of_hanging(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    report = parse_path(fifo)
    assert report.error and "普通文件" in report.error


def test_a_folder_with_nothing_readable_says_so(tmp_path):
    (tmp_path / "a.pptx").write_bytes(b"PK")
    (tmp_path / "b.xlsx").write_bytes(b"PK")
    out = subprocess.run([sys.executable, "main.py", "extract", "--json", str(tmp_path)], cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 1
    assert "跳过 2 个暂不支持的文件（.pptx、.xlsx）" in out.stderr and "没有找到可读取的报告文件" in out.stderr


def test_export_refuses_a_file_as_output_folder_and_a_database_that_is_not_a_workspace(tmp_path):
    import sqlite3
    target = tmp_path / "out.csv"
    target.write_text("x")
    out = subprocess.run([sys.executable, "main.py", "export", "--out", str(target), str(SAMPLES)], cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and "是一个文件" in out.stderr and target.read_text() == "x"
    other = tmp_path / "their.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE customers (name TEXT)")
    con.commit()
    con.close()
    before = other.read_bytes()
    out = subprocess.run([sys.executable, "main.py", "export", "--out", str(tmp_path / "ds"), str(other)], cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 1 and "不是本程序的审核工作区" in out.stderr
    assert other.read_bytes() == before  # nothing added to somebody else's database
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"this is not a database at all" * 100)
    out = subprocess.run([sys.executable, "main.py", "export", "--out", str(tmp_path / "ds2"), str(broken)],
                         cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 1 and "工作区" in out.stderr and "Traceback" not in out.stderr
