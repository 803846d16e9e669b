"""Ranking within a group, bands, and group averages.

Ranks compare indices at full precision: units equal at full precision share a rank and the next rank
skips (1, 2, 2, 4: "đồng hạng"). A unit with nothing applicable has no index and no rank.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Generic, TypeVar

from parindex.engine.numbers import ENGINE_CONTEXT, ZERO
from parindex.engine.scoring import UnitScore
from parindex.engine.tree import Band, CriteriaSet, Rounding

K = TypeVar("K", bound=Hashable)


def competition_ranks(values: Mapping[K, Decimal | None]) -> dict[K, int | None]:
    """Standard competition ranking, highest first; None values get no rank."""
    ranked = sorted(((value, key) for key, value in values.items() if value is not None), key=lambda p: -p[0])
    ranks: dict[K, int | None] = dict.fromkeys(values)
    previous: Decimal | None = None
    current = 0
    for position, (value, key) in enumerate(ranked, start=1):
        if value != previous:
            current, previous = position, value
        ranks[key] = current
    return ranks


def band_for(index: Decimal | None, bands: Iterable[Band], rounding: Rounding) -> str | None:
    """The first band (highest threshold first) the index reaches.

    Compared on the index as published (the set's rounding), so that a unit shown at 90,00 is never put in
    the band below 90 because of a digit nobody sees.
    """
    if index is None:
        return None
    shown = rounding.apply(index)
    return next((band.name for band in bands if shown >= band.min), None)


@dataclass(frozen=True)
class RankedUnit(Generic[K]):
    key: K
    score: UnitScore
    rank: int | None
    band: str | None


def rank_group(criteria_set: CriteriaSet, scores: Mapping[K, UnitScore]) -> list[RankedUnit[K]]:
    """The group's units, best first (ties keep the mapping's order; callers pass names pre-sorted)."""
    ranks = competition_ranks({key: score.index for key, score in scores.items()})
    rows = [
        RankedUnit(key, score, ranks[key], band_for(score.index, criteria_set.bands, criteria_set.rounding))
        for key, score in scores.items()
    ]
    rows.sort(key=lambda row: (row.rank is None, row.rank or 0))
    return rows


def mean(values: Iterable[Decimal | None]) -> Decimal | None:
    present = [value for value in values if value is not None]
    if not present:
        return None
    return ENGINE_CONTEXT.divide(sum(present, ZERO), Decimal(len(present)))


@dataclass(frozen=True)
class GroupAverage:
    units: int
    index: Decimal | None
    points: Decimal | None
    fields: dict[str, Decimal | None]  # field code → mean component index


def group_average(scores: Iterable[UnitScore]) -> GroupAverage:
    """Means over the group's units: index, points and each field's component index."""
    scores = list(scores)
    field_indices: dict[str, list[Decimal | None]] = {}
    for score in scores:
        for code, node in score.field_scores().items():
            field_indices.setdefault(code, []).append(node.index)
    return GroupAverage(
        units=len(scores),
        index=mean(score.index for score in scores),
        points=mean(score.points for score in scores),
        fields={code: mean(values) for code, values in field_indices.items()},
    )
