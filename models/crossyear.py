"""Checks across years for the same agency: carried over = last year's carried forward, and so on."""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from models.report import WARNING, Issue
from models.template import S3_COLUMNS
from models.values import Value, elided, exact, is_number

_DROP = re.compile(r"[\s\u3000·•,，。、:：;；\"'“”‘’《》〈〉<>]")
_PAREN = re.compile(r"[（(][^）)]*[）)]")
# long forms folded to the short forms auditors also write
_FOLDS = (("中华人民共和国", ""), ("人民政府", "政府"), ("管理委员会", "管委会"), ("发展和改革委员会", "发改委"),
          ("卫生健康委员会", "卫健委"), ("委员会", "委"), ("办事处", ""), ("自治县", "县"))


def agency_key(name: str | None) -> str:
    """An agency name with spacing, bracketed notes and 全称/简称 differences folded away."""
    if not name:
        return ""
    from models.text import normalize  # full-width and traditional forms fold too

    s = _PAREN.sub("", _DROP.sub("", normalize(name)))
    for long, short in _FOLDS:
        s = s.replace(long, short)
    return s


# the fields the cross-year check compares
YEAR_FIELDS = tuple(f"s3.{r}.{c.id}" for r in ("carried_over", "carried_forward") for c in S3_COLUMNS) + \
    tuple(f"s2.{r}.{c}" for r in ("regulations", "normative") for c in ("issued", "repealed", "in_force"))


class YearReport:
    """What the cross-year check needs of one report."""

    def __init__(self, key: object, agency: str | None, year: int | None, values: Mapping[str, Value]) -> None:
        self.key = key
        self.agency = agency_key(agency)
        self.year = year
        self.values = values


def _compare(this: YearReport, last: YearReport) -> list[tuple[str, str, Value, Value, str]]:
    """(field this year, field last year, this value, expected, what) for each relation that fails."""
    out: list[tuple[str, str, Value, Value, str]] = []
    for c in S3_COLUMNS:
        a, b = this.values.get(f"s3.carried_over.{c.id}"), last.values.get(f"s3.carried_forward.{c.id}")
        if is_number(a) and is_number(b) and a != b:
            out.append((f"s3.carried_over.{c.id}", f"s3.carried_forward.{c.id}", a, b,
                        f"上年结转·{c.label} 为 {elided(a)}，而 {last.year} 年报告的结转下年度·{c.label} "
                        f"为 {elided(b)}"))
    for row, label in (("regulations", "规章"), ("normative", "行政规范性文件")):
        now = this.values.get(f"s2.{row}.in_force")
        issued, repealed, prev = (this.values.get(f"s2.{row}.issued"), this.values.get(f"s2.{row}.repealed"),
                                  last.values.get(f"s2.{row}.in_force"))
        if all(is_number(v) for v in (now, issued, repealed, prev)):
            with exact():  # exact at any size: ints stay ints, Decimals are never rounded
                exp = prev + issued - repealed  # type: ignore[operator]
            if now != exp:
                out.append((f"s2.{row}.in_force", f"s2.{row}.in_force", now, exp,
                            f"{label}现行有效件数为 {elided(now)}，而按 {last.year} 年的 {elided(prev)} "
                            f"+ 本年制发 {elided(issued)} − 本年废止 {elided(repealed)} 应为 {elided(exp)}"))
    return out


def cross_year(reports: Sequence[YearReport]) -> dict[object, list[Issue]]:
    """Issues (rule cross_year) for each report key, from every pair of consecutive years of one agency."""
    out: dict[object, list[Issue]] = {r.key: [] for r in reports}
    by_agency: dict[str, dict[int, list[YearReport]]] = {}
    for r in reports:
        if r.agency and r.year:
            by_agency.setdefault(r.agency, {}).setdefault(r.year, []).append(r)
    for years in by_agency.values():
        for year, these in years.items():
            lasts = years.get(year - 1, [])
            if len(these) != 1 or len(lasts) != 1:
                continue  # two reports of one agency for one year: which pairs with which is unknown
            this, last = these[0], lasts[0]
            for fid, last_fid, value, expected, msg in _compare(this, last):
                out[this.key].append(Issue("cross_year", WARNING, [fid], msg, expected=expected))
                out[last.key].append(Issue("cross_year", WARNING, [last_fid], f"{this.year} 年报告：" + msg,
                                           expected=value))
    return out


def group_keys(reports: Iterable[YearReport], agency: str | None) -> list[object]:
    """The keys of every report of one agency (those whose cross-year issues an edit can change)."""
    k = agency_key(agency)
    return [r.key for r in reports if r.agency == k]
