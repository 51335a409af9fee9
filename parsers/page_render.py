"""The pages of a PDF or of a scanned image file (PNG, JPEG, TIFF with its pages), drawn for the
window's page pane at a scale in pixels per point, so the boxes the readers give (in points) land
on what was printed."""
from __future__ import annotations

import io

from parsers.decode import DecodeError
from parsers.ocr_images import IMAGE_SUFFIXES, MAX_PIXELS, _dpi, page_total
from parsers.pdf_reader import page_count as pdf_page_count
from parsers.pdf_reader import render_page as render_pdf_page

Pixels = tuple[bytes, int, int, int]  # RGBA bytes, width, height, bytes per line
PAGED_SUFFIXES = {".pdf"} | IMAGE_SUFFIXES


def page_count(data: bytes, suffix: str = ".pdf") -> int:
    """How many pages a PDF or an image file has."""
    return pdf_page_count(data) if suffix.lower() == ".pdf" else page_total(data, suffix)


def render_page(data: bytes, page: int, scale: float, suffix: str = ".pdf") -> Pixels:
    """Page `page` (from 1) as RGBA pixels at `scale` pixels per point, on white."""
    if suffix.lower() == ".pdf":
        return render_pdf_page(data, page, scale)
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        img = Image.open(io.BytesIO(data))
        img.seek(page - 1)
        w, h = img.size
        if w * h > MAX_PIXELS:
            raise DecodeError(f"图片过大（{w}×{h} 像素）")
        upright = ImageOps.exif_transpose(img)
        w, h = upright.size
        pt_per_px = 72 / _dpi(img.info.get("dpi"), w, h)  # as the OCR reader measured the page
        size = (max(1, round(w * pt_per_px * scale)), max(1, round(h * pt_per_px * scale)))
        rgba = upright.convert("RGBA").resize(size, Image.Resampling.LANCZOS)
    except EOFError as exc:
        raise DecodeError(f"图片没有第 {page} 页") from exc
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise DecodeError(f"图片文件已损坏，第 {page} 页无法显示（{exc}）") from exc
    return rgba.tobytes(), size[0], size[1], size[0] * 4
