"""A thin QUndoCommand around a review Edit: redo applies it, undo applies its inverse."""
from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from models.review import Edit, Review


class EditCommand(QUndoCommand):
    """Undoable change to one review."""

    def __init__(self, review: Review, edit: Edit, text: str) -> None:
        super().__init__(text)
        self.review = review
        self.edit = edit

    def redo(self) -> None:
        self.edit = self.edit.apply(self.review)  # keep the inverse for undo

    def undo(self) -> None:
        self.edit = self.edit.apply(self.review)  # the inverse returns the edit again
