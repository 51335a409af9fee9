"""Reading web pages and Word files: the time per HTML page (padded to 300 KB the way government
sites pad them: navigation, styles, scripts, boilerplate) and per DOCX.

Run: python bench/formats_bench.py. Target: ≤ 30 ms for a 300 KB page, printed beside the floor of the lxml
parse alone, measured in the same run (median wall time, and the least CPU time: the steadier figure when
other work shares the cores).
"""
from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from documents import cms_page, docx_bytes, word_export_page  # noqa: E402
from models.checks import check  # noqa: E402
from parsers import parse_bytes  # noqa: E402

VALUES = json.loads((ROOT / "tests" / "fixtures" / "truth.json").read_text(encoding="utf-8"))[
    "004_47148163d7b9be8f.txt"]["fields"]


def padded_page(size: int) -> bytes:
    """A CMS page grown to `size` bytes with the clutter real pages carry."""
    page = cms_page(VALUES)
    style = "<style>" + "".join(f".c{i}{{margin:{i}px;color:#{i:06x}}}" for i in range(400)) + "</style>"
    script = "<script>" + "var a=[" + ",".join(str(i) for i in range(3000)) + "];</script>"
    links = "".join(f"<li><a href='/news/{i}.html'>关于做好2022年第{i}期政务公开工作的通知</a>"
                    f"<span>2022-{i % 12 + 1:02d}-01</span></li>"
                    for i in range(400))
    footer = f"<div class=more><ul>{links}</ul></div>"
    page = page.replace("<body>", "<body>" + style + script, 1).replace("</body>", footer + "</body>", 1)
    data = page.encode("utf-8")
    while len(data) < size:
        data = data.replace(b"</body>", footer.encode("utf-8") + b"</body>", 1)
    return data[: max(size, len(data))]


def timed(data: bytes, suffix: str, rounds: int = 30) -> float:
    return timed_both(data, suffix, rounds)[0]


def timed_both(data: bytes, suffix: str, rounds: int = 30) -> tuple[float, float]:
    """Median wall seconds to read and check the document, and the least CPU seconds of a round."""
    parse_bytes(data, "x" + suffix, suffix=suffix)
    times, cpu = [], []
    for _ in range(rounds):
        t0, c0 = time.perf_counter(), time.process_time()
        check(parse_bytes(data, "x" + suffix, suffix=suffix))
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return statistics.median(times), min(cpu)


def parse_floor(data: bytes, rounds: int = 30) -> tuple[float, float]:
    """Median wall seconds, and least CPU seconds, for lxml to parse the page alone (decoded as the
    reader decodes it): the floor."""
    from lxml import html

    from parsers.html_reader import decode_html
    text = decode_html(data).text
    parser = html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, recover=True)
    times, cpu = [], []
    for _ in range(rounds):
        t0, c0 = time.perf_counter(), time.process_time()
        html.document_fromstring(text, parser=parser)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return statistics.median(times), min(cpu)


def main() -> None:
    page = padded_page(300 * 1024)
    (got, got_cpu), (base, base_cpu) = timed_both(page, ".html"), parse_floor(page)
    print(f"HTML page of {len(page) // 1024} KB: {got * 1000:.1f} ms (target ≤ 30 ms); floor (lxml parse alone) "
          f"{base * 1000:.1f} ms; ratio {got / base:.1f}×")
    print(f"  least CPU time: {got_cpu * 1000:.1f} ms; floor {base_cpu * 1000:.1f} ms; ratio {got_cpu / base_cpu:.1f}×")
    word = word_export_page(VALUES).encode("utf-8")
    print(f"Word-exported page of {len(word) // 1024} KB: {timed(word, '.htm') * 1000:.1f} ms")
    doc = docx_bytes(VALUES)
    print(f"DOCX of {len(doc) // 1024} KB: {timed(doc, '.docx') * 1000:.1f} ms")


if __name__ == "__main__":
    main()
