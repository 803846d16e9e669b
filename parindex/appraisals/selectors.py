"""Who may appraise which fields of which assessment, and each appraiser's queue."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from parindex.accounts.models import Role
from parindex.appraisals.models import Assignment
from parindex.assessments.models import Assessment

# Sở Nội vụ leads the appraisal team: it may appraise any field of any unit.
APPRAISES_EVERYTHING = (Role.ORGANIZER,)


def assignments_of(period_id: int, appraiser: Any | None = None) -> QuerySet[Assignment]:
    assignments = Assignment.objects.filter(period_id=period_id).select_related("appraiser", "group", "unit")
    return assignments if appraiser is None else assignments.filter(appraiser=appraiser)


def appraiser_fields(user: Any, assessment: Assessment, assignments: Iterable[Assignment] | None = None) -> set[str]:
    """The fields of this assessment the user may appraise; never any of their own unit's."""
    role = getattr(user, "role", None)
    if role in APPRAISES_EVERYTHING:
        return set(assessment.criteria_set.field_codes)
    if role != Role.APPRAISER or user.unit_id == assessment.unit_id:
        return set()
    if assignments is None:
        assignments = assignments_of(assessment.period_id, user)
    return {
        assignment.field_code
        for assignment in assignments
        if assignment.appraiser_id == user.pk and assignment.covers(assessment.unit_id, assessment.group_id)
    }


def assessments_for_appraiser(user: Any) -> QuerySet[Assessment]:
    """The assessments an appraiser has at least one field of, their own unit left out."""
    covering = Assignment.objects.filter(appraiser=user, period=OuterRef("period")).filter(
        Q(unit__isnull=True) | Q(unit=OuterRef("unit")), Q(group__isnull=True) | Q(group=OuterRef("group"))
    )
    assessments = Assessment.objects.filter(Exists(covering))
    if user.unit_id is not None:
        assessments = assessments.exclude(unit_id=user.unit_id)
    return assessments
