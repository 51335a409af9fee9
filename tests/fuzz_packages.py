"""Damaged DOCX and PDF files for the fuzz tests (tests/fuzzing.py): zips written by hand so that their
headers can lie, and PDFs built object by object (a CJK text layer without Qt) so that pages, page
trees, fonts and content streams can be broken one at a time."""
from __future__ import annotations

import functools
import io
import random
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, replace

from fuzz_text import _SPANS, long_number, mutate_bytes, mutate_text, samples, truth_values

# ---- DOCX -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Entry:
    """A zip member as written: its headers may lie about the data."""
    name: bytes
    method: int
    packed: bytes
    crc: int
    csize: int
    usize: int
    flags: int = 0
    local_usize: int | None = None  # None: the same as the central directory's


def entry(name: str, data: bytes, method: int = zipfile.ZIP_DEFLATED) -> Entry:
    packed = data
    if method == zipfile.ZIP_DEFLATED:
        c = zlib.compressobj(1, zlib.DEFLATED, -zlib.MAX_WBITS)
        packed = c.compress(data) + c.flush()
    return Entry(name.encode(), method, packed, zlib.crc32(data), len(packed), len(data))


def write_zip(entries: list[Entry], offset_shift: int = 0) -> bytes:
    """A zip written by hand, so that its headers can say anything."""
    out = bytearray()
    central = bytearray()
    for e in entries:
        offset = len(out)
        local_usize = e.usize if e.local_usize is None else e.local_usize
        out += struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, e.flags & 0xFFFF, e.method & 0xFFFF, 0, 33,
                           e.crc & 0xFFFFFFFF, e.csize & 0xFFFFFFFF, local_usize & 0xFFFFFFFF, len(e.name), 0)
        out += e.name + e.packed
        central += struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, e.flags & 0xFFFF, e.method & 0xFFFF, 0,
                               33, e.crc & 0xFFFFFFFF, e.csize & 0xFFFFFFFF, e.usize & 0xFFFFFFFF, len(e.name), 0, 0,
                               0, 0, 0, (offset + offset_shift) & 0xFFFFFFFF)
        central += e.name
    start = len(out)
    out += central
    n = len(entries) & 0xFFFF
    out += struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, n, n, len(central), start, 0)
    return bytes(out)


@functools.cache
def docx_seeds() -> tuple[tuple[tuple[str, bytes], ...], ...]:
    """The parts of DOCX files: as python-docx writes one (styles, theme, settings…), a lean one with
    only the document and its relationships, and a lean one without table 三."""
    from documents import docx_bytes

    full = zipfile.ZipFile(io.BytesIO(docx_bytes(truth_values())))
    parts = [(i.filename, full.read(i)) for i in full.infolist()]
    rels = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.'
            b'openxmlformats.org/package/2006/relationships">%s</Relationships>')
    office = (b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
              b'officeDocument" Target="word/document.xml"/>')
    lean = [(n, d) for n, d in parts if n in ("[Content_Types].xml", "word/document.xml")]
    lean += [("_rels/.rels", rels % office), ("word/_rels/document.xml.rels", rels % b"")]
    xml = dict(lean)["word/document.xml"]
    tables = list(re.finditer(rb"<w:tbl>.*?</w:tbl>", xml, re.S))
    small = xml[:tables[1].start()] + xml[tables[1].end():]  # without table 三, the largest: quicker to read
    small_lean = [(n, small if n == "word/document.xml" else d) for n, d in lean]
    return tuple(parts), tuple(lean), tuple(small_lean)


def mutate_document_xml(rng: random.Random, xml: str) -> str:
    for _ in range(rng.randint(1, 6)):
        op = rng.randrange(6)
        if op == 0:  # a cell or row repeated or dropped
            found = list(re.finditer(r"<w:(tc|tr)>.*?</w:\1>", xml, re.S))
            if found:
                m = rng.choice(found)
                xml = xml[:m.start()] + m.group() * rng.randrange(0, 5) + xml[m.end():]
        elif op == 1:  # odd merges
            found = list(re.finditer(r"<w:tcPr>", xml))
            if found:
                at = rng.choice(found).end()
                odd = rng.choice((f'<w:gridSpan w:val="{rng.choice(_SPANS)}"/>', '<w:vMerge w:val="restart"/>',
                                  "<w:vMerge/>", '<w:gridSpan w:val="40000"/>'))
                xml = xml[:at] + odd + xml[at:]
        elif op == 2:  # a table inside a cell, a content control
            found = list(re.finditer(r"<w:tbl>.*?</w:tbl>", xml, re.S))
            cells = list(re.finditer(r"</w:tc>", xml))
            if found and cells:
                at = rng.choice(cells).start()
                xml = xml[:at] + rng.choice(found).group() + "<w:p/>" + xml[at:]
        elif op == 3:
            found = list(re.finditer(r"<w:p>.*?</w:p>", xml, re.S))
            if found:
                m = rng.choice(found)
                xml = xml[:m.start()] + "<w:sdt><w:sdtContent>" + m.group() + "</w:sdtContent></w:sdt>" + xml[m.end():]
        elif op == 4:  # the text in the runs
            found = list(re.finditer(r"(<w:t(?: [^>]*)?>)([^<]*)(</w:t>)", xml))
            if found:
                m = rng.choice(found)
                new = mutate_text(rng, m.group(2) or "0", samples(), rng.randint(1, 4))
                new = new.replace("&", "&amp;").replace("<", "&lt;")
                xml = xml[:m.start(2)] + new + xml[m.end(2):]
        else:
            xml = mutate_text(rng, xml, [xml], rng.randint(1, 3))  # breaks the XML itself
    return xml


def mutate_zip(rng: random.Random, entries: list[Entry]) -> tuple[list[Entry], int]:
    """Zip-level damage: parts dropped, doubled, renamed, inflating far past what the headers say…"""
    shift = 0
    for _ in range(rng.randint(1, 3)):
        op = rng.randrange(12)
        i = rng.randrange(len(entries)) if entries else 0
        e = entries[i] if entries else None
        if op == 0 and entries:
            del entries[i]
        elif op == 1 and e:
            entries.insert(rng.randrange(len(entries) + 1), e)
        elif op == 2 and e:
            entries[i] = replace(e, name=rng.choice((b"word/document.xml", b"WORD/DOCUMENT.XML", b"", b"../x",
                                                      "文档.xml".encode(), b"\xff\xfe", b"word/")))
        elif op == 3 and e:  # sizes understated (or overstated) in the headers
            entries[i] = replace(e, usize=rng.choice((0, 1, e.usize // 2, e.usize * 1000, 0xFFFFFFFF)),
                                 local_usize=rng.choice((None, 0, 5)))
        elif op == 4 and e:
            entries[i] = replace(e, crc=e.crc ^ 1)
        elif op == 5 and e:
            entries[i] = replace(e, csize=rng.choice((0, e.csize - 1, e.csize + 10, 0xFFFFFFFF)))
        elif op == 6 and e:
            entries[i] = replace(e, method=rng.choice((0, 8, 9, 12, 14, 99)))
        elif op == 7 and e:
            entries[i] = replace(e, flags=rng.choice((1, 8, 0x800, 0x41)))
        elif op == 8 and e:
            entries[i] = replace(e, packed=mutate_bytes(rng, e.packed, [e.packed], rng.randint(1, 3)))
        elif op == 9:  # a part that inflates to megabytes: a small bomb
            entries.append(entry(rng.choice(("word/document.xml", "word/media/image1.png")),
                                 b"\x00" * rng.choice((1, 2, 4)) * 1024 * 1024))
        elif op == 10:
            entries += [entry(f"junk/{k}", b"") for k in range(rng.choice((10, 100, 5001)))]
        else:
            shift = rng.choice((-30, -1, 1, 100, 1 << 31))
    return entries, shift


def docx_case(rng: random.Random) -> bytes:
    parts = list(rng.choices(docx_seeds(), weights=(1, 2, 4))[0])
    if rng.random() < 0.8:
        k = next(i for i, (n, _) in enumerate(parts) if n == "word/document.xml")
        xml = mutate_document_xml(rng, parts[k][1].decode("utf-8"))
        parts[k] = ("word/document.xml", xml.encode("utf-8", errors="surrogatepass"))
    entries = [entry(n, d, zipfile.ZIP_STORED if rng.random() < 0.1 else zipfile.ZIP_DEFLATED) for n, d in parts]
    shift = 0
    if rng.random() < 0.5:
        entries, shift = mutate_zip(rng, entries)
    data = write_zip(entries, shift)
    if rng.random() < 0.2:
        data = mutate_bytes(rng, data, [data], rng.randint(1, 4))
    return data


# ---- PDF --------------------------------------------------------------------------------------------

def pdf_objects(pages: list[list[tuple[float, float, str]]], size: float = 5.0) -> dict[int, bytes]:
    """The objects of a PDF whose pages print (x, y, text) runs in a CJK font the reader's pdfium knows
    without embedding (STSong-Light, UCS-2 codes): a text layer made without Qt."""
    n = len(pages)
    font = 3 + 2 * n
    objs = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
            2: f"<< /Type /Pages /Kids [{' '.join(f'{3 + 2 * i} 0 R' for i in range(n))}] /Count {n} >>".encode(),
            font: f"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
                  f"/DescendantFonts [{font + 1} 0 R] >>".encode(),
            font + 1: b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
                      b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /DW 1000 >>"}
    for i, runs in enumerate(pages):
        ops = [f"BT /F1 {size:g} Tf {x:.1f} {y:.1f} Td <{t.encode('utf-16-be').hex().upper()}> Tj ET"
               for x, y, t in runs]
        objs[3 + 2 * i] = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 {font}"
                           f" 0 R >> >> /Contents {4 + 2 * i} 0 R >>").encode()
        objs[4 + 2 * i] = stream("\n".join(ops).encode())
    return objs


def stream(body: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d%s >>\nstream\n" % (len(body), extra) + body + b"\nendstream"


def write_pdf(objs: dict[int, bytes], xref: bool = True, shift: int = 0) -> bytes:
    """A PDF file of these objects; `shift` moves every xref offset (pdfium then rebuilds the table)."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for k in sorted(objs):
        offsets[k] = len(out)
        out += b"%d 0 obj\n" % k + objs[k] + b"\nendobj\n"
    start = len(out)
    size = max(objs, default=0) + 1
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % size
        for k in range(1, size):
            out += b"%010d 00000 n \n" % max(0, offsets.get(k, 0) + shift)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, start)
    return bytes(out)


def laid_out(text: str, size: float = 5.0, lines_per_page: int = 60) -> list[list[tuple[float, float, str]]]:
    """A text report's lines drawn down pages, its tab-separated cells left to right with clear gaps."""
    pages: list[list[tuple[float, float, str]]] = []
    for k, line in enumerate(text.splitlines()):
        if k % lines_per_page == 0:
            pages.append([])
        x, y = 20.0, 800.0 - (k % lines_per_page) * size * 2.4
        for cell in line.split("\t"):
            cell = cell.strip()[:110]
            if cell:
                pages[-1].append((x, y, cell))
            x += (len(cell) + 3) * size
    return pages


@functools.cache
def pdf_seeds() -> tuple[dict[int, bytes], ...]:
    texts = samples()
    tables = texts[4][texts[4].index("主动公开政府信息情况") - 2:]  # from its heading 二、 on
    return (pdf_objects(laid_out(texts[0])), pdf_objects(laid_out(tables, 4.0, 40)),
            pdf_objects(laid_out("\n".join(texts[2].splitlines()[:12]))))


_PDF_OPS = (b"q", b"Q", b"BT", b"ET", b"1 0 0 1 0 0 cm", b"0 0 0 0 re f", b"/F1 0 Tf", b"/F1 -5 Tf", b"/F1 1e30 Tf",
            b"1e38 1e38 Td", b"0 0 0 0 0 0 Tm", b"<4E2D> Tj", b"[<4E2D> -99999 <6587>] TJ", b"(abc) Tj", b"T*",
            b"3 Tr", b"200 Tz", b"/F9 5 Tf", b"<D800> Tj", b"<FFFF> Tj", b"nan 0 Td", b"/Im1 Do", b"BI ID EI")


def mutate_pdf(rng: random.Random, objs: dict[int, bytes]) -> tuple[dict[int, bytes], bool, int]:
    """Object-level damage: pages broken or lost, a page tree with loops, content streams garbled."""
    objs = dict(objs)
    pages = [k for k, v in objs.items() if b"/Type /Page " in v]
    contents = [k for k, v in objs.items() if v.endswith(b"endstream")]
    xref, shift = True, 0
    for _ in range(rng.randint(1, 4)):
        pages = [k for k in pages if k in objs]
        contents = [k for k in contents if k in objs]
        op = rng.randrange(10)
        if op == 0 and pages:  # one page broken: not a dictionary, null, or lost
            k = rng.choice(pages)
            choice = rng.choice((b"(broken)", b"null", b"<< /Type /Page >>", b"<< /Type /Page /Contents 999 0 R >>"))
            if rng.random() < 0.2:
                del objs[k]
            else:
                objs[k] = choice
        elif op == 1:  # the page tree: counts and kids that lie, loops
            kids = rng.choice((b"[]", b"[2 0 R]", b"[1 0 R 3 0 R]", b"[3 0 R 3 0 R 3 0 R]", b"[999 0 R]", b"3 0 R"))
            count = rng.choice((b"0", b"-1", b"3", b"99999999", b"(x)"))
            objs[2] = b"<< /Type /Pages /Kids " + kids + b" /Count " + count + b" >>"
        elif op == 2 and pages:
            k = rng.choice(pages)
            box = rng.choice((b"[0 0 0 0]", b"[0 0 -595 -842]", b"[0 0 1e30 1e30]", b"[(a) 0 1 1]", b"[0 0 595]",
                              b"[0 0 14400 14400]", b"[0 0 3 3]"))
            objs[k] = re.sub(rb"/MediaBox \[[^\]]*\]", lambda _m, box=box: b"/MediaBox " + box, objs[k], count=1)
            if rng.random() < 0.3:
                objs[k] = objs[k].replace(b" >>", b" /Rotate " + rng.choice((b"90", b"45", b"-270")) + b" >>", 1)
        elif op in (3, 4) and contents:  # a content stream garbled: operators, numbers, lengths
            k = rng.choice(contents)
            body = objs[k].split(b"stream\n", 1)[1].rsplit(b"\nendstream", 1)[0]
            lines = body.split(b"\n")
            for _ in range(rng.randint(1, 6)):
                i = rng.randrange(len(lines) + 1)
                what = rng.randrange(4)
                if what == 0:
                    lines.insert(i, rng.choice(_PDF_OPS))
                elif what == 1:
                    del lines[i:i + rng.randrange(1, 20)]
                elif what == 2 and lines:
                    j = min(i, len(lines) - 1)
                    lines[j] = _NUMBER_BYTES.sub(lambda _m: long_number(rng).encode()[:400], lines[j], 1)
                else:
                    lines[i:i] = lines[i:i + 5] * rng.randrange(1, 8)
            body = b"\n".join(lines)
            if op == 4:
                objs[k] = rng.choice((b"<< /Length 99999 >>\nstream\n" + body + b"\nendstream",
                                      stream(zlib.compress(body), b" /Filter /FlateDecode"),
                                      stream(body, b" /Filter /FlateDecode"),
                                      stream(body, b" /Filter /LZWDecode"),
                                      stream(body[: len(body) // 2])))
            else:
                objs[k] = stream(body)
        elif op == 5:  # the font: gone, or one without the CJK code map
            font = max((k for k, v in objs.items() if b"/Type0" in v), default=0)
            if font:
                objs[font] = rng.choice((b"null", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                                         objs[font].replace(b"UniGB-UCS2-H", b"No-Such-CMap"),
                                         objs[font].replace(b"%d 0 R" % (font + 1), b"%d 0 R" % font)))
        elif op == 6:
            xref = False
        elif op == 7:
            shift = rng.choice((-9, 1, 7, 1000))
        elif op == 8 and pages:  # more pages: the same page many times
            objs[2] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % rng.choice(pages)
                                                              for _ in range(rng.choice((2, 12, 501)))) + b"] >>"
        elif pages:  # a page's resources or contents as the wrong kind of object
            k = rng.choice(pages)
            objs[k] = objs[k].replace(b"/Contents", rng.choice((b"/Contents [ ] /X", b"/Contents 1 0 R /X",
                                                                b"/Contents [4 0 R 4 0 R] /X", b"/Contents (s) /X")))
    return objs, xref, shift


_NUMBER_BYTES = re.compile(rb"\d+(?:\.\d+)?")


def pdf_case(rng: random.Random) -> bytes:
    seeds = pdf_seeds()
    objs = seeds[rng.choices(range(len(seeds)), weights=(1, 2, 4))[0]]
    xref, shift = True, 0
    if rng.random() < 0.85:
        objs, xref, shift = mutate_pdf(rng, objs)
    data = write_pdf(objs, xref, shift)
    if rng.random() < 0.3:
        data = mutate_bytes(rng, data, [data], rng.randint(1, 6))
    return data
