"""CSV cells that a spreadsheet would run as formulas are neutralised; markers stay markers."""
from __future__ import annotations

import csv
import io

from models.checks import check
from models.export import ExportItem, export_dataset, neutralize
from parsers import parse_text


def test_formula_triggers_are_quoted():
    for s in ("=1+1", "+cmd", "-2+3", "@SUM(A1)", "＝1", "＋1", "－1", "＠x", "\t=1", "\r=1"):
        assert neutralize(s) == "'" + s
    for s in ("规章", "0", "-3", "7504.2371", "/", ""):
        assert neutralize(s) == s


def test_exported_bytes_hold_no_live_formula(tmp_path):
    text = ("=HYPERLINK(\"x\")县2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n"
            "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t/\t—\t\n")
    report = parse_text(text, source="@evil.txt")
    report.meta.agency = '=HYPERLINK("x")县'  # the reader refuses such a name; an auditor's entry or old record may not
    export_dataset([ExportItem(report, check(report))], tmp_path)
    rows = list(csv.DictReader(io.StringIO((tmp_path / "reports.csv").read_bytes().decode("utf-8-sig"))))
    assert rows[0]["source"] == "'@evil.txt"
    assert rows[0]["agency"].startswith("'=")
    assert rows[0]["s2.regulations.issued"] == "/"  # a not-applicable marker stays '/'
    assert rows[0]["s2.regulations.repealed"] == "/"
    assert rows[0]["s2.regulations.in_force"] == ""  # blank stays blank
    cells = list(csv.DictReader(io.StringIO((tmp_path / "cells.csv").read_bytes().decode("utf-8-sig"))))
    raw = {c["id"]: c["raw"] for c in cells}
    assert raw["s2.regulations.repealed"] == "—"
