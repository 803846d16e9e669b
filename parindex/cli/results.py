"""From the units' answers to the results of each group: scores, ranks, bands, averages, weakest criteria.

Everything stays at full precision here; rounding is the writers' job (the set's `Rounding` at display).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from parindex.cli.scoresheet import UnitAnswers
from parindex.engine import (
    CriteriaSet,
    GroupAverage,
    LeafStatistics,
    UnitScore,
    group_average,
    leaf_statistics,
    rank_group,
    score_unit,
)
from parindex.vn import sort_key

WEAKEST_LIMIT = 20


@dataclass(frozen=True)
class UnitResult:
    unit: str
    group: str
    row: int  # the row of the scores file
    score: UnitScore
    rank: int | None  # None when nothing of the set applies to the unit
    band: str | None


@dataclass(frozen=True)
class GroupResult:
    criteria_set: CriteriaSet
    units: tuple[UnitResult, ...]  # best first; equal ranks in Vietnamese alphabetical order
    average: GroupAverage
    weakest: tuple[LeafStatistics[str], ...]  # leaves where the group lost points, most first

    @property
    def group(self) -> str:
        return self.criteria_set.group


def field_codes(groups: Sequence[GroupResult]) -> list[str]:
    """The top-level field codes of every set, in order of first appearance (one column each)."""
    codes: list[str] = []
    for group in groups:
        codes += [node.code for node in group.criteria_set.criteria if node.code not in codes]
    return codes


def compute_results(sets: Sequence[CriteriaSet], units: Sequence[UnitAnswers]) -> list[GroupResult]:
    """One result per set, in the order of the sets, including sets with no unit in the file."""
    results = []
    for criteria_set in sets:
        members = sorted(
            (unit for unit in units if unit.group == criteria_set.group), key=lambda unit: sort_key(unit.unit)
        )
        # Names in alphabetical order, so that rank_group's stable sort lists equal ranks alphabetically.
        scores = {unit.unit: score_unit(criteria_set, unit.answers) for unit in members}
        rows = {unit.unit: unit.row for unit in members}
        ranked = rank_group(criteria_set, scores)
        statistics = leaf_statistics(criteria_set, scores)
        results.append(
            GroupResult(
                criteria_set=criteria_set,
                units=tuple(
                    UnitResult(item.key, criteria_set.group, rows[item.key], item.score, item.rank, item.band)
                    for item in ranked
                ),
                average=group_average(scores.values()),
                weakest=tuple(item for item in statistics if item.points_lost > 0)[:WEAKEST_LIMIT],
            )
        )
    return results
