"""The bundled samples against the values a person read from them, field by field."""
from __future__ import annotations

import pytest

from conftest import SAMPLES
from models.checks import check
from models.values import is_number
from parsers import parse_path

NO_NUMBER = (None, "/")


def _same(truth, got) -> bool:
    if truth is None:
        return got in NO_NUMBER
    return is_number(got) and got == truth  # exact: truth amounts are read as Decimal (conftest)


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.txt")))
def test_every_unambiguous_cell_reads_as_a_person_read_it(name, truth):
    t = truth[name]
    report = parse_path(SAMPLES / name)
    got = report.values()
    assert report.error is None
    wrong = [f"{k}: truth {v!r} got {got.get(k)!r}" for k, v in t["fields"].items()
             if k not in set(t["ambiguous"]) and not _same(v, got.get(k))]
    assert wrong == []
    assert report.meta.agency == t["agency"]
    assert report.meta.year == t["year"]


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.txt")))
def test_every_listed_problem_is_flagged(name, truth):
    report = parse_path(SAMPLES / name)
    issues = check(report)
    for rules, target in truth[name]["must_flag"]:
        assert any(i.rule in rules and any(f == target or f.startswith(target + ".") for f in i.fields)
                   for i in issues), (rules, target)


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.txt")))
def test_no_rule_error_where_the_rule_holds_on_the_truth(name, truth):
    t = truth[name]["fields"]
    report = parse_path(SAMPLES / name)
    for i in check(report):
        if i.severity != "error" or i.rule not in ("R1", "R2", "R3", "R4"):
            continue
        # an error is allowed only if the hand-read values break the same rule
        vals = [t.get(f) for f in i.fields]
        if None in vals:
            continue
        assert not _holds(i.rule, i.fields, t), i.message


def _holds(rule: str, fields: list[str], t: dict) -> bool:
    v = [t[f] for f in fields]
    if rule == "R1":  # fields: carried_forward, new, carried_over, results_total
        return v[1] + v[2] == v[3] + v[0]
    return v[0] == sum(v[1:])


def test_clean_samples_raise_no_issue_at_all():
    for name in ("001_dfce13c1242a961e.txt", "004_47148163d7b9be8f.txt"):
        issues = [i for i in check(parse_path(SAMPLES / name)) if i.severity != "info"]
        assert issues == [], name


def test_every_printed_value_links_to_its_place_in_the_source(sample_paths):
    for path in sample_paths:
        report = parse_path(path)
        for fid, cell in report.cells.items():
            if cell.raw is None:
                continue
            a, b = cell.span
            assert report.text[a:b] == cell.raw, (path.name, fid)
            assert cell.raw.strip() != ""
