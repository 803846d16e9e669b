"""The council report's findings and summary text, from the council's analysis (parindex.analysis).

summary_text() is Sở Nội vụ's edited summary when saved, else the generated one: what the organizer wrote for
the council is what the report prints. The report reads only this module, in the shape it needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from parindex.analysis.selectors import WeakCriterion, findings, summary_text
from parindex.council.selectors import GroupResults

WEAKEST_SHOWN = 5

__all__ = ["FieldAverage", "Findings", "WeakCriterion", "council_findings"]


@dataclass(frozen=True)
class FieldAverage:
    code: str
    title: str
    index: Decimal | None  # the group's mean component index, as the council's table shows it


@dataclass(frozen=True)
class Findings:
    summary: str
    weakest: list[WeakCriterion]  # most points lost first
    fields: list[FieldAverage]  # the set's order


def council_findings(results: GroupResults) -> Findings:
    found = findings(results.period, results.group)
    return Findings(
        summary=summary_text(results.period, results.group, known=found),
        weakest=found.weakest_criteria[:WEAKEST_SHOWN],
        fields=[FieldAverage(field.code, field.title, field.average_index) for field in found.fields],
    )
