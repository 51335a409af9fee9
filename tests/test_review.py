"""Reviewing without a window: corrections re-check at once, undo, acceptances, the ledger, the workspace."""
from __future__ import annotations

import csv
import io
import shutil

import pytest

from conftest import SAMPLES
from models.review import RESTORE, SetCell, accept
from models.session import export_reviews, load_workspace_reviews, open_report
from models.workspace import Workspace

S003 = "003_669b05754e9fb909.txt"


@pytest.fixture
def copy(tmp_path):
    def make(name: str = S003):
        dst = tmp_path / name
        shutil.copy(SAMPLES / name, dst)
        return dst
    return make


def _r2_natural(review):
    return [r for r in review.open_issues() if r.issue.rule == "R2" and
            r.issue.fields[0] == "s3.results_total.natural_person"]


def test_fixing_a_value_clears_its_issue_and_undo_brings_it_back(tmp_path, copy):
    ws = Workspace(tmp_path / "ws.sqlite")
    review = open_report(ws, copy(), auditor="李审计").review
    assert _r2_natural(review) and review.cell_state("s3.results_total.natural_person") == "error"
    undo = SetCell("s3.results_total.natural_person", 0, "总计与各项不符，按各项之和更正").apply(review)
    assert not _r2_natural(review)
    assert review.value("s3.results_total.natural_person") == 0
    assert review.published("s3.results_total.natural_person") == 5
    redo = undo.apply(review)
    assert _r2_natural(review) and review.value("s3.results_total.natural_person") == 5
    redo.apply(review)
    # 0 fixes R2 but breaks R1 (5 new + 0 carried over ≠ 0 + 0): still an error, now of R1
    assert review.cell_state("s3.results_total.natural_person") == "error"
    assert {r.issue.rule for r in review.issues_for("s3.results_total.natural_person") if r.state == "open"
            and r.issue.severity == "error"} == {"R1"}
    e = review.ledger[0]
    assert (e.field, e.action, e.published, e.old, e.new, e.auditor) == \
        ("s3.results_total.natural_person", "edit", 5, 5, 0, "李审计")
    assert e.reason.startswith("总计与各项不符")
    assert [x.action for x in review.ledger] == ["edit", "restore", "edit"]


def test_acceptance_lasts_while_the_values_stand(tmp_path, copy):
    ws = Workspace(tmp_path / "ws.sqlite")
    review = open_report(ws, copy()).review
    item = next(r for r in review.open_issues() if r.issue.rule == "period")
    accept(review, item, "报告已注明统计截止日").apply(review)
    assert not any(r.issue.rule == "period" for r in review.open_issues())
    item = _r2_natural(review)[0]
    accept(review, item, "原表如此").apply(review)
    assert not _r2_natural(review)
    assert review.cell_state("s3.granted.natural_person") == "accepted"
    SetCell("s3.granted.natural_person", 1, "").apply(review)  # a value it accepted changes
    assert any(r.issue.fields[0] == "s3.results_total.natural_person" for r in review.open_issues()
               if r.issue.rule == "R2")


def test_reopening_restores_everything_and_the_source_is_never_written(tmp_path, copy):
    path = copy()
    before = path.read_bytes()
    ws = Workspace(tmp_path / "ws.sqlite")
    review = open_report(ws, path, auditor="a").review
    SetCell("s3.results_total.natural_person", 0, "r1").apply(review)
    accept(review, next(r for r in review.open_issues() if r.issue.rule == "period"), "ok").apply(review)
    ws.close()
    ws2 = Workspace(tmp_path / "ws.sqlite")
    opened = open_report(ws2, path)
    r2 = opened.review
    assert r2.value("s3.results_total.natural_person") == 0
    assert not any(r.issue.rule == "period" for r in r2.open_issues())
    assert len(r2.ledger) == 2 and "已恢复" in opened.notes[0]
    assert path.read_bytes() == before
    path.write_bytes(before.replace("2022年1月1日起".encode(), "2022年1月2日起".encode()))
    assert any("已经改变" in n for n in open_report(ws2, path).notes)


def test_reopen_with_another_encoding_keeps_corrections(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes((SAMPLES / S003).read_text(encoding="utf-8").encode("gb18030"))
    ws = Workspace(tmp_path / "ws.sqlite")
    review = open_report(ws, path).review
    SetCell("s3.new.total", 6, "").apply(review)
    SetCell("s3.other_total.total", 1, "").apply(review)
    again = open_report(ws, path, encoding="gb18030")
    assert again.review.value("s3.new.total") == 6
    assert "保留 2 处修改" in again.notes[0]


def test_workspace_export_has_cleaned_and_published_values_and_the_ledger(tmp_path, copy):
    ws = Workspace(tmp_path / "ws.sqlite")
    review = open_report(ws, copy(), auditor="王").review
    fid = "s4.suit_after_review.total"
    SetCell(fid, 0, "按各项之和").apply(review)
    SetCell(fid, RESTORE, "改回").apply(review)
    SetCell(fid, 0, "再改").apply(review)
    export_reviews(load_workspace_reviews(ws), ws, tmp_path / "out")

    def rows(name):
        return list(csv.DictReader(io.StringIO((tmp_path / "out" / name).read_bytes().decode("utf-8-sig"))))
    cell = next(c for c in rows("cells.csv") if c["id"] == fid)
    assert (cell["value"], cell["published"], cell["status"]) == ("0", "", "corrected")
    ledger = rows("corrections.csv")
    assert [(x["field"], x["action"], x["published"], x["old"], x["new"], x["reason"], x["auditor"])
            for x in ledger] == [
        (fid, "edit", "", "", "0", "按各项之和", "王"), (fid, "restore", "", "0", "", "改回", "王"),
        (fid, "edit", "", "", "0", "再改", "王")]
    assert rows("reports.csv")[0][fid] == "0"
    assert not any(i["rule"] == "R4" and i["state"] == "open" for i in rows("issues.csv"))


def test_command_line_export_of_a_workspace_matches_the_window(tmp_path, copy):
    import subprocess
    import sys

    from conftest import ROOT
    ws = Workspace(tmp_path / "w.review.sqlite")
    review = open_report(ws, copy(), auditor="赵").review
    SetCell("s4.suit_after_review.total", 0, "补填").apply(review)
    export_reviews([review], ws, tmp_path / "from_window")
    ws.close()
    out = subprocess.run([sys.executable, "main.py", "export", "--out", str(tmp_path / "from_cli"),
                          str(tmp_path / "w.review.sqlite")], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    for name in ("reports.csv", "cells.csv", "issues.csv", "corrections.csv", "data_dictionary.csv"):
        assert (tmp_path / "from_cli" / name).read_bytes() == (tmp_path / "from_window" / name).read_bytes(), name
