"""Speed of `extract`: median in-process time per report, and the command over 1,000 report files.

Run: python bench/extract_bench.py [--files 1000]. Target: ≤ 1.5 ms per report in process; printed beside
the floor of reading, decoding and one regex pass over each file, measured in the same run: the median
wall time, and the least CPU time of a round (the steadier figure when other work shares the cores).
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.checks import check  # noqa: E402
from parsers import parse_path  # noqa: E402
from parsers.decode import decode  # noqa: E402
from parsers.normalize import normalize  # noqa: E402

SAMPLES = sorted((ROOT / "resources" / "samples").glob("*.txt"))


def make_corpus(folder: Path, n: int, per_agency: int = 4,
                name: Callable[[int], str] = lambda k: f"第{k}号机关") -> list[Path]:
    """n report files built from the samples: n / per_agency agencies (the k-th called name(k)), each
    with reports for consecutive years, each year another sample (so the cross-year checks have
    pairs to compare, whose carried-over counts disagree)."""
    texts = []
    for p in SAMPLES:
        t = normalize(p.read_text(encoding="utf-8"))  # radicals folded, so the agency's name is found
        texts.append((t, parse_path(p).meta.agency or ""))
    agencies = max(1, n // per_agency)
    out = []
    for i in range(n):
        t, agency = texts[i % len(texts)]
        year = 2021 + i // agencies
        t = t.replace("2022年", f"{year}年").replace("2023年", f"{year}年")
        if agency:
            t = t.replace(agency, name(i % agencies))
        p = folder / f"r{i:05d}.txt"
        p.write_text(t, encoding="utf-8")
        out.append(p)
    return out


_FLOOR_RX = re.compile(r"\d+")


def floor(rounds: int = 200) -> tuple[float, float]:
    """Median wall seconds, and least CPU seconds of a round over the samples per report, to read a
    report file, decode it and run one regex pass over its text: the least any reader must do."""
    times, cpu = [], []
    for _ in range(rounds):
        c0 = time.process_time()
        for p in SAMPLES:
            t0 = time.perf_counter()
            text = decode(p.read_bytes()).text
            _FLOOR_RX.findall(text)
            times.append(time.perf_counter() - t0)
        cpu.append((time.process_time() - c0) / len(SAMPLES))
    return statistics.median(times), min(cpu)


def in_process(rounds: int = 200) -> tuple[float, float]:
    """Median wall seconds to read, check and serialise one report, and the least CPU seconds per
    report of a round over the samples (steadier on a machine other work shares)."""
    for p in SAMPLES:  # warm caches (regexes, chardet never needed for UTF-8)
        check(parse_path(p))
    times, cpu = [], []
    for _ in range(rounds):
        c0 = time.process_time()
        for p in SAMPLES:
            t0 = time.perf_counter()
            r = parse_path(p)
            r.json_text(check(r))
            times.append(time.perf_counter() - t0)
        cpu.append((time.process_time() - c0) / len(SAMPLES))
    return statistics.median(times), min(cpu)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=1000)
    a = ap.parse_args()
    med, cpu = in_process()
    base, base_cpu = floor()
    print(f"in-process median per report: {med * 1000:.2f} ms (target ≤ 1.5 ms); floor (read + decode + one "
          f"regex pass) {base * 1000:.3f} ms; ratio {med / base:.1f}×")
    print(f"least CPU time per report: {cpu * 1000:.2f} ms; floor {base_cpu * 1000:.3f} ms; "
          f"ratio {cpu / base_cpu:.1f}×")
    with tempfile.TemporaryDirectory() as d:
        make_corpus(Path(d), a.files)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "main.py"), "--version"], check=True, capture_output=True)
        startup = time.perf_counter() - t0
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, str(ROOT / "main.py"), "extract", "--json", d],
                             check=True, capture_output=True)
        total = time.perf_counter() - t0
    n = len(json.loads(out.stdout)["reports"])
    print(f"start-up (main.py --version): {startup * 1000:.0f} ms")
    print(f"extract over {n} files: {total:.2f} s, {(total - startup) / n * 1000:.2f} ms per report beyond start-up")


if __name__ == "__main__":
    main()
