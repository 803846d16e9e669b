"""A unit's scorecard: the council's detail (self-assessed, final, points lost and why) with the appraisal's
round 1 beside it and the evidence each leaf cites, for the people who may read that unit's evidence.

The figures are `council.selectors.unit_result_detail`'s; round 1 is scored by the engine in one batch from
the round-1 answers, the same way the final answers are (final = round 2 where present, else round 1).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from parindex.assessments.models import Answer, Assessment, Stage
from parindex.council.selectors import DetailRow, UnitDetail, unit_result_detail
from parindex.engine import parse_answers, score_units
from parindex.evidence.models import Citation
from parindex.evidence.selectors import evidence_assessments_visible_to


@dataclass(frozen=True)
class ScorecardRow:
    row: DetailRow
    round1_raw: str = ""
    round1_points: Decimal | None = None
    round1_note: str = ""
    changed_in_round2: bool = False  # round 2 gave another answer than round 1
    citations: list[Citation] = field(default_factory=list)


@dataclass(frozen=True)
class Scorecard:
    detail: UnitDetail
    rows: list[ScorecardRow]
    shows_evidence: bool  # the viewer may read the unit's documents: the citations are listed and linked
    round1_points: Decimal | None  # the whole unit, as appraised in round 1


def may_read_evidence(user: Any, assessment: Assessment) -> bool:
    return evidence_assessments_visible_to(user).filter(pk=assessment.pk).exists()


def _citations(assessment: Assessment) -> dict[str, list[Citation]]:
    """Every leaf's citations, the self-assessment's first and then the explanation's, in one query."""
    grouped: dict[str, list[Citation]] = defaultdict(list)
    citations = (
        Citation.objects.filter(assessment=assessment).select_related("document").order_by("code", "created_at", "pk")
    )
    for citation in sorted(citations, key=lambda citation: citation.stage != Stage.SELF):
        grouped[citation.code].append(citation)
    return dict(grouped)


def unit_scorecard(assessment: Assessment, *, user: Any) -> Scorecard:
    detail = unit_result_detail(assessment)
    criteria_set = detail.criteria_set
    rounds = {
        (answer.code, answer.stage): answer
        for answer in Answer.objects.filter(assessment=assessment, stage__in=(Stage.APPRAISAL_1, Stage.APPRAISAL_2))
    }
    first = {code: answer.raw for (code, stage), answer in rounds.items() if stage == Stage.APPRAISAL_1}
    parsed, _ = parse_answers(criteria_set, first)
    (round1,) = score_units(criteria_set, [parsed])
    shows_evidence = may_read_evidence(user, assessment)
    citations = _citations(assessment) if shows_evidence else {}
    rows = []
    for row in detail.rows:
        if not row.is_leaf:
            rows.append(ScorecardRow(row=row))
            continue
        code = row.node.code
        one, two = rounds.get((code, Stage.APPRAISAL_1)), rounds.get((code, Stage.APPRAISAL_2))
        node = round1.node(code)
        rows.append(
            ScorecardRow(
                row=row,
                round1_raw=one.raw if one else "",
                round1_points=node.points if one is not None and not node.not_applicable else None,
                round1_note=one.note if one else "",
                changed_in_round2=one is not None and two is not None and one.raw != two.raw,
                citations=citations.get(code, []),
            )
        )
    return Scorecard(
        detail=detail,
        rows=rows,
        shows_evidence=shows_evidence,
        round1_points=round1.points if first else None,
    )
