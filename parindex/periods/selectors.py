"""Reads on periods: deadlines as they apply to each unit, and whether a phase is open for it now."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import QuerySet

from parindex.periods.models import DeadlineChange, Period, PeriodGroup, PhaseDeadline


@dataclass
class DeadlineBook:
    """Every deadline of a period and every change to them, read in two queries, answered from memory.

    A page listing 130 units asks "is the self-assessment still open for this unit?" 130 times; the book
    answers without a query each time.
    """

    period: Period
    base: dict[str, datetime] = field(default_factory=dict)
    for_unit: dict[tuple[str, int], datetime] = field(default_factory=dict)
    for_all: dict[str, datetime] = field(default_factory=dict)

    @classmethod
    def load(cls, period: Period) -> DeadlineBook:
        book = cls(period)
        for deadline in PhaseDeadline.objects.filter(period=period):
            book.base[deadline.phase] = deadline.deadline
        for change in DeadlineChange.objects.filter(period=period):
            if change.unit_id is None:
                book.for_all[change.phase] = max(change.deadline, book.for_all.get(change.phase, change.deadline))
            else:
                key = (change.phase, change.unit_id)
                book.for_unit[key] = max(change.deadline, book.for_unit.get(key, change.deadline))
        return book

    def deadline(self, phase: str, unit_id: int | None = None) -> datetime | None:
        """The effective deadline: the latest of the period's and of every change that applies to the unit."""
        candidates = [self.base.get(phase), self.for_all.get(phase)]
        if unit_id is not None:
            candidates.append(self.for_unit.get((phase, unit_id)))
        present = [moment for moment in candidates if moment is not None]
        return max(present) if present else None

    def is_open(self, phase: str, unit_id: int | None, now: datetime) -> bool:
        """Open until its deadline (inclusive) once the period is open; a phase without a deadline is open."""
        if not self.period.is_open:
            return False
        deadline = self.deadline(phase, unit_id)
        return deadline is None or now <= deadline

    def is_extended(self, phase: str, unit_id: int) -> bool:
        return (phase, unit_id) in self.for_unit or phase in self.for_all


def periods_list() -> QuerySet[Period]:
    return Period.objects.all()


def period_groups(period: Period) -> QuerySet[PeriodGroup]:
    return PeriodGroup.objects.filter(period=period).select_related("group", "criteria_set")
