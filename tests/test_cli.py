"""The command line as a user runs it: extract, check and export, on good and bad files."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SAMPLES

S000 = SAMPLES / "000_978a9fff42e671ca.txt"
S003 = SAMPLES / "003_669b05754e9fb909.txt"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def test_extract_prints_one_record_per_file_with_all_200_fields():
    out = run("extract", "--json", str(S000), str(S003))
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert [Path(r["source"]).name for r in data["reports"]] == [S000.name, S003.name]
    r0, r3 = data["reports"]
    assert set(r0) == {"source", "format", "encoding", "meta", "fields", "cells", "issues", "error"}
    assert r0["meta"] == {"agency": "新乡县人民政府", "year": 2022, "period": None, "agency_from": "title",
                          "year_from": "title"}
    assert r0["encoding"] == "utf-8" and r0["format"] == "text" and r0["error"] is None
    assert len([k for k in r0["fields"] if not k.startswith("s2_2019.")]) == 200
    assert r0["fields"]["s2.fees.amount"] == 7504.2371
    assert r0["fields"]["s3.granted.natural_person"] is None  # printed blank: null, not 0
    assert r0["fields"]["s3.granted.total"] == 8
    text = S000.read_text(encoding="utf-8")
    a, b = r0["cells"]["s2.licensing.decisions"]["span"]
    assert text[a:b] == r0["cells"]["s2.licensing.decisions"]["raw"] == "4658"
    # the collapsed （六） row of 003 is read as other_total
    assert r3["fields"]["s3.other_total.total"] == 0 and r3["fields"]["s3.other_other.total"] is None
    assert r3["meta"]["period"] == "2022-01-01/2022-12-28"
    rules = {i["rule"] for i in r3["issues"]}
    assert {"R2", "period", "missing"} <= rules
    r2 = next(i for i in r3["issues"] if i["rule"] == "R2")
    assert r2["severity"] == "error" and "s3.results_total.natural_person" in r2["fields"]
    assert "5" in r2["message"] and r2["expected"] == 0


def test_a_file_that_cannot_be_read_gets_an_error_and_the_others_go_on(tmp_path):
    binary = tmp_path / "scan.txt"
    binary.write_bytes(bytes(range(256)) * 50)
    out = run("extract", "--json", str(binary), str(S000))
    assert out.returncode == 1
    data = json.loads(out.stdout)
    assert data["reports"][0]["error"] and "二进制" in data["reports"][0]["error"]
    assert data["reports"][1]["error"] is None and data["reports"][1]["fields"]["s3.new.total"] == 13
    assert "scan.txt" in out.stderr


def test_encoding_can_be_overridden(tmp_path):
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(S000.read_text(encoding="utf-8").encode("gb18030"))
    auto = json.loads(run("extract", "--json", str(gbk)).stdout)["reports"][0]
    assert auto["encoding"] == "gb18030" and auto["fields"]["s3.new.total"] == 13
    forced = run("extract", "--json", "--encoding", "utf-8", str(gbk))
    assert forced.returncode == 1
    assert "utf-8" in json.loads(forced.stdout)["reports"][0]["error"]


def test_check_prints_issues_for_people():
    out = run("check", str(S003))
    assert out.returncode == 0
    lines = out.stdout.splitlines()
    assert lines[0].startswith(str(S003)) and "刚察县人民政府办公室" in lines[0] and "3 个错误" in lines[0]
    # one item per cause: severity, rule code and the name people know, the message, then every cell it names
    at = next(n for n, line in enumerate(lines) if line.strip() == "[错误] R2 勾稽关系二：办理结果总计＝各项之和")
    assert "（七）总计·自然人 为 5" in lines[at + 1] and "s3.results_total.natural_person" in lines[at + 2]
    at = next(n for n, line in enumerate(lines) if line.strip() == "[警告] period 统计期限")
    assert "2022-12-28" in lines[at + 1]


def _read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), path.name  # UTF-8 BOM for Excel
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def test_export_writes_the_dataset(tmp_path):
    out = run("export", "--out", str(tmp_path / "ds"), str(SAMPLES))
    assert out.returncode == 0, out.stderr
    ds = tmp_path / "ds"
    assert sorted(p.name for p in ds.iterdir()) == ["cells.csv", "corrections.csv", "data_dictionary.csv",
                                                    "issues.csv", "reports.csv"]
    assert _read_csv(ds / "corrections.csv") == []  # nothing reviewed yet: the header only
    reports = _read_csv(ds / "reports.csv")
    assert len(reports) == 5
    r0 = next(r for r in reports if r["source"].endswith(S000.name))
    assert r0["agency"] == "新乡县人民政府" and r0["year"] == "2022" and len(r0["sha256"]) == 64
    assert r0["s3.granted.natural_person"] == ""  # blank stays empty
    assert r0["s3.granted.total"] == "8" and r0["s2.fees.amount"] == "7504.2371"
    assert int(r0["warnings"]) > 0 and r0["errors"] == "0" and r0["review_state"] == "not started"
    cells = _read_csv(ds / "cells.csv")
    c = next(c for c in cells if c["source"].endswith(S000.name) and c["id"] == "s3.granted.total")
    assert (c["table"], c["row_label"], c["column_label"], c["value"], c["raw"]) == (
        "三", "（一）予以公开", "总计", "8", "8")
    assert c["status"] == "warning"
    blank = next(c for c in cells if c["source"].endswith(S000.name) and c["id"] == "s3.granted.natural_person")
    assert blank["value"] == "" and blank["raw"] == "" and blank["status"] == "warning"
    issues = _read_csv(ds / "issues.csv")
    assert any(i["rule"] == "prose" and "8" in i["message"] for i in issues if "002_" in i["source"])
    dd = _read_csv(ds / "data_dictionary.csv")
    assert sum(1 for d in dd if d["standard"] == "yes") == 200
    assert next(d for d in dd if d["id"] == "s2.fees.amount")["unit"] == "万元"
    assert "\r\n" in (ds / "reports.csv").read_bytes().decode("utf-8-sig")


LOADED = """
import sys
sys.path.insert(0, sys.argv[1])
import main
try:
    rc = main.main(sys.argv[2:])
except SystemExit as exc:  # --version, --help
    rc = exc.code
print("LOADED", rc, *sorted({m.split(".")[0] for m in sys.modules} & {"PySide6", "shiboken6", "pandas"}),
      file=sys.stderr)
"""


def test_only_export_loads_pandas_and_no_command_loads_qt(tmp_path):
    """extract and check start without pandas (it is slow to load); export writes its CSV with it."""
    for args, loaded in ((["extract", str(SAMPLES)], []), (["check", "--all", str(SAMPLES)], []),
                         (["--version"], []), (["export", "--quiet", "--out", str(tmp_path / "ds"), str(S000)],
                                               ["pandas"])):
        done = subprocess.run([sys.executable, "-c", LOADED, str(ROOT), *args], cwd=ROOT, capture_output=True,
                              text=True, encoding="utf-8", timeout=120)
        last = done.stderr.strip().splitlines()[-1].split()
        assert last[:2] == ["LOADED", "0"] and last[2:] == loaded, (args, done.stderr[-2000:])
