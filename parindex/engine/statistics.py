"""Where the province loses points: per-leaf statistics across the units of a group."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Generic, TypeVar

from parindex.engine.numbers import ENGINE_CONTEXT, ZERO
from parindex.engine.scoring import UnitScore
from parindex.engine.tree import CriteriaSet

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class LeafStatistics(Generic[K]):
    code: str
    title: str
    maximum: Decimal
    units_applicable: int
    units_losing: tuple[K, ...]  # units that scored below this leaf's maximum
    points_lost: Decimal  # summed over the applicable units
    average_points: Decimal | None
    average_self_gap: Decimal | None  # mean of (self-assessed − appraised) over units having both

    @property
    def units_losing_count(self) -> int:
        return len(self.units_losing)


def leaf_statistics(
    criteria_set: CriteriaSet,
    scores: Mapping[K, UnitScore],
    self_scores: Mapping[K, UnitScore] | None = None,
) -> list[LeafStatistics[K]]:
    """Per scored leaf: points lost, how many (and which) units lost points there, and the average gap
    between self-assessed and appraised points; most points lost first, then in the set's order."""
    result = []
    with_self = self_scores or {}
    for order, leaf in enumerate(criteria_set.leaves):
        lost = ZERO
        total = ZERO
        applicable = 0
        losing: list[K] = []
        gaps: list[Decimal] = []
        for key, score in scores.items():
            node = score.node(leaf.code)
            if node.not_applicable:
                continue
            applicable += 1
            total += node.points
            if node.lost > 0:
                lost += node.lost
                losing.append(key)
            own = with_self.get(key)
            if own is not None and not own.node(leaf.code).not_applicable:
                gaps.append(own.node(leaf.code).points - node.points)
        result.append(
            (
                -lost,
                order,
                LeafStatistics(
                    code=leaf.code,
                    title=leaf.title,
                    maximum=leaf.maximum,
                    units_applicable=applicable,
                    units_losing=tuple(losing),
                    points_lost=lost,
                    average_points=ENGINE_CONTEXT.divide(total, Decimal(applicable)) if applicable else None,
                    average_self_gap=ENGINE_CONTEXT.divide(sum(gaps, ZERO), Decimal(len(gaps))) if gaps else None,
                ),
            )
        )
    result.sort(key=lambda item: (item[0], item[1]))
    return [item[2] for item in result]
