"""Word documents (DOCX): paragraphs and tables in document order, merged cells resolved."""
from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING, cast

from parsers.decode import DecodeError
from parsers.layout_text import TextBuilder

if TYPE_CHECKING:
    from docx.document import Document
    from docx.oxml.table import CT_Tbl
    from docx.oxml.text.paragraph import CT_P
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph
    from lxml.etree import _Element

MAX_UNZIPPED = 200 * 1024 * 1024  # a report's DOCX unzips to a few MB; more is a zip bomb
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _check_zip(data: bytes) -> None:
    if data.startswith(OLE_MAGIC):
        raise DecodeError("这是旧版 Word（.doc）或 WPS 文件；请在 Word 或 WPS 中另存为 .docx 后再打开")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
            if "word/document.xml" not in {i.filename for i in infos}:
                raise DecodeError("不是 Word 文档（压缩包中没有 word/document.xml）")
            if sum(i.file_size for i in infos) > MAX_UNZIPPED:
                raise DecodeError(f"文档解压后超过 {MAX_UNZIPPED // 1048576} MB，可能是恶意文件，不读取")
    except zipfile.BadZipFile as exc:
        raise DecodeError("不是有效的 DOCX 文件（不是 zip 压缩包，或文件已损坏）") from exc


def render_docx(data: bytes) -> TextBuilder:
    """Lay a DOCX out as text: one line per paragraph, each table as a grid."""
    _check_zip(data)
    import docx  # python-docx; imported here, only DOCX files need it
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a damaged package  # noqa: BLE001
        raise DecodeError(f"DOCX 文件已损坏，无法读取：{exc}") from exc
    out = TextBuilder()
    _walk(document.element.body, document, out, Paragraph, Table)
    return out


def _walk(element: _Element, document: Document, out: TextBuilder, paragraph: type[Paragraph],
          table: type[Table]) -> None:
    """Paragraphs and tables in document order, through content controls (w:sdt) and through
    layout tables (a table whose cells hold tables: its cells are read as regions, in order).
    python-docx parses w:p as CT_P and w:tbl as CT_Tbl (the casts say so)."""
    for child in element.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.line(paragraph(cast("CT_P", child), document).text)
        elif tag == "sdt":
            for content in child.iterchildren():
                if content.tag.endswith("}sdtContent"):
                    _walk(content, document, out, paragraph, table)
        elif tag == "tbl":
            t = table(cast("CT_Tbl", child), document)
            if any(c._tc.tbl_lst for c in t._cells) and len(t.rows) <= 4:
                for tc in dict.fromkeys(c._tc for c in t._cells):
                    _walk(tc, document, out, paragraph, table)
            else:
                out.table(_grid(t))


def _text(cell: _Cell) -> str:
    """A cell's text, tables nested in it included (their cells separated by spaces)."""
    parts = [p.text for p in cell.paragraphs]
    for nested in cell.tables:
        parts += [_text(c) for c in dict.fromkeys(nested._cells)]
    return " ".join(parts)


def _grid(table: Table) -> list[list[str]]:
    """Cells on the table's grid; a merged cell's text in its top-left position only."""
    cells = table._cells  # python-docx resolves gridSpan and vMerge here
    cols: int = table._column_count
    grid: list[list[str]] = []
    for i, cell in enumerate(cells):
        r, c = divmod(i, cols)
        if c == 0:
            grid.append([])
        left = cells[i - 1] if c else None
        above = cells[i - cols] if r else None
        merged = (left is not None and left._tc is cell._tc) or (above is not None and above._tc is cell._tc)
        grid[r].append("" if merged else _text(cell))
    return grid
