"""Points that do not come from the unit: the survey's results, the province's task tracking (nhiệm vụ UBND
tỉnh giao), Sở Nội vụ's own scoring, other agencies' figures. Sở Nội vụ enters them as round-1 answers, so
the official figures (assessments.selectors.final_scores) include them like any appraised answer."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from parindex.assessments.models import Answer, Assessment, Stage
from parindex.assessments.services import AnswerConflict, AnswerRefused, answer_save
from parindex.assessments.workflow import UNIT_SOURCES
from parindex.engine import CriteriaSet, Node

MSG_CHANGED_MEANWHILE = "Đã có người lưu giá trị khác ({raw}); giá trị của bạn chưa được lưu."


def external_leaves(criteria_set: CriteriaSet) -> tuple[Node, ...]:
    return tuple(leaf for leaf in criteria_set.all_leaves if leaf.input_source not in UNIT_SOURCES)


@dataclass
class GridResult:
    saved: int = 0
    problems: dict[tuple[int, str], str] = field(default_factory=dict)  # (assessment id, code) → message


def external_answers_save(
    *,
    actor: Any,
    assessments: list[Assessment],
    values: Mapping[tuple[int, str], str],
    versions: Mapping[tuple[int, str], str],
) -> GridResult:
    """Save the grid's changed cells, each in its own transaction with its audit event; a bad cell is
    reported in place and does not stop the others (a typo in one commune must not lose the other 129)."""
    result = GridResult()
    current = {
        (answer.assessment_id, answer.code): answer
        for answer in Answer.objects.filter(assessment__in=assessments, stage=Stage.APPRAISAL_1)
    }
    now = timezone.now()
    by_id = {assessment.pk: assessment for assessment in assessments}
    for (assessment_id, code), raw in values.items():
        existing = current.get((assessment_id, code))
        if (existing.raw if existing else "") == raw.strip():
            continue
        version = versions.get((assessment_id, code), "")
        try:
            answer_save(
                actor=actor,
                assessment=by_id[assessment_id],
                code=code,
                stage=Stage.APPRAISAL_1,
                raw=raw,
                note=existing.note if existing else "",
                expected_version=int(version) if version.isdigit() else None,
                now=now,
            )
        except AnswerRefused as refused:
            result.problems[(assessment_id, code)] = str(refused)
        except AnswerConflict as conflict:
            result.problems[(assessment_id, code)] = MSG_CHANGED_MEANWHILE.format(raw=conflict.current.raw)
        else:
            result.saved += 1
    return result
