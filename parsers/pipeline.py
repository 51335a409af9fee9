"""One entry point: bytes → text → sections → tables → a Report. Formats plug in here."""
from __future__ import annotations

import os
import stat
from pathlib import Path

from models.report import WARNING, Issue, Report
from parsers.decode import MAX_TEXT_BYTES, DecodeError, decode
from parsers.meta import read_meta, read_prose_counts
from parsers.normalize import Compact, fold_vertical_pipes, normalize
from parsers.sections import find_sections
from parsers.tables import read_table2, read_table3, read_table4
from parsers.tokens import Grid, prose_spans

TEXT_SUFFIXES = {".txt", ".text", ".md", ".csv", ".tsv", ""}
NOT_YET = {".pdf": "PDF", ".docx": "Word (DOCX)", ".html": "HTML", ".htm": "HTML", ".doc": "Word 97-2003 (.doc)",
           ".wps": "WPS", ".xls": "Excel", ".xlsx": "Excel"}


def parse_text(text: str, source: str = "", encoding: str | None = None, fmt: str = "text") -> Report:
    """Read a report from its text. Spans in the result point into `text`."""
    report = Report(source=source, format=fmt, encoding=encoding, text=text)
    norm = fold_vertical_pipes(normalize(text))
    grid = Grid(norm)
    compact = Compact.of(norm)  # the text without white space, for matching labels broken over lines
    sections = find_sections(norm, compact)
    report.sections = sections
    first_table = min((sections[k][0] for k in ("二", "三", "四") if k in sections), default=len(norm))
    report.meta = read_meta(norm, sections.get("一", (first_table, 0))[0] + 400 if "一" in sections else first_table)
    region = {k: sections.get(k) for k in ("二", "三", "四")}
    tables = []
    prose: dict[str, list[tuple[int, int]]] = {}
    for key, reader in (("二", read_table2), ("三", read_table3), ("四", read_table4)):
        span = region[key]
        if span is None:
            report.structure.append(Issue("missing", WARNING, [f"s{'二三四'.index(key) + 2}"],
                                          f"未找到第{key}部分（表{key}）"))
            continue
        prose[key] = prose_spans(norm, span[0], span[1])
        res = reader(norm, span[0], span[1], grid, compact, prose[key])
        tables.append(res)
        if not res.found:
            report.structure.append(Issue("missing", WARNING, [f"s{'二三四'.index(key) + 2}"],
                                          f"第{key}部分中未找到表{key}"))
        report.cells.update(res.cells)
        report.structure.extend(res.issues)
    prose_end = min((sections[k][0] for k in ("二", "三", "四") if k in sections), default=len(norm))
    for cell in report.cells.values():  # raw is what was printed (１００件), not the folded copy
        if cell.span is not None:
            cell.raw = text[cell.span[0]:cell.span[1]]
    report.prose = read_prose_counts(norm, 0, prose_end)
    for k in ("五", "六"):
        if k in sections:
            report.prose += read_prose_counts(norm, *sections[k])
    for spans in prose.values():  # a note under a table can state counts too
        for a, b in spans:
            report.prose += read_prose_counts(norm, a, b)
    if not any(t.found for t in tables) and report.meta.year is None:
        report.error = "不是政府信息公开工作年度报告：找不到标题，也找不到任何一张表"
    return report


def parse_bytes(data: bytes, source: str = "", encoding: str | None = None) -> Report:
    """Decode and read report bytes; problems become `Report.error`, never exceptions."""
    try:
        decoded = decode(data, encoding)
    except DecodeError as exc:
        return Report(source=source, error=str(exc))
    return parse_text(decoded.text, source, decoded.encoding)


def parse_path(path: str | os.PathLike[str], encoding: str | None = None) -> Report:
    """Read a report file (opened read-only); problems become `Report.error`."""
    p = Path(path)
    source = str(path)
    suffix = p.suffix.lower()
    if suffix in NOT_YET:
        return Report(source=source, format=suffix.lstrip("."),
                      error=f"暂不支持 {NOT_YET[suffix]} 文件；请另存为文本（.txt）后再打开")
    try:
        st = p.stat()
        if not stat.S_ISREG(st.st_mode):
            return Report(source=source, error="这是一个文件夹，不是报告文件" if p.is_dir() else "不是普通文件（设备或管道），不读取")
        size = st.st_size
        if size > MAX_TEXT_BYTES:
            return Report(source=source, error=f"文件过大（{size / 1048576:.0f} MB），超过 {MAX_TEXT_BYTES // 1048576} MB 的上限")
        with open(p, "rb") as fh:
            data = fh.read(MAX_TEXT_BYTES + 1)  # a file that grows while read still stops here
        if len(data) > MAX_TEXT_BYTES:
            return Report(source=source, error=f"文件过大，超过 {MAX_TEXT_BYTES // 1048576} MB 的上限")
    except IsADirectoryError:
        return Report(source=source, error="这是一个文件夹，不是报告文件")
    except OSError as exc:
        return Report(source=source, error=f"无法读取文件：{exc.strerror or exc}")
    return parse_bytes(data, source, encoding)
