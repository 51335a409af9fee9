"""Report documents made from known values: web pages (Word-exported, CMS, GBK) and DOCX files,
with the official tables' merged cells (from ui.layouts, which draws the same grids)."""
from __future__ import annotations

import html
import io

from render import cell_text
from ui.layouts import VALUE, Grid, table2, table3, table4

TITLE = "某某县人民政府2022年政府信息公开工作年度报告"
PROSE = "2022年，本县共发布政府信息8867条，受理政府信息公开申请{n}件。"


def grids() -> list[Grid]:
    return [table2(False), table3(False), table4()]


def cell_value(values: dict, fid: str) -> str:
    return cell_text(values.get(fid))


def html_table(g: Grid, values: dict, word: bool = False, th: bool = False,
               relabel: dict[str, str] | None = None) -> str:
    """One official table as HTML, merged cells as rowspan/colspan; `relabel` prints some labels
    otherwise (official label → printed label)."""
    rows = []
    for r in range(g.rows):
        tds = []
        for c in range(g.cols):
            cell = g.at(r, c)
            if cell is None:
                continue
            text = cell_value(values, cell.field) if cell.kind == VALUE else (relabel or {}).get(cell.text, cell.text)
            tag = "th" if th and r < max(1, g.header_rows) else "td"
            attrs = (f' rowspan="{cell.row_span}"' if cell.row_span > 1 else "") + \
                (f' colspan="{cell.col_span}"' if cell.col_span > 1 else "")
            body = html.escape(text) if text else "&nbsp;"
            if word:  # what Word's "save as web page" writes
                body = f'<p class=MsoNormal align=center><span lang=EN-US style="font-size:10.5pt">{body}</span></p>'
            tds.append(f"<{tag}{attrs}>{body}</{tag}>")
        rows.append("<tr>" + "".join(tds) + "</tr>")
    return "<table border=1 cellspacing=0>" + "\n".join(rows) + "</table>"


def sections(values: dict, table_html: list[str], word: bool = False) -> str:
    p = (lambda t: f"<p class=MsoNormal><span>{html.escape(t)}</span></p>") if word else \
        (lambda t: f"<p>{html.escape(t)}</p>")
    parts = [p("一、总体情况"), p(PROSE.format(n=cell_value(values, "s3.new.total"))),
             p("二、主动公开政府信息情况"), table_html[0], p("三、收到和处理政府信息公开申请情况"), table_html[1],
             p("四、政府信息公开行政复议、行政诉讼情况"), table_html[2], p("五、存在的主要问题及改进情况"),
             p("信息更新不够及时。"), p("六、其他需要报告的事项"), p("本年度未收取信息处理费。")]
    return "\n".join(parts)


def word_export_page(values: dict, relabel: dict[str, str] | None = None) -> str:
    """A page saved by Word: MsoNormal paragraphs and spans in every cell, &nbsp; in empty ones."""
    tables = [html_table(g, values, word=True, relabel=relabel) for g in grids()]
    return ("<html xmlns:o='urn:schemas-microsoft-com:office:office'><head><meta http-equiv=Content-Type "
            "content='text/html; charset=utf-8'><style>p.MsoNormal{margin:0}</style></head><body lang=ZH-CN>"
            f"<div class=WordSection1><p class=MsoNormal align=center><b><span>{TITLE}</span></b></p>"
            + sections(values, tables, word=True) + "</div></body></html>")


def cms_page(values: dict, charset: str = "utf-8") -> str:
    """A government site's page: navigation, scripts, the report between blocks, tables in th/td, in a
    layout table, and table 三 split into two <table> elements."""
    g3 = table3(False)
    t3 = html_table(g3, values, th=True)
    head, rest = t3.split("<tr>", 1)[0], "<tr>" + t3.split("<tr>", 1)[1]
    rows = rest.split("</tr>\n")
    split = head + "</tr>\n".join(rows[:14]) + "</tr></table>\n<p></p>\n" + head + "</tr>\n".join(rows[14:])
    tables = [html_table(table2(False), values, th=True), split, html_table(table4(), values, th=True)]
    nav = "".join(f"<li><a href='/n{i}'>栏目{i}：政务公开 2022年 第{i}期</a></li>" for i in range(12))
    return (f"<!DOCTYPE html><html><head><meta charset='{charset}'><title>{TITLE}_某某县人民政府</title>"
            "<script>var year = 2021; document.write('<table><tr><td>99</td></tr></table>');</script>"
            "<link rel=stylesheet href='https://example.invalid/a.css'></head><body>"
            f"<div class=header><ul class=nav>{nav}</ul><div class=search>搜索 热词：2023 政府工作报告</div></div>"
            "<table class=layout width=100%><tr><td class=left><ul><li>首页</li><li>政务公开</li></ul></td>"
            f"<td class=content><h1>{TITLE}</h1><div class=info>发布时间：2023-01-30 访问量：1234</div>"
            f"<div class=article>{sections(values, tables)}</div></td></tr></table>"
            "<div class=footer>主办：某某县人民政府办公室 电话：0373-1234567 ICP备12345678号</div>"
            "<script src='https://example.invalid/stat.js'></script></body></html>")


def docx_bytes(values: dict, relabel: dict[str, str] | None = None) -> bytes:
    """A Word document: title, prose and the three tables with their merged cells."""
    import docx

    d = docx.Document()
    d.add_paragraph(TITLE)
    d.add_paragraph("一、总体情况")
    d.add_paragraph(PROSE.format(n=cell_value(values, "s3.new.total")))
    for heading, g in zip(("二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                           "四、政府信息公开行政复议、行政诉讼情况"), grids(), strict=True):
        d.add_paragraph(heading)
        t = d.add_table(rows=g.rows, cols=g.cols)
        for (r, c), cell in sorted(g.cells.items()):
            target = t.cell(r, c)
            if cell.row_span > 1 or cell.col_span > 1:
                target = target.merge(t.cell(r + cell.row_span - 1, c + cell.col_span - 1))
            target.text = cell_value(values, cell.field) if cell.kind == VALUE else \
                (relabel or {}).get(cell.text, cell.text)
    d.add_paragraph("五、存在的主要问题及改进情况")
    d.add_paragraph("信息更新不够及时。")
    d.add_paragraph("六、其他需要报告的事项")
    d.add_paragraph("本年度未收取信息处理费。")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def position(fid: str) -> tuple[int, int, int]:
    """(table, row, column) from 1 of a field's value cell in these documents."""
    for n, g in enumerate(grids(), 1):
        pos = g.position(fid)
        if pos:
            return n, pos[0] + 1, pos[1] + 1
    raise KeyError(fid)
