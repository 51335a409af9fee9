"""Scanned pages as images to OCR: each page of an image-only PDF (its one page-sized image at its
own resolution, else the page rendered), each frame of an image file (PNG, JPEG, multi-page TIFF),
with its size in points so that every box found on it can be given in PDF points."""
from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from parsers.decode import DecodeError
from parsers.ocr_engine import Gray

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}
MAX_SCAN_PAGES = 40  # pages read by OCR in one report (~5 s each); the rest are reported, not read
RENDER_DPI = 300  # a scanned PDF page with no single page-sized image is rendered at this resolution
MAX_DPI = 320  # finer images are scaled down to this first: OCR gains nothing, and takes longer
MIN_DPI = 200
MAX_PIXELS = 60_000_000  # one page image; larger is a broken or hostile file


@dataclass
class PageImage:
    """A page to OCR: grey pixels, its number in the document (from 1), and its size in points."""
    pixels: Gray
    page: int
    width_pt: float
    height_pt: float

    @property
    def pt_per_px(self) -> float:
        return float(self.width_pt / self.pixels.shape[1])


def page_images(data: bytes, suffix: str, pages: Iterable[int] | None = None,
                max_pages: int = MAX_SCAN_PAGES) -> Iterator[PageImage]:
    """The page images of a scanned PDF (`pages`: which, from 1; all by default) or of an image file
    (each frame of a multi-page TIFF a page), at most `max_pages`, made one at a time."""
    suffix = suffix.lower()
    if suffix == ".pdf":
        yield from _pdf_images(data, pages, max_pages)
    elif suffix in IMAGE_SUFFIXES:
        yield from _file_images(data, max_pages)
    else:
        raise DecodeError(f"不是扫描件的格式：{suffix}")


def _open_pdf(data: bytes) -> Any:
    """A PDF opened by pdfium (close it), or DecodeError saying it is damaged."""
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise DecodeError(f"PDF 文件已损坏，无法读取（{exc}）") from exc


def pages_without_text(data: bytes) -> list[int]:
    """The pages of a PDF (from 1) that have no text layer: the ones to read by OCR."""
    pdf = _open_pdf(data)
    out = []
    try:
        for n in range(len(pdf)):
            page = pdf[n]
            tp = page.get_textpage()
            try:
                if not tp.get_text_range().strip():
                    out.append(n + 1)
            finally:
                tp.close()
                page.close()
    finally:
        pdf.close()
    return out


def scanned_pages(data: bytes, pages: list[int], share: float = 0.6) -> list[int]:
    """Of these pages of a PDF (from 1), the ones its images cover, together, at least `share` of:
    a scan (one page-sized image, or a scanner's strips). A page of drawings and no image, or only
    a logo, is not read by OCR: it holds no picture of text."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = _open_pdf(data)
    out = []
    try:
        for n in pages:
            try:
                page = pdf[n - 1]
            except pdfium.PdfiumError:
                continue
            try:
                w, h = float(page.get_width()), float(page.get_height())
                covered = 0.0
                for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=2):
                    left, bottom, right, top = obj.get_bounds()
                    covered += max(0.0, min(right, w) - max(left, 0.0)) * max(0.0, min(top, h) - max(bottom, 0.0))
                if w > 0 and h > 0 and covered >= share * w * h:
                    out.append(n)
            except pdfium.PdfiumError:
                continue
            finally:
                page.close()
    finally:
        pdf.close()
    return out


def _fit(pixels: Gray, dpi: float) -> Gray:
    """Scale a page image finer than MAX_DPI down to it."""
    import cv2

    if dpi <= MAX_DPI:
        return pixels
    k = MAX_DPI / dpi
    h, w = pixels.shape[:2]
    return np.asarray(cv2.resize(pixels, (max(1, round(w * k)), max(1, round(h * k))), interpolation=cv2.INTER_AREA),
                      dtype=np.uint8)


def _file_images(data: bytes, max_pages: int) -> Iterator[PageImage]:
    from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

    try:
        img = Image.open(io.BytesIO(data))
    except (UnidentifiedImageError, OSError) as exc:
        raise DecodeError(f"图片文件已损坏或格式不支持（{exc}）") from exc
    for n, frame in enumerate(ImageSequence.Iterator(img)):
        if n >= max_pages:
            return
        w, h = frame.size
        if w * h > MAX_PIXELS:
            raise DecodeError(f"图片过大（{w}×{h} 像素）")
        try:
            upright = ImageOps.exif_transpose(frame).convert("L")  # a phone's photo may be stored turned
        except OSError as exc:
            raise DecodeError(f"图片文件已损坏，第 {n + 1} 页无法读取（{exc}）") from exc
        w, h = upright.size
        dpi = _dpi(frame.info.get("dpi"), w, h)
        pixels = np.asarray(upright, dtype=np.uint8)
        yield PageImage(_fit(pixels, dpi), n + 1, w * 72 / dpi, h * 72 / dpi)


def _dpi(stated: object, w: int, h: int) -> float:
    """An image's resolution: as stored when it makes a page of a plausible size, else that of an
    A4 page as wide as the image (the reports are A4)."""
    try:
        dpi = float(stated[0]) if isinstance(stated, tuple) and stated else 0.0  # TIFF: a rational
    except (TypeError, ValueError):
        dpi = 0.0
    if dpi > 0 and 5.0 <= w / dpi <= 17.0:
        return dpi
    return w / (11.69 if w > h else 8.27)


def _pdf_images(data: bytes, pages: Iterable[int] | None, max_pages: int) -> Iterator[PageImage]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise DecodeError(f"PDF 文件已损坏，无法读取（{exc}）") from exc
    try:
        wanted = list(pages) if pages is not None else list(range(1, len(pdf) + 1))
        for n in wanted[:max_pages]:
            page = pdf[n - 1]
            try:
                w_pt, h_pt = float(page.get_width()), float(page.get_height())
                pixels = _page_image(page, raw.FPDF_PAGEOBJ_IMAGE, w_pt, h_pt)
                if pixels is None:
                    bitmap = page.render(scale=RENDER_DPI / 72, grayscale=True, fill_color=(255, 255, 255, 255))
                    pixels = np.array(bitmap.to_numpy(), dtype=np.uint8).reshape(bitmap.height, -1)[:, :bitmap.width]
                yield PageImage(pixels, n, w_pt, h_pt)
            finally:
                page.close()
    finally:
        pdf.close()


def _page_image(page: Any, image_type: int, w_pt: float, h_pt: float) -> Gray | None:
    """The page's one page-sized image at its own resolution (a scanner's PDF), or None."""
    if page.get_rotation() != 0:
        return None
    images = list(page.get_objects(filter=[image_type], max_depth=2))
    if len(images) != 1:
        return None
    obj = images[0]
    left, bottom, right, top = obj.get_bounds()
    if (right - left) < 0.9 * w_pt or (top - bottom) < 0.9 * h_pt or left > 0.05 * w_pt or bottom > 0.05 * h_pt:
        return None
    try:
        bitmap = obj.get_bitmap(render=False)
        pil = bitmap.to_pil()
    except Exception:  # noqa: BLE001 - pdfium cannot decode every image filter; the page is rendered instead
        return None
    iw, ih = pil.size
    if iw * ih > MAX_PIXELS or abs(iw / ih - w_pt / h_pt) > 0.03 * (w_pt / h_pt):
        return None  # rotated or cropped: render the page as shown instead
    dpi = iw * 72 / w_pt
    if dpi < MIN_DPI * 0.7:
        return None
    return _fit(np.asarray(pil.convert("L"), dtype=np.uint8), dpi)


def page_total(data: bytes, suffix: str) -> int:
    """How many pages a PDF or an image file has."""
    if suffix.lower() == ".pdf":
        from parsers.pdf_reader import page_count

        return page_count(data)
    from PIL import Image

    try:
        return int(getattr(Image.open(io.BytesIO(data)), "n_frames", 1))
    except OSError as exc:
        raise DecodeError(f"图片文件已损坏或格式不支持（{exc}）") from exc
