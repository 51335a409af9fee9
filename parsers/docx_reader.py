"""Word documents (DOCX): paragraphs and tables in document order, merged cells resolved."""
from __future__ import annotations

import io
import struct
import zipfile
import zlib
from typing import TYPE_CHECKING, cast

from parsers.decode import DecodeError
from parsers.layout_text import Placed, TextBuilder

if TYPE_CHECKING:
    from docx.document import Document
    from docx.oxml.table import CT_Tbl
    from docx.oxml.text.paragraph import CT_P
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph
    from lxml.etree import _Element

MAX_UNZIPPED = 200 * 1024 * 1024  # a report's DOCX unzips to a few MB; more is a zip bomb
MAX_MEMBERS = 5000  # a DOCX holds dozens of parts (hundreds with many pictures)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CHUNK = 64 * 1024
_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature, then the name and extra field lengths


def _too_big() -> DecodeError:
    return DecodeError(f"文档解压后超过 {MAX_UNZIPPED // 1048576} MB，可能是恶意文件（压缩炸弹），不读取")


def _inflate(data: bytes, info: zipfile.ZipInfo, budget: int) -> memoryview | bytearray:
    """One member's bytes, inflated here with at most `budget` bytes ever produced: the sizes the zip's
    headers state are not trusted (they can understate a member that inflates to gigabytes)."""
    damaged = DecodeError(f"DOCX 文件已损坏，无法读取（{info.filename} 不完整或校验不符）")
    if info.flag_bits & 0x1:
        raise DecodeError("DOCX 文件已加密，请在 Word 或 WPS 中去掉密码后另存再打开")
    head = data[info.header_offset:info.header_offset + _LOCAL_HEADER.size]
    if len(head) < _LOCAL_HEADER.size:
        raise damaged
    signature, name_len, extra_len = _LOCAL_HEADER.unpack(head)
    if signature != b"PK\x03\x04":
        raise damaged
    start = info.header_offset + _LOCAL_HEADER.size + name_len + extra_len
    packed = memoryview(data)[start:start + info.compress_size]  # a view: nothing is copied
    out: memoryview | bytearray
    if info.compress_type == zipfile.ZIP_STORED:
        if len(packed) > budget:
            raise _too_big()
        out = packed
    elif info.compress_type == zipfile.ZIP_DEFLATED:
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        grown = bytearray()
        try:
            for i in range(0, len(packed), _CHUNK):
                rest: bytes | memoryview = packed[i:i + _CHUNK]
                while rest and not inflater.eof:
                    grown += inflater.decompress(rest, budget - len(grown) + 1)
                    if len(grown) > budget:
                        raise _too_big()
                    rest = inflater.unconsumed_tail
                if inflater.eof:
                    break
        except zlib.error as exc:
            raise damaged from exc
        if not inflater.eof:
            raise damaged
        out = grown
    else:
        raise DecodeError(f"DOCX 文件使用了不支持的压缩方式（{info.filename}，方式 {info.compress_type}），无法读取")
    if zlib.crc32(out) != info.CRC:
        raise damaged
    return out


def _unzip(data: bytes) -> bytes:
    """The DOCX's parts, each inflated under the limit, checked, and packed again (stored) for python-docx."""
    if data.startswith(OLE_MAGIC):
        raise DecodeError("这是旧版 Word（.doc）或 WPS 文件；请在 Word 或 WPS 中另存为 .docx 后再打开")
    if data.count(b"PK\x01\x02") > MAX_MEMBERS:  # each central directory entry begins so
        raise DecodeError(f"压缩包中的文件超过 {MAX_MEMBERS} 个，不是正常的 Word 文档，不读取")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            members = {i.filename: i for i in z.infolist()}  # a repeated name: the last one, as zipfile reads it
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise DecodeError("不是有效的 DOCX 文件（不是 zip 压缩包，或文件已损坏）") from exc
    if "word/document.xml" not in members:
        raise DecodeError("不是 Word 文档（压缩包中没有 word/document.xml）")
    out = io.BytesIO()
    total = 0
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as packed:
        for name, info in members.items():
            if not name:  # no part can have it; zipfile cannot write it
                continue
            part = _inflate(data, info, MAX_UNZIPPED - total)
            total += len(part)
            packed.writestr(name, part)
    return out.getvalue()


def render_docx(data: bytes) -> TextBuilder:
    """Lay a DOCX out as text: one line per paragraph, each table as a grid."""
    package = _unzip(data)
    import docx  # python-docx; imported here, only DOCX files need it
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(package))
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
            _check_spans(child)
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


MAX_SPAN = 1000  # columns one merged cell may cover; python-docx lays out every covered column


def _check_spans(tbl: object) -> None:
    """Refuse a table whose merged cells claim absurd spans before python-docx lays them out (a span of
    2,147,483,648 columns would never finish)."""
    for el in tbl.iter():  # type: ignore[attr-defined]
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag.endswith("}gridSpan"):
            val = next((v for k, v in el.attrib.items() if k.endswith("}val")), "1")
            if not val.strip().isdigit() or int(val.strip()[:12]) > MAX_SPAN:
                raise DecodeError(f"Word 文件的表格已损坏：一个合并单元格跨 {val[:12]} 列，无法读取")


def _grid(table: Table) -> list[Placed]:
    """Cells on the table's grid, each merged cell once at its top-left with its row and column span."""
    cells = table._cells  # python-docx resolves gridSpan and vMerge here: a merged cell repeats
    cols: int = table._column_count
    if not cols:
        return []
    n = len(cells)  # a damaged table may hold fewer cells than rows × columns: never look past the end
    rows = n // cols
    out: list[Placed] = []
    for i, cell in enumerate(cells):
        r, c = divmod(i, cols)
        tc = cell._tc
        if (c and cells[i - 1]._tc is tc) or (r and cells[i - cols]._tc is tc):
            continue
        cs = 1
        while c + cs < cols and i + cs < n and cells[i + cs]._tc is tc:
            cs += 1
        rs = 1
        while r + rs < rows and i + rs * cols < n and cells[i + rs * cols]._tc is tc:
            rs += 1
        out.append((r, c, rs, cs, _text(cell)))
    return out
