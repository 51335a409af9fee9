"""A scanned image's pages are drawn beside its text like a PDF's, at the size the OCR boxes use."""
from __future__ import annotations

import io

import pytest
from PIL import Image

from models.session.pages import DecodeError, has_pages, page_count, render_page


def _tiff(pages: list[tuple[int, int, int]], dpi: int = 200) -> bytes:
    frames = [Image.new("RGB", (1654, 2339), colour) for colour in pages]  # A4 at 200 dpi
    buf = io.BytesIO()
    frames[0].save(buf, format="TIFF", save_all=True, append_images=frames[1:], dpi=(dpi, dpi))
    return buf.getvalue()


def test_each_page_of_a_tiff_is_drawn_at_points_times_scale():
    data = _tiff([(255, 255, 255), (200, 10, 10)])
    assert page_count(data, ".tif") == 2
    pixels, w, h, stride = render_page(data, 2, 0.5, ".tif")
    assert (w, h) == (round(1654 * 72 / 200 * 0.5), round(2339 * 72 / 200 * 0.5))  # 298 × 421: A4 in points / 2
    assert stride == 4 * w and len(pixels) == stride * h
    assert pixels[:4] == bytes((200, 10, 10, 255))  # the second page, not the first


def test_a_missing_page_or_a_broken_image_is_a_message_not_a_crash():
    data = _tiff([(255, 255, 255)])
    with pytest.raises(DecodeError, match="没有第 3 页"):
        render_page(data, 3, 1.0, ".tif")
    with pytest.raises(DecodeError):
        render_page(data[:200], 1, 1.0, ".png")


def test_pdfs_and_scans_have_pages_text_files_do_not():
    assert has_pages("报告.PDF") and has_pages("d/扫描 件.jpeg") and has_pages("x.tiff")
    assert not has_pages("report.html") and not has_pages("report.txt") and not has_pages("x.docx")


def test_a_folder_review_takes_its_scanned_images_too(tmp_path):
    from models.session.files import scan_paths

    for name in ("a.txt", "扫描 件.JPG", "b.tiff", "notes.xlsx"):
        (tmp_path / name).write_bytes(b"x")
    wanted = sorted(str(tmp_path / n) for n in ("a.txt", "扫描 件.JPG", "b.tiff"))
    files, skipped = scan_paths([str(tmp_path)])
    assert sorted(files) == wanted
    assert skipped == {str(tmp_path): [str(tmp_path / "notes.xlsx")]}
