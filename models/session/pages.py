"""A PDF's pages for the window: how many there are, and one drawn as an image."""
from __future__ import annotations

from parsers.decode import DecodeError
from parsers.pdf_reader import page_count, render_page

__all__ = ["DecodeError", "page_count", "render_page"]
