"""Writes on periods: create, add units, open, deadlines, extensions and reopenings. Each is one transaction
with its audit event."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from itertools import pairwise
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from parindex.assessments.models import Assessment
from parindex.assessments.notices import notice_period_opened
from parindex.audit.services import audit_record
from parindex.criteria.models import CriteriaSetVersion
from parindex.organization.models import Unit, UnitGroup
from parindex.periods.models import PHASE_ORDER, DeadlineChange, Period, PeriodGroup, Phase, PhaseDeadline
from parindex.periods.selectors import DeadlineBook

MSG_SET_NOT_ISSUED = "Bộ tiêu chí “{name}” chưa được ban hành nên chưa dùng cho kỳ đánh giá được."
MSG_SET_WRONG_GROUP = "Bộ tiêu chí “{name}” dành cho nhóm “{set_group}”, không phải nhóm “{group}”."
MSG_SET_WRONG_YEAR = "Bộ tiêu chí “{name}” là của năm {set_year}, kỳ đánh giá là năm {year}."
MSG_NO_GROUPS = "Kỳ đánh giá cần ít nhất một nhóm đơn vị với bộ tiêu chí của nhóm đó."
MSG_DEADLINES_ORDER = "Hạn của “{later}” phải sau hạn của “{earlier}”."
MSG_UNIT_GROUP_NOT_IN_PERIOD = "{unit}: nhóm “{group}” không có trong kỳ đánh giá này."
MSG_UNIT_INACTIVE = "{unit}: không hoạt động trong năm {year}."
MSG_UNIT_ALREADY_IN = "{unit}: đã có trong kỳ đánh giá."
MSG_ALREADY_OPEN = "Kỳ đánh giá đã được mở."
MSG_NO_UNITS = "Chưa có đơn vị nào tham gia kỳ đánh giá."
MSG_REASON_REQUIRED = "Cần ghi rõ lý do."
MSG_DEADLINE_NOT_LATER = "Hạn mới phải sau hạn hiện tại ({current})."
MSG_DEADLINE_IN_PAST = "Hạn mới phải ở tương lai."
MSG_UNIT_NOT_IN_PERIOD = "{unit}: không tham gia kỳ đánh giá này, không gia hạn được."


class PeriodError(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def _phase_label(phase: str) -> str:
    return str(Phase(phase).label)


def _moment(value: datetime) -> str:
    return date_format(timezone.localtime(value), "H:i d/m/Y")


def period_create(
    *,
    actor: Any,
    year: int,
    name: str,
    criteria_sets: Mapping[UnitGroup, CriteriaSetVersion],
    deadlines: Mapping[str, datetime],
) -> Period:
    problems = _criteria_set_problems(year, criteria_sets) + _deadline_problems(deadlines)
    if problems:
        raise PeriodError(problems)
    with transaction.atomic():
        period = Period.objects.create(year=year, name=name, created_by=actor)
        PeriodGroup.objects.bulk_create(
            PeriodGroup(period=period, group=group, criteria_set=version) for group, version in criteria_sets.items()
        )
        PhaseDeadline.objects.bulk_create(
            PhaseDeadline(period=period, phase=phase, deadline=moment) for phase, moment in deadlines.items()
        )
        audit_record(
            actor=actor,
            action="period.created",
            target=period,
            summary=_("Tạo kỳ đánh giá “%(name)s”") % {"name": name},
            after={
                "year": year,
                "groups": {group.code: version.pk for group, version in criteria_sets.items()},
                "deadlines": dict(deadlines),
            },
        )
    return period


def _criteria_set_problems(year: int, criteria_sets: Mapping[UnitGroup, CriteriaSetVersion]) -> list[str]:
    if not criteria_sets:
        return [MSG_NO_GROUPS]
    problems = []
    for group, version in criteria_sets.items():
        if not version.is_issued:
            problems.append(MSG_SET_NOT_ISSUED.format(name=version.name))
        if version.group_id != group.pk:
            problems.append(MSG_SET_WRONG_GROUP.format(name=version.name, set_group=version.group, group=group))
        if version.year != year:
            problems.append(MSG_SET_WRONG_YEAR.format(name=version.name, set_year=version.year, year=year))
    return problems


def _deadline_problems(deadlines: Mapping[str, datetime]) -> list[str]:
    ordered = [(phase, deadlines[phase]) for phase in PHASE_ORDER if phase in deadlines]
    return [
        MSG_DEADLINES_ORDER.format(later=_phase_label(later), earlier=_phase_label(earlier))
        for (earlier, first), (later, second) in pairwise(ordered)
        if second <= first
    ]


def _active_during(unit: Unit, year: int) -> bool:
    start, end = date(year, 1, 1), date(year, 12, 31)
    ends = [moment for moment in (unit.active_to, unit.merged_on) if moment is not None]
    return unit.active_from <= end and all(moment >= start for moment in ends)


def period_add_units(*, actor: Any, period: Period, units: Iterable[Unit]) -> list[Assessment]:
    """The units take part in the period: each gets its assessment, with its group's criteria set."""
    sets = {
        pg.group_id: pg.criteria_set for pg in PeriodGroup.objects.filter(period=period).select_related("criteria_set")
    }
    already = set(Assessment.objects.filter(period=period).values_list("unit_id", flat=True))
    units = list(units)
    problems = []
    for unit in units:
        if unit.group_id not in sets:
            problems.append(MSG_UNIT_GROUP_NOT_IN_PERIOD.format(unit=unit.name, group=unit.group))
        elif not _active_during(unit, period.year):
            problems.append(MSG_UNIT_INACTIVE.format(unit=unit.name, year=period.year))
        elif unit.pk in already:
            problems.append(MSG_UNIT_ALREADY_IN.format(unit=unit.name))
    if problems:
        raise PeriodError(problems)
    with transaction.atomic():
        created = Assessment.objects.bulk_create(
            Assessment(period=period, unit=unit, group_id=unit.group_id, criteria_set_version=sets[unit.group_id])
            for unit in units
        )
        audit_record(
            actor=actor,
            action="period.units_added",
            target=period,
            summary=_("Thêm %(count)s đơn vị vào kỳ đánh giá") % {"count": len(units)},
            after={"units": [unit.code for unit in units]},
        )
    return created


def period_open(*, actor: Any, period: Period) -> Period:
    """Open the period: units can start their self-assessment."""
    if not Assessment.objects.filter(period=period).exists():
        raise PeriodError([MSG_NO_UNITS])
    with transaction.atomic():
        changed = Period.objects.filter(pk=period.pk, opened_at__isnull=True).update(opened_at=timezone.now())
        if not changed:
            raise PeriodError([MSG_ALREADY_OPEN])
        period.refresh_from_db()
        notice_period_opened(period)
        audit_record(
            actor=actor,
            action="period.opened",
            target=period,
            summary=_("Mở kỳ đánh giá “%(name)s”") % {"name": period.name},
            after={"opened_at": period.opened_at},
        )
    return period


def _new_deadline_problems(
    book: DeadlineBook, phase: str, unit: Unit | None, deadline: datetime, reason: str
) -> list[str]:
    problems = []
    if not reason.strip():
        problems.append(MSG_REASON_REQUIRED)
    current = book.deadline(phase, unit.pk if unit else None)
    if current is not None and deadline <= current:
        problems.append(MSG_DEADLINE_NOT_LATER.format(current=_moment(current)))
    if deadline <= timezone.now():
        problems.append(MSG_DEADLINE_IN_PAST)
    return problems


def deadline_extend(
    *, actor: Any, period: Period, unit: Unit, phase: str, deadline: datetime, reason: str
) -> DeadlineChange:
    """A later deadline for one unit taking part in the period, with the reason recorded."""
    problems = []
    if not Assessment.objects.filter(period=period, unit=unit).exists():
        problems.append(MSG_UNIT_NOT_IN_PERIOD.format(unit=unit.name))
    problems += _new_deadline_problems(DeadlineBook.load(period), phase, unit, deadline, reason)
    if problems:
        raise PeriodError(problems)
    with transaction.atomic():
        change = DeadlineChange.objects.create(
            period=period,
            phase=phase,
            unit=unit,
            kind=DeadlineChange.Kind.EXTENSION,
            deadline=deadline,
            reason=reason.strip(),
            created_by=actor,
        )
        audit_record(
            actor=actor,
            action="deadline.extended",
            target=period,
            summary=_("Gia hạn %(phase)s cho %(unit)s đến %(deadline)s")
            % {"phase": _phase_label(phase), "unit": unit.name, "deadline": _moment(deadline)},
            after={"unit": unit.code, "phase": phase, "deadline": deadline, "reason": change.reason},
        )
    return change


def phase_reopen(*, actor: Any, period: Period, phase: str, deadline: datetime, reason: str) -> DeadlineChange:
    """Reopen a phase for every unit until a new deadline, with the reason recorded."""
    problems = _new_deadline_problems(DeadlineBook.load(period), phase, None, deadline, reason)
    if problems:
        raise PeriodError(problems)
    with transaction.atomic():
        change = DeadlineChange.objects.create(
            period=period,
            phase=phase,
            kind=DeadlineChange.Kind.REOPENING,
            deadline=deadline,
            reason=reason.strip(),
            created_by=actor,
        )
        audit_record(
            actor=actor,
            action="phase.reopened",
            target=period,
            summary=_("Mở lại giai đoạn %(phase)s đến %(deadline)s")
            % {"phase": _phase_label(phase), "deadline": _moment(deadline)},
            after={"phase": phase, "deadline": deadline, "reason": change.reason},
        )
    return change
