"""What the window calls each check: the core's names (models.rules) in the interface's language.

The window never shows a rule's code (R1, missing, cross_year …). The core declares every name in
Chinese and English; the window only picks the language, which is the one its translator speaks.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from models.checks import label
from models.report import Issue
from models.rules import EN, RULES, ZH
from models.rules import rule_help as _rule_help
from models.rules import rule_name as _rule_name
from models.values import Value, format_value

# the interface language, as the translator has it: the English .ts translates this "zh" to "en"
LANGUAGE = QT_TRANSLATE_NOOP("Language", "zh")

__all__ = ["RULES", "issue_message", "issue_rule", "language", "rule_help", "rule_name"]


def language() -> str:
    """"en" when the English translation is installed, else "zh"."""
    return EN if QCoreApplication.translate("Language", LANGUAGE) == EN else ZH


def rule_name(code: str) -> str:
    """The name the window shows for a rule or a grouped cause, in the interface language."""
    return _rule_name(code, language())


def rule_help(code: str) -> str:
    """One line saying what a rule or cause checks."""
    return _rule_help(code, language())


def issue_rule(issue: Issue) -> str:
    """The code an issue item is named by: the cause it is grouped by, else its rule."""
    return getattr(issue, "kind", "") or issue.rule


def issue_message(issue: Issue, value_of: Callable[[str], Value] | None = None) -> str:
    """What an issue says, in the interface's language. The core writes its messages in Chinese; in
    English the window says what the check found from the issue itself: the check's one-line
    description, the cells it names (by their printed labels, with their values) and the value the
    rule calls for."""
    if language() != EN:
        return issue.message
    text = _rule_help(issue_rule(issue), EN)
    fields = issue.fields
    if fields:
        shown = [label(f) if value_of is None else f"{label(f)} = {format_value(value_of(f)) or 'blank'}"
                 for f in fields[:4]]
        more = f" and {len(fields) - 4} more" if len(fields) > 4 else ""
        text += f" ({len(fields)} cell{'s' if len(fields) > 1 else ''}: {'; '.join(shown)}{more})"
    if issue.expected is not None:
        text += f"; should be {format_value(issue.expected)}"
    return text
