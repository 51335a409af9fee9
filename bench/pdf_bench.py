"""PDF speed: reading a 10-page report (text layer to checked report), ruled and unruled, and rendering a page.

Run: python bench/pdf_bench.py. Target: ≤ 100 ms a report, printed beside two floors measured in the same
run on the same file: pdfium's text extraction alone (each page loaded, its text page built, its text read),
and that plus the box of every printed character (what the reader must ask pdfium for, asked the same way).
Rendering a page: ≤ 100 ms. Figures are CPU time (medians of 15 runs, the runs of a file and its floors
taken in turn); the machine is shared: compare the ratios, not the milliseconds.
"""
from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
RUNS = 15


def text_floor(data: bytes) -> None:
    """pdfium's text extraction alone: every page loaded, its text page built and its text read."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    for n in range(len(pdf)):
        page = pdf[n]
        tp = page.get_textpage()
        tp.get_text_range()
        tp.close()
        page.close()
    pdf.close()


def boxes_floor(data: bytes) -> None:
    """The text and the box of each printed character, asked of pdfium the way the reader asks
    (parsers.pdf_reader._boxes: every call made from C, into one array)."""
    import pypdfium2 as pdfium

    from parsers.pdf_reader import _boxes

    pdf = pdfium.PdfDocument(data)
    for n in range(len(pdf)):
        page = pdf[n]
        tp = page.get_textpage()
        text = tp.get_text_range()
        _boxes(tp, [i for i, ch in enumerate(text) if not ch.isspace()])
        tp.close()
        page.close()
    pdf.close()


def medians_ms(runs: dict[str, Callable[[], object]]) -> dict[str, float]:
    """The median CPU time of each run, in ms, the runs taken in turn (one of each a round, RUNS rounds):
    the machine is shared, and a load that comes and goes then weighs on the figures and their floors
    alike; CPU time is what others' load disturbs least (every figure, floors included, is measured the
    same way)."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(RUNS):
        for name, f in runs.items():
            t0 = time.process_time()
            f()
            times[name].append(time.process_time() - t0)
    return {name: statistics.median(t) * 1000 for name, t in times.items()}


def main() -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from models.checks import check
    from parsers.pdf_reader import read_pdf, render_page
    from parsers.pipeline import parse_bytes
    from pdfs import make_pdf

    values = json.loads((ROOT / "tests" / "fixtures" / "truth.json").read_text(encoding="utf-8"))[
        "004_47148163d7b9be8f.txt"]["fields"]
    with tempfile.TemporaryDirectory() as d:
        for ruled in (True, False):
            path = Path(d) / f"report-{ruled}.pdf"
            make_pdf(str(path), values, extra_pages=9, ruled=ruled, label_width=90.0)
            data = path.read_bytes()
            pages = read_pdf(data).pages
            report = parse_bytes(data, str(path), None, ".pdf")
            assert report.error is None and report.values()["s3.new.total"] == values["s3.new.total"]
            ms = medians_ms({
                "read": lambda data=data, path=path: check(parse_bytes(data, str(path), None, ".pdf")),
                "layout": lambda data=data: read_pdf(data),
                "text": lambda data=data: text_floor(data),
                "boxes": lambda data=data: boxes_floor(data)})
            read, layout, text, boxes = ms["read"], ms["layout"], ms["text"], ms["boxes"]
            kind = "ruled" if ruled else "unruled"
            print(f"{kind:>7} tables, {pages} pages: read and checked {read:.0f} ms (target ≤ 100 ms), of which "
                  f"laying out the text {layout:.0f} ms; floors: pdfium text extraction alone {text:.0f} ms "
                  f"(ratio {read / text:.1f}×), with every character's box {boxes:.0f} ms (ratio {read / boxes:.1f}×)")
        renders = []
        for n in range(1, pages + 1):
            t0 = time.perf_counter()
            render_page(data, n, 1.5)
            renders.append(time.perf_counter() - t0)
    print(f"rendering a page at 1.5× (108 dpi): median {statistics.median(renders) * 1000:.0f} ms, "
          f"max {max(renders) * 1000:.0f} ms (target ≤ 100 ms)")
    del app


if __name__ == "__main__":
    main()
