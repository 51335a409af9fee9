"""A big batch's export: the same bytes as every row written at once, cross-year warnings counted into
reports.csv as items and as cells. (That the writing process's memory stays flat is shown by
bench/batch_bench.py, which exports 2,000 and 10,000 reports.)"""
from __future__ import annotations

import codecs
import csv
import errno
import io
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from models import export
from models.crossyear import YearReport, cross_year
from models.export import (
    CELL_COLUMNS,
    FIELD_IDS,
    ISSUE_COLUMNS,
    REPORT_COLUMNS,
    ExportError,
    ExportItem,
    csv_rows,
    csv_text,
    neutralize,
    report_rows,
)
from models.review import Review
from models.session import exporting, scan_paths
from models.session.reading import read_file
from models.values import format_value

sys.path.insert(0, str(ROOT / "bench"))
from batch_bench import make_batch  # noqa: E402

WARNINGS = REPORT_COLUMNS.index("warnings")
WARNING_CELLS = REPORT_COLUMNS.index("warning_cells")


def _file_item(path: str | Path) -> tuple[ExportItem, YearReport]:
    """A report file as the command line exports it, and what the cross-year check needs of it."""
    report, sha = read_file(str(path))
    item = exporting.export_item(Review(report), sha)
    item.extra["review_state"] = "not started"
    return item, YearReport(report.source, report.meta.agency, report.meta.year, report.values())


def _csv_bytes(rows: list[list[str]], columns: list[str]) -> bytes:
    """A whole CSV file as the csv module writes it in one go (UTF-8 with BOM, CRLF)."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows([columns, *rows])
    return codecs.BOM_UTF8 + buf.getvalue().encode("utf-8")


def _reference(paths: list[str], out: Path) -> None:
    """The dataset as the writer made it before: every row held until the end, each file written in
    one go, the cross-year warnings added to the rows in memory (as items, and as the cells not yet
    named by the report's own open warnings)."""
    reports, cells, issues, years, own = [], [], [], [], []
    for p in paths:
        item, year = _file_item(p)
        row, c, i = report_rows(item)
        reports.append(row)
        cells += c
        issues += i
        years.append(year)
        own.append({f for x in item.issues if x.state == "open" and x.severity == "warning" for f in x.fields})
    found = cross_year(years)
    for row, year, named in zip(reports, years, own, strict=True):
        gained = found[year.key]
        if gained:
            row[WARNINGS] = str(int(row[WARNINGS]) + len(gained))
            row[WARNING_CELLS] = str(len(named | {f for x in gained for f in x.fields}))
    issues += [[neutralize(str(x)) for x in (src, f.rule, f.severity, " ".join(f.fields), f.message,
                                               "" if f.expected is None else format_value(f.expected), "open",
                                               f.kind_of, f.key_of, f.cell_count)]
               for src, found_issues in found.items() for f in found_issues]
    out.mkdir()
    for name, rows, cols in (("reports.csv", reports, REPORT_COLUMNS + FIELD_IDS), ("cells.csv", cells, CELL_COLUMNS),
                             ("issues.csv", issues, ISSUE_COLUMNS)):
        (out / name).write_bytes(_csv_bytes(rows, cols))


def _table(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Path:
    """A folder of 240 generated reports: 60 agencies with four consecutive years each; one agency's
    files have names that CSV must quote (a comma, quotes, a line break)."""
    folder = tmp_path_factory.mktemp("batch")
    for k, p in enumerate(make_batch(folder, 240)):
        if k % 60 == 7:  # the same agency every year
            p.rename(p.with_name(f'第{k}份,"引号"\n换行.txt'))
    return folder


def test_a_folder_export_is_the_same_bytes_as_every_row_written_at_once(batch, tmp_path):
    done = subprocess.run([sys.executable, "main.py", "export", "--quiet", "--out", str(tmp_path / "out"),
                           str(batch)], cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=600)
    assert done.returncode == 0, done.stderr  # read in worker processes, as a user runs it
    _reference(scan_paths([str(batch)])[0], tmp_path / "ref")
    for name in ("reports.csv", "cells.csv", "issues.csv"):
        assert (tmp_path / "out" / name).read_bytes() == (tmp_path / "ref" / name).read_bytes(), name
    # what a user sees: the warnings column counts the report's cross-year warnings too
    issues = _table(tmp_path / "out" / "issues.csv")
    reports = _table(tmp_path / "out" / "reports.csv")
    crossed = {i["source"] for i in issues if i["rule"] == "cross_year"}
    assert len(crossed) > 100  # most reports have a year before or after them that disagrees
    quoted = [r for r in reports if '"' in r["source"]]
    assert len(quoted) == 4 and all(r["source"] in crossed for r in quoted)
    warnings: dict[str, int] = {}
    cells: dict[str, set[str]] = {}
    for i in issues:
        if i["severity"] == "warning" and i["state"] == "open":
            warnings[i["source"]] = warnings.get(i["source"], 0) + 1
            cells.setdefault(i["source"], set()).update(i["fields"].split())
    assert {r["source"]: int(r["warnings"]) for r in reports} == {r["source"]: warnings.get(r["source"], 0)
                                                                   for r in reports}
    # and the warning_cells column the distinct cells those warnings name
    assert {r["source"]: int(r["warning_cells"]) for r in reports} == {
        r["source"]: len(cells.get(r["source"], ())) for r in reports}


def test_cross_year_warnings_reach_a_source_that_starts_like_a_formula(tmp_path, monkeypatch):
    """reports.csv quotes such a source ('-r00000.txt); its gained warnings are counted all the same."""
    make_batch(tmp_path, 8, per_agency=2)
    monkeypatch.chdir(tmp_path)
    Path("r00000.txt").rename("-r00000.txt")
    exporting.export_files(sorted(p.name for p in tmp_path.glob("*.txt")), tmp_path / "out")
    reports = {r["source"]: r for r in _table(tmp_path / "out" / "reports.csv")}
    gained = sum(1 for i in _table(tmp_path / "out" / "issues.csv")
                 if i["rule"] == "cross_year" and i["source"] == "'-r00000.txt")
    assert gained > 0
    item, _ = _file_item("-r00000.txt")
    own = [i for i in item.issues if i.severity == "warning" and i.state == "open"]
    assert reports["'-r00000.txt"]["warnings"] == str(len(own) + gained)
    named = {f for i in _table(tmp_path / "out" / "issues.csv") if i["source"] == "'-r00000.txt"
             and i["severity"] == "warning" for f in i["fields"].split()}
    assert reports["'-r00000.txt"]["warning_cells"] == str(len(named))


def test_a_full_disk_while_reports_csv_is_copied_leaves_the_previous_export_whole(tmp_path, monkeypatch):
    """The last step of a folder's export (the waiting rows copied into reports.csv, warnings added)
    fails like every other: one sentence, no temporary file left, the old files as they were."""
    make_batch(tmp_path, 8, per_agency=2)
    paths = sorted(str(p) for p in tmp_path.glob("*.txt"))
    out = tmp_path / "out"
    exporting.export_files(paths[:4], out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def full(self, writer, gained):
        writer.write_bytes(b"x" * 100)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(export._Spool, "patch_into", full)
    with pytest.raises(ExportError) as caught:
        exporting.export_files(paths, out)
    assert str(caught.value) == f"导出失败：磁盘空间不足（{out}）；原有文件保持不变"
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no .tmp- file either


def test_rows_are_split_where_csv_ends_them():
    tricky = [["a", "b\r\nc", 'say "hi"'], ["", "x,y", "\n"], ['"', "\r", "plain"], ["1", "2", "3"]]
    texts = [csv_text([row], ["p", "q", "r"]).encode() for row in tricky]
    lines = io.BytesIO(b"".join(texts)).readlines()
    assert list(csv_rows(lines)) == texts
    row = csv_text([['a,"b"\r\n', "x", "7", "y", "", "z"]], ["p", "q", "n", "r", "m", "s"]).encode()
    assert export._add_to_fields(row, ((2, 5), (4, 3))) == csv_text([['a,"b"\r\n', "x", "12", "y", "3", "z"]],
                                                                    ["p", "q", "n", "r", "m", "s"]).encode()


def test_csv_text_is_what_the_csv_module_writes():
    """pandas' CSV is the csv module's, byte for byte (what csv_rows() and the warnings added to
    reports.csv rely on), quotes, commas, line breaks, blanks and formula marks anywhere."""
    rnd = random.Random(20261203)
    alphabet = ["a", ",", '"', "\r", "\n", " ", "中", "'", "=", "\t", "0"]
    for _ in range(3000):
        width = rnd.randint(1, 5)
        rows = [["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 3))) for _ in range(width)]
                for _ in range(rnd.randint(0, 3))]
        columns = [f"c{k}" for k in range(width)]
        for header in (False, True):
            buf = io.StringIO()
            csv.writer(buf, lineterminator="\r\n").writerows(([columns] if header else []) + rows)
            assert csv_text(rows, columns, header) == buf.getvalue(), rows


def test_a_full_disk_while_the_cross_year_records_wait_leaves_the_previous_export_whole(tmp_path, monkeypatch):
    """What the cross-year check needs waits on disk in the export folder; a full disk there is the
    export's full disk: one sentence, no temporary file, the old files as they were."""
    make_batch(tmp_path, 8, per_agency=2)
    paths = sorted(str(p) for p in tmp_path.glob("*.txt"))
    out = tmp_path / "out"
    exporting.export_files(paths[:4], out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    real_add = exporting.YearStore.add

    def full(self, row, key, record):
        if row == 5:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_add(self, row, key, record)
    monkeypatch.setattr(exporting.YearStore, "add", full)
    with pytest.raises(ExportError) as caught:
        exporting.export_files(paths, out)
    assert str(caught.value) == f"导出失败：磁盘空间不足（{out}）；原有文件保持不变"
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
