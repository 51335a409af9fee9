"""Reviewing without a window: corrections re-check at once, undo, acceptances, the ledger, the workspace."""
from __future__ import annotations

import csv
import io
import shutil

import pytest

from conftest import SAMPLES
from models.session import Session, prepare

S003 = "003_669b05754e9fb909.txt"
R2 = "s3.results_total.natural_person"


@pytest.fixture
def copy(tmp_path):
    def make(name: str = S003):
        dst = tmp_path / name
        shutil.copy(SAMPLES / name, dst)
        return dst
    return make


def session_with(tmp_path, path, auditor="审核员") -> tuple[Session, int]:
    s = Session.open(tmp_path / "ws.review.sqlite", auditor=auditor)
    return s, s.add_prepared([prepare(str(path))]).added[0]


def _r2_natural(review):
    return [r for r in review.open_issues() if r.issue.rule == "R2" and r.issue.fields[0] == R2]


def test_fixing_a_value_clears_its_issue_and_undo_brings_it_back(tmp_path, copy):
    s, rid = session_with(tmp_path, copy(), "李审计")
    review = s.review(rid)
    assert _r2_natural(review) and review.cell_state(R2) == "error"
    s.edit(rid, R2, 0, "总计与各项不符，按各项之和更正")
    assert not _r2_natural(review)
    assert review.value(R2) == 0 and review.published(R2) == 5
    s.undo(rid)
    assert _r2_natural(review) and review.value(R2) == 5
    s.redo(rid)
    # 0 fixes R2 but breaks R1 (5 new + 0 carried over ≠ 0 + 0): still an error, now of R1
    assert review.cell_state(R2) == "error"
    assert {r.issue.rule for r in review.issues_for(R2) if r.state == "open" and r.issue.severity == "error"} == {"R1"}
    e = review.ledger[0]
    assert (e.field, e.action, e.published, e.old, e.new, e.auditor) == (R2, "edit", 5, 5, 0, "李审计")
    assert e.reason == "总计与各项不符，按各项之和更正"
    assert [x.action for x in review.ledger] == ["edit", "undo", "redo"]


def test_acceptance_lasts_while_the_values_stand(tmp_path, copy):
    s, rid = session_with(tmp_path, copy())
    review = s.review(rid)
    s.accept(rid, [next(r for r in review.open_issues() if r.issue.rule == "period").key], "报告已注明统计截止日")
    assert not any(r.issue.rule == "period" for r in review.open_issues())
    s.accept(rid, [_r2_natural(review)[0].key], "原表如此")
    assert not _r2_natural(review)
    assert review.cell_state("s3.granted.natural_person") == "accepted"
    s.edit(rid, "s3.granted.natural_person", 1)  # a value it accepted changes
    assert any(r.issue.fields[0] == R2 for r in review.open_issues() if r.issue.rule == "R2")


def test_reopening_restores_everything_and_the_source_is_never_written(tmp_path, copy):
    path = copy()
    before = path.read_bytes()
    s, rid = session_with(tmp_path, path, "a")
    s.edit(rid, R2, 0, "r1")
    s.accept(rid, [next(r for r in s.review(rid).open_issues() if r.issue.rule == "period").key], "ok")
    s.close()
    s2 = Session.open(tmp_path / "ws.review.sqlite")
    r2 = s2.review(rid)
    assert r2.value(R2) == 0
    assert not any(r.issue.rule == "period" for r in r2.open_issues())
    assert len(r2.ledger) == 2
    assert path.read_bytes() == before
    path.write_bytes(before.replace("2022年1月1日起".encode(), "2022年1月2日起".encode()))
    plan = s2.reload_plan(rid)  # a changed file is seen when it is read again, and shown first
    assert not plan.same_file and r2.report.meta.period == "2022-01-01/2022-12-28"
    s2.apply_reload(plan)
    assert s2.review(rid).report.meta.period == "2022-01-02/2022-12-28"
    assert s2.review(rid).value(R2) == 0


def test_reopen_with_another_encoding_keeps_corrections(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes((SAMPLES / S003).read_text(encoding="utf-8").encode("gb18030"))
    s, rid = session_with(tmp_path, path)
    s.edit(rid, "s3.new.total", 6)
    s.edit(rid, "s3.other_total.total", 1)
    plan = s.reload_plan(rid, "gb18030")
    assert plan.changed == [] and plan.dropped == []
    ch = s.apply_reload(plan)
    assert s.review(rid).value("s3.new.total") == 6 and s.review(rid).value("s3.other_total.total") == 1
    assert "按 gb18030 编码重新读取" in ch.notes[0]


def _rows(out, name):
    return list(csv.DictReader(io.StringIO((out / name).read_bytes().decode("utf-8-sig"))))


def test_workspace_export_has_cleaned_and_published_values_and_the_ledger(tmp_path, copy):
    s, rid = session_with(tmp_path, copy(), "王")
    fid = "s4.suit_after_review.total"
    s.edit(rid, fid, 0, "按各项之和")
    s.restore(rid, fid, "改回")
    s.edit(rid, fid, 0, "再改")
    s.export(tmp_path / "out")
    cell = next(c for c in _rows(tmp_path / "out", "cells.csv") if c["id"] == fid)
    assert (cell["value"], cell["published"], cell["status"]) == ("0", "", "corrected")
    ledger = _rows(tmp_path / "out", "corrections.csv")
    assert [(x["field"], x["action"], x["published"], x["old"], x["new"], x["reason"], x["auditor"])
            for x in ledger] == [
        (fid, "edit", "", "", "0", "按各项之和", "王"), (fid, "restore", "", "0", "", "改回", "王"),
        (fid, "edit", "", "", "0", "再改", "王")]
    assert [x["entry"] for x in ledger] == ["1", "2", "3"]
    assert _rows(tmp_path / "out", "reports.csv")[0][fid] == "0"
    assert not any(i["rule"] == "R4" and i["state"] == "open" for i in _rows(tmp_path / "out", "issues.csv"))


def test_command_line_export_of_a_workspace_matches_the_window(tmp_path, copy):
    import subprocess
    import sys

    from conftest import ROOT
    s, rid = session_with(tmp_path, copy(), "赵")
    s.edit(rid, "s4.suit_after_review.total", 0, "补填")
    s.export(tmp_path / "from_window")
    s.close()
    out = subprocess.run([sys.executable, "main.py", "export", "--quiet", "--out", str(tmp_path / "from_cli"),
                          str(tmp_path / "ws.review.sqlite")], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    for name in ("reports.csv", "cells.csv", "issues.csv", "corrections.csv", "data_dictionary.csv"):
        assert (tmp_path / "from_cli" / name).read_bytes() == (tmp_path / "from_window" / name).read_bytes(), name
