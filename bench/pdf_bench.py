"""PDF speed: reading a 10-page report (text layer to checked report) and rendering a page.

Run: python bench/pdf_bench.py. Targets: ≤ 300 ms and ≤ 100 ms.
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
        renders = []
        for n in range(1, pages + 1):
            t0 = time.perf_counter()
            render_page(data, n, 1.5)
            renders.append(time.perf_counter() - t0)
    print(f"reading a {pages}-page report: median {statistics.median(reads) * 1000:.0f} ms (target ≤ 300 ms)")
    print(f"rendering a page at 1.5× (108 dpi): median {statistics.median(renders) * 1000:.0f} ms, "
          f"max {max(renders) * 1000:.0f} ms (target ≤ 100 ms)")
    del app


if __name__ == "__main__":
    main()
