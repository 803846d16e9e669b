"""Reads of the exports and who may have them (deny by default).

- The period-wide outputs (results workbook, council report, decision annex): Sở Nội vụ, the council and the
  administrator, who see every group's figures at any time (council.selectors.SEES_ALL_RESULTS).
- A background job's page and file: its requester only, and only while they still hold one of those roles.
- A unit's detailed scoring sheet: those three roles for any unit; the unit's own officer and head once its
  appraisal is done (the council's detail page rule); nobody else, published or not: the sheet carries the
  unit's own answers and notes, which are never published.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from parindex.assessments.models import Assessment
from parindex.council.selectors import (
    APPRAISAL_DONE_STATES,
    SEES_ALL_RESULTS,
    UNIT_ROLES,
    GroupResults,
    group_results,
    sees_all_results,
)
from parindex.organization.models import UnitGroup
from parindex.periods.models import Period, PeriodGroup
from parindex.reports.models import ExportJob

EXPORTERS = SEES_ALL_RESULTS
UNIT_SHEET_READERS = (*SEES_ALL_RESULTS, *UNIT_ROLES)


def may_export(user: Any) -> bool:
    return sees_all_results(user)


def jobs_visible_to(user: Any) -> QuerySet[ExportJob]:
    if not may_export(user):
        return ExportJob.objects.none()
    return ExportJob.objects.filter(requested_by=user)


def unit_sheet_assessments_visible_to(user: Any) -> QuerySet[Assessment]:
    assessments = Assessment.objects.select_related("period", "unit", "group", "criteria_set_version")
    role = getattr(user, "role", None)
    if role in SEES_ALL_RESULTS:
        return assessments
    if role in UNIT_ROLES and getattr(user, "unit_id", None) is not None:
        return assessments.filter(unit_id=user.unit_id, state__in=APPRAISAL_DONE_STATES)
    return assessments.none()


def job_subject(job: ExportJob) -> str:
    """What the job exports, in words: the period, and the group for the per-group documents."""
    period = Period.objects.filter(pk=job.params.get("period")).first()
    if period is None:
        return ""
    if "group" not in job.params:
        return period.name
    group = UnitGroup.objects.filter(pk=job.params["group"]).first()
    return f"{period.name} · {group.name}" if group else period.name


def period_groups(period: Period) -> list[PeriodGroup]:
    return list(
        PeriodGroup.objects.filter(period=period)
        .select_related("group")
        .order_by("group__ordering", "group__name", "pk")
    )


def period_results(period: Period) -> list[GroupResults]:
    """Every group of the period, each as the results page shows it."""
    return [group_results(period, period_group.group) for period_group in period_groups(period)]


def exportable_periods() -> list[Period]:
    return list(Period.objects.order_by("-year", "-pk").prefetch_related("groups__group"))
