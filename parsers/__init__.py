"""Readers that turn a report file into a models.report.Report. Imports no Qt."""
from parsers.pipeline import parse_bytes, parse_path, parse_text

__all__ = ["parse_bytes", "parse_path", "parse_text"]
