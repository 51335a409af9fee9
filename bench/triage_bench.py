"""How much an auditor has to look at: review items (issues grouped by cause) per report, beside the
single issues the checks find, on the benchmark folder and on a few typical faults.

Builds the folder of bench/extract_bench.make_corpus (default 300 reports from the samples, an agency's
reports for consecutive years), loads it into a session (so cross-year issues count too) and prints,
per report, the open items of its review (errors and warnings, one per cause) beside the single open
issues models.checks.check_ungrouped finds; then the same for reports that differ from a clean one
by one fault (five 法人或其他组织 columns left blank, the 2019 layout, an R1 error beside blank columns),
and the time grouping adds to a check.

Run: python bench/triage_bench.py [--reports 300]. Targets: a report whose only fault is a set of empty
columns shows at most 2 items; on the samples' reports at most 4 warnings each, every fault still named.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))  # render.py: a report's text from its values

from extract_bench import SAMPLES, make_corpus  # noqa: E402
from models.checks import check, check_ungrouped  # noqa: E402
from models.report import ERROR, WARNING, Issue  # noqa: E402
from models.session import Session, prepare  # noqa: E402
from models.template import S3_ROW_IDS  # noqa: E402
from parsers import parse_path, parse_text  # noqa: E402

ORG = ("commercial", "research", "social_org", "legal_service", "other_org")


def _open(issues: list[Issue]) -> tuple[int, int]:
    return sum(1 for i in issues if i.severity == ERROR), sum(1 for i in issues if i.severity == WARNING)


def folder_figures(n: int) -> None:
    with tempfile.TemporaryDirectory() as d:
        files = make_corpus(Path(d), n)
        session = Session.open(Path(d) / "bench.review.sqlite")
        session.add_prepared([prepare(str(p)) for p in files])
        while not session.pairing_done:
            session.pair_some(1.0)
        rows = []
        for it in session.items:
            review = session.review(it.id)
            items = [r.issue for r in review.open_issues()]
            single = [i for i in check_ungrouped(review.report, review.values()) if i.severity != "info"]
            single += [i for i in review.external if i.severity != "info"]
            rows.append((Path(it.source).name, _open(single), _open(items), it.error_cells, it.warning_cells))
        session.close()
    before = [e + w for _, (e, w), _, _, _ in rows]
    after = [e + w for _, _, (e, w), _, _ in rows]
    print(f"{len(rows)} reports of bench/extract_bench.make_corpus (the samples under other agencies and years):")
    print("  single issues per report → review items per report (errors + warnings, open):")
    for (b, a), k in sorted(Counter(zip(before, after, strict=True)).items()):
        print(f"    {b:3d} → {a:2d}   ({k} reports)")
    print(f"  mean {statistics.mean(before):.1f} → {statistics.mean(after):.1f}; most {max(before)} → {max(after)}; "
          f"warnings per report mean {statistics.mean(w for _, (_, w), _, _, _ in rows):.1f} → "
          f"{statistics.mean(w for _, _, (_, w), _, _ in rows):.1f}, most "
          f"{max(w for _, (_, w), _, _, _ in rows)} → {max(w for _, _, (_, w), _, _ in rows)}")
    cells = Counter((e, w) for *_, e, w in rows)
    print("  cells the open items name (errors, warnings): "
          + ", ".join(f"{e}/{w} ×{k}" for (e, w), k in sorted(cells.items())))


def _values(name: str) -> dict:
    truth = json.loads((ROOT / "tests" / "fixtures" / "truth.json").read_text(encoding="utf-8"), parse_float=Decimal)
    return dict(truth[name]["fields"])


def case_figures() -> None:
    from render import render

    clean = _values("004_47148163d7b9be8f.txt")  # every cell a number, every rule holds
    blank_cols = dict(clean, **{f"s3.{r}.{c}": None for r in S3_ROW_IDS for c in ORG})
    broken = dict(blank_cols, **{"s3.new.natural_person": clean["s3.new.natural_person"] + 1,
                                 "s3.new.total": clean["s3.new.total"] + 1})
    old = {k: v for k, v in clean.items() if not k.startswith("s2.")}
    n = iter(range(1, 99))
    for r in ("regulations", "normative"):
        old.update({f"s2_2019.{r}.{c}": next(n) for c in ("new_made", "new_published", "total_published")})
    for r in ("licensing", "other_services", "penalty", "coercion"):
        old.update({f"s2_2019.{r}.prev_items": next(n), f"s2_2019.{r}.change": -1, f"s2_2019.{r}.decisions": None})
    old.update({"s2_2019.fees.prev_items": 3, "s2_2019.fees.change": 0})
    for c in ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total"):
        old[f"s3.other_total.{c}"] = sum(old.pop(f"s3.{r}.{c}") for r in
                                         ("other_no_correction", "other_unpaid_fee", "other_other"))
    cases = {"5 columns of 法人或其他组织 blank": blank_cols,
             "the same, and R1 broken in two columns": broken,
             "2019 layout, 4 cells of 处理决定数量 blank": old}
    print("typical faults (a clean report with one change, tests/render.py):")
    for what, values in cases.items():
        report = parse_text(render(values, "tab"))
        single, items = check_ungrouped(report), check(report)
        print(f"  {what}: {sum(_open(single))} single issues → {sum(_open(items))} items "
              f"({_open(items)[0]} errors, {_open(items)[1]} warnings, "
              f"{sum(1 for i in items if i.severity == 'info')} notes)")
        for i in items:
            print(f"      [{i.severity}] {i.kind_of}: {i.cell_count} cells of {len(i.fields)} named")


def timing() -> None:
    reports = [parse_path(p) for p in SAMPLES]
    t_single, t_grouped = [], []
    for _ in range(100):
        for r in reports:
            t0 = time.perf_counter()
            check_ungrouped(r)
            t1 = time.perf_counter()
            check(r)
            t_single.append(t1 - t0)
            t_grouped.append(time.perf_counter() - t1)
    print(f"check per report: {statistics.median(t_grouped) * 1000:.2f} ms grouped, floor "
          f"{statistics.median(t_single) * 1000:.2f} ms for the single issues alone")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=300)
    a = ap.parse_args()
    folder_figures(a.reports)
    case_figures()
    timing()


if __name__ == "__main__":
    main()
