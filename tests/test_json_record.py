"""`extract --json` records: Report.json_text writes the common cells itself, and must give the very
bytes json.dumps gives for Report.to_json, for every kind of cell and issue."""
from __future__ import annotations

import json
from decimal import Decimal

from documents import cms_page, docx_bytes
from fuzz_text import samples, truth_values
from models.checks import check
from models.report import WARNING, Cell, Issue, OcrRead, Origin, Report
from models.values import dumps
from parsers import parse_bytes, parse_text


def _odd_report() -> Report:
    r = Report(source="报告\n\"x\".txt", format="text", encoding="utf-8", text="…", error=None)
    r.cells = {
        "s2.regulations.issued": Cell("s2.regulations.issued", 3, "3件", (10, 12)),
        "s2.regulations.repealed": Cell("s2.regulations.repealed", None),  # blank: not among the cells
        "s2.regulations.in_force": Cell("s2.regulations.in_force", "/", "/", None),
        "s2.fees.amount": Cell("s2.fees.amount", Decimal("5949.088667"), "5949.088667", (0, 11), True),
        "s3.new.total": Cell("s3.new.total", 7, 'a"b\\c\u2028\t\x01', (1, 2), False, Origin(2, 3, 4)),
        "s3.new.natural_person": Cell("s3.new.natural_person", 5, "5", (3, 4), True,
                                      box=(2, 10.04, 20.06, 30.0, 40.55)),
        "s3.new.commercial": Cell("s3.new.commercial", 1, "1", (5, 6), True, label_note=("新收", "本年新收")),
        "s3.new.research": Cell("s3.new.research", 0, "0", (7, 8), True,
                                ocr=OcrRead("0", 0.42, (("8", 0.3),), True, "一笔")),
        "x.extra.field": Cell("x.extra.field", 2, "2", (0, 0)),
    }
    return r


def test_odd_cells_and_issues_give_the_bytes_json_dumps_gives():
    r = _odd_report()
    issues = [Issue("R3", WARNING, ["s3.new.total", "s3.new.natural_person"], "「x」\n空白", expected=Decimal("1.50"),
                    evidence=(1, 2)),
              Issue("missing", WARNING, [], "表三", count=0, parts=["a", "b"])]
    for got in (issues, []):
        assert r.json_text(got) == dumps(r.to_json(got))
        assert r.json_text(got, indent=1) == dumps(r.to_json(got), indent=1)
    record = json.loads(r.json_text(issues), parse_float=Decimal)
    assert record["cells"]["s2.fees.amount"] == {"raw": "5949.088667", "span": [0, 11], "uncertain": True}
    assert record["cells"]["s3.new.research"]["ocr"]["text"] == "0"
    assert "s2.regulations.repealed" not in record["cells"]


def test_reports_of_every_reader_give_the_bytes_json_dumps_gives():
    values = truth_values()
    reports = [parse_text(t, f"{i}.txt") for i, t in enumerate(samples())]
    reports.append(parse_bytes(cms_page(values).encode(), "cms.html", suffix=".html"))
    reports.append(parse_bytes(docx_bytes(values), "a.docx", suffix=".docx"))
    for r in reports:
        issues = check(r)
        assert r.json_text(issues) == dumps(r.to_json(issues)), r.source
        assert json.loads(r.json_text(issues))["cells"], r.source  # some cell read, so the fast path ran


def test_whole_numbers_of_any_size_and_blanks_give_the_bytes_json_dumps_gives():
    # only ints and blanks: the fields object's fast path (small numbers looked up, others made)
    r = Report(source="a.txt")
    values = [0, 7, 999, 1000, -1, -1000, 10 ** 30, None]
    r.cells = {fid: Cell(fid, v, None if v is None else str(v), (k, k + 1))
               for k, (fid, v) in enumerate(zip(["s3.new.total", "s3.new.natural_person", "s3.new.commercial",
                                                  "s3.new.research", "s2.fees.amount", "s4.review.total",
                                                  "s4.review.upheld", "s4.review.corrected"], values, strict=True))}
    assert r.json_text([]) == dumps(r.to_json([]))
    fields = json.loads(r.json_text([]))["fields"]
    assert [fields[f] for f in r.cells] == values
    # a Decimal equal to a small whole number keeps its own digits
    r.cells["s3.new.total"] = Cell("s3.new.total", Decimal("1.0"), "1.0", (0, 3))
    assert r.json_text([]) == dumps(r.to_json([]))
    assert '"s3.new.total": 1.0,' in r.json_text([])


def test_spans_of_any_offset_give_the_bytes_json_dumps_gives():
    # the offsets of spans below 32,768 are looked up, not written: at the edge, past it and in a long
    # text the same bytes as dumps; a span from a damaged record (negative, reversed) written as it is
    r = Report(source="a.txt")
    spans = [(0, 1), (32766, 32767), (32767, 32768), (32768, 32770), (10 ** 7, 10 ** 7 + 3), (-1, 2),
             (5, -3), (9, 4)]
    fids = ["s3.new.total", "s3.new.natural_person", "s3.new.commercial", "s3.new.research",
            "s2.fees.amount", "s4.review.total", "s4.review.upheld", "s4.review.corrected"]
    r.cells = {fid: Cell(fid, 1, "1", span) for fid, span in zip(fids, spans, strict=True)}
    assert r.json_text([]) == dumps(r.to_json([]))
    cells = json.loads(r.json_text([]))["cells"]
    assert [tuple(cells[f]["span"]) for f in fids] == spans
