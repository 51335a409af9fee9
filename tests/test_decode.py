"""Bytes to text in every encoding reports are published in; bad bytes get a clear message."""
from __future__ import annotations

import codecs
from decimal import Decimal

import pytest

from conftest import SAMPLES
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
    assert any(i.rule == "missing" and "s4" in i.fields for i in check(report))
