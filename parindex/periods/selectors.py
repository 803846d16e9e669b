"""Reads on periods: deadlines as they apply to each unit, and whether a phase is open for it now."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import QuerySet

from parindex.periods.models import DeadlineChange, Period, PeriodGroup, Phase, PhaseDeadline


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
        return cls.from_rows(
            period, PhaseDeadline.objects.filter(period=period), DeadlineChange.objects.filter(period=period)
        )

    @classmethod
    def from_rows(
        cls, period: Period, deadlines: Iterable[PhaseDeadline], changes: Iterable[DeadlineChange]
    ) -> DeadlineBook:
        """The book from rows already read (a page that lists the changes, or prefetched for many periods)."""
        book = cls(period)
        for deadline in deadlines:
            book.base[deadline.phase] = deadline.deadline
        for change in changes:
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


# -- deadline reminders (manage.py send_deadline_reminders) ---------------------------------------------------

UNIT_PHASES = {
    # phase → the assessment states in which the unit still has to act in it
    Phase.SELF_ASSESSMENT: ("draft", "completed"),
    Phase.EXPLANATION: ("explanation_requested",),
}
TEAM_PHASES = {
    Phase.APPRAISAL_1: ("submitted", "draft", "completed"),
    Phase.APPRAISAL_2: ("explained", "explanation_requested"),
}


def due_reminders(now: datetime) -> Iterator[Any]:
    """The reminders due today: 3 and 1 days before each deadline, to the people who still have to act.

    Units are reminded one by one (each has its own deadline, extensions included); appraisers and Sở Nội vụ
    get one reminder per period and phase with work left, not one per unit.
    """
    from django.urls import reverse

    from parindex.accounts.models import Role, User
    from parindex.appraisals.models import Assignment
    from parindex.assessments.models import Assessment
    from parindex.notifications.reminders import REMINDER_DAYS, Reminder, reminder_days_left, reminder_dedupe_key
    from parindex.notifications.selectors import organizers, users_of_unit

    for period in Period.objects.filter(opened_at__isnull=False):
        book = DeadlineBook.load(period)
        assessments = list(Assessment.objects.filter(period=period).select_related("unit"))
        for phase, states in UNIT_PHASES.items():
            for assessment in assessments:
                deadline = book.deadline(phase, assessment.unit_id)
                if assessment.state not in states or deadline is None or deadline < now:
                    continue
                days_left = reminder_days_left(now=now, deadline=deadline)
                if days_left in REMINDER_DAYS:
                    link_name = (
                        "assessments:self_assessment" if phase == Phase.SELF_ASSESSMENT else "appraisals:explanation"
                    )
                    yield Reminder(
                        recipients=users_of_unit(assessment.unit_id),
                        phase_label=str(Phase(phase).label),
                        deadline=deadline,
                        days_left=days_left,
                        link=reverse(link_name, args=[assessment.pk]),
                        dedupe_key=reminder_dedupe_key(
                            period_id=period.pk,
                            phase=phase,
                            unit_id=assessment.unit_id,
                            deadline=deadline,
                            days_left=days_left,
                        ),
                    )
        for phase, states in TEAM_PHASES.items():
            deadline = book.deadline(phase)
            if deadline is None or deadline < now or not any(a.state in states for a in assessments):
                continue
            days_left = reminder_days_left(now=now, deadline=deadline)
            if days_left in REMINDER_DAYS:
                appraisers = User.objects.filter(
                    role=Role.APPRAISER, pk__in=Assignment.objects.filter(period=period).values("appraiser")
                )
                yield Reminder(
                    recipients=[*organizers(), *appraisers],
                    phase_label=str(Phase(phase).label),
                    deadline=deadline,
                    days_left=days_left,
                    link=reverse("appraisals:queue"),
                    dedupe_key=reminder_dedupe_key(
                        period_id=period.pk, phase=phase, unit_id="team", deadline=deadline, days_left=days_left
                    ),
                )
