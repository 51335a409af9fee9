"""DOCX files are unzipped under a hard limit on the bytes actually inflated, whatever the zip's headers
claim (issue 12: a member whose headers understate its size inflated to 2 GB before it was refused)."""
from __future__ import annotations

import io
import json
import tracemalloc
import zipfile
from dataclasses import replace

import pytest

from conftest import TRUTH
from documents import docx_bytes
from fuzz_packages import Entry, entry, write_zip
from parsers import docx_reader, parse_bytes

VALUES = json.loads(TRUTH.read_text(encoding="utf-8"))["004_47148163d7b9be8f.txt"]["fields"]
LIMIT = 1024 * 1024


@pytest.fixture(scope="module")
def parts() -> dict[str, bytes]:
    z = zipfile.ZipFile(io.BytesIO(docx_bytes(VALUES)))
    return {i.filename: z.read(i) for i in z.infolist()}


def _zip(parts: dict[str, bytes], change: dict[str, Entry] | None = None) -> bytes:
    entries = [entry(name, data) for name, data in parts.items()]
    return write_zip([(change or {}).get(e.name.decode(), e) for e in entries])


@pytest.fixture
def small_limit(monkeypatch):
    monkeypatch.setattr(docx_reader, "MAX_UNZIPPED", LIMIT)


def test_a_member_whose_headers_understate_its_size_is_refused_at_the_limit(parts, small_limit):
    bomb = parts["word/document.xml"] + b" " * (40 * LIMIT)  # 40 MB of spaces: valid XML, a few KB zipped
    lie = replace(entry("word/document.xml", bomb), usize=len(parts["word/document.xml"]), local_usize=0)
    data = _zip(parts, {"word/document.xml": lie})
    assert len(data) < LIMIT // 4
    assert zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml").file_size < LIMIT  # what it claims
    tracemalloc.start()
    try:
        report = parse_bytes(data, "bomb.docx", None, ".docx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert report.error == "文档解压后超过 1 MB，可能是恶意文件（压缩炸弹），不读取"
    assert peak < 4 * LIMIT  # the limit, a chunk and the packed copy: never the 40 MB


def test_the_limit_holds_over_all_the_parts_together(parts, small_limit):
    many = dict(parts)
    for k in range(6):
        many[f"word/media/image{k}.png"] = bytes(LIMIT // 4)  # each under the limit, together past it
    report = parse_bytes(_zip(many), "many.docx", None, ".docx")
    assert report.error == "文档解压后超过 1 MB，可能是恶意文件（压缩炸弹），不读取"


def test_sizes_the_headers_overstate_do_not_matter(parts):
    claims = {name: replace(entry(name, data), usize=0xFFFFFFFF) for name, data in parts.items()}
    report = parse_bytes(_zip(parts, claims), "big_claims.docx", None, ".docx")
    assert report.error is None
    assert report.values()["s2.licensing.decisions"] == VALUES["s2.licensing.decisions"]


@pytest.mark.parametrize("damage,message", [
    (lambda e: replace(e, crc=e.crc ^ 1), "DOCX 文件已损坏，无法读取（word/document.xml 不完整或校验不符）"),
    (lambda e: replace(e, csize=e.csize // 2), "DOCX 文件已损坏，无法读取（word/document.xml 不完整或校验不符）"),
    (lambda e: replace(e, packed=e.packed[:10] + bytes(20) + e.packed[30:]),
     "DOCX 文件已损坏，无法读取（word/document.xml 不完整或校验不符）"),
    (lambda e: replace(e, flags=1), "DOCX 文件已加密，请在 Word 或 WPS 中去掉密码后另存再打开"),
    (lambda e: replace(e, method=12), "DOCX 文件使用了不支持的压缩方式（word/document.xml，方式 12），无法读取"),
], ids=["crc", "cut", "garbled", "encrypted", "bzip2"])
def test_a_damaged_member_gets_a_clear_message(parts, damage, message):
    e = entry("word/document.xml", parts["word/document.xml"])
    report = parse_bytes(_zip(parts, {"word/document.xml": damage(e)}), "damaged.docx", None, ".docx")
    assert report.error == message


def test_a_zip_of_thousands_of_entries_is_refused_before_it_is_read(parts):
    many = dict(parts) | {f"x/{k}": b"" for k in range(docx_reader.MAX_MEMBERS + 1)}
    report = parse_bytes(_zip(many), "entries.docx", None, ".docx")
    assert report.error == f"压缩包中的文件超过 {docx_reader.MAX_MEMBERS} 个，不是正常的 Word 文档，不读取"


def test_a_stored_member_and_a_repeated_name_read_as_zipfile_reads_them(parts):
    doc = parts["word/document.xml"]
    entries = [entry(n, d, zipfile.ZIP_STORED if n == "word/document.xml" else zipfile.ZIP_DEFLATED)
               for n, d in parts.items()]
    stale = entry("word/document.xml", doc.replace(b"<w:body>", b"<w:body><w:p><w:r><w:t>OLD</w:t></w:r></w:p>"))
    report = parse_bytes(write_zip([stale, *entries]), "twice.docx", None, ".docx")
    assert report.error is None and "OLD" not in report.text  # the later entry of a name wins
    assert report.values()["s2.licensing.decisions"] == VALUES["s2.licensing.decisions"]


def test_a_merged_cell_claiming_two_billion_columns_is_refused_at_once():
    """Found by fuzzing (docx seeds 61, 402, 534, 662): python-docx would lay out every column."""
    import time

    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from parsers import parse_bytes

    d = docx.Document()
    t = d.add_table(rows=2, cols=2)
    span = OxmlElement("w:gridSpan")
    span.set(qn("w:val"), "2147483648")
    t.rows[0].cells[0]._tc.get_or_add_tcPr().append(span)
    buf = io.BytesIO()
    d.save(buf)
    t0 = time.perf_counter()
    report = parse_bytes(buf.getvalue(), "x.docx", None, ".docx")
    assert time.perf_counter() - t0 < 5
    assert report.error == "Word 文件的表格已损坏：一个合并单元格跨 2147483648 列，无法读取"
