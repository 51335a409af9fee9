"""How the PDF reader turns pdfium's characters and strokes into texts and tables, beyond the reports
tests/pdfs.py draws directly: pages drawn inside form objects, and characters whose boxes are odd."""
from __future__ import annotations

import random

from models.template import STANDARD_IDS
from parsers import parse_bytes
from pdfs import make_pdf
from test_pdf import distinct


def _as_forms(data: bytes) -> bytes:
    """The same pages, each drawn as one form object (as some PDF printers and imposition tools do):
    its text and its table's rules are inside the form, none on the page itself."""
    import io

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    src = pdfium.PdfDocument(data)
    out = pdfium.PdfDocument.new()
    for n in range(len(src)):
        w, h = src[n].get_size()
        page = out.new_page(w, h)
        xobject = raw.FPDF_NewXObjectFromPage(out.raw, src.raw, n)
        raw.FPDFPage_InsertObject(page.raw, raw.FPDF_NewFormObjectFromXObject(xobject))
        raw.FPDF_CloseXObject(xobject)
        assert raw.FPDFPage_GenerateContent(page.raw)
        assert raw.FPDFPage_CountObjects(page.raw) == 1
        page.close()
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


def test_a_report_whose_pages_are_form_objects_reads_the_same_cells_in_the_same_places(tmp_path, qapp):
    values = distinct(holes=5)
    path = tmp_path / "report.pdf"
    make_pdf(str(path), values, break_table3_after=14, ruled=True)
    direct = parse_bytes(path.read_bytes(), str(path), None, ".pdf")
    forms = parse_bytes(_as_forms(path.read_bytes()), str(path), None, ".pdf")
    assert forms.error is None
    got = forms.values()
    assert {k: got[k] for k in STANDARD_IDS} == {k: values.get(k) for k in STANDARD_IDS}
    assert forms.text == direct.text  # the ruled tables found inside the forms: laid out one grid row a line
    for fid, cell in direct.cells.items():
        assert (forms.cells[fid].box, forms.cells[fid].span, forms.cells[fid].uncertain) == \
            (cell.box, cell.span, cell.uncertain), fid


def _same(a: float, b: float) -> bool:
    return a == b or (a != a and b != b)  # NaN is NaN


def test_a_lines_characters_split_into_cells_by_their_gaps_whatever_their_boxes():
    """Characters at random along a line (overlapping, zero-sized, reversed, not a number): every character
    is in one cell, in order; a cell's box is its characters' boxes united; a gap (from the right end of the
    cell so far) of 1.2 glyphs of the line's tallest or more always starts a cell, and a gap under half a
    glyph and under the factor's never does."""
    from parsers.pdf_reader import _cells

    rng = random.Random(5)
    cuts = kept = 0
    for _ in range(3000):
        n = rng.randint(1, 30)
        x = rng.uniform(0, 300)
        line = []
        for _ in range(n):
            x += rng.choice([0.0, 1.0, 3.0, 6.0, 12.0, 30.0, -2.0, rng.uniform(0, 40)])
            b = rng.choice([100.0, 99.5, rng.uniform(95, 105)])
            w = rng.choice([8.0, 5.0, 0.0, -1.0, rng.uniform(0, 10), float("nan")])
            h = rng.choice([9.0, 6.5, 0.0, 0.2, rng.uniform(0, 12), float("nan")])
            line.append((x, b, x + w, b + h, rng.choice("政府信息公开0123456789.,/—（）、。：ab")))
        factor = rng.choice([1.2, 0.6])
        pieces = _cells(line, 3, factor)
        assert "".join(p.text for p in pieces) == "".join(c[4] for c in line)
        starts, k = set(), 0
        for p in pieces:
            chars = line[k:k + len(p.text)]
            starts.add(k)
            k += len(p.text)
            assert p.page == 3
            for got, want in zip((p.left, p.bottom, p.right, p.top),
                                 (chars[0][0], min(c[1] for c in chars), max(c[2] for c in chars),
                                  max(c[3] for c in chars)), strict=True):
                assert _same(got, want)
        tall = max([1.0] + [c[3] - c[1] for c in line if c[3] - c[1] == c[3] - c[1]])
        right = line[0][2]
        for i in range(1, n):
            gap = line[i][0] - right
            if i in starts:
                cuts += 1
                assert gap >= min(factor, 0.5) * tall
                right = line[i][2]
            else:
                kept += 1
                assert not gap >= 1.2 * tall
                right = max(right, line[i][2])
    assert cuts > 1000 and kept > 1000


def test_texts_that_carry_white_space_join_without_it_inside_a_cell():
    """pdfium's rectangles (the reader's way for characters outside the BMP) give texts that may end with
    white space: inside a cell it is dropped, at the cell's end it stays for the cell's text to clean."""
    from parsers.pdf_reader import _cells

    texts = ["政府 ", "信息\u3000", " ", "公开 "]
    line = [(10.0 + 9 * k, 100.0, 18.0 + 9 * k, 109.0, t) for k, t in enumerate(texts)]
    assert [p.text for p in _cells(line, 1)] == ["政府信息公开 "]
    assert [p.text for p in _cells(line[:3], 1)] == ["政府信息 "]
