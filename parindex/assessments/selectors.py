"""Reads on assessments, and who may see which. A unit never sees another unit's assessment."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, QuerySet

from parindex.accounts.models import Role
from parindex.assessments.models import Answer, Assessment, Stage
from parindex.assessments.workflow import self_assessed_leaves
from parindex.engine import UnitScore, parse_answers, score_unit

UNIT_ROLES = (Role.UNIT_OFFICER, Role.UNIT_HEAD)
SEES_EVERY_UNIT = (Role.ORGANIZER, Role.ADMIN, Role.COUNCIL)


def assessments_visible_to(user: Any) -> QuerySet[Assessment]:
    assessments = Assessment.objects.select_related("period", "unit", "group", "criteria_set_version")
    role = getattr(user, "role", None)
    if role in SEES_EVERY_UNIT:
        return assessments
    if role in UNIT_ROLES and user.unit_id is not None:
        return assessments.filter(unit_id=user.unit_id)
    if role == Role.APPRAISER:
        from parindex.appraisals.selectors import assessments_for_appraiser

        # What is assigned to them, never their own unit.
        return assessments.filter(pk__in=assessments_for_appraiser(user).values("pk"))
    return assessments.none()


def answers_by_code(assessment: Assessment, stage: str) -> dict[str, Answer]:
    return {answer.code: answer for answer in Answer.objects.filter(assessment=assessment, stage=stage)}


def citation_counts(assessment: Assessment, stage: str) -> dict[str, int]:
    from parindex.evidence.models import Citation

    rows = (
        Citation.objects.filter(assessment=assessment, stage=stage)
        .values("code")
        .annotate(count=Count("id"))
        .values_list("code", "count")
    )
    return dict(rows)


@dataclass(frozen=True)
class Progress:
    total: int  # leaves the unit answers itself
    answered: int
    unanswered: list[str]  # their codes, in the set's order
    without_evidence: list[str]  # answered (not "không áp dụng"), no document cited and no note explaining
    score: UnitScore

    @property
    def points(self) -> Decimal:
        return self.score.points


def self_assessment_progress(
    assessment: Assessment, answers: dict[str, Answer] | None = None, citations: dict[str, int] | None = None
) -> Progress:
    """What is answered, what is missing before submission, and the total so far (by the engine)."""
    criteria_set = assessment.criteria_set
    answers = answers_by_code(assessment, Stage.SELF) if answers is None else answers
    citations = citation_counts(assessment, Stage.SELF) if citations is None else citations
    leaves = self_assessed_leaves(criteria_set)
    unanswered = [leaf.code for leaf in leaves if leaf.code not in answers or not answers[leaf.code].is_answered]
    without_evidence = [
        leaf.code
        for leaf in leaves
        if leaf.code in answers
        and answers[leaf.code].is_answered
        and not answers[leaf.code].not_applicable
        and not citations.get(leaf.code)
        and not answers[leaf.code].note
    ]
    parsed, _ = parse_answers(criteria_set, {code: answer.raw for code, answer in answers.items()})
    return Progress(
        total=len(leaves),
        answered=len(leaves) - len(unanswered),
        unanswered=unanswered,
        without_evidence=without_evidence,
        score=score_unit(criteria_set, parsed),
    )


FINAL_STAGES = (Stage.APPRAISAL_1, Stage.APPRAISAL_2)


def final_raw_answers(assessments: list[Assessment]) -> dict[int, dict[str, str]]:
    """Each assessment's final answers as text, per leaf: round 2 where present, else round 1 (one query).

    Leaves fed by others (survey, directives, Sở Nội vụ) are entered as round-1 answers too, so this is
    everything the official figures are computed from.
    """
    finals: dict[int, dict[str, str]] = {assessment.pk: {} for assessment in assessments}
    rows = Answer.objects.filter(assessment__in=assessments, stage__in=FINAL_STAGES).values_list(
        "assessment_id", "code", "stage", "raw"
    )
    # Round 1 first, then round 2 over it.
    for assessment_id, code, _stage, raw in sorted(rows, key=lambda row: row[2] == Stage.APPRAISAL_2):
        finals[assessment_id][code] = raw
    return finals


def final_scores(assessments: list[Assessment]) -> dict[int, UnitScore]:
    """The official figures of each assessment, by the engine, one batch per criteria set."""
    from parindex.engine import score_units

    finals = final_raw_answers(assessments)
    by_set: dict[int, list[Assessment]] = {}
    for assessment in assessments:
        by_set.setdefault(assessment.criteria_set_version_id, []).append(assessment)
    scores: dict[int, UnitScore] = {}
    for members in by_set.values():
        criteria_set = members[0].criteria_set
        parsed = [parse_answers(criteria_set, finals[member.pk])[0] for member in members]
        for member, score in zip(members, score_units(criteria_set, parsed), strict=True):
            scores[member.pk] = score
    return scores
