"""What an operation changed, so that every view redraws from one result (Anki's OpChanges)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Changes:
    added: list[int] = field(default_factory=list)  # reports new in the queue, in order
    rows: set[int] = field(default_factory=set)  # reports whose queue line (counts, state, agency) changed
    cells: dict[int, set[str]] = field(default_factory=dict)  # report → fields whose value was changed
    issues: set[int] = field(default_factory=set)  # reports whose issues or cell colours may have changed
    reloaded: set[int] = field(default_factory=set)  # reports read again: everything about them changed
    notes: list[str] = field(default_factory=list)  # what to tell the auditor
    errors: list[str] = field(default_factory=list)  # files that could not be read or added

    def __bool__(self) -> bool:
        return bool(self.added or self.rows or self.cells or self.issues or self.reloaded or self.notes or self.errors)

    def merge(self, other: Changes) -> Changes:
        """Both changes as one."""
        self.added += other.added
        self.rows |= other.rows
        for k, v in other.cells.items():
            self.cells.setdefault(k, set()).update(v)
        self.issues |= other.issues
        self.reloaded |= other.reloaded
        self.notes += other.notes
        self.errors += other.errors
        return self
