"""PDF speed: reading a 10-page report (text layer to checked report) and rendering a page.

Run: python bench/pdf_bench.py. Targets: ≤ 100 ms (printed beside the floor of pdfium's text extraction
alone, measured in the same run) and ≤ 100 ms.
"""
from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def text_floor(data: bytes) -> None:
    """pdfium's text extraction alone: every page's text and the box of each character."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    for n in range(len(pdf)):
        page = pdf[n]
        tp = page.get_textpage()
        text = tp.get_text_range()
        for i, ch in enumerate(text):
            if not ch.isspace():
                tp.get_charbox(i)
        tp.close()
        page.close()
    pdf.close()


def main() -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from models.checks import check
    from parsers.pdf_reader import read_pdf, render_page
    from parsers.pipeline import parse_path
    from pdfs import make_pdf

    values = json.loads((ROOT / "tests" / "fixtures" / "truth.json").read_text(encoding="utf-8"))[
        "004_47148163d7b9be8f.txt"]["fields"]
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "report.pdf"
        make_pdf(str(path), values, extra_pages=9)
        data = path.read_bytes()
        pages = read_pdf(data).pages
        check(parse_path(path))
        reads = []
        for _ in range(10):
            t0 = time.perf_counter()
            check(parse_path(path))
            reads.append(time.perf_counter() - t0)
        floors = []
        for _ in range(10):
            t0 = time.perf_counter()
            text_floor(data)
            floors.append(time.perf_counter() - t0)
        renders = []
        for n in range(1, pages + 1):
            t0 = time.perf_counter()
            render_page(data, n, 1.5)
            renders.append(time.perf_counter() - t0)
    got, base = statistics.median(reads), statistics.median(floors)
    print(f"reading a {pages}-page report: median {got * 1000:.0f} ms (target ≤ 100 ms); floor (pdfium text "
          f"extraction alone: each page's text and character boxes) {base * 1000:.0f} ms; ratio {got / base:.1f}×")
    print(f"rendering a page at 1.5× (108 dpi): median {statistics.median(renders) * 1000:.0f} ms, "
          f"max {max(renders) * 1000:.0f} ms (target ≤ 100 ms)")
    del app


if __name__ == "__main__":
    main()
