"""The pages of a PDF or a scanned image for the window: how many there are, and one drawn as an image."""
from __future__ import annotations

from pathlib import PurePath

from parsers.decode import DecodeError
from parsers.page_render import PAGED_SUFFIXES, page_count, render_page

__all__ = ["DecodeError", "PAGED_SUFFIXES", "has_pages", "page_count", "render_page"]


def has_pages(source: str) -> bool:
    """Whether a report's source file has pages to show beside its text (a PDF or a scanned image)."""
    return PurePath(source).suffix.lower() in PAGED_SUFFIXES
