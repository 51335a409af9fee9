"""Bytes to text in every encoding reports are published in; bad bytes get a clear message."""
from __future__ import annotations

import codecs
from decimal import Decimal

import pytest

from conftest import SAMPLES
from models.report import INFO
from parsers import parse_bytes
from parsers.decode import DecodeError, decode

TEXT = (SAMPLES / "000_978a9fff42e671ca.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("data,encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("gb18030"), "gb18030"),
    (TEXT.encode("gbk", errors="replace"), "gb18030"),
    (TEXT.encode("utf-16"), "utf-16"),
    (TEXT.encode("utf-16-le"), "utf-16-le"),
])
def test_each_encoding_reads_the_same_report(data, encoding):
    report = parse_bytes(data, "x.txt")
    assert report.encoding == encoding
    assert report.error is None
    assert report.values()["s3.new.total"] == 13
    assert report.meta.agency == "新乡县人民政府"


def test_big5_traditional_copy_reads():
    trad = TEXT.replace("规章", "規章").replace("行政许可", "行政許可").replace("行政处罚", "行政處罰") \
        .replace("行政强制", "行政強制").replace("行政事业性收费", "行政事業性收費")
    data = trad.encode("big5hkscs", errors="replace")
    report = parse_bytes(data, "big5.txt")
    assert report.encoding == "big5hkscs"
    v = report.values()
    assert v["s2.licensing.decisions"] == 4658 and v["s2.penalty.decisions"] == 1427
    assert v["s2.fees.amount"] == Decimal("7504.2371")


def test_override_is_used_and_reported():
    d = decode(TEXT.encode("gb18030"), "gb18030")
    assert d.encoding == "gb18030" and not d.detected
    with pytest.raises(DecodeError, match="utf-8"):
        decode(TEXT.encode("gb18030"), "utf-8")
    with pytest.raises(DecodeError, match="未知的编码"):
        decode(b"abc", "no-such-codec")


@pytest.mark.parametrize("data,message", [
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, "二进制"),
    (b"", "不是政府信息公开工作年度报告"),
    ("这是一部小说。第一章，天色已晚。".encode() * 50, "不是政府信息公开工作年度报告"),
])
def test_bad_input_gets_a_clear_message(data, message):
    report = parse_bytes(data, "bad.txt")
    assert report.error and message in report.error


def test_truncated_report_reads_what_is_there():
    cut = TEXT[: TEXT.index("四、政府信息公开行政复议")]
    report = parse_bytes(cut.encode("utf-8"), "cut.txt")
    assert report.error is None
    assert report.values()["s3.new.total"] == 13
    assert report.values()["s4.review.total"] is None
    from models.checks import check
    # the missing table is one item naming its 15 cells (the reader's note is part of it)
    assert any(i.rule == "missing" and {f"s4.{g}.{c}" for g in ("review", "suit_direct", "suit_after_review")
                                        for c in ("upheld", "corrected", "other", "pending", "total")} <= set(i.fields)
               for i in check(report))


# ---- the encoding a person would settle on (issue 12) ----------------------------------------------

def _notes(report) -> list[str]:
    return [i.message for i in report.structure if i.rule == "encoding"]


def _reads_like_000(report) -> None:
    assert report.error is None
    assert report.meta.agency == "新乡县人民政府" and report.values()["s3.new.total"] == 13
    assert report.values()["s2.fees.amount"] == Decimal("7504.2371")


@pytest.mark.parametrize("bom", [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE],
                         ids=["utf-8-bom", "utf-16-le-bom", "utf-16-be-bom"])
def test_gbk_behind_a_byte_order_mark_it_does_not_bear_out_is_read_as_gbk(bom):
    report = parse_bytes(bom + TEXT.encode("gbk"), "gbk_bom.txt")
    assert report.encoding == "gb18030" and report.text == TEXT  # the mark is not part of the text
    _reads_like_000(report)
    [note] = [i for i in report.structure if i.rule == "encoding"]
    assert note.severity == INFO  # the text reads right: nothing for the auditor to do
    name = "UTF-8" if bom == codecs.BOM_UTF8 else "UTF-16"
    assert note.message == f"文件开头的 {name} 字节顺序标记（BOM）与内容不符，已忽略该标记，按 gb18030 读取"


def test_a_byte_order_mark_the_bytes_bear_out_is_trusted():
    for data, name in ((codecs.BOM_UTF8 + TEXT.encode(), "utf-8-sig"), (TEXT.encode("utf-16"), "utf-16"),
                       (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"), (TEXT.encode("utf-32"), "utf-32")):
        report = parse_bytes(data, "bom.txt")
        assert (report.encoding, report.text, _notes(report)) == (name, TEXT, [])


def test_reopening_with_gbk_drops_a_stray_byte_order_mark():
    d = decode(codecs.BOM_UTF8 + TEXT.encode("gbk"), "gb18030")
    assert d.text == TEXT and not d.detected and d.notes == ()


def _two_encodings(first: str, second: str, heading: str) -> tuple[bytes, int]:
    cut = TEXT.index(heading)
    return TEXT[:cut].encode(first) + TEXT[cut:].encode(second), cut


def test_half_utf8_half_gbk_is_read_as_utf8_and_the_gbk_half_is_reported():
    data, cut = _two_encodings("utf-8", "gbk", "三、收到和处理政府信息公开申请情况")
    report = parse_bytes(data, "mixed.txt")
    assert report.encoding == "utf-8"  # more of the file's bytes read as UTF-8 than as GB18030
    assert report.error is None and report.text[:cut] == TEXT[:cut]
    assert report.meta.agency == "新乡县人民政府"
    assert report.values()["s2.licensing.decisions"] == 4658  # table 二 is in the UTF-8 half
    doubt, replaced = _notes(report)
    assert doubt.startswith("编码可能判断有误：已试过 utf-8、gb18030、big5hkscs")
    assert "读得最通的是 utf-8，但只有 66% 的内容是常见的中文或英文字符" in doubt
    assert "文件似乎混用了两种编码" in doubt and doubt.endswith("请以其他编码重新打开（文件 ▸ 以其他编码重新打开）")
    n = int(replaced.split(" ")[1])
    gbk_bytes = len(TEXT[cut:].encode("gbk")) - sum(ch.isascii() for ch in TEXT[cut:])
    assert 0 < n <= gbk_bytes and replaced.startswith(f"有 {n} 处字节不能按 utf-8 解码")


def test_mostly_gbk_with_a_utf8_tail_is_gbk_never_a_cyrillic_code_page():
    data, cut = _two_encodings("gbk", "utf-8", "四、政府信息公开行政复议")
    report = parse_bytes(data, "mixed.txt")
    assert report.encoding == "gb18030" and report.text[:cut] == TEXT[:cut]
    assert report.meta.agency == "新乡县人民政府" and report.values()["s3.new.total"] == 13
    [doubt] = [m for m in _notes(report) if m.startswith("编码可能判断有误")]
    assert "已试过 utf-8、gb18030、big5hkscs" in doubt and "读得最通的是 gb18030" in doubt


def test_utf8_with_a_few_bad_bytes_is_utf8_with_the_count_reported():
    a, b = TEXT.index("本年新收"), TEXT.index("本年新收") + 1000
    data = TEXT[:a].encode() + b"\xff" + TEXT[a:b].encode() + b"\xfe\xfe" + TEXT[b:].encode()
    report = parse_bytes(data, "bad_bytes.txt")
    assert report.encoding == "utf-8"
    _reads_like_000(report)
    assert _notes(report) == ["有 3 处字节不能按 utf-8 解码，原文中显示为 �；"
                              "若它们落在表格里，请核对，或换一种编码重新打开"]


def test_pure_gbk_and_big5_read_without_a_note():
    report = parse_bytes(TEXT.encode("gbk"), "gbk.txt")
    assert report.encoding == "gb18030" and _notes(report) == []
    _reads_like_000(report)
    trad = TEXT.replace("规章", "規章").replace("行政许可", "行政許可").replace("行政处罚", "行政處罰")
    report = parse_bytes(trad.encode("big5hkscs", errors="replace"), "big5.txt")
    assert report.encoding == "big5hkscs" and _notes(report) == []
    assert report.values()["s2.licensing.decisions"] == 4658


def test_text_that_reads_badly_in_every_encoding_names_the_encodings_tried():
    data = bytes(range(0x80, 0x100)) * 40 + b"\n" + bytes(range(0xFF, 0x7F, -1)) * 40  # no control bytes
    report = parse_bytes(data, "garbled.txt")
    assert report.error is not None and report.error.startswith("不是政府信息公开工作年度报告")
    assert "已试过 utf-8、gb18030、big5hkscs" in report.error and "以其他编码重新打开" in report.error


# ---- a web page carries the decoder's notes as a text file does (issue 12) ------------------------

def _page() -> str:
    from documents import cms_page
    from fuzz_text import truth_values

    return cms_page(truth_values())


def _doubts(report) -> list[str]:
    return [m for m in _notes(report) if m.startswith("编码可能判断有误")]


def test_a_page_half_utf8_half_gbk_says_so_as_a_text_file_does():
    from fuzz_text import truth_values

    page = _page()
    cut = page.index("三、收到和处理政府信息公开申请情况")
    data = page[:cut].encode("utf-8") + page[cut:].encode("gbk")
    html = parse_bytes(data, "mixed.html", suffix=".html")
    text = parse_bytes(_two_encodings("utf-8", "gbk", "三、收到和处理政府信息公开申请情况")[0], "mixed.txt")
    for report in (html, text):  # the same note for the page as for the text file
        [doubt] = _doubts(report)
        assert doubt.startswith("编码可能判断有误：已试过 utf-8、gb18030、big5hkscs")
        assert "文件似乎混用了两种编码" in doubt and doubt.endswith("请以其他编码重新打开（文件 ▸ 以其他编码重新打开）")
    # the page is mostly GBK: the half after the cut reads right, and the note says to reopen for the rest
    assert html.encoding == "gb18030" and html.values()["s3.new.total"] == truth_values()["s3.new.total"]


@pytest.mark.parametrize("bom", [codecs.BOM_UTF8, codecs.BOM_UTF16_LE], ids=["utf-8-bom", "utf-16-le-bom"])
def test_a_page_of_gbk_behind_a_byte_order_mark_is_read_as_gbk_with_the_note(bom):
    page = _page().replace("charset='utf-8'", "charset='gbk'")
    report = parse_bytes(bom + page.encode("gbk"), "gbk_bom.html", suffix=".html")
    assert report.encoding == "gb18030" and report.error is None
    name = "UTF-8" if bom == codecs.BOM_UTF8 else "UTF-16"
    assert _notes(report) == [f"文件开头的 {name} 字节顺序标记（BOM）与内容不符，已忽略该标记，按 gb18030 读取"]
    assert report.values()["s3.new.total"] is not None


def test_a_page_that_declares_utf8_but_is_gbk_says_which_encoding_was_used():
    report = parse_bytes(_page().encode("gbk"), "gbk.html", suffix=".html")  # meta charset='utf-8'
    assert report.encoding == "gb18030" and report.error is None
    [note] = [i for i in report.structure if i.rule == "encoding"]
    assert note.severity == INFO and note.message == "网页声明的编码 utf-8 与内容不符，已按 gb18030 读取"


def test_a_page_that_reads_badly_names_the_encodings_tried():
    data = b"<html><head><meta charset='utf-8'></head><body><p>" + bytes(range(0x80, 0x100)) * 40 + b"</p></html>"
    report = parse_bytes(data, "garbled.html", suffix=".html")
    assert report.error is not None and "已试过 utf-8、gb18030、big5hkscs" in report.error


def test_a_gbk_copy_with_one_character_lines_is_not_called_mixed():
    from fuzz_text import truth_values
    from render import render

    text = render(truth_values(), "pdf", vertical="all")  # group labels one character a line (无/法/提/供)
    for word in ("结果维持", "尚未审结", "信息内容"):  # header words printed down the cell, as PDF copies have them
        assert word in text
        text = text.replace(word, "\n".join(word))
    data = text.encode("gb18030")
    assert sum(1 for line in data.split(b"\n") if not line.isascii() and line.decode("utf-8", "ignore")
               .encode("utf-8") == line) >= 3  # 维 未 息 alone are valid UTF-8 bytes (Cyrillic and Greek letters)
    report = parse_bytes(data, "gbk_pdf_copy.txt")
    assert report.encoding == "gb18030" and _notes(report) == []
