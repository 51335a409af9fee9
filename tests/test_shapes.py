"""Every text shape a report arrives in reads back to the same 200 values (tests/render.py prints them)."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest

from conftest import TRUTH
from models.checks import check
from models.template import FIELDS, S3_APPLICANT_COLUMNS, S3_COLUMNS, S3_OTHER_SUBROWS, S3_OUTCOME_ROWS, STANDARD_IDS
from parsers import parse_text
from render import cell_text, render

_TRUTH = json.loads(TRUTH.read_text(encoding="utf-8"), parse_float=Decimal)
T004 = _TRUTH["004_47148163d7b9be8f.txt"]["fields"]  # every cell a number
T000 = _TRUTH["000_978a9fff42e671ca.txt"]["fields"]  # 13 rows print only their total
S3_COLS = [c.id for c in S3_COLUMNS]


def synthetic(holes: int = 0) -> dict:
    """A distinct non-zero number in every cell (a shifted value cannot go unseen); every `holes`-th cell blank."""
    out = {}
    for i, fid in enumerate(STANDARD_IDS):
        out[fid] = Decimal("2468.1357") if fid == "s2.fees.amount" else 101 + i
        if holes and i % holes == 3:
            out[fid] = None
    return out


SYN = synthetic()
SYN_HOLES = synthetic(holes=7)


def consistent(collapsed: bool = False) -> dict:
    """Values for which R1–R4 hold; with `collapsed`, （六）其他处理 is the single row s3.other_total."""
    rows = [r for r in S3_OUTCOME_ROWS if not (collapsed and r in S3_OTHER_SUBROWS)]
    rows += ["other_total"] if collapsed else []
    v: dict = {f: 100 + i for i, f in enumerate(STANDARD_IDS) if f.startswith("s2.")}
    v["s2.fees.amount"] = Decimal("12.5")
    for i, r in enumerate(rows):
        for j, c in enumerate(S3_APPLICANT_COLUMNS):
            v[f"s3.{r}.{c}"] = (i * 7 + j * 3) % 11 + (2 if r == "other_total" else 0)
    for j, c in enumerate(S3_APPLICANT_COLUMNS):
        v[f"s3.results_total.{c}"] = sum(v[f"s3.{r}.{c}"] for r in rows)
        v[f"s3.carried_over.{c}"] = j + 1
        v[f"s3.carried_forward.{c}"] = j + 2
        v[f"s3.new.{c}"] = v[f"s3.results_total.{c}"] + 1
    for r in rows + ["new", "carried_over", "results_total", "carried_forward"]:
        v[f"s3.{r}.total"] = sum(v[f"s3.{r}.{c}"] for c in S3_APPLICANT_COLUMNS)
    for k, g in enumerate(("review", "suit_direct", "suit_after_review")):
        parts = [k + 1, k + 2, k, 3 - k]
        v.update({f"s4.{g}.{c}": n for c, n in zip(("upheld", "corrected", "other", "pending"), parts, strict=True)})
        v[f"s4.{g}.total"] = sum(parts)
    return v


def expected(values: dict) -> dict:
    """What report.values() must return for a rendered dict: the 200 standard ids plus the optional ones given."""
    out = {fid: None for fid in STANDARD_IDS}
    out.update({k: v for k, v in values.items() if k in FIELDS})
    return out


def wrong_cells(report, values: dict, only: set[str] | None = None) -> list[str]:
    """Cells that did not read back exactly (value and type: 0 is not None, '/' is not 0)."""
    want, got = expected(values), report.values()
    out = []
    for fid in sorted(set(want) | set(got)):
        if only is not None and fid not in only:
            continue
        w, g = want.get(fid), got.get(fid)
        if w != g or type(w) is not type(g):
            out.append(f"{fid}: want {w!r} got {g!r}")
    return out


def read(text: str):
    """Parse a rendered text; it must not be rejected."""
    report = parse_text(text)
    assert report.error is None, report.error
    return report


def assert_reads_back(text: str, values: dict) -> None:
    """Every one of the 200 cells (and any optional one given) reads back exactly."""
    report = read(text)
    wrong = wrong_cells(report, values)
    assert not wrong, f"{len(wrong)} cells wrong:\n" + "\n".join(wrong[:40])


DATA = {"t004": T004, "t000": T000, "syn": SYN, "syn_holes": SYN_HOLES}


def _cases(shapes: list[str], names: list[str]):
    """pytest params for every shape × data set."""
    return [pytest.param(s, n, id=f"{s}-{n}") for s in shapes for n in names]


# ---------------------------------------------------------------- 1–6: the shapes


def test_tab_table2_blank_cell_stays_blank_in_place():
    values = dict(T004, **{"s2.regulations.issued": None, "s2.regulations.repealed": 0, "s2.regulations.in_force": 3})
    text = render(values, "tab")
    assert "规章\t\t0\t3\n" in text
    report = read(text)
    assert report.value("s2.regulations.issued") is None
    assert report.value("s2.regulations.repealed") == 0
    assert report.value("s2.regulations.in_force") == 3
    assert not wrong_cells(report, values)


@pytest.mark.parametrize("shape,data", _cases(["tab", "pipe"], ["t004", "t000", "syn", "syn_holes"]))
def test_grid_shapes_keep_empty_cells_in_place(shape, data):
    assert_reads_back(render(DATA[data], shape), DATA[data])


@pytest.mark.parametrize("shape,data", _cases(["lines", "blank", "pipe_vertical", "pdf", "flat"], ["t004", "syn"]))
def test_shapes_without_empty_cells(shape, data):
    assert_reads_back(render(DATA[data], shape), DATA[data])


def test_pipe_table_has_rule_filler_and_lone_pipe_lines():
    text = render(SYN, "pipe")
    assert "| 规章 | 101 | 102 | 103 |" in text
    lines = text.splitlines()
    assert "|---|---|---|---|" in lines and "|||" in lines and "|" in lines


def test_pipe_vertical_empty_cell_is_an_empty_line_between_pipes():
    # |\n规章\n|\n\n|\n0\n|\n3\n|  — the empty line between two pipes is the blank 本年制发件数
    values = dict(SYN_HOLES, **{"s2.regulations.issued": None, "s2.regulations.repealed": 0,
                                "s2.regulations.in_force": 3})
    text = render(values, "pipe_vertical")
    assert "|\n规章\n|\n\n|\n0\n|\n3\n|" in text
    assert_reads_back(text, values)


def test_pdf_copy_has_broken_labels_vertical_groups_page_numbers_and_radicals():
    text = render(SYN, "pdf")
    assert "⼈" in text and "⾏" in text and "⻔⼾" in text and "⺠" in text and "⼀" in text and "⼆" in text
    assert "\n-4-\n" in text and "\n— 5 —\n" in text
    assert "其政府信息\n\n公开申请\n\n" in text
    for ch in "本年度办理结果":
        assert f"\n\n{ch}\n\n" in text
    assert_reads_back(text, SYN)


@pytest.mark.parametrize("data", ["t004", "syn"])
def test_pdf_copy_every_group_label_vertical(data):
    # （四）无法提供 one character per line puts a lone "无" between two rows: a label, not a value
    assert_reads_back(render(DATA[data], "pdf", vertical="all"), DATA[data])


def test_flat_table3_is_one_line():
    text = render(SYN, "flat")
    line = next(x for x in text.splitlines() if x.startswith("一、本年新收"))
    assert "四、结转下年度继续办理" in line and line.endswith(
        " ".join(str(SYN[f"s3.carried_forward.{c}"]) for c in S3_COLS))


# ---------------------------------------------------------------- 7–9: column order, characters, decorations

ORDERS = {
    "total_first": ["total", "natural_person", "commercial", "research", "social_org", "legal_service", "other_org"],
    "person_after_orgs": ["commercial", "research", "social_org", "legal_service", "other_org", "natural_person",
                          "total"],
    "reversed": list(reversed(S3_COLS)),
}


@pytest.mark.parametrize("order,data",
                         [pytest.param(o, d, id=f"{o}-{d}") for o in ORDERS for d in ("syn", "syn_holes")])
def test_table3_columns_in_another_order_are_read_by_header(order, data):
    text = render(DATA[data], "tab", s3_order=ORDERS[order])
    assert_reads_back(text, DATA[data])


@pytest.mark.parametrize("data", ["t004", "t000", "syn", "syn_holes"])
def test_traditional_characters_and_fullwidth_digits(data):
    text = render(DATA[data], "tab", trad=True)
    for word in ("規章", "行政許可", "行政處罰", "行政強制", "行政事業性收費", "申請", "１"):
        assert word in text
    assert_reads_back(text, DATA[data])


@pytest.mark.parametrize("data", ["t004", "syn"])
def test_fullwidth_digits(data):
    text = render(DATA[data], "tab", fullwidth=True)
    assert "０" in text or "１" in text
    assert_reads_back(text, DATA[data])


DECORATED = {"124件": 124, "+19": 19, "1,234": 1234, "/": "/", "—": "/", "无": "/"}
DECOR_AT = {"s2.licensing.decisions": "124件", "s2.penalty.decisions": "+19", "s2.coercion.decisions": "1,234",
            "s3.new.total": "1,234", "s3.granted.natural_person": "/", "s3.granted.commercial": "—",
            "s3.granted.research": "无", "s3.denied_state_secret.total": "124件", "s4.review.upheld": "—",
            "s4.suit_direct.total": "+19", "s4.suit_after_review.pending": "/"}


@pytest.mark.parametrize("shape", ["tab", "pipe", "pdf"])
def test_decorations_and_markers(shape):
    values = dict(SYN, **DECOR_AT)
    if shape != "pdf":
        values["s3.granted.social_org"] = None
        values["s2.normative.repealed"] = None
    report = read(render(values, shape))
    want = {k: (DECORATED[v] if isinstance(v, str) else v) for k, v in values.items()}
    wrong = wrong_cells(report, want)
    assert not wrong, "\n".join(wrong)


# ---------------------------------------------------------------- 10–11: short rows


def _missing_names_row(issues, row: str) -> bool:
    return any(i.rule == "missing" and any(f.startswith(f"s3.{row}.") for f in i.fields) for i in issues)


@pytest.mark.parametrize("shape", ["tab", "pipe", "pdf", "lines", "flat"])
def test_row_with_only_its_total(shape):
    values = dict(SYN, **{f"s3.granted.{c}": None for c in S3_APPLICANT_COLUMNS})
    report = read(render(values, shape))
    assert report.value("s3.granted.total") == SYN["s3.granted.total"]
    assert all(report.value(f"s3.granted.{c}") is None for c in S3_APPLICANT_COLUMNS)
    assert not wrong_cells(report, values)
    assert _missing_names_row(check(report), "granted")


@pytest.mark.parametrize("shape", ["tab", "pipe", "pdf", "lines", "flat"])
def test_row_with_six_values_for_seven_columns(shape):
    row = "denied_third_party"
    values = dict(SYN, **{f"s3.{row}.commercial": None})
    report = read(render(values, shape))
    other = {f for f in expected(values) if not f.startswith(f"s3.{row}.")}
    assert not wrong_cells(report, values, only=other)
    printed = [values[f"s3.{row}.{c}"] for c in S3_COLS if values[f"s3.{row}.{c}"] is not None]
    got = [report.value(f"s3.{row}.{c}") for c in S3_COLS if report.value(f"s3.{row}.{c}") is not None]
    assert sorted(got) == sorted(printed)  # placed somewhere in its own row, none lost, none borrowed
    if shape in ("tab", "pipe"):  # the grid says where the blank is
        assert not wrong_cells(report, values)
    assert _missing_names_row(check(report), row)


# ---------------------------------------------------------------- 12–13: the 2019 layout and the collapsed row


def layout_2019(values: dict, blocks: tuple[str, ...] = ("b1", "b5", "b6", "b8", "b9")) -> dict:
    """`values` with the given table 二 blocks in the 2019 layout (distinct numbers, signed 本年增/减)."""
    out = dict(values)
    rows = {"b1": ("regulations", "normative"), "b5": ("licensing", "other_services"),
            "b6": ("penalty", "coercion"), "b8": ("fees",), "b9": ("procurement",)}
    s2021 = {"b1": ("regulations", "normative"), "b5": ("licensing",), "b6": ("penalty", "coercion"), "b8": ("fees",)}
    for b in blocks:
        for r in s2021.get(b, ()):
            for k in [k for k in out if k.startswith(f"s2.{r}.")]:
                del out[k]
    n = iter(range(301, 400))
    change = iter((-3, 7, -12, 4, -1))
    for b in blocks:
        for r in rows[b]:
            if b == "b1":
                out.update({f"s2_2019.{r}.{c}": next(n) for c in ("new_made", "new_published", "total_published")})
            elif b == "b9":
                out.update({"s2_2019.procurement.count": next(n), "s2_2019.procurement.amount": Decimal("356.7500")})
            else:
                out[f"s2_2019.{r}.prev_items"] = next(n)
                out[f"s2_2019.{r}.change"] = next(change)
                if b != "b8":
                    out[f"s2_2019.{r}.decisions"] = next(n)
    return out


@pytest.mark.parametrize("shape", ["tab", "pipe", "pdf", "lines"])
def test_table2_in_the_2019_layout(shape):
    values = layout_2019(SYN)
    text = render(values, shape)
    assert "本年新制作数量" in text and "本年增/减" in text and "采购总金额" in text
    report = read(text)
    assert report.value("s2_2019.licensing.change") == -3
    assert not wrong_cells(report, values)


@pytest.mark.parametrize("shape", ["tab", "pdf"])
def test_table2_mixing_a_2019_block_with_2021_blocks(shape):
    values = layout_2019(SYN, blocks=("b1",))
    text = render(values, shape)
    assert "本年新制作数量" in text and "本年处理决定数量" in text and "本年增/减" not in text
    assert_reads_back(text, values)


@pytest.mark.parametrize("shape", ["tab", "pipe", "pdf", "lines", "flat"])
def test_collapsed_other_row(shape):
    values = consistent(collapsed=True)
    report = read(render(values, shape))
    assert not wrong_cells(report, values)
    assert all(report.value(f"s3.{r}.{c}") is None for r in S3_OTHER_SUBROWS for c in S3_COLS)
    issues = check(report)
    assert [i for i in issues if i.rule in ("R1", "R2", "R3", "R4")] == []


def test_collapsed_other_row_r2_still_catches_a_wrong_sum():
    values = consistent(collapsed=True)
    values["s3.other_total.natural_person"] += 1
    values["s3.other_total.total"] += 1
    report = read(render(values, "tab"))
    r2 = [i for i in check(report) if i.rule == "R2" and i.severity == "error"]
    assert r2 and any("s3.other_total.natural_person" in i.fields for i in r2)


# ---------------------------------------------------------------- 14: headings

HEADING_TEXT = {"一": "总体情况", "二": "主动公开政府信息情况", "三": "收到和处理政府信息公开申请情况",
                "四": "政府信息公开行政复议、行政诉讼情况", "五": "存在的主要问题及改进情况",
                "六": "其他需要报告的事项"}


def _heading_starts(text: str, style: str) -> dict[str, int]:
    prefix = {"markdown": "## {n}、", "unnumbered": "", "numbered": "{n}、"}[style]
    return {n: text.index("\n" + prefix.format(n=n) + t + "\n") + 1 for n, t in HEADING_TEXT.items()}


@pytest.mark.parametrize("style,shape", [("markdown", "tab"), ("markdown", "pdf"), ("unnumbered", "tab"),
                                         ("unnumbered", "pdf"), ("unnumbered", "lines")])
def test_heading_styles(style, shape):
    text = render(SYN, shape, headings=style)
    report = read(text)
    assert not wrong_cells(report, SYN)
    if shape != "pdf":  # the PDF copy folds 一/二 to radicals; its offsets are checked via values
        starts = {k: v[0] for k, v in report.sections.items()}
        assert starts == _heading_starts(text, style)


SUBS = {
    "plain": ("一、健全工作机制", "二、主动公开情况", "三、依申请公开情况", "四、政府信息管理", "五、平台建设",
              "六、监督保障"),
    "section_like": ("（一）健全工作机制", "（二）主动公开政府信息情况", "（三）依申请公开政府信息情况",
                     "（四）政府信息管理情况", "（五）平台建设情况", "（六）监督保障情况"),
}


@pytest.mark.parametrize("subs", list(SUBS))
def test_subheadings_in_section_one_are_not_sections(subs):
    text = render(SYN, "tab", subheadings=SUBS[subs])
    report = read(text)
    wrong = wrong_cells(report, SYN)
    assert not wrong, f"{len(wrong)} cells wrong:\n" + "\n".join(wrong[:40])
    assert {k: v[0] for k, v in report.sections.items()} == _heading_starts(text, "numbered")
    assert [p.value for p in report.prose if p.kind == "applications"] == [SYN["s3.new.total"]]


# ---------------------------------------------------------------- 15: spans


@pytest.mark.parametrize("shape,opts", [pytest.param("tab", {}, id="tab"),
                                        pytest.param("tab", {"trad": True}, id="tab-trad"),
                                        pytest.param("pdf", {}, id="pdf"), pytest.param("pipe", {}, id="pipe"),
                                        pytest.param("lines", {}, id="lines")])
def test_spans_point_at_the_printed_value(shape, opts):
    values = dict(T004, **{k: v for k, v in DECOR_AT.items() if v not in ("/", "—", "无")})
    text = render(values, shape, **opts)
    report = read(text)
    fw = bool(opts.get("trad"))
    for fid in ("s2.fees.amount", "s2.licensing.decisions", "s2.coercion.decisions", "s3.new.total",
                "s3.denied_state_secret.total", "s3.other_other.natural_person", "s4.suit_direct.total",
                "s4.suit_after_review.total"):
        cell = report.cells[fid]
        assert cell.span is not None, fid
        assert text[cell.span[0]:cell.span[1]] == cell_text(values[fid], fw), fid


# ---------------------------------------------------------------- "/" in table 二 (issue 12)

_T2_ROWS = [("s2.regulations", ("issued", "repealed", "in_force")),
            ("s2.normative", ("issued", "repealed", "in_force")), ("s2.licensing", ("decisions",)),
            ("s2.penalty", ("decisions",)), ("s2.coercion", ("decisions",)), ("s2.fees", ("amount",))]


def _slash_cases():
    for row, cols in _T2_ROWS:
        for col in cols:
            yield pytest.param(row, col, "numbers", id=f"{row}.{col}-between-numbers")  # 12 / 19
            yield pytest.param(row, col, "alone", id=f"{row}.{col}-alone")  # the row's only printed value


@pytest.mark.parametrize("shape", ["tab", "pipe", "lines", "blank", "pipe_vertical"])
@pytest.mark.parametrize("row,col,how", list(_slash_cases()))
def test_a_slash_in_table2_is_read_as_printed_never_lost(shape, row, col, how):
    cols = next(c for r, c in _T2_ROWS if r == row)
    values = dict(T004)
    for c in cols:  # small numbers, as real rows print them: 12 / 19 looks like a page number "12/19"
        values[f"{row}.{c}"] = None if how == "alone" else 12 + cols.index(c) * 7
    values[f"{row}.{col}"] = "/"
    report = read(render(values, shape))
    if shape in ("lines", "blank") and how == "alone" and len(cols) > 1:
        # one value a line, blanks lost: which column the lone / stands in cannot be told; it is in the
        # row, and unless it landed in its own column the auditor is told
        [got] = [f for f in (f"{row}.{c}" for c in cols) if report.value(f) is not None]
        assert report.value(got) == "/" and report.cells[got].raw == "/"
        assert got == f"{row}.{col}" or report.cells[got].uncertain or \
            any(got in i.fields for i in check(report))
        return
    assert report.value(f"{row}.{col}") == "/"
    cell = report.cells[f"{row}.{col}"]
    assert cell.raw == "/" and report.text[cell.span[0]:cell.span[1]] == "/"
    assert not wrong_cells(report, values, only={f"{row}.{c}" for c in cols})
