"""The application layer without a window: the workspace is the record, and it never changes by itself."""
from __future__ import annotations

import csv
import io
import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES
from models.session import Session, WorkspaceError, WorkspaceLocked, prepare
from models.session import reading as reading_mod

S003 = "003_669b05754e9fb909.txt"
S000 = "000_978a9fff42e671ca.txt"
R2_CELL = "s3.results_total.natural_person"  # sample 003 prints 5 here; the outcomes sum to 0
FEE = "s2.fees.amount"


def copy(tmp_path: Path, name: str = S003, text: tuple[str, str] | None = None) -> Path:
    dst = tmp_path / "reports" / name
    dst.parent.mkdir(exist_ok=True)
    data = (SAMPLES / name).read_text(encoding="utf-8")
    if text:
        assert data.count(text[0]) == 1
        data = data.replace(*text)
    dst.write_text(data, encoding="utf-8")
    return dst


def open_with(tmp_path: Path, *files: Path, auditor: str = "审核员") -> tuple[Session, list[int]]:
    s = Session.open(tmp_path / "w.review.sqlite", auditor=auditor)
    ch = s.add_prepared([prepare(str(f)) for f in files])
    assert not ch.errors
    return s, ch.added


def ledger_rows(out: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((out / "corrections.csv").read_bytes().decode("utf-8-sig"))))


def test_edit_undo_redo_undo_keeps_every_reason_and_the_ledger_only_grows(tmp_path):
    s, (rid,) = open_with(tmp_path, copy(tmp_path))
    s.edit(rid, R2_CELL, 0, "总计与各项之和不符，按各项更正")
    seen = []
    for op in (s.undo, s.redo, s.undo):
        op(rid)
        ledger = s.ledger(rid)
        seen.append([(e.id, e.action, e.reason, e.ref) for e in ledger])
    assert [e[1] for e in seen[-1]] == ["edit", "undo", "redo", "undo"]
    for before, after in zip(seen, seen[1:], strict=False):
        assert after[:len(before)] == before  # nothing rewritten, one entry added
    first = seen[-1][0]
    assert first[2] == "总计与各项之和不符，按各项更正"
    assert [e[3] for e in seen[-1]] == [None, first[0], seen[-1][1][0], seen[-1][2][0]]
    assert s.review(rid).value(R2_CELL) == 5
    s.close()
    with sqlite3.connect(tmp_path / "w.review.sqlite") as db:  # the file itself refuses to rewrite the ledger
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            db.execute("UPDATE ledger SET reason='x'")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            db.execute("DELETE FROM ledger")


def test_a_reason_given_after_the_edit_belongs_to_that_edit(tmp_path):
    s, (rid,) = open_with(tmp_path, copy(tmp_path))
    s.edit(rid, R2_CELL, 0)
    edit = s.ledger(rid)[0]
    s.give_reason(rid, edit.id, "已电话核实")
    review = s.review(rid)
    assert review.reason_of(edit) == "已电话核实" and edit.reason == ""
    s.export(tmp_path / "out")
    rows = ledger_rows(tmp_path / "out")
    assert [(r["action"], r["reason"], r["refers_to"]) for r in rows] == \
        [("edit", "已电话核实", ""), ("reason", "已电话核实", rows[0]["entry"])]


def test_confirming_a_value_unchanged_changes_and_logs_nothing(tmp_path):
    f = copy(tmp_path, S000, ("7504.2371", "5949.088667"))
    s, (rid,) = open_with(tmp_path, f)
    review = s.review(rid)
    assert review.value(FEE) == Decimal("5949.088667")
    assert not s.edit(rid, FEE, Decimal("5949.088667"))  # Enter twice: the same value comes back
    assert review.ledger == [] and review.corrections == {}
    assert any(r.issue.rule == "R5" and r.state == "open" for r in review.issues_for(FEE))
    s.export(tmp_path / "out")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO((tmp_path / "out" / "cells.csv").read_bytes()
                                                            .decode("utf-8-sig")))}
    assert rows[FEE]["value"] == rows[FEE]["published"] == "5949.088667"


def test_a_corrected_cell_in_a_broken_rule_is_red_and_still_corrected(tmp_path):
    s, (rid,) = open_with(tmp_path, copy(tmp_path))
    s.edit(rid, "s3.granted.natural_person", 3, "试填")  # R2 still broken: 3 ≠ 5
    review = s.review(rid)
    assert review.cell_state("s3.granted.natural_person") == "error"
    assert "s3.granted.natural_person" in review.corrections
    s.export(tmp_path / "out")
    cells = {r["id"]: r for r in csv.DictReader(io.StringIO((tmp_path / "out" / "cells.csv").read_bytes()
                                                             .decode("utf-8-sig")))}
    assert (cells["s3.granted.natural_person"]["value"], cells["s3.granted.natural_person"]["status"]) == ("3", "error")


def test_reopening_restores_the_record_even_when_the_reader_now_reads_otherwise(tmp_path, monkeypatch):
    f = copy(tmp_path)
    s, (rid,) = open_with(tmp_path, f)
    s.edit(rid, "s4.suit_after_review.total", 0, "补填")
    published = s.review(rid).report.values()
    s.close()

    real = reading_mod.parse_bytes

    def newer_reader(data, source, encoding, suffix):  # a new release reads one cell differently
        report = real(data, source, encoding, suffix)
        report.cells["s3.new.natural_person"].value = 99
        return report
    monkeypatch.setattr(reading_mod, "parse_bytes", newer_reader)
    s = Session.open(tmp_path / "w.review.sqlite")
    review = s.review(rid)
    assert review.report.values() == published  # restored from the record: the reader did not run
    assert review.value("s4.suit_after_review.total") == 0
    plan = s.reload_plan(rid)  # F5: what reading again would change, before anything changes
    assert plan.changed == [("s3.new.natural_person", published["s3.new.natural_person"], 99)]
    assert plan.same_file and plan.dropped == []
    assert review.report.value("s3.new.natural_person") == published["s3.new.natural_person"]
    ch = s.apply_reload(plan)
    review = s.review(rid)
    assert review.report.value("s3.new.natural_person") == 99
    assert review.value("s4.suit_after_review.total") == 0  # the correction is kept
    assert [e.action for e in review.ledger] == ["edit", "reload"] and "1 个印出值" in ch.notes[0]


def test_a_reload_names_corrections_whose_cell_no_longer_exists(tmp_path):
    f = copy(tmp_path)
    s, (rid,) = open_with(tmp_path, f)
    assert s.review(rid).report.value("s3.other_total.total") is not None  # 003 prints （六） as one row
    s.edit(rid, "s3.other_total.total", 1, "x")
    row = "\t\t(六) 其他处理\t0\t0\t0\t0\t0\t0\t0\t\n"
    subrows = "\t\t(六) 其他处理\n" + "".join(
        f"\t\t{n}.{label}\t0\t0\t0\t0\t0\t0\t0\t\n" for n, label in
        ((1, "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
         (2, "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"), (3, "其他")))
    text = f.read_text(encoding="utf-8")
    assert text.count(row) == 1
    f.write_text(text.replace(row, subrows), encoding="utf-8")  # the agency republished （六） with its sub-rows
    plan = s.reload_plan(rid)
    assert not plan.same_file
    assert plan.dropped == ["s3.other_total.total"]
    assert ("s3.other_other.total", None, 0) in plan.changed
    s.apply_reload(plan)
    review = s.review(rid)
    assert "s3.other_total.total" not in review.corrections
    assert review.ledger[-1].action == "reload" and "无法保留" in review.ledger[-1].reason


def test_a_workspace_restores_with_its_sources_deleted_origins_and_boxes_included(tmp_path, qapp):
    from documents import cms_page
    from models.template import STANDARD_IDS
    from pdfs import make_pdf

    values = {fid: 101 + i for i, fid in enumerate(STANDARD_IDS)}
    page = tmp_path / "reports" / "r.html"
    page.parent.mkdir(exist_ok=True)
    page.write_text(cms_page(values), encoding="utf-8")
    pdf_path = tmp_path / "reports" / "r.pdf"
    make_pdf(str(pdf_path), values)
    s, ids = open_with(tmp_path, page, pdf_path)
    before = {rid: {f: (c.value, c.raw, c.span, c.origin, c.box) for f, c in s.review(rid).report.cells.items()}
              for rid in ids}
    assert any(v[3] for v in before[ids[0]].values()) and any(v[4] for v in before[ids[1]].values())
    s.edit(ids[0], "s3.new.total", 7, "原件")
    s.close()
    page.unlink()
    pdf_path.unlink()
    s = Session.open(tmp_path / "w.review.sqlite")
    assert [it.id for it in s.items] == ids
    for rid in ids:
        after = {f: (c.value, c.raw, c.span, c.origin, c.box) for f, c in s.review(rid).report.cells.items()}
        assert after == before[rid]
    assert s.review(ids[0]).value("s3.new.total") == 7
    assert s.reload_plan(ids[0]).error  # F5 says the file is gone; nothing else needed it
    s.export(tmp_path / "out")
    assert (tmp_path / "out" / "cells.csv").stat().st_size > 1000


def test_the_old_workspace_format_is_upgraded_keeping_every_act(tmp_path):
    """tests/fixtures/legacy-0.1.0.review.sqlite was written by release 0.1.0 (schema 1, no records)."""
    ws = tmp_path / "old.review.sqlite"
    shutil.copy(ROOT / "tests" / "fixtures" / "legacy-0.1.0.review.sqlite", ws)
    s = Session.open(ws)  # its report files are gone: the stored texts are read once
    by_name = {it.name: it for it in s.items}
    r3, r0 = by_name[S003], by_name[S000]
    review3, review0 = s.review(r3.id), s.review(r0.id)
    assert review3.value(R2_CELL) == 0 and review3.published(R2_CELL) == 5
    assert review3.value("s4.suit_after_review.total") == 0
    assert not any(r.issue.rule == "period" and r.state == "open" for r in review3.issues())
    assert review0.value(FEE) == Decimal("5949.088667")  # stored as a float by 0.1.0, every digit kept
    assert review0.state == "signed off" and review0.signoff and review0.signoff["auditor"] == "李审计"
    assert [(e.action, e.reason) for e in review3.ledger] == [
        ("edit", "总计与各项不符"), ("edit", "补填"), ("accept", "报告已注明统计截止日")]
    assert r3.errors == review3.summary().errors and r3.agency == "刚察县人民政府办公室"
    s.close()
    s = Session.open(ws)  # upgraded once: the second opening reads the record
    assert s.ws.version == 2 and s.review(r3.id).value(R2_CELL) == 0


def test_an_old_workspace_opened_read_only_is_upgraded_in_memory_only(tmp_path):
    ws = tmp_path / "old.review.sqlite"
    shutil.copy(ROOT / "tests" / "fixtures" / "legacy-0.1.0.review.sqlite", ws)
    before = ws.read_bytes()
    s = Session.open(ws, readonly=True)
    assert len(s.items) == 2
    s.export(tmp_path / "out")
    assert len(ledger_rows(tmp_path / "out")) == 5
    s.close()
    assert ws.read_bytes() == before


def test_a_400_digit_value_typed_in_a_cell_is_an_r5_finding_and_the_workspace_still_opens(tmp_path):
    s, (rid,) = open_with(tmp_path, copy(tmp_path))
    big = int("9" * 400)
    s.edit(rid, "s3.new.natural_person", big, "试")
    review = s.review(rid)
    assert any(r.issue.rule == "R5" for r in review.issues_for("s3.new.natural_person"))
    s.close()
    s = Session.open(tmp_path / "w.review.sqlite")
    assert s.review(rid).value("s3.new.natural_person") == big
    s.export(tmp_path / "out")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out" / "reports.csv").read_bytes().decode("utf-8-sig"))))
    assert rows[0]["s3.new.natural_person"] == "9" * 400


def test_copying_only_the_workspace_file_mid_session_keeps_every_committed_edit(tmp_path):
    s, (rid,) = open_with(tmp_path, copy(tmp_path))
    s.edit(rid, R2_CELL, 0, "一")
    s.edit(rid, "s4.suit_after_review.total", 0, "二")
    copied = tmp_path / "mail" / "copy.review.sqlite"
    copied.parent.mkdir()
    shutil.copy(tmp_path / "w.review.sqlite", copied)  # while the session is still open
    assert not (tmp_path / "w.review.sqlite-wal").exists()
    other = Session.open(copied)
    review = other.review(rid)
    assert (review.value(R2_CELL), review.value("s4.suit_after_review.total")) == (0, 0)
    assert [e.reason for e in review.ledger] == ["一", "二"]
    s.save_copy(tmp_path / "mail" / "saved.review.sqlite")  # File ▸ Save a copy: one self-contained file
    assert Session.open(tmp_path / "mail" / "saved.review.sqlite").review(rid).value(R2_CELL) == 0


def test_a_second_opener_is_refused_and_may_read_without_erasing_anything(tmp_path):
    s, (rid,) = open_with(tmp_path, copy(tmp_path))
    s.edit(rid, R2_CELL, 0, "first")
    with pytest.raises(WorkspaceLocked) as info:
        Session.open(tmp_path / "w.review.sqlite")
    assert "另一个程序" in str(info.value)
    second = Session.open(tmp_path / "w.review.sqlite", readonly=True)
    assert second.readonly and second.review(rid).value(R2_CELL) == 0
    with pytest.raises(WorkspaceError):
        second.edit(rid, R2_CELL, 1, "second")
    with pytest.raises(WorkspaceError):
        second.undo(rid) or second.edit(rid, "s3.new.total", 1)
    assert s.review(rid).value(R2_CELL) == 0
    s.close()
    third = Session.open(tmp_path / "w.review.sqlite")  # the lock goes with the first session
    assert third.review(rid).value(R2_CELL) == 0 and [e.reason for e in third.ledger(rid)] == ["first"]


def _mount(target: Path, options: str) -> bool:
    import subprocess

    target.mkdir(parents=True, exist_ok=True)
    res = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)], capture_output=True)
    return res.returncode == 0


@pytest.fixture
def small_disk(tmp_path):
    """A small tmpfs of our own (needs root); unmounted afterwards."""
    import subprocess

    where = tmp_path / "disk"
    if not _mount(where, "size=2m"):
        pytest.skip("cannot mount a tmpfs here (needs root)")
    yield where
    subprocess.run(["umount", "-l", str(where)], capture_output=True)


def _remount(where: Path, options: str) -> None:
    import subprocess

    subprocess.run(["mount", "-o", f"remount,{options}", str(where)], check=True, capture_output=True)


def test_a_workspace_on_a_read_only_disk_opens_read_only_and_still_exports(tmp_path, small_disk):
    s = Session.open(small_disk / "w.review.sqlite", auditor="a")
    rid = s.add_prepared([prepare(str(copy(tmp_path)))]).added[0]
    s.edit(rid, R2_CELL, 0, "r")
    s.close()
    _remount(small_disk, "ro")
    ro = Session.open(small_disk / "w.review.sqlite")  # asked for writing: opened read-only, saying why
    assert ro.readonly and "只读" in ro.ws.readonly_reason
    assert ro.review(rid).value(R2_CELL) == 0
    with pytest.raises(WorkspaceError, match="只读"):
        ro.edit(rid, R2_CELL, 1)
    written = ro.export(tmp_path / "out")
    assert len(written) == 5 and ledger_rows(tmp_path / "out")[0]["reason"] == "r"


def test_a_full_disk_when_the_workspace_opens_is_said_and_nothing_is_lost(tmp_path, small_disk):
    s = Session.open(small_disk / "w.review.sqlite", auditor="a")
    rid = s.add_prepared([prepare(str(copy(tmp_path)))]).added[0]
    s.edit(rid, R2_CELL, 0, "r")
    s.close()
    filler = small_disk / "filler"
    with open(filler, "wb") as fh:  # fill the disk to the last byte
        try:
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
        except OSError:
            pass
    try:
        again = Session.open(small_disk / "w.review.sqlite")
        assert again.readonly and "磁盘空间不足" in again.ws.readonly_reason
        assert again.review(rid).value(R2_CELL) == 0
    except OSError:
        pytest.fail("a full disk must not raise a raw OSError")
    finally:
        filler.unlink()


def test_a_full_disk_during_an_edit_keeps_the_record_and_the_view_in_step(tmp_path, small_disk):
    s = Session.open(small_disk / "w.review.sqlite", auditor="a")
    rid = s.add_prepared([prepare(str(copy(tmp_path)))]).added[0]
    s.edit(rid, R2_CELL, 0, "kept")
    with open(small_disk / "filler", "wb") as fh:
        try:
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
        except OSError:
            pass
    with pytest.raises(WorkspaceError, match="没有保存"):
        for n in range(1, 200):  # sooner or later the journal does not fit
            s.edit(rid, "s3.new.natural_person", n, "x" * 4000)
    review = s.review(rid)  # what the session shows is what the file holds
    assert review.value(R2_CELL) == 0
    assert [e.id for e in review.ledger] == [r["entry"] for r in s.ws.ledger_rows([rid])]
    assert review.value("s3.new.natural_person") == s.ws.load(rid).value("s3.new.natural_person")


def test_the_core_keeps_out_of_parsers_and_the_session_layer():
    import subprocess

    res = subprocess.run([str(ROOT / ".venv" / "bin" / "lint-imports")], cwd=ROOT, capture_output=True, text=True)
    if res.returncode != 0 and "command not found" in res.stderr:
        pytest.skip("import-linter is not installed")
    assert res.returncode == 0, res.stdout[-3000:]


def test_every_core_module_is_under_the_core_contract():
    """A new module in models/ is checked by import-linter only if .importlinter lists it."""
    import configparser

    cfg = configparser.ConfigParser()
    cfg.read(ROOT / ".importlinter", encoding="utf-8")
    listed = set(cfg["importlinter:contract:core-is-pure"]["source_modules"].split())
    present = {f"models.{p.stem}" for p in (ROOT / "models").glob("*.py") if p.stem != "__init__"}
    assert listed == present


def test_a_cancelled_export_leaves_the_last_one_whole(tmp_path):
    from models.session import Stopped

    s, (rid,) = open_with(tmp_path, copy(tmp_path))
    s.export(tmp_path / "out")
    before = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()}
    s.edit(rid, R2_CELL, 0, "x")
    with pytest.raises(Stopped):
        s.export(tmp_path / "out", cancelled=lambda: True)
    assert {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()} == before


def test_a_reload_says_when_it_lapses_a_sign_off(tmp_path):
    f = copy(tmp_path)
    s, (rid,) = open_with(tmp_path, f)
    s.sign_off(rid)
    f.write_text(f.read_text(encoding="utf-8") + "\n附：无\n", encoding="utf-8")
    ch = s.apply_reload(s.reload_plan(rid))
    assert any("签发已失效" in n for n in ch.notes)
    assert [e.action for e in s.ledger(rid)] == ["signoff", "reload", "signoff lapsed"]
    assert s.item(rid).state == "in review"


def test_the_undo_menu_names_the_cell_not_its_id(tmp_path):
    s, (rid,) = open_with(tmp_path, copy(tmp_path))
    s.edit(rid, R2_CELL, 0)
    assert s.undo_text(rid) == "（七）总计·自然人 → 0"
