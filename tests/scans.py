"""Scanned reports made from known values: the official tables drawn with Qt into page images, then
degraded like a real scan (skew, noise, JPEG, uneven light, blur), as PNG/JPEG/TIFF bytes or an
image-only PDF. Every printed value cell is recorded with its page, box (points from the page top)
and text, so a test can compare what OCR read with what was printed."""
from __future__ import annotations

import io
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from documents import PROSE, TITLE, cell_value, grids
from ui.layouts import HEADER, VALUE, Grid

A4_W, A4_H = 595, 842
MARGIN = 40
ROW_H = 20.0
TABLE_PT = 8.5  # a table's print size; most reports use 9–10.5 pt (小五–五号)
HEADINGS = ("二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况")


@dataclass(frozen=True)
class Condition:
    """How a page was scanned."""
    name: str
    dpi: int
    skew: float = 0.0  # degrees, counter-clockwise
    noise: float = 0.0  # standard deviation of grey-level noise
    jpeg: int = 0  # JPEG quality, 0 for none
    light: float = 0.0  # how much darker one corner is than the other (0–1)
    blur: float = 0.0  # Gaussian blur sigma in pixels


CLEAN = Condition("clean", 300)
OFFICE = Condition("office", 200, skew=0.7, noise=10, jpeg=60)
PHOTO = Condition("photo", 150, skew=2.0, noise=6, jpeg=75, light=0.35, blur=0.9)
CONDITIONS = (CLEAN, OFFICE, PHOTO)


@dataclass
class Printed:
    """A value cell as printed: its field, text, page and box in points from the page top."""
    field: str
    text: str
    page: int
    box: tuple[float, float, float, float]


@dataclass
class Scan:
    pages: list[np.ndarray]  # grey images, one per page
    dpi: int
    printed: list[Printed] = field(default_factory=list)

    def png(self, page: int = 0) -> bytes:
        return encode(self.pages[page], ".png")

    def tiff(self) -> bytes:
        """All pages in one multi-page TIFF, with the resolution stored."""
        from PIL import Image

        out = io.BytesIO()
        imgs = [Image.fromarray(p) for p in self.pages]
        imgs[0].save(out, format="TIFF", save_all=True, append_images=imgs[1:], dpi=(self.dpi, self.dpi),
                     compression="tiff_lzw")
        return out.getvalue()

    def pdf(self, jpeg: int = 80) -> bytes:
        """An image-only PDF (no text layer), one JPEG per A4 page, as a scanner writes it."""
        from PIL import Image

        out = io.BytesIO()
        imgs = [Image.fromarray(p).convert("RGB") for p in self.pages]
        imgs[0].save(out, format="PDF", save_all=True, append_images=imgs[1:], resolution=float(self.dpi),
                     quality=jpeg)
        return out.getvalue()


def encode(img: np.ndarray, ext: str, quality: int = 90) -> bytes:
    import cv2

    params = [cv2.IMWRITE_JPEG_QUALITY, quality] if ext in (".jpg", ".jpeg") else []
    ok, buf = cv2.imencode(ext, img, params)
    assert ok
    return bytes(buf.tobytes())


class _Painter:
    """Pages drawn in points onto grey images at `dpi`, recording every value cell drawn."""

    def __init__(self, dpi: int, font_pt: float, ruled: bool = True) -> None:
        self.dpi = dpi
        self.ruled = ruled
        self.font_pt = font_pt
        self.images: list[QImage] = []
        self.printed: list[Printed] = []
        self.p: QPainter | None = None
        self.y = float(MARGIN)
        self.new_page()

    def new_page(self) -> None:
        if self.p is not None:
            self.p.end()
        s = self.dpi / 72
        img = QImage(round(A4_W * s), round(A4_H * s), QImage.Format.Format_Grayscale8)
        img.setDotsPerMeterX(2835)  # 72 dpi: one unit is one point before the scale below
        img.setDotsPerMeterY(2835)
        img.fill(QColor("white"))
        self.images.append(img)
        self.p = QPainter(img)
        self.p.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.p.scale(s, s)
        pen = self.p.pen()
        pen.setWidthF(0.6)
        self.p.setPen(pen)
        self.y = float(MARGIN)

    def font(self, size: float) -> None:
        f = QFont("Noto Sans CJK SC")
        f.setPointSizeF(size)
        assert self.p is not None
        self.p.setFont(f)

    def line(self, text: str, size: float = 10.5, height: float = 20) -> None:
        assert self.p is not None
        if self.y + height > A4_H - MARGIN:
            self.new_page()
        self.font(size)
        self.p.drawText(QRectF(MARGIN, self.y, A4_W - 2 * MARGIN, height),
                        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        self.y += height

    def widths(self, g: Grid) -> list[float]:
        usable = A4_W - 2 * MARGIN
        if g.label_cols == 3:
            label = [34.0, 66.0, 150.0]
            return label + [(usable - sum(label)) / (g.cols - 3)] * (g.cols - 3)
        if g.label_cols == 1:
            return [150.0] + [(usable - 150) / (g.cols - 1)] * (g.cols - 1)
        return [usable / g.cols] * g.cols

    def row_height(self, g: Grid, values: dict, widths: list[float], r: int) -> float:
        assert self.p is not None
        metrics = self.p.fontMetrics()
        need = ROW_H
        for c in range(g.cols):
            cell = g.at(r, c)
            if cell is None or cell.row_span > 1:
                continue
            text = cell_value(values, cell.field) if cell.kind == VALUE else cell.text
            w = sum(widths[c:c + cell.col_span]) - 4
            box = metrics.boundingRect(0, 0, int(w), 1000, int(Qt.TextFlag.TextWordWrap), text)
            need = max(need, box.height() + 6.0)
        return need

    def table(self, g: Grid, values: dict) -> None:
        widths = self.widths(g)
        xs = [MARGIN + sum(widths[:i]) for i in range(g.cols + 1)]
        self.font(self.font_pt)
        heights = [self.row_height(g, values, widths, r) for r in range(g.rows)]
        if self.y + sum(heights[:4]) > A4_H - MARGIN:
            self.new_page()
            self.font(self.font_pt)
        top = self.y
        for r in range(g.rows):
            if top + heights[r] > A4_H - MARGIN:
                self.new_page()
                self.font(self.font_pt)
                top = self.y
            assert self.p is not None
            for c in range(g.cols):
                cell = g.at(r, c)
                if cell is None:
                    continue
                span = 1
                h = heights[r]
                while span < cell.row_span and top + h + heights[r + span] <= A4_H - MARGIN:
                    h += heights[r + span]
                    span += 1
                rect = QRectF(xs[c], top, xs[c + cell.col_span] - xs[c], h)
                if self.ruled:
                    self.p.drawRect(rect)
                text = cell_value(values, cell.field) if cell.kind == VALUE else cell.text
                flags = Qt.AlignmentFlag.AlignCenter if cell.kind in (HEADER, VALUE) else \
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                self.p.drawText(rect.adjusted(2, 1, -2, -1), int(flags) | int(Qt.TextFlag.TextWordWrap), text)
                if cell.kind == VALUE:
                    self.printed.append(Printed(cell.field, text, len(self.images),
                                                (rect.left(), rect.top(), rect.right(), rect.bottom())))
            top += heights[r]
        self.y = top + 10
        self.font(10.5)

    def finish(self) -> list[np.ndarray]:
        assert self.p is not None
        self.p.end()
        out = []
        for img in self.images:
            w, h, bpl = img.width(), img.height(), img.bytesPerLine()
            arr = np.frombuffer(img.constBits(), dtype=np.uint8, count=bpl * h).reshape(h, bpl)[:, :w]
            out.append(arr.copy())
        return out


def degrade(img: np.ndarray, cond: Condition, seed: int = 0) -> np.ndarray:
    """A clean page image as a scanner or a phone would give it."""
    import cv2

    rng = np.random.default_rng(seed)
    out = img.astype(np.float32)
    h, w = out.shape
    if cond.skew:
        m = cv2.getRotationMatrix2D((w / 2, h / 2), cond.skew, 1.0)
        out = cv2.warpAffine(out, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255.0)
    if cond.blur:
        out = cv2.GaussianBlur(out, (0, 0), cond.blur)
    if cond.light:  # paper lit from one side: darker towards the bottom right, ink greyer there too
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        shade = 1.0 - cond.light * (xx / w + yy / h) / 2
        out = out * shade + 20 * (1 - shade)
    if cond.noise:
        out = out + rng.normal(0, cond.noise, out.shape).astype(np.float32)
    out = np.clip(out, 0, 255).astype(np.uint8)
    if cond.jpeg:
        buf = encode(out, ".jpg", cond.jpeg)
        out = cv2.imdecode(np.frombuffer(buf, np.uint8), cv2.IMREAD_GRAYSCALE)
    return out


def scan_report(values: dict, cond: Condition = CLEAN, tables: tuple[int, ...] = (0, 1, 2), prose: bool = True,
                font_pt: float = TABLE_PT, extra_pages: int = 0, seed: int = 0, ruled: bool = True) -> Scan:
    """A scanned report: title and prose, then tables 二 三 四 (those in `tables`, with their rules
    or, `ruled=False`, without), degraded by `cond`."""
    painter = _Painter(cond.dpi, font_pt, ruled)
    if prose:
        painter.line(TITLE, 15, 30)
        painter.line("一、总体情况", 12, 24)
        painter.line(PROSE.format(n=cell_value(values, "s3.new.total")))
        for i in range(extra_pages):  # a long report: more pages of prose before the tables
            for k in range(34):
                painter.line(f"（{i + 1}.{k + 1}）持续推进政务公开标准化规范化建设，第{k + 1}项工作已按要求完成。")
    for i, g in enumerate(grids()):
        if i not in tables:
            continue
        painter.line(HEADINGS[i], 12, 26)
        painter.table(g, values)
    if prose:
        for text in ("五、存在的主要问题及改进情况", "信息更新不够及时。", "六、其他需要报告的事项",
                     "本年度未收取信息处理费。"):
            painter.line(text, 12 if "、" in text[:2] else 10.5, 24)
    pages = painter.finish()
    return Scan([degrade(p, cond, seed + k) for k, p in enumerate(pages)], cond.dpi, painter.printed)


def with_markers(values: dict, slash: list[str], dash: list[str]) -> dict:
    """The values with some cells printed as "/" and some as "—" (not applicable)."""
    out = dict(values)
    for f in slash:
        out[f] = "/"
    for f in dash:
        out[f] = "—"
    return out


def misread_sample(path: str, fid: str, read: int, right: int) -> object:
    """Sample 004 as if scanned from `path` and read by OCR: every printed value read surely, except
    `fid`, read as `read` (score 0.6, uncertain) with `right` as its runner-up: a Report whose rules
    the suggestion (right for read) mends."""
    from decimal import Decimal

    from conftest import SAMPLES
    from models.report import OcrRead
    from models.session import source_key
    from parsers.pipeline import parse_path

    report = parse_path(SAMPLES / "004_47148163d7b9be8f.txt")
    report.source = source_key(path)
    for cell in report.cells.values():
        if cell.raw is not None:
            cell.ocr = OcrRead(cell.raw, 0.99)
    cell = report.cells[fid]
    cell.value, cell.raw, cell.uncertain = Decimal(read), str(read), True
    cell.ocr = OcrRead(str(read), 0.6, ((str(right), 0.3),))
    return report
