"""What the organizer's period screens show: the list of periods and one period's page.

Each is read in a fixed number of queries however many units take part (tests/periods/test_period_page_views.py
counts them), and units are listed in Vietnamese alphabetical order, which the database does not know.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Count, Q, QuerySet

from parindex.assessments.models import Assessment
from parindex.criteria.models import CriteriaSetVersion, Status
from parindex.organization.models import Unit, UnitGroup
from parindex.periods.models import PHASE_ORDER, DeadlineChange, Period, PeriodGroup, Phase, PhaseDeadline
from parindex.periods.selectors import DeadlineBook
from parindex.vn import sort_key


def current_phase(book: DeadlineBook, now: datetime) -> str | None:
    """The phase the period is in for every unit: the first, in order, whose deadline has not passed.
    None before the period opens and after the last deadline."""
    if not book.period.is_open:
        return None
    for phase in PHASE_ORDER:
        deadline = book.deadline(phase)
        if deadline is None or now <= deadline:
            return phase
    return None


def phase_label(phase: str | None) -> str:
    return str(Phase(phase).label) if phase else ""


# -- the list ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PeriodRow:
    period: Period
    unit_count: int
    current_phase: str | None

    @property
    def current_phase_label(self) -> str:
        return phase_label(self.current_phase)


def period_rows(now: datetime) -> list[PeriodRow]:
    """Every period, newest first, with its number of units and current phase. Three queries."""
    # Meta.ordering is ignored by a query that aggregates: say it again.
    periods = (
        Period.objects.annotate(unit_count=Count("assessments"))
        .order_by("-year", "-pk")
        .prefetch_related("deadlines", "deadline_changes")
    )
    return [
        PeriodRow(
            period=period,
            unit_count=period.unit_count,
            current_phase=current_phase(
                DeadlineBook.from_rows(period, period.deadlines.all(), period.deadline_changes.all()), now
            ),
        )
        for period in periods
    ]


# -- creating a period ---------------------------------------------------------------------------------------


def issued_sets_of_year(year: int) -> list[CriteriaSetVersion]:
    """The issued criteria-set versions of a year, newest version first: what a period may use."""
    return list(
        CriteriaSetVersion.objects.filter(year=year, status=Status.ISSUED)
        .defer("source_yaml")
        .select_related("group")
        .order_by("group__ordering", "-version")
    )


def latest_issued_year() -> int | None:
    version = CriteriaSetVersion.objects.filter(status=Status.ISSUED).order_by("-year").only("year").first()
    return version.year if version else None


# -- one period's page ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PhaseRow:
    phase: str
    label: str
    deadline: datetime | None  # as the period was created
    effective: datetime | None  # for every unit, after reopenings
    changes: list[DeadlineChange]  # extensions and reopenings of this phase, oldest first
    current: bool


@dataclass(frozen=True)
class Extension:
    label: str
    deadline: datetime


@dataclass(frozen=True)
class ParticipantRow:
    assessment: Assessment
    extensions: list[Extension]  # the phases in which this unit's deadline is later than everyone's

    @property
    def unit(self) -> Unit:
        return self.assessment.unit


@dataclass(frozen=True)
class CandidateRow:
    """A unit of one of the period's groups that may still join: active at some time during the year."""

    unit: Unit
    starts_late: bool  # begins after 1 January (a unit created by a reform during the year)
    last_day: date | None  # ends before 31 December (dissolved, or merged into another unit)


@dataclass(frozen=True)
class GroupSection:
    group: UnitGroup
    criteria_set: CriteriaSetVersion | None
    participants: list[ParticipantRow]
    candidates: list[CandidateRow]


@dataclass(frozen=True)
class PeriodPage:
    period: Period
    book: DeadlineBook
    sections: list[GroupSection]
    phases: list[PhaseRow]
    current_phase: str | None

    @property
    def current_phase_label(self) -> str:
        return phase_label(self.current_phase)

    @property
    def unit_count(self) -> int:
        return sum(len(section.participants) for section in self.sections)

    @property
    def candidate_count(self) -> int:
        return sum(len(section.candidates) for section in self.sections)

    def participant_units(self) -> list[Unit]:
        return [row.unit for section in self.sections for row in section.participants]


def _year_bounds(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def candidate_units(period: Period, group_ids: list[int]) -> QuerySet[Unit]:
    """Units of the period's groups, active at some time during its year, not yet taking part.

    The same rule as periods.services.period_add_units, so that every unit offered is accepted."""
    start, end = _year_bounds(period.year)
    return (
        Unit.objects.filter(group_id__in=group_ids, active_from__lte=end)
        .filter(
            Q(active_to__isnull=True) | Q(active_to__gte=start),
            Q(merged_on__isnull=True) | Q(merged_on__gte=start),
        )
        .exclude(assessments__period=period)
        .select_related("group")
    )


def _candidate_row(unit: Unit, year: int) -> CandidateRow:
    start, end = _year_bounds(year)
    ends = [moment for moment in (unit.active_to, unit.merged_on and unit.merged_on - timedelta(days=1)) if moment]
    last_day = min(ends) if ends else None
    return CandidateRow(
        unit=unit, starts_late=unit.active_from > start, last_day=last_day if last_day and last_day < end else None
    )


def _extensions(book: DeadlineBook, unit_id: int) -> list[Extension]:
    extensions = []
    for phase in PHASE_ORDER:
        own, everyone = book.deadline(phase, unit_id), book.deadline(phase)
        if own is not None and (everyone is None or own > everyone):
            extensions.append(Extension(label=phase_label(phase), deadline=own))
    return extensions


def period_page(period: Period, now: datetime) -> PeriodPage:
    """Everything the period's page shows, in six queries."""
    period_groups = list(
        PeriodGroup.objects.filter(period=period)
        .select_related("group", "criteria_set")
        .defer("criteria_set__source_yaml")
    )
    deadlines = list(PhaseDeadline.objects.filter(period=period))
    changes = list(DeadlineChange.objects.filter(period=period).select_related("unit", "created_by"))
    book = DeadlineBook.from_rows(period, deadlines, changes)
    assessments = list(Assessment.objects.filter(period=period).select_related("unit__group", "group"))
    candidates = list(candidate_units(period, [pg.group_id for pg in period_groups]))

    sections: dict[int, GroupSection] = {
        pg.group_id: GroupSection(group=pg.group, criteria_set=pg.criteria_set, participants=[], candidates=[])
        for pg in period_groups
    }
    for assessment in sorted(assessments, key=lambda assessment: sort_key(assessment.unit.name)):
        section = sections.get(assessment.group_id)
        if section is None:  # the group left the period after the unit joined: still shown, never lost
            section = sections[assessment.group_id] = GroupSection(assessment.group, None, [], [])
        section.participants.append(ParticipantRow(assessment, _extensions(book, assessment.unit_id)))
    for unit in sorted(candidates, key=lambda unit: sort_key(unit.name)):
        sections[unit.group_id].candidates.append(_candidate_row(unit, period.year))

    phase_now = current_phase(book, now)
    phases = [
        PhaseRow(
            phase=phase,
            label=phase_label(phase),
            deadline=book.base.get(phase),
            effective=book.deadline(phase),
            changes=[change for change in changes if change.phase == phase],
            current=phase == phase_now,
        )
        for phase in PHASE_ORDER
    ]
    ordered = sorted(sections.values(), key=lambda section: (section.group.ordering, sort_key(section.group.name)))
    return PeriodPage(period=period, book=book, sections=ordered, phases=phases, current_phase=phase_now)


def participant_units(period: Period) -> list[Unit]:
    """The units taking part, by group and in Vietnamese alphabetical order: the choices of the extension form."""
    units = list(Unit.objects.filter(assessments__period=period).select_related("group"))
    units.sort(key=lambda unit: sort_key(unit.name))
    units.sort(key=lambda unit: unit.group.ordering)
    return units
