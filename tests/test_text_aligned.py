"""Tables copied as text whose columns are aligned by runs of spaces (no tabs or pipes), as text copied
from a PDF or typed in a fixed-width editor: each value is read under the header it stands under, a
blank stays blank (never a value shifted left), wide characters count two columns (issue 12)."""
from __future__ import annotations

import json
import unicodedata
from decimal import Decimal

import pytest

from conftest import TRUTH
from models.checks import check
from models.template import S3_APPLICANT_COLUMNS, STANDARD_IDS
from parsers import parse_text
from parsers.text_grid import text_grid
from render import cell_text, render, table2_grid, table3_grid, table4_grid

T004 = json.loads(TRUTH.read_text(encoding="utf-8"), parse_float=Decimal)["004_47148163d7b9be8f.txt"]["fields"]


def width(s: str) -> int:
    """Columns a fixed-width display gives the text: hanzi and full-width forms two, the rest one."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def aligned(grid: list[list[str]], numbers: str = "right", gap: int = 3) -> str:
    """The grid laid out in columns padded with spaces to a common display width, as a fixed-width copy
    of a printed table: an empty cell is spaces; a header cell followed by empty cells (a merged cell:
    申请人情况, 行政诉讼) is centred over the columns it spans and does not widen the first; numbers right-
    or left-aligned in their column, other text left-aligned."""
    ncols = max(len(r) for r in grid)
    rows = [r + [""] * (ncols - len(r)) for r in grid]

    def span(i: int, j: int) -> int:  # a header over the empty cells to its right, above filled ones
        k = j + 1  # (not into a column headed from a row above: 总计 standing over two header rows)
        while k < ncols and rows[i][k] == "" and any(rows[b][k] for b in range(i + 1, len(rows))) \
                and not any(rows[b][k] for b in range(i)):
            k += 1
        return k - j

    def numeric(t: str) -> bool:
        return t != "" and (t[0].isdigit() or t in ("/", "—"))

    heading = [not any(numeric(t) for t in r) for r in rows]  # header rows and block headings
    spans = [[span(i, j) if t and heading[i] else 1 for j, t in enumerate(r)] for i, r in enumerate(rows)]
    widths = [max([width(rows[i][j]) for i in range(len(rows)) if spans[i][j] == 1] + [1]) for j in range(ncols)]
    xs = [0]
    for w in widths:
        xs.append(xs[-1] + w + gap)
    out = []
    for i, r in enumerate(rows):
        line, cur = "", 0
        for j, t in enumerate(r):
            if not t:
                continue
            w, n = width(t), spans[i][j]
            room = xs[j + n] - gap - xs[j]
            if n > 1 and j > 0:
                x = xs[j] + max(0, (room - w) // 2)
            elif numeric(t) and numbers == "right":
                x = xs[j] + room - w
            else:
                x = xs[j]
            x = max(x, cur + (2 if cur else 0))
            line += " " * (x - cur) + t
            cur = x + w
        out.append(line)
    return "\n".join(out)


def report(values: dict, numbers: str = "right") -> str:
    """A whole report (tests/render.py) whose three tables are space-aligned."""
    text = render(values, "tab")
    for grid in (table2_grid(values), table3_grid(values), table4_grid(values)):
        tab = "\n".join("\t".join(r) for r in grid)
        assert tab in text
        text = text.replace(tab, aligned(grid, numbers), 1)
    assert "\t" not in text
    return text


def holes(values: dict, every: int) -> dict:
    """Every `every`-th cell blank (distinct numbers elsewhere, so a shifted value cannot go unseen)."""
    out = {fid: (Decimal("2468.1357") if fid == "s2.fees.amount" else 101 + i) for i, fid in enumerate(STANDARD_IDS)}
    for i, fid in enumerate(STANDARD_IDS):
        if i % every == 3:
            out[fid] = None
    return out


def wrong(rep, values: dict) -> list[str]:
    got = rep.values()
    return [f"{fid}: want {values.get(fid)!r} got {got.get(fid)!r}" for fid in STANDARD_IDS
            if values.get(fid) != got.get(fid) or type(values.get(fid)) is not type(got.get(fid))]


@pytest.mark.parametrize("numbers", ["right", "left"])
@pytest.mark.parametrize("every", [5, 7, 11])
def test_blank_cells_stay_blank_and_no_value_shifts_left(numbers, every):
    values = holes(T004, every)
    rep = parse_text(report(values, numbers))
    bad = wrong(rep, values)
    assert not bad, "\n".join(bad[:30])


def test_a_value_only_in_one_applicant_column_stays_under_its_header():
    values = dict(T004)
    for c in [*S3_APPLICANT_COLUMNS, "total"]:
        values[f"s3.granted.{c}"] = None
    values["s3.granted.research"] = 5  # printed under 科研机构 only
    rep = parse_text(report(values))
    assert rep.value("s3.granted.research") == 5
    assert rep.value("s3.granted.total") is None and rep.value("s3.granted.natural_person") is None
    cell = rep.cells["s3.granted.research"]
    assert rep.text[cell.span[0]:cell.span[1]] == "5"
    assert not wrong(rep, values)
    # the blank total is reported, never taken as 5
    assert any("s3.granted.total" in i.fields for i in check(rep))


def test_wide_characters_count_two_columns():
    # the header's hanzi are two columns wide: counted as one, 本年废止件数 would stand over the third value
    text = "二、主动公开政府信息情况\n" + aligned([["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
                                                ["规章", "", "7", ""], ["行政规范性文件", "12", "", "19"]])
    g = text_grid(text, 0, len(text), [])
    assert g is not None
    at = {c.text: c.col for c in g.cells}
    assert at["7"] == at["本年废止件数"] and at["12"] == at["本年制发件数"] and at["19"] == at["现行有效件数"]
    rep = parse_text(report(dict(T004, **{"s2.regulations.issued": None, "s2.regulations.repealed": 7,
                                          "s2.regulations.in_force": None})))
    assert [rep.value(f"s2.regulations.{c}") for c in ("issued", "repealed", "in_force")] == [None, 7, None]


def test_a_value_under_no_header_is_placed_by_position_and_marked_uncertain():
    text = ("三、收到和处理政府信息公开申请情况\n"
            "                                   自然人          总计\n"
            "一、本年新收政府信息公开申请数量      3     4        7\n"
            "二、上年结转政府信息公开申请数量      1              1\n")
    g = text_grid(text, 0, len(text), [])
    assert g is not None
    four = next(c for c in g.cells if c.text == "4")
    three = next(c for c in g.cells if c.text == "3")
    assert four.guessed and not three.guessed


def test_values_spaced_by_single_spaces_are_still_cells():
    text = "二、主动公开政府信息情况\n" + "\n".join(["信息内容 本年制发件数 本年废止件数 现行有效件数", "规章 1 2 3"])
    g = text_grid(text, 0, len(text), [])
    assert g is None or {c.text for c in g.cells} >= {"1", "2", "3"}


def test_a_number_in_prose_is_not_a_table():
    text = "一、总体情况\n本年度共发布信息  120 条，其中政策解读  12 篇。\n"
    assert text_grid(text, 0, len(text), []) is None


@pytest.mark.parametrize("shape", ["pdf", "flat", "lines"])
def test_other_undelimited_shapes_still_read(shape):
    rep = parse_text(render(T004, shape))
    assert not wrong(rep, T004)


def test_cell_text_helper_matches_render():
    assert cell_text(5) == "5"
