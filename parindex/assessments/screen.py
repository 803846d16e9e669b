"""The self-assessment screen's content: the tree of the unit's set, leaf by leaf, with what is saved.

Kept out of the view so that the page and the autosave endpoint describe a leaf the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from parindex.assessments.inputs import InputSpec, decompose_raw, input_spec
from parindex.assessments.models import Answer, Assessment
from parindex.assessments.selectors import Progress
from parindex.assessments.workflow import UNIT_SOURCES
from parindex.engine import Node, Rounding, explain_answer
from parindex.engine.answers import parse_answer
from parindex.engine.errors import InputError
from parindex.vn import format_decimal

SOURCE_NOTES = {
    "survey": "Điểm lấy từ kết quả điều tra xã hội học, đơn vị không tự chấm.",
    "directives": "Điểm lấy từ hệ thống theo dõi nhiệm vụ UBND tỉnh giao, đơn vị không tự chấm.",
    "organizer": "Sở Nội vụ chấm tiêu chí này.",
    "external": "Điểm lấy từ số liệu của cơ quan khác.",
}


def points_text(value: Decimal | None, places: int = 2) -> str:
    """Points as shown beside an answer: 1,5 · 0,25 · 2 (trailing zeros dropped)."""
    if value is None:
        return ""
    text = format_decimal(value, places=places)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return text


@dataclass(frozen=True)
class LeafRow:
    node: Node
    depth: int
    spec: InputSpec | None  # None: not answered by the unit (survey, directives …)
    answer: Answer | None
    fields: dict[str, str]
    explanation: str
    citations: list[Any]  # evidence.Citation rows of this leaf, documents loaded

    @property
    def version(self) -> str:
        return str(self.answer.version) if self.answer else ""

    @property
    def points(self) -> str:
        return points_text(self.answer.points) if self.answer else ""

    @property
    def source_note(self) -> str:
        return SOURCE_NOTES.get(self.node.input_source, "")


@dataclass(frozen=True)
class HeadingRow:
    node: Node
    depth: int


def explanation_for(assessment: Assessment, code: str, raw: str) -> str:
    try:
        return explain_answer(assessment.criteria_set, code, parse_answer(assessment.criteria_set, code, raw))
    except InputError as error:
        return str(error)  # a stored answer the set no longer accepts (never expected): say so, do not crash


def screen_rows(
    assessment: Assessment, answers: dict[str, Answer], citations: dict[str, list[Any]]
) -> Iterator[LeafRow | HeadingRow]:
    criteria_set = assessment.criteria_set
    na_allowed = {leaf.code: leaf.na_allowed for leaf in criteria_set.plan.leaves}

    def visit(node: Node, depth: int) -> Iterator[LeafRow | HeadingRow]:
        if not node.is_leaf:
            yield HeadingRow(node, depth)
            for child in node.children:
                yield from visit(child, depth + 1)
            return
        answer = answers.get(node.code)
        raw = answer.raw if answer else ""
        spec = input_spec(node, na_allowed.get(node.code, False)) if node.input_source in UNIT_SOURCES else None
        yield LeafRow(
            node=node,
            depth=depth,
            spec=spec,
            answer=answer,
            fields=decompose_raw(spec, raw) if spec else {},
            explanation=explanation_for(assessment, node.code, raw) if raw else "",
            citations=citations.get(node.code, []),
        )

    for _, roots in criteria_set.sections():
        for root in roots:
            yield from visit(root, 0)


def progress_payload(progress: Progress, rounding: Rounding) -> dict[str, object]:
    """The progress panel's figures, for the page and for every autosave response (the set's rounding)."""
    index = progress.score.index
    return {
        "answered": progress.answered,
        "total": progress.total,
        "unanswered": progress.unanswered,
        "without_evidence": progress.without_evidence,
        "points": points_text(progress.points, rounding.places),
        "index": format_decimal(index, places=rounding.places, mode=rounding.mode) if index is not None else "",
    }
