"""What a script gets from an export: items and cells counted apart, each item's kind, key and cell
count, the OCR reading of a cell, a correction, and a data dictionary naming every column and code.

Three reports go through a workspace, as the window exports them: one leaving the five 法人或其他组织
columns of table 三 blank (one item for 125 cells), one with a corrected cell, one with two cells read
by OCR. The command line's export of the same files counts the same.
"""
from __future__ import annotations

import codecs
import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from models.export import CELL_COLUMNS, ISSUE_COLUMNS, LEDGER_COLUMNS, REPORT_COLUMNS
from models.record import dumps_record
from models.report import OcrRead
from models.review import Review
from models.session import Session, prepare
from models.session.reading import Prepared, read_file
from models.values import format_value
from test_grouping import ORG_CELLS, blank_org, write
from test_shapes import consistent

CORRECTED = "s2.regulations.issued"  # a cell no rule of one report adds up: corrected, nothing else marks it
OCR_CELL, OCR_FORMULA = "s3.granted.natural_person", "s4.review.upheld"
OCR_READ = OcrRead("8", 0.912345678901234567)  # stored as the float it is; written with all its digits
OCR_ODD = OcrRead("=SUM(A1)", 1e-07)  # a reading that starts like a formula, a confidence Python prints as 1e-07


def _rows(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(codecs.BOM_UTF8)
    return list(csv.DictReader(io.StringIO(raw[3:].decode("utf-8"), newline="")))


def _ocr_prepared(path: Path) -> Prepared:
    """A report whose two cells were read from a scan, as the OCR reader records them."""
    report, sha = read_file(str(path))
    report.cells[OCR_CELL].ocr = OCR_READ
    report.cells[OCR_FORMULA].ocr = OCR_ODD
    return Prepared(report.source, sha, None, dumps_record(report), Review(report).summary())


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> tuple[Path, dict[str, Path], dict]:
    tmp = tmp_path_factory.mktemp("columns")
    files = {"blank": write(tmp / "r", "blank.txt", blank_org()),
             "corrected": write(tmp / "r", "corrected.txt", consistent(), agency="甲县人民政府"),
             "ocr": write(tmp / "r", "ocr.txt", consistent(), agency="乙县人民政府")}
    s = Session.open(tmp / "w.review.sqlite", auditor="审核员")
    ch = s.add_prepared([prepare(str(files["blank"])), prepare(str(files["corrected"])),
                         _ocr_prepared(files["ocr"])])
    assert not ch.errors
    rid = ch.added[1]
    s.edit(rid, CORRECTED, 7, "核对原件")
    s.export(tmp / "out")
    s.close()
    return tmp / "out", files, consistent()


def _of(rows: list[dict[str, str]], path: Path) -> list[dict[str, str]]:
    return [r for r in rows if Path(r["source"]).name == path.name]


def test_a_blank_column_group_is_one_item_naming_its_125_cells(exported):
    out, files, _ = exported
    issues = _of(_rows(out / "issues.csv"), files["blank"])
    group = next(i for i in issues if i["kind"] == "blank_columns")
    assert (group["rule"], group["severity"], group["state"], group["count"]) == ("missing", "warning", "open", "125")
    named = group["fields"].split()
    assert set(named[:125]) == ORG_CELLS and len(named) == len(set(named))  # the cause first, each cell once
    assert group["key"] == "missing:s3:columns:commercial,research,social_org,legal_service,other_org"
    assert all(int(i["count"]) <= len(i["fields"].split()) for i in issues)
    # reports.csv: warnings count the items, warning_cells the distinct cells they name
    (report,) = _of(_rows(out / "reports.csv"), files["blank"])
    open_warnings = [i for i in issues if i["severity"] == "warning" and i["state"] == "open"]
    assert 1 <= int(report["warnings"]) == len(open_warnings) <= 2
    assert int(report["warning_cells"]) == len({f for i in open_warnings for f in i["fields"].split()}) >= 125
    assert (report["errors"], report["error_cells"]) == ("0", "0")
    # every one of those cells stays blank in cells.csv (never 0) and shows the warning
    cells = {c["id"]: c for c in _of(_rows(out / "cells.csv"), files["blank"])}
    assert {(cells[f]["value"], cells[f]["published"], cells[f]["status"]) for f in ORG_CELLS} == {("", "", "warning")}


def test_a_corrected_cell_shows_both_values_and_its_state(exported):
    out, files, values = exported
    cells = {c["id"]: c for c in _of(_rows(out / "cells.csv"), files["corrected"])}
    c = cells[CORRECTED]
    assert (c["value"], c["published"], c["status"]) == ("7", format_value(values[CORRECTED]), "corrected")
    assert (c["ocr_text"], c["ocr_confidence"]) == ("", "")  # not read by OCR
    (report,) = _of(_rows(out / "reports.csv"), files["corrected"])
    assert report[CORRECTED] == "7" and report["review_state"] == "in review"
    ledger = [r for r in _rows(out / "corrections.csv") if r["field"] == CORRECTED]
    assert [(r["action"], r["new"], r["reason"]) for r in ledger] == [("edit", "7", "核对原件")]


def test_a_cell_read_by_ocr_carries_the_reading_and_its_confidence_unrounded(exported):
    out, files, values = exported
    cells = {c["id"]: c for c in _of(_rows(out / "cells.csv"), files["ocr"])}
    c = cells[OCR_CELL]
    assert (c["ocr_text"], c["ocr_confidence"]) == ("8", repr(OCR_READ.confidence))  # the float's every digit
    assert float(c["ocr_confidence"]) == OCR_READ.confidence  # read back, the very number stored
    assert c["status"] == "ocr" and c["value"] == format_value(values[OCR_CELL])
    odd = cells[OCR_FORMULA]
    assert (odd["ocr_text"], odd["ocr_confidence"]) == ("'=SUM(A1)", "0.0000001")  # never run as a formula
    others = [x for fid, x in cells.items() if fid not in (OCR_CELL, OCR_FORMULA)]
    assert others and all(x["ocr_text"] == x["ocr_confidence"] == "" for x in others)


def test_the_command_line_counts_items_and_cells_as_the_workspace_does(exported, tmp_path):
    out, files, _ = exported
    done = subprocess.run([sys.executable, "main.py", "export", "--quiet", "--out", str(tmp_path / "cli"),
                           str(files["blank"])], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    counts = ("errors", "warnings", "error_cells", "warning_cells")
    (cli,) = _rows(tmp_path / "cli" / "reports.csv")
    (ws,) = _of(_rows(out / "reports.csv"), files["blank"])
    assert [cli[k] for k in counts] == [ws[k] for k in counts]
    strip = [k for k in ISSUE_COLUMNS if k != "source"]
    assert ([[i[k] for k in strip] for i in _rows(tmp_path / "cli" / "issues.csv")]
            == [[i[k] for k in strip] for i in _of(_rows(out / "issues.csv"), files["blank"])])


def test_the_data_dictionary_names_every_column_and_every_code_the_files_use(exported):
    out, _, _ = exported
    dd = _rows(out / "data_dictionary.csv")
    fields = [d for d in dd if d["entry"] == "field"]
    assert sum(1 for d in fields if d["standard"] == "yes") == 200
    assert next(d for d in fields if d["id"] == "s2.fees.amount")["unit"] == "万元"
    columns = {(d["file"], d["id"]) for d in dd if d["entry"] == "column" and d["description"]}
    for name, cols in (("reports.csv", REPORT_COLUMNS), ("cells.csv", CELL_COLUMNS), ("issues.csv", ISSUE_COLUMNS),
                       ("corrections.csv", LEDGER_COLUMNS)):
        assert {(name, c) for c in cols} <= columns, name
        header = next(csv.reader(io.StringIO((out / name).read_bytes()[3:].decode("utf-8"))))
        assert set(header) - {d["id"] for d in fields} == set(cols)  # reports.csv: the rest are field ids
    codes = {(d["file"], d["column"], d["id"]) for d in dd if d["entry"] == "code" and d["description"]}
    used = {("cells.csv", "status", c["status"]) for c in _rows(out / "cells.csv")}
    for i in _rows(out / "issues.csv"):
        used |= {("issues.csv", "rule", i["rule"]), ("issues.csv", "severity", i["severity"]),
                 ("issues.csv", "state", i["state"])}
        if i["kind"] != i["rule"]:  # an item that stands alone is of its rule's kind
            used.add(("issues.csv", "kind", i["kind"]))
    used |= {("reports.csv", "review_state", r["review_state"]) for r in _rows(out / "reports.csv")}
    used |= {("corrections.csv", "action", r["action"]) for r in _rows(out / "corrections.csv")}
    assert used <= codes, used - codes
    assert {"ocr", "corrected", "warning", "ok", "blank_columns"} <= {c for _, _, c in used}  # all seen here


def test_an_export_made_without_a_review_gives_each_cell_the_status_a_review_gives(exported, tmp_path):
    """export_dataset() of a report and its issues alone decides each status by the same function."""
    from models.checks import check
    from models.export import ExportItem, export_dataset

    _, files, _ = exported
    report, _ = read_file(str(files["blank"]))
    report.cells[OCR_FORMULA].ocr = OCR_READ  # table 四: nothing of the blank columns names it
    export_dataset([ExportItem(report, check(report))], tmp_path / "plain")
    got = {c["id"]: c["status"] for c in _rows(tmp_path / "plain" / "cells.csv")}
    assert got == Review(report).statuses()
    assert {"warning", "ocr", "ok"} <= set(got.values())


def test_every_cell_status_of_a_report_at_once_is_the_status_of_each_cell_alone():
    """cell_statuses() decides most cells from their value alone: on every mix of issues (each severity
    and state), corrections, uncertain and OCR cells, and values (blank, "/", 0, a Decimal), each cell
    gets exactly what cell_status() gives it."""
    import random
    from decimal import Decimal

    from models.report import ERROR, INFO, WARNING, Cell, Issue
    from models.status import ACCEPTED, OPEN, RESOLVED, cell_status, cell_statuses
    from models.template import STANDARD_IDS
    from models.values import NA

    rng = random.Random(7)
    fids = list(STANDARD_IDS[:40]) + ["s3.other_total.total"]  # a field no value names, an optional one
    for _ in range(300):
        values = {f: rng.choice([None, NA, 0, 12, Decimal("1.50")]) for f in fids if rng.random() < 0.95}
        cells = {f: Cell(f, v, uncertain=rng.random() < 0.1,
                         ocr=OCR_READ if rng.random() < 0.1 else None) for f, v in values.items() if rng.random() < 0.9}
        issues = [Issue("R1", rng.choice([ERROR, WARNING, INFO]), rng.sample(fids, rng.randint(1, 4)), "m",
                        state=rng.choice([OPEN, ACCEPTED, RESOLVED])) for _ in range(rng.randint(0, 5))]
        corrected = set(rng.sample(fids, rng.randint(0, 3)))
        got = cell_statuses(values, cells, issues, corrected)
        want = {f: cell_status([(i.severity, i.state) for i in issues if f in i.fields], f in corrected,
                               f in cells and cells[f].uncertain, v, f in cells and cells[f].ocr is not None)
                for f, v in values.items()}
        assert got == want
        assert list(got) == list(values)  # in the order of the values
