"""A thin QUndoCommand around a review Edit: redo applies it, undo applies its inverse."""
from __future__ import annotations

import sqlite3

from PySide6.QtGui import QUndoCommand

from models.review import Edit, Review


class EditCommand(QUndoCommand):
    """Undoable change to one review. If the workspace cannot store it, nothing changes:
    the command marks itself obsolete (Qt then drops it) and keeps the reason in `error`."""

    def __init__(self, review: Review, edit: Edit, text: str) -> None:
        super().__init__(text)
        self.review = review
        self.edit = edit
        self.error: str | None = None

    def _apply(self) -> None:
        try:
            self.edit = self.edit.apply(self.review)  # the inverse, for the way back
        except (sqlite3.Error, OSError) as exc:
            self.error = str(exc)
            self.setObsolete(True)

    def redo(self) -> None:
        self._apply()

    def undo(self) -> None:
        self._apply()
