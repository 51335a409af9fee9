"""Issues grouped by cause (models/grouping.py) and the names people see (models/rules.py).

One fact is one item: five blank columns of table 三 are one warning naming their 125 cells, not 75
warnings; a report in the 2019 layout gets one note for the layout; an error always stands alone.
Accepting an item writes one ledger entry per cell, and the command line lists the same items.
"""
from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from models.checks import check, check_ungrouped
from models.report import ERROR, INFO, WARNING
from models.rules import RULES, rule_help, rule_name, rule_rows
from models.session import Session, prepare
from models.template import S3_ROW_IDS
from parsers import parse_text
from render import render
from test_shapes import consistent, layout_2019

ORG = ("commercial", "research", "social_org", "legal_service", "other_org")
ORG_CELLS = {f"s3.{r}.{c}" for r in S3_ROW_IDS for c in ORG}  # 25 rows × 5 columns
FIELD_ID = re.compile(r"(?<![A-Za-z0-9_])s(?:2_2019|2|3|4)\.[a-z_]")
RULE_ID = re.compile(r"(?<![A-Za-z0-9])R[1-5](?![0-9])")


def blank_org(**changes) -> dict:
    """Values for which R1–R4 hold, the five 法人或其他组织 columns of table 三 left blank."""
    v = consistent()
    v.update({f: None for f in ORG_CELLS})
    v.update(changes)
    return v


def items(values: dict):
    report = parse_text(render(values, "tab"))
    assert report.error is None
    return report, check(report)


def write(folder: Path, name: str, values: dict, agency: str = "某某县人民政府") -> Path:
    folder.mkdir(exist_ok=True)
    p = folder / name
    p.write_text(render(values, "tab", agency=agency), encoding="utf-8")
    return p


def open_session(tmp_path: Path, *files: Path) -> tuple[Session, list[int]]:
    s = Session.open(tmp_path / "w.review.sqlite", auditor="审核员")
    ch = s.add_prepared([prepare(str(f)) for f in files])
    assert not ch.errors
    return s, ch.added


# ---------------------------------------------------------------- one item per cause


def test_five_blank_columns_are_one_item_naming_all_125_cells():
    report, found = items(blank_org())
    assert len([i for i in check_ungrouped(report) if i.severity != INFO]) > 25  # one per row before
    shown = [i for i in found if i.severity != INFO]
    assert len(shown) <= 2
    group = next(i for i in shown if i.kind == "blank_columns")
    assert group.severity == WARNING and group.rule == "missing" and group.count == 125
    assert set(group.fields[:125]) == ORG_CELLS  # the cause first, then the totals it leaves unchecked
    assert ORG_CELLS <= set().union(*(i.fields for i in shown))
    assert "法人或其他组织" in group.message and "125 格" in group.message and "勾稽关系三" in group.message
    assert group.key == "missing:s3:columns:commercial,research,social_org,legal_service,other_org"
    assert not any(i.rule in ("R1", "R2", "R3", "R4") for i in found)  # folded: the blank is the cause


def test_the_key_of_a_group_survives_a_recheck_with_other_numbers():
    _, a = items(blank_org())
    _, b = items(blank_org(**{"s3.granted.natural_person": 1000, "s3.granted.total": 1000}))
    key = "missing:s3:columns:commercial,research,social_org,legal_service,other_org"
    assert key in {i.key_of for i in a} and key in {i.key_of for i in b}


def test_the_2019_layout_is_one_note_and_only_what_is_really_missing_warns():
    values = layout_2019(consistent(collapsed=True))
    values["s2_2019.licensing.decisions"] = None  # really missing: printed blank in the 2019 form
    _, found = items(values)
    notes = [i for i in found if i.severity == INFO]
    assert [i.kind for i in notes] == ["layout_2019"]
    assert "2019 年版式" in notes[0].message and "（六）其他处理" in notes[0].message
    warnings = [i for i in found if i.severity == WARNING]
    assert [i.fields[:i.count] for i in warnings] == [["s2_2019.licensing.decisions"]]
    # the 2021 cells of table 二 and the three sub-rows of （六） are another layout, not blanks
    assert not any(f.startswith("s2.") or f.startswith("s3.other_no_correction") for i in warnings for f in i.fields)
    assert not any(i.severity == ERROR for i in found)


def test_a_rule_broken_by_printed_numbers_stays_its_own_error_next_to_the_blank_columns():
    v = consistent()
    _, found = items(blank_org(**{"s3.new.natural_person": v["s3.new.natural_person"] + 1,
                                  "s3.new.total": v["s3.new.total"] + 1}))
    errors = [i for i in found if i.severity == ERROR]
    assert {(i.rule, i.kind_of) for i in errors} == {("R1", "R1")}
    assert {i.fields[0] for i in errors} == {"s3.carried_forward.natural_person", "s3.carried_forward.total"}
    assert any(i.kind == "blank_columns" and i.severity == WARNING for i in found)
    assert found[0].severity == ERROR  # errors first


def test_the_samples_keep_every_fault_with_at_most_four_warnings_each(sample_paths):
    for path in sample_paths:
        report = parse_text(path.read_text(encoding="utf-8"), str(path))
        found, single = check(report), check_ungrouped(report)
        assert sum(1 for i in found if i.severity == WARNING) <= 4, path.name
        errors = sorted((i.rule, i.fields) for i in single if i.severity == ERROR)
        assert sorted((i.rule, i.fields) for i in found if i.severity == ERROR) == errors  # never folded
        named = {f for i in found for f in i.fields}
        for i in single:  # every cell a single issue named is named by an item (a table or row: its cells)
            assert all(f in named or any(n.startswith(f + ".") for n in named) for f in i.fields), (path.name, i)


# ---------------------------------------------------------------- accepting a group, a kind


def test_accepting_a_group_writes_one_entry_per_cell_and_undo_as_many(tmp_path):
    s, (rid,) = open_session(tmp_path, write(tmp_path / "r", "a.txt", blank_org()))
    review = s.review(rid)
    group = next(it for it in review.open_issues() if it.issue.kind == "blank_columns")
    assert len(review.open_issues()) <= 2
    cells = list(dict.fromkeys(group.issue.fields))
    s.accept(rid, [group.key], "本机关未收到法人申请，各列未填")
    ledger = s.ledger(rid)
    assert [(e.field, e.action, e.reason) for e in ledger] == \
        [(f, "accept", "本机关未收到法人申请，各列未填") for f in cells]
    acc = s.acceptance_of(rid, group.key)
    assert acc is not None and set(acc.values) == set(cells)
    assert next(it for it in s.review(rid).issues() if it.key == group.key).state == "accepted"
    assert s.item(rid).warnings == 0 and s.item(rid).warning_cells == 0
    s.undo(rid)
    after = s.ledger(rid)
    assert after[:len(ledger)] == ledger  # nothing rewritten
    undo = after[len(ledger):]
    # one undo entry per cell, each naming the accept entry it takes back
    assert [(e.field, e.action, e.ref) for e in undo] == [(e.field, "undo", e.id) for e in ledger]
    assert s.review(rid).last_change_of(cells[0]) is None  # an acceptance undone is no change of value
    assert s.item(rid).warnings == 1
    s.redo(rid)
    assert len(s.ledger(rid)) == 3 * len(cells)
    s.close()


def test_accept_kind_accepts_that_kind_in_each_selected_report_as_its_own_step(tmp_path):
    folder = tmp_path / "r"
    files = [write(folder, f"{n}.txt", blank_org(), agency=f"第{n}号机关") for n in range(4)]
    v = consistent()
    files.append(write(folder, "err.txt", blank_org(**{"s3.new.natural_person": v["s3.new.natural_person"] + 1,
                                                      "s3.new.total": v["s3.new.total"] + 1}), agency="第9号机关"))
    s, ids = open_session(tmp_path, *files)
    chosen = [ids[0], ids[1], ids[4]]
    ch = s.accept_kind(chosen, "blank_columns", "县级部门无法人申请")
    assert ch.rows == set(chosen)
    for rid in chosen:
        assert s.item(rid).warnings == 0
        assert all(e.reason == "县级部门无法人申请" for e in s.ledger(rid))
    assert s.item(ids[4]).errors == 2  # the errors are another kind: still open
    assert s.item(ids[2]).warnings == 1 and s.ledger(ids[2]) == []  # not selected
    s.undo(ids[1])
    assert s.item(ids[1]).warnings == 1 and s.item(ids[0]).warnings == 0
    s.close()


def test_an_acceptance_of_every_single_issue_before_grouping_still_covers_the_group(tmp_path):
    from models.review import Acceptance

    s, (rid,) = open_session(tmp_path, write(tmp_path / "r", "a.txt", blank_org()))
    review = s.review(rid)
    group = next(it for it in review.open_issues() if it.issue.kind == "blank_columns")
    single = {i.key_of: i for i in check_ungrouped(review.report, review.values())}
    vals = review.values()
    for key in group.issue.parts:  # as an earlier release stored them: one per single issue
        review.set_acceptance(key, Acceptance(key, "旧版接受", {f: vals.get(f) for f in single[key].fields}))
    assert next(it for it in review.issues() if it.key == group.key).state == "accepted"
    s.close()


# ---------------------------------------------------------------- the queue counts items and cells


def test_the_queue_counts_items_and_cells_and_an_older_workspace_is_counted_again(tmp_path):
    s, (rid,) = open_session(tmp_path, write(tmp_path / "r", "a.txt", blank_org()))
    item = s.item(rid)
    assert (item.errors, item.warnings, item.error_cells) == (0, 1, 0)
    assert item.warning_cells == len(set().union(*(it.issue.fields for it in s.review(rid).open_issues())))
    assert item.warning_cells >= 125
    s.close()
    db = sqlite3.connect(tmp_path / "w.review.sqlite")  # as an earlier release left it: no cell counts
    db.execute("ALTER TABLE reports DROP COLUMN error_cells")
    db.execute("ALTER TABLE reports DROP COLUMN warning_cells")
    db.execute("UPDATE reports SET warnings = 75")
    db.commit()
    db.close()
    ro = Session.open(tmp_path / "w.review.sqlite", readonly=True)  # read-only: the columns read as missing
    assert ro.item(rid).warnings == 75 and not ro.pairing_done
    ro.close()
    s = Session.open(tmp_path / "w.review.sqlite")
    assert s.item(rid).warnings == 75 and not s.pairing_done  # the old count, until counted again
    while not s.pairing_done:
        s.pair_some()
    assert (s.item(rid).warnings, s.item(rid).warning_cells) == (1, item.warning_cells)
    s.close()
    s = Session.open(tmp_path / "w.review.sqlite")
    assert s.pairing_done and s.item(rid).warnings == 1  # stored with the queue line
    s.close()


# ---------------------------------------------------------------- the command line lists the same items


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def test_extract_and_check_list_one_issue_per_cause_with_all_its_cells(tmp_path):
    path = write(tmp_path, "blank.txt", blank_org())
    out = run("extract", "--json", str(path))
    assert out.returncode == 0, out.stderr
    (rec,) = json.loads(out.stdout)["reports"]
    shown = [i for i in rec["issues"] if i["severity"] != "info"]
    assert len(shown) <= 2
    group = next(i for i in shown if i["kind"] == "blank_columns")
    assert group["count"] == 125 and ORG_CELLS <= set(group["fields"]) and group["parts"] > 25
    assert group["key"].startswith("missing:s3:columns:")
    assert all({"rule", "severity", "fields", "message", "kind", "count", "key"} <= set(i) for i in rec["issues"])
    out = run("check", str(path))
    lines = out.stdout.splitlines()
    assert "0 个错误" in lines[0] and f"{len(shown)} 个警告" in lines[0]
    at = next(n for n, line in enumerate(lines) if line.strip() == "[警告] missing 整列空白")
    assert "125 格" in lines[at + 1]
    listed = lines[at + 2].split("：", 1)[1].split(", ")
    assert listed == group["fields"]


# ---------------------------------------------------------------- words


def _codes_in_source() -> set[str]:
    """Every rule code an Issue is made with in the core and the readers."""
    codes: set[str] = set()
    for folder in ("models", "parsers"):
        for path in (ROOT / folder).rglob("*.py"):
            codes |= set(re.findall(r"(?:Issue|_Sum)\(\s*\"(\w+)\"", path.read_text(encoding="utf-8")))
    return codes


def test_every_rule_and_kind_has_a_chinese_and_an_english_name():
    codes = _codes_in_source()
    assert {"R1", "R2", "R3", "R4", "R5", "missing", "prose", "period", "layout", "meta", "encoding"} <= codes
    kinds = {"blank_table", "blank_columns", "blank_rows", "blank_parts", "blank_cells", "not_applicable",
             "layout_2019"}
    for code in codes | kinds:
        assert code in RULES, code
        zh, en = rule_name(code), rule_name(code, "en")
        assert zh and en and zh != en and not re.search(r"[\u4e00-\u9fff]", en), code
        assert rule_help(code) and rule_help(code, "en")
    assert rule_name("R1") == "勾稽关系一：新收+上年结转＝办理结果+结转下年度"
    assert rule_name("missing") == "空白或缺项" and rule_name("cross_year") == "与上年报告衔接"
    rows = rule_rows()
    assert {r["code"] for r in rows} == set(RULES) and set(rows[0]) == {
        "code", "group", "name_zh", "name_en", "description_zh", "description_en"}


@pytest.mark.parametrize("case", ["samples", "blank_org", "2019", "broken", "holes", "na"])
def test_no_message_shows_a_field_id_or_a_rule_id(case, sample_paths):
    if case == "samples":
        reports = [parse_text(p.read_text(encoding="utf-8"), str(p)) for p in sample_paths]
    else:
        v = consistent()
        values = {"blank_org": blank_org(), "2019": layout_2019(consistent(collapsed=True)),
                  "broken": dict(v, **{"s3.new.natural_person": v["s3.new.natural_person"] + 1,
                                       "s4.review.total": v["s4.review.total"] + 2, "s2.fees.amount": -1}),
                  "holes": {k: (None if n % 7 == 3 else x) for n, (k, x) in enumerate(v.items())},
                  "na": dict(v, **{f"s3.{r}.{c}": "/" for r in S3_ROW_IDS[:6] for c in ORG})}[case]
        reports = [parse_text(render(values, "tab"))]
    for report in reports:
        for i in check(report):
            assert not FIELD_ID.search(i.message), i.message
            assert not RULE_ID.search(i.message), i.message


def test_rule_warnings_left_unchecked_by_slash_marks_are_one_item_per_rule():
    v = consistent()
    v.update({f"s3.{r}.{c}": "/" for r in S3_ROW_IDS[:6] for c in ORG})
    _, found = items(v)
    r3 = [i for i in found if i.rule == "R3"]
    assert len(r3) == 1 and r3[0].kind == "not_applicable" and r3[0].count == 30 and len(r3[0].parts) == 6
    assert "勾稽关系三" in r3[0].message and "“/”" in r3[0].message


def test_the_samples_read_by_the_window_have_names_for_every_item(sample_paths):
    for path in sample_paths:
        for i in check(parse_text(path.read_text(encoding="utf-8"), str(path))):
            assert i.kind_of in RULES and i.rule in RULES

