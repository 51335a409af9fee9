"""Render the text of an annual report from a dict of field values, in one of several text shapes.

A test helper: `render(values, shape)` prints the title, the six sections and tables
二, 三 and 四 with the official labels of models/template.py. A value is printed as
given: int/float as a number, str as raw text ('124件', '/', '—'), None as an empty
cell (kept in place in the tab and pipe shapes, dropped where a shape cannot show it).
Table 二 prints each block in the layout whose fields appear in `values` (2021 or
2019); table 三 prints the collapsed （六）其他处理 row when `s3.other_total.*` is given.
"""
from __future__ import annotations

from models.template import (
    AMOUNT,
    G_DENIED,
    G_OTHER,
    G_REJECTED,
    G_RESULTS,
    G_UNABLE,
    S3_COLUMNS,
    S3_ORG_GROUP,
    S3_OTHER_SUBROWS,
    S3_OTHER_TOTAL,
    S3_ROWS,
    S4_COLUMNS,
    S4_GROUPS,
    TABLE2_BLOCKS,
)

SHAPES = ("tab", "lines", "blank", "pipe", "pipe_vertical", "pdf", "flat")
SECTIONS = (("一", "总体情况"), ("二", "主动公开政府信息情况"), ("三", "收到和处理政府信息公开申请情况"),
            ("四", "政府信息公开行政复议、行政诉讼情况"), ("五", "存在的主要问题及改进情况"),
            ("六", "其他需要报告的事项"))
S3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
FEE_HEADER = "本年收费金额（单位：万元，保留4位小数）"
PROSE_NUMBERS = (8867, 42, 124, 317655, 611)  # printed in section 一; never table values

_FULLWIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")
_KANGXI = str.maketrans("一二人行门户民", "⼀⼆⼈⾏⻔⼾⺠")
# simplified → traditional, as a converter such as OpenCC prints the labels, headings and prose
_TRAD_WORDS = {"重复": "重複", "反复": "反覆", "制作": "製作"}
_TRAD = str.maketrans(dict(zip(
    "开网规范许处罚强费业号条项发废现数决额单万请况组织机构会务总计结转办区这属于国稳护权类内过执询无关没补后确访举报复"
    "当认获缴纳续继议讼维纠审经体题问进动诉门户县时间为与设实际个从来应该将专论传达据产质联话电点说则综责负导领划准标价评级"
    "长书记资讯让虽购辖卫环险龄医药疗灾监预络训练员采",
    "開網規範許處罰強費業號條項發廢現數決額單萬請況組織機構會務總計結轉辦區這屬於國穩護權類內過執詢無關沒補後確訪舉報復"
    "當認獲繳納續繼議訟維糾審經體題問進動訴門戶縣時間為與設實際個從來應該將專論傳達據產質聯話電點說則綜責負導領劃準標價評級"
    "長書記資訊讓雖購轄衛環險齡醫藥療災監預絡訓練員採", strict=True)))


def cell_text(v, fullwidth: bool = False) -> str:
    """How a value is printed: '' for None, str as given, amounts with 4 decimals."""
    if v is None:
        s = ""
    elif isinstance(v, str):
        s = v
    elif isinstance(v, float):
        s = f"{v:.4f}"
    else:
        s = str(v)
    return s.translate(_FULLWIDTH) if fullwidth else s


# ---------------------------------------------------------------- table contents


def table2_blocks(values: dict) -> list[tuple[str, list[str], list[tuple[str, list]]]]:
    """Blocks of table 二 as (block label, column labels, [(row label, values)]), each in the layout `values` uses."""
    out = []
    for block in TABLE2_BLOCKS:
        chosen = None
        for layout in block.layouts:
            ids = [f"{layout.prefix}.{r.id}.{c.id}" for r in layout.rows for c in layout.columns]
            if any(i in values for i in ids):
                chosen = layout
        if chosen is None and block.layouts[0].prefix == "s2":
            chosen = block.layouts[0]
        if chosen is None:
            continue
        cols = [FEE_HEADER if c.unit == AMOUNT and chosen.prefix == "s2" else c.label for c in chosen.columns]
        rows = [(r.label, [values.get(f"{chosen.prefix}.{r.id}.{c.id}") for c in chosen.columns]) for r in chosen.rows]
        out.append((block.label, cols, rows))
    return out


_RESULT_ROWS = {r.id for r in S3_ROWS[2:24]}  # granted … results_total sit under 三、本年度办理结果


def table3_rows(values: dict) -> list[tuple[str, str, str, list]]:
    """Rows of table 三 as (outer group, inner group, label, 7 values); collapsed （六） when other_total is given."""
    collapsed = any(k.startswith("s3.other_total.") for k in values)
    out = []
    for row in S3_ROWS:
        if collapsed and row.id in S3_OTHER_SUBROWS:
            if row.id == S3_OTHER_SUBROWS[0]:
                out.append((G_RESULTS, "", S3_OTHER_TOTAL.label,
                            [values.get(f"s3.other_total.{c.id}") for c in S3_COLUMNS]))
            continue
        outer = G_RESULTS if row.id in _RESULT_ROWS else ""
        inner = row.group if row.group != G_RESULTS else ""
        out.append((outer, inner, row.label, [values.get(f"s3.{row.id}.{c.id}") for c in S3_COLUMNS]))
    return out


def table4_values(values: dict) -> list:
    """The 15 values of table 四 in printed order."""
    return [values.get(f"s4.{g}.{c.id}") for g, _, _ in S4_GROUPS for c in S4_COLUMNS]


_S4_COLS = [c.label for c in S4_COLUMNS]

# ---------------------------------------------------------------- grids (tab, pipe, lines, blank)


def table2_grid(values: dict, fw: bool = False) -> list[list[str]]:
    """Table 二 as a 4-column grid; short blocks padded with empty cells."""
    grid = []
    for label, cols, rows in table2_blocks(values):
        grid.append([label, "", "", ""])
        grid.append((["信息内容"] + cols + ["", "", ""])[:4])
        for rl, vals in rows:
            grid.append(([rl] + [cell_text(v, fw) for v in vals] + ["", "", ""])[:4])
    return grid


def table3_grid(values: dict, fw: bool = False, order: list[str] | None = None) -> list[list[str]]:
    """Table 三 as a grid: 3 label cells then 7 value cells; the official 3-line header, or one line in `order`."""
    if order is None:
        idx = list(range(7))
        header = [[S3_NOTE, "", "", "申请人情况"] + [""] * 6,
                  ["", "", "", "自然人", S3_ORG_GROUP, "", "", "", "", "总计"],
                  ["", "", "", ""] + [c.label for c in S3_COLUMNS[1:6]] + [""]]
    else:
        ids = [c.id for c in S3_COLUMNS]
        idx = [ids.index(cid) for cid in order]
        header = [["申请人情况", "", ""] + [S3_COLUMNS[i].label for i in idx]]
    grid = header
    seen: set[str] = set()
    for outer, inner, label, vals in table3_rows(values):
        cells = ["", "", ""]
        if outer and outer not in seen:
            cells[0] = outer
        if inner and inner not in seen:
            cells[1] = inner
        seen |= {outer, inner}
        cells[2 if inner else (1 if outer else 0)] = label
        grid.append(cells + [cell_text(vals[i], fw) for i in idx])
    return grid


def table4_grid(values: dict, fw: bool = False) -> list[list[str]]:
    """Table 四 as a 15-column grid under its 3-line header."""
    return [["行政复议", "", "", "", "", "行政诉讼"] + [""] * 9,
            _S4_COLS + ["未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""],
            [""] * 5 + _S4_COLS + _S4_COLS,
            [cell_text(v, fw) for v in table4_values(values)]]


def shape_tab(grid: list[list[str]]) -> str:
    """One line per row, cells separated by tabs; empty cells keep their place."""
    return "\n".join("\t".join(r) for r in grid)


def shape_lines(grid: list[list[str]]) -> str:
    """One non-empty cell per line."""
    return "\n".join(c for r in grid for c in r if c)


def shape_blank(grid: list[list[str]]) -> str:
    """Non-empty cells separated by blank lines."""
    return "\n\n".join(c for r in grid for c in r if c)


def shape_pipe(grid: list[list[str]]) -> str:
    """A markdown pipe table: a |---| rule under the first row, a `|||` filler row and a lone `|` line."""
    lines = ["| " + " | ".join(r) + " |" for r in grid]
    lines.insert(1, "|" + "---|" * len(grid[0]))
    lines.insert(len(lines) // 2, "|||")
    lines.insert(len(lines) - 1, "|")
    return "\n".join(lines)


def shape_pipe_vertical(grid: list[list[str]]) -> str:
    """Pipe table with every `|` and every cell on its own line (an empty cell is an empty line)."""
    return "\n".join("|\n" + "\n|\n".join(r) + "\n|" for r in grid)


# ---------------------------------------------------------------- PDF copy and the flattened table 三


def _spaced(cells: list[str]) -> str:
    return "   ".join(c for c in cells if c)


def table2_space(values: dict) -> str:
    """Table 二 as a PDF copy prints it: space-aligned columns, blanks lost."""
    lines = []
    for label, cols, rows in table2_blocks(values):
        lines += [label, _spaced(["信息内容"] + cols)]
        lines += [_spaced([rl] + [cell_text(v) for v in vals]) for rl, vals in rows]
    return "\n".join(lines)


def table4_space(values: dict) -> str:
    """Table 四 with its 3-level header and the 15 values on one line."""
    return "\n".join(["行政复议 行政诉讼", " ".join(_S4_COLS), "未经复议直接起诉 复议后起诉",
                      " ".join(_S4_COLS * 2), " ".join(cell_text(v) for v in table4_values(values) if v is not None)])


def table3_pdf(values: dict, vertical: str = "results") -> str:
    """Table 三 as copied from a PDF: header over 9 lines, long labels broken, group labels
    printed one character per line between rows (`vertical`: "results" for 三、本年度办理结果
    only, "all" for every group), page numbers inside the table."""
    lines = [S3_NOTE, "申请人情况", "自然人", S3_ORG_GROUP, "总计", "商业企业 科研机构", "社会公益", "组织",
             "法律服务", "机构", "其他"]
    rows = table3_rows(values)
    members: dict[str, list[int]] = {}
    for i, (outer, inner, _, _) in enumerate(rows):
        for g in (outer, inner):
            if g:
                members.setdefault(g, []).append(i)
    gaps: dict[int, list[str]] = {}  # row index → characters printed before that row
    for g, idx in members.items():
        if g != G_RESULTS and vertical != "all":
            continue
        head = g.index("、") + 1 if "、" in g else g.index("）") + 1
        chars = [g[:head]] + list(g[head:])
        for k, ch in enumerate(chars):
            gaps.setdefault(idx[min(k * len(idx) // len(chars), len(idx) - 1)], []).append(ch)
    broken = {G_DENIED: "（三）不予\n公开", G_UNABLE: "（四）无法\n提供",
              G_REJECTED: "（五）不予\n处理", G_OTHER: "（六）其他\n处理"}
    seen: set[str] = set()
    for i, (_outer, inner, label, vals) in enumerate(rows):
        lines += gaps.get(i, [])
        if inner and inner not in seen and vertical != "all":
            lines.append(broken[inner])
        seen.add(inner)
        nums = " ".join(cell_text(v) for v in vals if v is not None)
        if len(label) >= 30:  # label over two lines, values on a third
            lines += [label[:-4], label[-4:], nums]
        elif len(label) > 24:  # label over two lines, values after the second part
            lines += [label[:20], label[20:] + " " + nums]
        else:
            lines.append(label + " " + nums)
        if i == 6:
            lines.append("-4-")
        if i == 15:
            lines += ["", "— 5 —", ""]
    return "\n\n".join(lines)


def table3_flat(values: dict) -> str:
    """Table 三 with its header on one line and all 25 rows (label, then values) on a single line."""
    header = " ".join([S3_NOTE, "申请人情况", "自然人", S3_ORG_GROUP] + [c.label for c in S3_COLUMNS[1:]])
    parts = []
    seen: set[str] = set()
    for outer, inner, label, vals in table3_rows(values):
        for g in (outer, inner):
            if g and g not in seen:
                parts.append(g)
                seen.add(g)
        parts.append(label)
        parts += [cell_text(v) for v in vals if v is not None]
    return header + "\n" + " ".join(parts)


# ---------------------------------------------------------------- the whole report

SUBHEADINGS = ("一、健全工作机制", "二、主动公开情况", "三、依申请公开情况", "四、政府信息管理", "五、平台建设",
               "六、监督保障")


def prose_one(values: dict, year: int, subheadings: tuple[str, ...] = ()) -> list[str]:
    """Section 一: paragraphs with counts (one is the applications count, s3.new.total), optionally
    under sub-headings."""
    new = values.get("s3.new.total")
    paras = [
        "本县坚持以公开为常态、不公开为例外，调整政务公开工作领导小组，明确专人负责，制定年度工作要点并逐项分解落实到各责任单位。",
        f"{year}年，全县通过政府门户网站发布信息8867条，其中政策解读42篇，公开基层政务信息124项，门户网站访问量317655人次，"
        "公开各重点领域信息611条，人民群众获取信息更加便捷。",
        (f"{year}年共受理政府信息公开申请{new}件，均在法定期限内答复。" if isinstance(new, int) else
         "全县依法受理并答复政府信息公开申请，均在法定期限内答复。"),
        "严格执行“三审三校”制度，对行政规范性文件做到发布前严格审核、签发后及时更新，确保信息权威有效。",
        "优化政府门户网站栏目设置，规范管理政务新媒体，做好网站日常监测、安全防护和内容保障工作。",
        "将政务公开纳入年度绩效考核，组织业务培训3次，开展季度检查4次，督促问题整改到位。",
    ]
    if not subheadings:
        return paras
    return [x for pair in zip(subheadings, paras, strict=True) for x in pair]


def heading(num: str, title: str, style: str) -> str:
    """A section heading: numbered ('二、…'), markdown ('## 二、…') or unnumbered ('…')."""
    if style == "markdown":
        return f"## {num}、{title}"
    if style == "unnumbered":
        return title
    return f"{num}、{title}"


def render(values: dict, shape: str = "tab", *, headings: str = "numbered", s3_order: list[str] | None = None,
           trad: bool = False, fullwidth: bool = False, subheadings: tuple[str, ...] = (),
           vertical: str = "results", agency: str = "某某县人民政府", year: int = 2022) -> str:
    """The full report text for `values` in `shape` (one of SHAPES)."""
    fw = fullwidth or trad
    if shape in ("tab", "pipe", "pipe_vertical", "lines", "blank"):
        fmt = {"tab": shape_tab, "pipe": shape_pipe, "pipe_vertical": shape_pipe_vertical,
               "lines": shape_lines, "blank": shape_blank}[shape]
        t2 = fmt(table2_grid(values, fw))
        t3 = fmt(table3_grid(values, fw, s3_order))
        t4 = fmt(table4_grid(values, fw))
    elif shape == "pdf":
        t2, t3, t4 = table2_space(values), table3_pdf(values, vertical), table4_space(values)
        t2 = t2.replace("第二十条第（六）项", "— 3 —\n第二十条第（六）项")
    elif shape == "flat":
        t2, t3, t4 = table2_space(values), table3_flat(values), table4_space(values)
    else:
        raise ValueError(f"unknown shape {shape!r}")
    body = {"一": "\n\n".join(prose_one(values, year, subheadings)), "二": t2, "三": t3, "四": t4,
            "五": "一是政策解读的形式还不够丰富；二是部分单位信息更新不够及时。下一步将加强培训，每季度通报1次。",
            "六": "本年度未收取信息处理费。无其他需要报告的事项。"}
    parts = [f"{agency}{year}年政府信息公开工作年度报告", ""]
    for num, title in SECTIONS:
        parts += [heading(num, title, headings), "", body[num], ""]
    text = "\n".join(parts)
    if trad:
        for s, t in _TRAD_WORDS.items():
            text = text.replace(s, t)
        text = text.translate(_TRAD)
    if shape == "pdf":
        text = text.translate(_KANGXI)
    return text


__all__ = ["SHAPES", "render", "cell_text", "table2_blocks", "table3_rows", "table4_values"]
