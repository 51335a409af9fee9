"""Cell values are exact: every printed digit is kept from the report to the checks, `extract --json`
and the CSV export, and a number too long for a float (or for Python's int-from-text limit) is a
finding, never a crash."""
from __future__ import annotations

import csv
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES
from models.checks import check, check_rules
from models.crossyear import YearReport, cross_year
from models.values import NA, dumps, elided, format_value, is_number, loads, parse_value, value_from_text, value_to_text
from parsers import parse_path

SAMPLE = SAMPLES / "000_978a9fff42e671ca.txt"
FEE = "7504.2371"  # printed once: 行政事业性收费·本年收费金额
GRANTED = "予以公开\t\t\t\t\t\t8\t"  # the row （一）予以公开 prints only its total, 8: s3.granted.total
D400 = "1234567890" * 40
D5000 = "9876543210" * 500


def report_file(tmp_path: Path, old: str, new: str) -> Path:
    """Sample 000 with one printed text replaced."""
    text = SAMPLE.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path = tmp_path / "report.txt"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=180)


def csv_rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def export(tmp_path: Path, report: Path) -> tuple[dict[str, str], dict[str, dict[str, str]], list[dict[str, str]]]:
    """`main.py export`: the report's reports.csv row, its cells.csv rows by id, its issues.csv rows."""
    out = tmp_path / "out"
    res = run("export", "--out", str(out), str(report))
    assert res.returncode == 0, res.stderr
    reports = csv_rows(out / "reports.csv")
    assert len(reports) == 1
    return reports[0], {c["id"]: c for c in csv_rows(out / "cells.csv")}, csv_rows(out / "issues.csv")


def extract(report: Path) -> tuple[str, dict]:
    """`main.py extract --json`: the output text and its one record (numbers read back exactly)."""
    res = run("extract", "--json", str(report))
    assert res.returncode == 0, res.stderr
    return res.stdout, loads(res.stdout)["reports"][0]


# ---------------------------------------------------------------- values

@pytest.mark.parametrize("raw,shown", [
    ("5949.088667", "5949.088667"), ("4166.241619", "4166.241619"), ("7504.2371", "7504.2371"),
    ("0.0001", "0.0001"), ("1,234.5678", "1234.5678"), ("124件", "124"), ("+19", "19"), ("-3", "-3"),
    ("１２.５万元", "12.5"), ("—", "/"), ("", ""),
])
def test_a_printed_number_is_shown_with_every_digit(raw, shown):
    assert format_value(parse_value(raw)) == shown


def test_the_fee_is_never_rounded_to_four_decimals():
    v = parse_value("5949.088667")
    assert v == Decimal("5949.088667") and format_value(v) != "5949.0887"
    assert parse_value("4166.241619") == Decimal("4166.241619")
    assert format_value(parse_value("1.10")) in ("1.1", "1.10")


def test_very_long_whole_numbers_keep_every_digit():
    v400, v5000 = parse_value(D400), parse_value(D5000)
    assert type(v400) is int and v400 == int(D400)
    assert is_number(v5000) and format_value(v5000) == D5000  # no int-from-text limit, no overflow
    assert format_value(parse_value("1,234," + D5000[:3])) == "1234" + D5000[:3]
    assert is_number(v400) and not is_number(True) and not is_number(NA) and not is_number(None)


def test_format_value_never_uses_exponents():
    assert format_value(Decimal("1E+3")) == "1000"
    assert format_value(Decimal("0.0000001")) == "0.0000001"
    assert format_value(10 ** 30) == "1" + "0" * 30


@pytest.mark.parametrize("value,text", [
    (None, None), (NA, "/"), (0, "0"), (-3, "-3"), (4658, "4658"), (Decimal("5949.088667"), "5949.088667"),
    (Decimal("1.10"), "1.10"), (int(D400), D400), (Decimal(D5000), D5000),
])
def test_stored_text_gives_the_same_value_back(value, text):
    assert value_to_text(value) == text
    back = value_from_text(text)
    assert back == value and type(back) is type(value)


def test_stored_text_that_is_not_a_value_is_refused():
    for bad in ("abc", "1e5", "", "1.2.3", "NaN"):
        with pytest.raises(ValueError):
            value_from_text(bad)


def test_json_numbers_carry_exactly_the_printed_digits():
    obj = {"fee": Decimal("5949.088667"), "n": 3, "na": "/", "blank": None, "text": "5949.088667",
           "big": [Decimal(D5000), int(D400)]}
    text = dumps(obj)
    assert text == ('{"fee": 5949.088667, "n": 3, "na": "/", "blank": null, "text": "5949.088667", '
                    f'"big": [{D5000}, {D400}]}}')
    assert dumps({"fee": Decimal("4166.241619")}, indent=1) == '{\n "fee": 4166.241619\n}'
    back = loads(text)
    assert back["fee"] == Decimal("5949.088667") and type(back["fee"]) is Decimal
    assert format_value(back["big"][0]) == D5000 and back["big"][1] == int(D400)
    assert back["text"] == "5949.088667"


def test_a_string_that_looks_like_the_json_marker_stays_a_string(monkeypatch):
    import models.values

    tokens = iter(["a" * 32, "b" * 32])
    monkeypatch.setattr(models.values.secrets, "token_hex", lambda n: next(tokens))
    lookalike = "\ue000dec" + "a" * 32 + "_0"  # what the first marker would be
    text = dumps({"s": lookalike, "fee": Decimal("5949.088667")})
    assert loads(text) == {"s": lookalike, "fee": Decimal("5949.088667")}
    assert text.endswith('"fee": 5949.088667}')


def test_messages_shorten_only_very_long_numbers():
    assert elided(int(D400)) == "12345678…（共 400 位）7890"
    assert elided(Decimal("-" + D5000)) == "-98765432…（共 5000 位）3210"
    assert elided(int("1" * 24)) == "1" * 24
    assert elided(Decimal("5949.088667")) == "5949.088667"


# ---------------------------------------------------------------- checks

def _r5(issues, fid):
    return [i for i in issues if i.rule == "R5" and i.fields == [fid]]


def test_check_with_a_400_digit_int_and_a_5000_digit_decimal_raises_nothing():
    report = parse_path(SAMPLE)
    values = report.values()
    values["s3.new.natural_person"] = int(D400)
    values["s3.new.total"] = Decimal(D5000)
    values["s4.review.total"] = Decimal(D5000 + ".5")
    issues = check(report, values)
    for fid, digits in (("s3.new.natural_person", 400), ("s3.new.total", 5000), ("s4.review.total", 5000)):
        [r5] = _r5(issues, fid)
        assert r5.severity == "error" and f"数字过长（{digits} 位）" in r5.message
        assert "相邻数字连在了一起" in r5.message and len(r5.message) < 200
    # R3 on the row: the total against the sum of its parts, exactly (the sum is the 400-digit number)
    [r3] = [i for i in issues if i.rule == "R3" and i.fields[0] == "s3.new.total"]
    assert r3.severity == "error" and format_value(r3.expected) == D400
    assert "12345678…（共 400 位）7890" in r3.message and "98765432…（共 5000 位）3210" in r3.message
    assert all(len(i.message) < 400 for i in issues)


def test_sums_are_exact_where_a_float_would_not_see_the_difference():
    values: dict = {f"s3.new.{c}": 0 for c in ("natural_person", "commercial", "research", "social_org",
                                                "legal_service", "other_org")}
    values["s3.new.natural_person"] = 10 ** 11
    values["s3.new.commercial"] = Decimal("0.000000000000000001")  # not a count, but the sum must see it
    values["s3.new.total"] = 10 ** 11
    [r3] = [i for i in check_rules(values) if i.rule == "R3"]
    assert r3.expected == Decimal("100000000000.000000000000000001")
    assert "100000000000.000000000000000001" in format_value(r3.expected)
    values["s3.new.total"] = Decimal("100000000000.000000000000000001")
    assert [i for i in check_rules(values) if i.rule == "R3"] == []


@pytest.mark.parametrize("fid,raw,error", [
    ("s2.fees.amount", "1.50000", None),  # trailing zeros are not decimals
    ("s2.fees.amount", "7504.2371", None),
    ("s2.fees.amount", "999999999999.5", None),  # 12 digits before the point
    ("s2.fees.amount", "5949.088667", "金额最多保留 4 位小数"),
    ("s2.fees.amount", "-1.5", "金额不能为负"),
    ("s2.fees.amount", "1000000000000", "数字过长（13 位）"),
    ("s3.new.natural_person", "12.00", None),  # a whole number printed with zeros
    ("s3.new.natural_person", "1.5", "件数应为不小于 0 的整数"),
    ("s3.new.natural_person", "-1", "件数应为不小于 0 的整数"),
    ("s3.new.natural_person", "999999999999", None),
    ("s3.new.natural_person", "1234567890123", "数字过长（13 位）"),
    ("s2_2019.licensing.change", "-3.0", None),
    ("s2_2019.licensing.change", "2.5", "应为整数"),
])
def test_r5_domain_rules_on_exact_values(fid, raw, error):
    issues = _r5(check_rules({fid: parse_value(raw)}), fid)
    if error is None:
        assert issues == []
    else:
        [issue] = issues
        assert issue.severity == "error" and error in issue.message and raw.lstrip("+") in issue.message


def test_the_fee_suggestion_is_rounded_half_up_and_the_message_shows_the_printed_value():
    [issue] = _r5(check_rules({"s2.fees.amount": parse_value("5949.088667")}), "s2.fees.amount")
    assert issue.expected == Decimal("5949.0887") and "5949.088667" in issue.message
    [issue] = _r5(check_rules({"s2.fees.amount": parse_value("0.00005")}), "s2.fees.amount")
    assert issue.expected == Decimal("0.0001")


def test_cross_year_arithmetic_is_exact():
    last = YearReport("a", "某某县人民政府", 2021, {"s2.normative.in_force": 10 ** 20, "s3.carried_forward.total": 0})
    this = YearReport("b", "某某县人民政府", 2022, {"s2.normative.in_force": 10 ** 20, "s2.normative.issued": 1,
                                              "s2.normative.repealed": 0})
    found = cross_year([last, this])
    [issue] = found["b"]
    assert issue.expected == 10 ** 20 + 1 and type(issue.expected) is int


# ---------------------------------------------------------------- end to end

def test_a_fee_printed_with_six_decimals_reaches_the_json_and_the_csv_exactly(tmp_path):
    path = report_file(tmp_path, FEE, "5949.088667")
    text, rec = extract(path)
    assert '"s2.fees.amount": 5949.088667,' in text  # a JSON number, every digit
    assert rec["fields"]["s2.fees.amount"] == Decimal("5949.088667")
    assert rec["cells"]["s2.fees.amount"]["raw"] == "5949.088667"
    [r5] = [i for i in rec["issues"] if i["rule"] == "R5"]
    assert r5["fields"] == ["s2.fees.amount"] and "5949.088667" in r5["message"]
    assert r5["expected"] == Decimal("5949.0887")  # the suggestion only; the value stays as printed

    row, cells, _ = export(tmp_path, path)
    assert row["s2.fees.amount"] == "5949.088667"
    assert cells["s2.fees.amount"]["value"] == "5949.088667"
    assert cells["s2.fees.amount"]["published"] == "5949.088667"
    assert cells["s2.fees.amount"]["raw"] == "5949.088667"


@pytest.mark.parametrize("digits", [D400, D5000], ids=["400-digits", "5000-digits"])
def test_a_run_of_digits_in_table_three_is_a_finding_not_a_crash(tmp_path, digits):
    path = report_file(tmp_path, GRANTED, GRANTED.replace("8", digits))
    text, rec = extract(path)
    assert f'"s3.granted.total": {digits},' in text
    assert format_value(rec["fields"]["s3.granted.total"]) == digits
    assert rec["cells"]["s3.granted.total"]["raw"] == digits
    [r5] = [i for i in rec["issues"] if i["rule"] == "R5" and i["fields"] == ["s3.granted.total"]]
    assert r5["severity"] == "error" and f"数字过长（{len(digits)} 位）" in r5["message"]
    assert f"{digits[:8]}…（共 {len(digits)} 位）{digits[-4:]}" in r5["message"]
    assert rec["fields"]["s2.fees.amount"] == Decimal("7504.2371")  # the rest reads as before

    row, cells, issues = export(tmp_path, path)
    assert row["s3.granted.total"] == digits
    assert cells["s3.granted.total"]["value"] == digits and cells["s3.granted.total"]["raw"] == digits
    assert cells["s3.granted.total"]["status"] == "error"
    assert any(i["rule"] == "R5" and i["fields"] == "s3.granted.total" and i["severity"] == "error" for i in issues)


@pytest.mark.parametrize("printed", ["2.00", "1.0", "0.0"])
def test_a_fee_equal_to_a_small_whole_number_keeps_its_printed_digits_in_the_csv(tmp_path, printed):
    """The export looks up the text of small whole numbers; a Decimal equal to one (2.00 == 2) is not one."""
    path = report_file(tmp_path, FEE, printed)
    row, cells, _ = export(tmp_path, path)
    assert row["s2.fees.amount"] == printed
    assert cells["s2.fees.amount"]["value"] == cells["s2.fees.amount"]["published"] == printed
