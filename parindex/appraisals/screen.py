"""The appraisal and explanation screens' content: each leaf with every stage's answer side by side."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from parindex.assessments.inputs import InputSpec, decompose_raw, input_spec
from parindex.assessments.models import Answer, Assessment, Stage
from parindex.assessments.screen import explanation_for, points_text
from parindex.assessments.workflow import UNIT_SOURCES
from parindex.engine import Node


@dataclass(frozen=True)
class StageAnswer:
    answer: Answer | None
    explanation: str

    @property
    def raw(self) -> str:
        return self.answer.raw if self.answer else ""

    @property
    def note(self) -> str:
        return self.answer.note if self.answer else ""

    @property
    def points(self) -> str:
        return points_text(self.answer.points) if self.answer else ""

    @property
    def version(self) -> str:
        return str(self.answer.version) if self.answer else ""


@dataclass(frozen=True)
class AppraisalRow:
    node: Node
    field: str
    spec: InputSpec
    own: StageAnswer  # the unit's self-assessment
    round1: StageAnswer
    explanation: StageAnswer
    round2: StageAnswer
    editable: bool  # the viewer may appraise this leaf now
    fields: dict[str, str]  # the input's fields, showing the answer being edited
    citations: list[object]

    @property
    def flagged(self) -> bool:
        return bool(self.round1.answer and self.round1.answer.explanation_requested)

    @property
    def final(self) -> StageAnswer:
        return self.round2 if self.round2.answer else self.round1


def _stage(assessment: Assessment, answers: dict[tuple[str, str], Answer], code: str, stage: str) -> StageAnswer:
    answer = answers.get((code, stage))
    text = explanation_for(assessment, code, answer.raw) if answer and answer.raw else ""
    return StageAnswer(answer, text)


def appraisal_rows(
    assessment: Assessment,
    answers: Iterable[Answer],
    citations: dict[str, list[object]],
    editable_fields: set[str],
    round_: int | None,
    only_fields: set[str] | None = None,
) -> Iterator[AppraisalRow]:
    """The leaves the unit answers, in the set's order; `only_fields` keeps those fields only."""
    criteria_set = assessment.criteria_set
    by_key = {(answer.code, answer.stage): answer for answer in answers}
    na_allowed = {leaf.code: leaf.na_allowed for leaf in criteria_set.plan.leaves}
    for node in criteria_set.all_leaves:
        field = criteria_set.field_of[node.code]
        if node.input_source not in UNIT_SOURCES or (only_fields is not None and field not in only_fields):
            continue
        row = AppraisalRow(
            node=node,
            field=field,
            spec=input_spec(node, na_allowed.get(node.code, False)),
            own=_stage(assessment, by_key, node.code, Stage.SELF),
            round1=_stage(assessment, by_key, node.code, Stage.APPRAISAL_1),
            explanation=_stage(assessment, by_key, node.code, Stage.EXPLANATION),
            round2=_stage(assessment, by_key, node.code, Stage.APPRAISAL_2),
            editable=False,
            fields={},
            citations=citations.get(node.code, []),
        )
        if round_ is None or field not in editable_fields or (round_ == 2 and not row.flagged):
            yield row
            continue
        # Round 1 starts from the unit's own answer, round 2 from round 1's: the appraiser changes only what
        # is wrong, instead of typing every fact again.
        shown = (row.round1.raw or row.own.raw) if round_ == 1 else (row.round2.raw or row.round1.raw)
        yield replace(row, editable=True, fields=decompose_raw(row.spec, shown))
