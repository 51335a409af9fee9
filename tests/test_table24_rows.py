"""Tables 二 and 四 read by their labels: a row printing fewer values than its header has columns is
read by the header's tab cells (the headers' places are found only for such rows), and a column the
header leaves out is reported absent."""
from __future__ import annotations

from pathlib import Path

from parsers.normalize import Compact
from parsers.placement import TableResult
from parsers.tables import read_table2, read_table4
from parsers.tokens import Grid

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "samples" / "000_978a9fff42e671ca.txt"
T4_ROW = "\t".join(["0"] * 15)
T4_HEADER = "\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计"


def _sample() -> str:
    text = SAMPLE.read_text(encoding="utf-8")
    assert "规章\t0\t0\t0\n" in text and T4_ROW + "\n" in text and T4_HEADER in text
    return text


def _read(reader, text: str, head: str, tail: str) -> TableResult:
    start = text.index(head)
    return reader(text, start, text.index(tail, start), Grid(text), Compact.of(text), [])


def _table2(text: str) -> TableResult:
    return _read(read_table2, text, "二、主动公开政府信息情况", "三、收到和处理")


def _table4(text: str) -> TableResult:
    return _read(read_table4, text, "四、政府信息公开行政复议", "五、存在的主要问题")


def _values(res: TableResult) -> dict:
    return {fid: cell.value for fid, cell in res.cells.items()}


def test_a_table2_row_with_a_blank_cell_is_read_under_its_headers():
    res = _table2(_sample().replace("规章\t0\t0\t0\n", "规章\t5\t\t7\n"))
    got = _values(res)
    assert got["s2.regulations.issued"] == 5
    assert got["s2.regulations.repealed"] is None  # blank, never 0
    assert got["s2.regulations.in_force"] == 7
    assert not res.cells["s2.regulations.in_force"].uncertain  # under its header, not guessed
    assert got["s2.normative.in_force"] == 35  # the rows after it unchanged
    assert [i.message for i in res.issues] == ["表二「规章」印有 2 个数值，应有 3 个；已按表头位置放置"]


def test_a_table4_row_with_a_blank_cell_is_read_under_its_headers():
    values = [str(v) for v in range(1, 16)]
    values[7] = ""  # 未经复议直接起诉 · 其他结果 left blank
    res = _table4(_sample().replace(T4_ROW, "\t".join(values)))
    got = _values(res)
    assert got["s4.review.upheld"] == 1
    assert got["s4.review.total"] == 5
    assert got["s4.suit_direct.corrected"] == 7
    assert got["s4.suit_direct.other"] is None
    assert got["s4.suit_direct.pending"] == 9
    assert got["s4.suit_after_review.total"] == 15
    assert [i.message for i in res.issues] == ["表四「行政复议、行政诉讼」印有 14 个数值，应有 15 个；已按表头位置放置"]


def test_a_table4_header_without_a_column_reports_it_absent():
    # the last group printed without its 总计 column, and its row one value shorter
    text = _sample().replace(T4_HEADER, T4_HEADER[: -len("\t总计")]).replace(T4_ROW, "\t".join(["3"] * 14))
    res = _table4(text)
    got = _values(res)
    assert got["s4.suit_after_review.pending"] == 3
    assert got["s4.suit_after_review.total"] is None
    assert [(i.fields, i.message) for i in res.issues] == [
        (["s4.suit_after_review.total"], "表四印出 14 列，缺少：行政诉讼·复议后起诉·总计")]
