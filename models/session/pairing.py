"""Cross-year pairing over a whole queue: which reports are the same agency's consecutive years.

Reports are grouped by agency once, so a change re-checks only its own agency's reports and
adding a province costs a dictionary look-up per report, never a scan of the queue.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping

from models.crossyear import YearReport, agency_key, cross_year
from models.report import Issue
from models.values import Value


class Pairing:
    """Reports grouped by agency (folded name) for the cross-year check."""

    def __init__(self) -> None:
        self._groups: dict[str, set[int]] = {}
        self._key: dict[int, str] = {}

    def place(self, rid: int, agency: str | None) -> tuple[str, str]:
        """Put (or move) a report in its agency's group; returns the old and the new group key."""
        old = self._key.pop(rid, "")
        if old:
            self._groups[old].discard(rid)
        new = agency_key(agency)
        if new:
            self._groups.setdefault(new, set()).add(rid)
            self._key[rid] = new
        return old, new

    def place_key(self, rid: int, key: str) -> None:
        """Put a report in a group by its already folded agency key (as the workspace stores it)."""
        if key:
            self._groups.setdefault(key, set()).add(rid)
            self._key[rid] = key

    def groups_to_check(self) -> list[str]:
        """The agency groups with more than one report (the only ones with anything to compare)."""
        return [k for k, members in self._groups.items() if len(members) > 1]

    def group_of(self, rid: int) -> str:
        """The agency group of a report ('' when its agency is unknown)."""
        return self._key.get(rid, "")

    def members(self, key: str) -> list[int]:
        """The reports of one agency group."""
        return sorted(self._groups.get(key, ()))

    def issues(self, key: str, year_of: Callable[[int], int | None],
               values_of: Callable[[int], Mapping[str, Value]]) -> dict[int, list[Issue]]:
        """The cross-year issues of every report of one agency group."""
        members = self.members(key)
        if len(members) < 2:
            return {rid: [] for rid in members}
        found = cross_year([YearReport(rid, key, year_of(rid), values_of(rid)) for rid in members])
        return {rid: found.get(rid, []) for rid in members}
