from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from parindex.organization.models import Unit, UnitGroup
from parindex.vn import sort_key


def units_active_on(date: datetime.date, *, group: UnitGroup | None = None) -> QuerySet[Unit]:
    """Units that existed on `date`.

    `active_to` is the last active day (inclusive); `merged_on` is the first day the unit no longer acts on
    its own, so a unit merged on 01/07/2025 is still active on 30/06/2025 and not on 01/07/2025.
    """
    units = Unit.objects.filter(active_from__lte=date).filter(
        Q(active_to__isnull=True) | Q(active_to__gte=date),
        Q(merged_on__isnull=True) | Q(merged_on__gt=date),
    )
    if group is not None:
        units = units.filter(group=group)
    return units.select_related("group")


def unit_group_list() -> QuerySet[UnitGroup]:
    return UnitGroup.objects.all()


def unit_is_active_on(unit: Unit, date: datetime.date) -> bool:
    """The rule of units_active_on for one unit already loaded."""
    return (
        unit.active_from <= date
        and (unit.active_to is None or unit.active_to >= date)
        and (unit.merged_on is None or unit.merged_on > date)
    )


def unit_lineage(unit: Unit) -> list[Unit]:
    """Every unit that merged into `unit`, directly or through earlier mergers: the history a year-on-year
    comparison follows back. Nearest first (the units merged into `unit` itself, latest merger first, then
    the units merged into those …); `unit` itself is not in the list. One query per generation."""
    lineage: list[Unit] = []
    seen = {unit.pk}
    generation = [unit.pk]
    while generation:
        predecessors = [
            predecessor
            for predecessor in Unit.objects.filter(merged_into__in=generation).select_related("group")
            if predecessor.pk not in seen  # a cycle in broken data must not loop for ever
        ]
        predecessors.sort(key=lambda predecessor: sort_key(predecessor.name))
        predecessors.sort(key=lambda predecessor: predecessor.merged_on or datetime.date.min, reverse=True)
        seen.update(predecessor.pk for predecessor in predecessors)
        lineage += predecessors
        generation = [predecessor.pk for predecessor in predecessors]
    return lineage


def unit_successor_on(unit: Unit, date: datetime.date) -> Unit | None:
    """The unit that carries on `unit`'s work on `date`: the unit itself while it is active; after a merger,
    the unit it merged into (followed through later mergers). None when that line has no active unit on
    `date`: before the unit existed, or after a dissolution without merger."""
    current, seen = unit, {unit.pk}
    while current.merged_on is not None and current.merged_on <= date and current.merged_into_id is not None:
        if current.merged_into_id in seen:
            return None  # broken data: a circle of mergers has no successor
        current = current.merged_into  # type: ignore[assignment]
        seen.add(current.pk)
    return current if unit_is_active_on(current, date) else None


@dataclass(frozen=True)
class UnitListRow:
    unit: Unit
    active: bool  # on the day the list is drawn
    predecessors: list[Unit]  # units merged directly into this one
    not_yet: bool = False  # starts after that day (a unit created ahead of a reform)


@dataclass(frozen=True)
class UnitListGroup:
    group: UnitGroup
    rows: list[UnitListRow]


def unit_list_by_group(*, on: datetime.date) -> list[UnitListGroup]:
    """Every unit, by group in the groups' order and by Vietnamese alphabetical order inside a group, with
    whether it is active `on` that day and which units merged into it. Two queries, however many units."""
    groups = list(UnitGroup.objects.all())
    units = list(Unit.objects.select_related("merged_into"))
    units.sort(key=lambda unit: sort_key(unit.name))
    predecessors: dict[int, list[Unit]] = {}
    for unit in units:
        if unit.merged_into_id is not None:
            predecessors.setdefault(unit.merged_into_id, []).append(unit)
    by_group: dict[int, list[UnitListRow]] = {group.pk: [] for group in groups}
    for unit in units:
        by_group[unit.group_id].append(
            UnitListRow(
                unit=unit,
                active=unit_is_active_on(unit, on),
                predecessors=predecessors.get(unit.pk, []),
                not_yet=unit.active_from > on,
            )
        )
    return [UnitListGroup(group=group, rows=by_group[group.pk]) for group in groups]
