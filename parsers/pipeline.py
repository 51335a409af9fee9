"""One entry point: bytes → text → sections → tables → a Report. Formats plug in here."""
from __future__ import annotations

import bisect
import os
import stat
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from models.report import WARNING, Issue, OcrRead, Report
from parsers.decode import MAX_TEXT_BYTES, DecodeError, attach_notes, decode
from parsers.docx_reader import render_docx
from parsers.grid import Grid, GridCell, TextRow, stack
from parsers.html_reader import decode_html, render_html
from parsers.layout_text import TextBuilder, origin_at
from parsers.meta import meta_issues, read_meta, read_prose_counts
from parsers.normalize import Compact, fold_vertical_pipes, normalize
from parsers.pdf_reader import Piece, piece_at, read_pdf
from parsers.placement import TableResult, place, table3_thrown
from parsers.sections import find_sections
from parsers.tables import read_table2, read_table3, read_table4
from parsers.text_grid import iter_rows, text_grid
from parsers.tokens import Grid as Lines
from parsers.tokens import prose_spans

# Stored with every report a workspace holds; raise it whenever a reader may read a file differently.
READER_VERSION = "5"
# scans read by OCR (parsers/ocr.py; its IMAGE_SUFFIXES, kept here so that reading a text file loads no OCR)
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
DOCX_SUFFIXES = {".docx"}
PDF_SUFFIXES = {".pdf"}
DOCUMENT_SUFFIXES = HTML_SUFFIXES | DOCX_SUFFIXES | PDF_SUFFIXES | IMAGE_SUFFIXES
MAX_SCAN_BYTES = 200 * 1024 * 1024  # a PDF or an image: a scan takes a few MB a page
Progress = Callable[[int, int], None]  # OCR: pages done, pages to read
Cancelled = Callable[[], bool]  # OCR stops before the next page once this says so
NOT_YET = {".doc": "这是旧版 Word（.doc）文件；请在 Word 或 WPS 中另存为 .docx 后再打开",
           ".wps": "这是 WPS 文字（.wps）文件；请在 WPS 中另存为 .docx 后再打开",
           ".mht": "暂不支持 .mht 网页存档；请在浏览器中另存为“网页，仅 HTML”（.html）",
           ".mhtml": "暂不支持 .mhtml 网页存档；请在浏览器中另存为“网页，仅 HTML”（.html）",
           ".xls": "这是 Excel 文件，不是年度报告", ".xlsx": "这是 Excel 文件，不是年度报告"}


def parse_text(text: str, source: str = "", encoding: str | None = None, fmt: str = "text",
               xs: list[tuple[int, int, float, float]] | None = None, grids: list[Grid] | None = None) -> Report:
    """Read a report from its text. Spans in the result point into `text`. `grids` are the tables a
    document reader found (HTML, DOCX, PDF), with spans into `text`; without them the text's own
    delimited tables are the grids. A table no grid holds is read from the text by its labels
    (parsers/tables.py); `xs` gives the page x of pieces of a PDF's text for that."""
    report = Report(source=source, format=fmt, encoding=encoding, text=text)
    norm = fold_vertical_pipes(normalize(text))
    lines = Lines(norm, xs)
    compact = Compact.of(norm)  # the text without white space, for matching labels broken over lines
    sections = find_sections(norm, compact)
    report.sections = sections
    first_table = min((sections[k][0] for k in ("二", "三", "四") if k in sections), default=len(norm))
    report.meta = read_meta(norm, sections["一"][0] + 400 if "一" in sections else first_table, source)
    report.structure += meta_issues(norm, report.meta, sections.get("一"))  # title and body disagree
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
        if grids is not None:  # a document's own tables: placed from their grid, else read by labels
            res = _from_grid(key, norm, span, grids, prose[key]) or \
                reader(norm, span[0], span[1], lines, compact, prose[key])
        else:
            # Text: most copies are read by their labels alone; where that leaves doubt (an unknown or
            # missing row, a row with too few or too many values), the text's delimited grid is placed
            # and wins when every value in it stands under a header (misprinted labels, one value in a row).
            res = reader(norm, span[0], span[1], lines, compact, prose[key])
            if not res.found or res.doubt or any(i.severity == WARNING for i in res.issues):
                res = _from_grid(key, norm, span, None, prose[key], text) or res
        tables.append(res)
        if not res.found:
            report.structure.append(Issue("missing", WARNING, [f"s{'二三四'.index(key) + 2}"],
                                          f"第{key}部分中未找到表{key}"))
        report.cells.update(res.cells)
        report.structure.extend(res.issues)
    prose_end = min((sections[k][0] for k in ("二", "三", "四") if k in sections), default=len(norm))
    for cell in report.cells.values():  # raw is what was printed (１００件), not the folded copy
        span = cell.span
        if span is not None:
            cell.raw = text[span[0]:span[1]]
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


def _from_grid(key: str, norm: str, span: tuple[int, int], grids: list[Grid] | None,
               prose: list[tuple[int, int]], shown: str | None = None) -> TableResult | None:
    """Table `key` placed from the grid of its section: the document's tables (their rows inside
    the section, parts split by page breaks stacked), or the text's delimited rows."""
    if grids is None:
        got: list[TextRow] = []
        if key == "三" and table3_thrown(iter_rows(norm, span[0], span[1], prose), got):
            return None  # the usual text copy that lost cells: its values stand under no header (told cheaply)
        # widths as printed (shown), for columns aligned by spaces
        g = text_grid(norm, span[0], span[1], prose, shown, got if key == "三" else None)
    else:
        parts = [p for p in (_inside(g, span) for g in grids) if p is not None]
        g = stack(parts) if parts else None
    if g is None:
        return None
    res = place(key, g, guesses=grids is not None)  # a text copy's guessed grid is thrown away just below
    if res is None or not res.found or (grids is None and res.guessed):
        return None  # a text copy whose cells do not stand under their headers: read by labels instead
    if not any(c.raw is not None for c in res.cells.values()) and any(c.source.span for c in g.cells):
        return None  # labels in cells but no value in any: the grid is not the table's (read by labels)
    return res


def _inside(grid: Grid, span: tuple[int, int]) -> Grid | None:
    """The rows of a grid whose cells lie in a section of the text."""
    keep = [c for c in grid.cells if c.source.span is not None and span[0] <= c.source.span[0] < span[1]]
    if not keep:
        return None
    if len(keep) == len(grid.cells):
        return grid
    top = min(c.row for c in keep)
    out = Grid(ruled=grid.ruled, edges=grid.edges, merged=grid.merged)
    for c in keep:
        out.add(GridCell(c.row - top, c.col, c.text, c.rowspan, c.colspan, c.source))
    out.cols = max(out.cols, grid.cols)
    return out


def parse_bytes(data: bytes, source: str = "", encoding: str | None = None, suffix: str = ".txt",
                progress: Progress | None = None, cancelled: Cancelled | None = None) -> Report:
    """Read report bytes of the kind `suffix` names; problems become `Report.error`, never exceptions.
    Scanned pages (an image file, PDF pages without a text layer) are read by OCR, page by page:
    `progress(done, total)` after each, and no further page once `cancelled()` says so (the pages
    not read are named in an issue)."""
    suffix = suffix.lower()
    if suffix in IMAGE_SUFFIXES:
        return _parse_image(data, source, suffix, progress, cancelled)
    if suffix in HTML_SUFFIXES:
        notes: list[Issue] = []  # the decoder's: a BOM ignored, a declaration not borne out, a reading in doubt
        return attach_notes(_parse_document(source, "html", lambda: _html(data, encoding, notes)), notes)
    if suffix in DOCX_SUFFIXES:
        return _parse_document(source, "docx", lambda: (render_docx(data), None, 0))
    if suffix in PDF_SUFFIXES:
        return _parse_pdf(data, source, progress, cancelled)
    try:
        decoded = decode(data, encoding)
    except DecodeError as exc:
        return Report(source=source, error=str(exc))
    report = _note_replaced(parse_text(decoded.text, source, decoded.encoding), decoded.replaced)
    return attach_notes(report, decoded.notes)  # a BOM ignored, a reading in doubt: the encodings tried


def _note_replaced(report: Report, replaced: int) -> Report:
    """Say so when some bytes did not decode (they show as �)."""
    if replaced and report.error is None:
        report.structure.append(Issue("encoding", WARNING, [],
                                      f"有 {replaced} 处字节不能按 {report.encoding} 解码，原文中显示为 �；"
                                      "若它们落在表格里，请核对，或换一种编码重新打开"))
    return report


def _parse_pdf(data: bytes, source: str, progress: Progress | None = None,
               cancelled: Cancelled | None = None) -> Report:
    """A PDF's text layer laid out as lines and cells, read like text; each value keeps its box. Pages
    without a text layer are read by OCR and take their place among the others."""
    try:
        pdf = read_pdf(data)
    except DecodeError as exc:
        return Report(source=source, format="pdf", error=str(exc))
    layout: dict[str, Any] = {"pieces": [[a, b, p.page, p.left, p.bottom, p.right, p.top] for a, b, p in pdf.pieces],
                              "heights": [h for _, h in pdf.page_sizes]}
    chars: dict[int, int] = {}
    for _, _, p in pdf.pieces:
        chars[p.page] = chars.get(p.page, 0) + len(p.text.strip())
    bare = [n for n in range(1, pdf.pages + 1) if not chars.get(n) and n not in pdf.damaged]
    thin = [n for n in range(1, pdf.pages + 1) if 0 < chars.get(n, 0) < THIN_TEXT]
    notes = pdf.notes()  # damaged pages
    if bare or thin:
        from parsers.ocr_images import scanned_pages

        try:
            # a page without text is read when images cover much of it (a blank page, or one of
            # drawings only, holds no picture of text); a page whose text layer is only a stamp or a
            # page number is read when an image covers most of it
            scanned = sorted(set(scanned_pages(data, bare, SCAN_SHARE)) | set(scanned_pages(data, thin)))
        except DecodeError:
            scanned = []
        if scanned:
            got = _scan(data, ".pdf", scanned, progress, cancelled)
            if isinstance(got, str):  # OCR could not run: the text pages are still read
                notes.append(Issue("missing", WARNING, [], f"第 {_pages(scanned)} 页没有文字层（扫描页），{got}"))
            else:
                scan, scan_notes = got
                notes += scan_notes
                if scan.text.strip():
                    read = set(scanned[:scan.pages])  # a thin text layer of a page read by OCR gives way
                    text, layout, grids = _merge([(pdf.text, layout["pieces"], pdf.grids, None),
                                                  (scan.text, scan.layout["pieces"], scan.grids, scan.layout["ocr"])],
                                                 {(0, n) for n in read})
                    layout["heights"] = [h for _, h in pdf.page_sizes]
                    return attach_notes(parse_laid_out(text, source, "pdf", layout, grids), notes)
                if not pdf.text.strip():
                    return Report(source=source, format="pdf", structure=notes + [_nothing_read(
                        f"PDF 共 {pdf.pages} 页，没有文字层（扫描件）", scan.pages)])
    if not pdf.text.strip():
        return Report(source=source, format="pdf", structure=notes + [Issue(
            "missing", WARNING, [], f"PDF 共 {pdf.pages} 页，但既没有文字层，也没有可供 OCR 识别的扫描图像："
            "表格无法自动读取；可在右侧模板中照原件手工填写数值，修改记录和导出照常")])
    return attach_notes(parse_laid_out(pdf.text, source, "pdf", layout, pdf.grids), notes)


def _parse_image(data: bytes, source: str, suffix: str, progress: Progress | None,
                 cancelled: Cancelled | None) -> Report:
    """An image file (each frame of a TIFF a page) read by OCR."""
    got = _scan(data, suffix, None, progress, cancelled)
    if isinstance(got, str):
        return Report(source=source, format="image", error=got)
    scan, notes = got
    if not scan.text.strip():
        return Report(source=source, format="image", structure=notes + [_nothing_read("图片", scan.pages)])
    return attach_notes(parse_laid_out(scan.text, source, "image", scan.layout, scan.grids), notes)


def _nothing_read(what: str, pages: int) -> Issue:
    return Issue("missing", WARNING, [], f"{what}，OCR 在 {pages} 页上未读出任何文字（图像可能过淡、过小、"
                 "不是文字，或不是年度报告）：表格无法自动读取；可在右侧模板中照原件手工填写数值，修改记录和导出照常")


def _scan(data: bytes, suffix: str, pages: list[int] | None, progress: Progress | None,
          cancelled: Cancelled | None) -> tuple[Any, list[Issue]] | str:
    """OCR the scanned pages: the Scan and an issue naming the pages not read; or why OCR could not run."""
    try:
        from parsers.ocr import MAX_SCAN_PAGES, read_scan
        from parsers.ocr_images import page_total

        wanted = pages if pages is not None else list(range(1, page_total(data, suffix) + 1))
        scan = read_scan(data, suffix, progress, cancelled, pages=wanted)
    except DecodeError as exc:
        return str(exc)
    except (ImportError, OSError, RuntimeError) as exc:  # OCR components missing or broken in this installation
        return f"无法进行 OCR（{type(exc).__name__}: {exc}）：表格无法自动读取；可照原件手工填写"
    except Exception as exc:  # noqa: BLE001 - an image OpenCV or Pillow refuses (a decompression bomb…): said, not raised
        return f"扫描图像无法读取（{type(exc).__name__}: {exc}）：表格无法自动读取；可照原件手工填写"
    unread = wanted[scan.pages:]
    notes = []
    if unread:
        why = (f"超过每份报告 {MAX_SCAN_PAGES} 页的 OCR 上限" if scan.pages >= MAX_SCAN_PAGES
               else "OCR 已取消")
        notes.append(Issue("missing", WARNING, [], f"第 {_pages(unread)} 页（共 {len(unread)} 页）未读取：{why}；"
                           "这些页上的数值没有读入，请照原件核对，或“从源文件重新读取”"))
    return scan, notes


def _pages(pages: list[int]) -> str:
    """Page numbers as runs: 3–6、9."""
    runs: list[list[int]] = []
    for n in pages:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return "、".join(f"{r[0]}–{r[-1]}" if len(r) > 2 else "、".join(map(str, r)) for r in runs)


Part = tuple[str, list[list[Any]], list[Grid], list[Any] | None]  # text, pieces, grids, OCR marks per piece
DROPPED = -(1 << 62)  # the shift of a stretch _merge leaves out
THIN_TEXT = 40  # a page with fewer characters in its text layer may be a scan with a stamp or page number
SCAN_SHARE = 0.25  # a page without text whose images cover this much of it is read by OCR


def _merge(parts: list[Part], drop: set[tuple[int, int]] | None = None) -> tuple[str, dict[str, Any], list[Grid]]:
    """Several laid-out texts of one document (its text-layer pages, its scanned pages) as one, page
    by page in page order: each page's stretch of text moved to its place, with its pieces and grids.
    `drop` names (part, page) stretches left out, with their pieces and grids."""
    drop = drop or set()
    chunks = []  # (page, part, start, end)
    for k, (text, pieces, _, _) in enumerate(parts):
        first: dict[int, int] = {}
        for p in pieces:
            page, a = int(p[2]), int(p[0])
            first[page] = min(first.get(page, a), a)
        order = sorted(first.items(), key=lambda kv: kv[1])
        for i, (page, a) in enumerate(order):
            end = order[i + 1][1] if i + 1 < len(order) else len(text)
            chunks.append((page, k, 0 if i == 0 else a, end))
    chunks.sort()
    out: list[str] = []
    pos = 0
    moves: list[list[tuple[int, int, int]]] = [[] for _ in parts]  # per part: (start, end, shift)
    for page, k, a, b in chunks:
        if (k, page) in drop:
            moves[k].append((a, b, DROPPED))
            continue
        piece = parts[k][0][a:b]
        moves[k].append((a, b, pos - a))
        out.append(piece)
        pos += len(piece)
        if piece and not piece.endswith("\n"):
            out.append("\n")
            pos += 1
    for m in moves:
        m.sort()

    def shift(k: int, at: int) -> int:
        starts = [a for a, _, _ in moves[k]]
        i = bisect.bisect_right(starts, at) - 1
        return moves[k][max(i, 0)][2]

    placed: list[tuple[list[Any], Any]] = []  # (piece, its OCR mark)
    moved_grids: list[tuple[int, Grid]] = []  # (where it starts, grid)
    for k, (_, ps, gs, marks) in enumerate(parts):
        for n, p in enumerate(ps):
            d = shift(k, int(p[0]))
            if d == DROPPED:
                continue
            placed.append(([int(p[0]) + d, int(p[1]) + d, *p[2:]], marks[n] if marks is not None else None))
        for g in gs:
            if any(c.source.span is not None and shift(k, c.source.span[0]) == DROPPED for c in g.cells):
                continue
            moved = Grid(ruled=g.ruled, edges=g.edges, merged=g.merged)
            for c in g.cells:
                src = c.source
                if src.span is not None:
                    d = shift(k, src.span[0])
                    src = replace(src, span=(src.span[0] + d, src.span[1] + d))
                moved.add(GridCell(c.row, c.col, c.text, c.rowspan, c.colspan, src))
            moved.rows, moved.cols = max(moved.rows, g.rows), max(moved.cols, g.cols)
            at = min((c.source.span[0] for c in moved.cells if c.source.span is not None), default=0)
            moved_grids.append((at, moved))
    placed.sort(key=lambda pm: int(pm[0][0]))
    moved_grids.sort(key=lambda ag: ag[0])
    layout = {"pieces": [p for p, _ in placed], "heights": [], "ocr": [m for _, m in placed]}
    return "".join(out), layout, [g for _, g in moved_grids]


def mark_ocr(report: Report) -> None:
    """Every cell whose value was read by OCR gets its read (Cell.ocr) from the marks its piece keeps in
    report.layout["ocr"]; a read that is unsure, or a lone stroke that may be a "/" or "—", makes the
    cell uncertain and gets an issue (models.grouping makes them one item)."""
    layout = report.layout or {}
    ocr = layout.get("ocr")
    if not ocr:
        return
    from parsers.ocr_marks import OcrMark

    pieces = layout["pieces"]
    starts = [int(p[0]) for p in pieces]
    for fid, cell in report.cells.items():
        if cell.span is None:
            continue
        i = bisect.bisect_right(starts, cell.span[0]) - 1
        if i < 0 or not (starts[i] <= cell.span[0] < int(pieces[i][1])) or ocr[i] is None:
            continue
        m = OcrMark.from_json(ocr[i])
        whole = (starts[i], int(pieces[i][1])) == cell.span
        cell.ocr = OcrRead(m.text if whole else (cell.raw or m.text), m.confidence,
                           m.alternatives if whole else (), m.flagged, m.note)
        if m.uncertain or m.flagged:
            cell.uncertain = True
            report.structure.append(Issue("ocr", WARNING, [fid], m.note or
                                          f"OCR 读作“{cell.ocr.text}”，把握 {m.confidence:.2f}"))


def parse_laid_out(text: str, source: str, fmt: str, layout: dict[str, Any],
                   grids: list[Grid] | None = None) -> Report:
    """Read a PDF's laid-out text with its pieces' positions (fresh, or as stored in a workspace) and
    its ruled tables (fresh only: a stored layout reads its tables from the text by their labels).
    A scan's layout has the same form, with each piece's OCR mark in layout["ocr"]."""
    pieces = [(int(a), int(b), Piece(int(pg), float(left), float(bottom), float(right), float(top), ""))
              for a, b, pg, left, bottom, right, top in layout["pieces"]]
    heights = layout["heights"]
    report = parse_text(text, source, None, fmt, [(a, b, p.left, p.right) for a, b, p in pieces],
                        grids if grids is not None else [])
    report.layout = layout
    for cell in report.cells.values():
        if cell.span is not None:
            piece = piece_at(pieces, cell.span[0])
            if piece is not None:
                h = heights[piece.page - 1]
                cell.box = (piece.page, piece.left, h - piece.top, piece.right, h - piece.bottom)
    mark_ocr(report)  # a scan's pages: each value's read
    return report


def parse_stored(text: str, source: str, encoding: str | None, fmt: str,
                 layout: dict[str, Any] | None) -> Report:
    """Read a report again from the text a workspace kept (with its PDF layout when it has one)."""
    if layout:
        return parse_laid_out(text, source, fmt, layout)
    return parse_text(text, source, encoding, fmt)


def _html(data: bytes, encoding: str | None, notes: list[Issue]) -> tuple[TextBuilder, str | None, int]:
    decoded = decode_html(data, encoding)
    notes += decoded.notes
    return render_html(decoded.text), decoded.encoding, decoded.replaced


def _parse_document(source: str, fmt: str,
                    render: Callable[[], tuple[TextBuilder, str | None, int]]) -> Report:
    """A document with real tables, laid out as text and read like one; each cell keeps its table cell."""
    try:
        built, encoding, replaced = render()
    except (DecodeError, ValueError) as exc:
        return Report(source=source, format=fmt, error=str(exc))
    report = _note_replaced(parse_text(built.text(), source, encoding, fmt, grids=built.grids), replaced)
    for cell in report.cells.values():
        if cell.span is not None:
            cell.origin = origin_at(built.spans, cell.span[0])
    return report


def max_bytes(suffix: str) -> int:
    """The largest file of this kind that is read: text 20 MB, a PDF or an image (a scan) 200 MB."""
    return MAX_SCAN_BYTES if suffix.lower() in PDF_SUFFIXES | IMAGE_SUFFIXES else MAX_TEXT_BYTES


def read_upto(path: str | os.PathLike[str], size: int, limit: int) -> bytes:
    """A file's bytes as stat() gave its size, and more if it grew since, never more than limit + 1
    (the caller refuses those). Asking for limit + 1 at once would take that much memory each time."""
    with open(path, "rb") as fh:
        want = min(size, limit) + 1
        data = fh.read(want)
        if len(data) == want:
            data += fh.read(limit + 1 - len(data))
    return data


def parse_path(path: str | os.PathLike[str], encoding: str | None = None) -> Report:
    """Read a report file (opened read-only); problems become `Report.error`."""
    p = Path(path)
    source = str(path)
    suffix = p.suffix.lower()
    if suffix in NOT_YET:
        return Report(source=source, format=suffix.lstrip("."), error=NOT_YET[suffix])
    try:
        st = p.stat()
        if not stat.S_ISREG(st.st_mode):
            return Report(source=source,
                          error="这是一个文件夹，不是报告文件" if p.is_dir() else "不是普通文件（设备或管道），不读取")
        size = st.st_size
        limit = max_bytes(suffix)
        if size > limit:
            return Report(source=source,
                          error=f"文件过大（{size / 1048576:.1f} MB），超过 {limit // 1048576} MB 的上限")
        data = read_upto(p, size, limit)
        if len(data) > limit:
            return Report(source=source, error=f"文件过大，超过 {limit // 1048576} MB 的上限")
    except IsADirectoryError:
        return Report(source=source, error="这是一个文件夹，不是报告文件")
    except OSError as exc:
        return Report(source=source, error=f"无法读取文件：{exc.strerror or exc}")
    return parse_bytes(data, source, encoding, suffix)
