"""A criteria set carried over to a new year: most provinces re-issue last year's set with amendments."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

from parindex.engine import CriteriaSet, Node, Section
from parindex.engine.rules import TimelinessRule
from parindex.engine.text import day


def _shift_year(value: date, years: int) -> date:
    try:
        return value.replace(year=value.year + years)
    except ValueError:  # 29 February into a year without one
        return value.replace(year=value.year + years, day=28)


def _carry_node(node: Node, years: int, notes: list[str]) -> Node:
    rule = node.rule
    if isinstance(rule, TimelinessRule) and rule.deadline is not None:
        shifted = _shift_year(rule.deadline, years)
        notes.append(f"Tiêu chí “{node.code}”: hạn {day(rule.deadline)} chuyển thành {day(shifted)}")
        rule = dataclasses.replace(rule, deadline=shifted)
    children = tuple(_carry_node(child, years, notes) for child in node.children)
    return dataclasses.replace(node, rule=rule, children=children)


def criteria_set_for_year(criteria_set: CriteriaSet, year: int) -> tuple[CriteriaSet, list[str]]:
    """The same set for `year`: the year in its name replaced, deadlines moved by the same number of years.

    Returns the new set and a Vietnamese note per change made, to show the organizer what to review.
    """
    years = year - criteria_set.year
    notes: list[str] = []
    old_year = str(criteria_set.year)
    name = criteria_set.name
    if re.search(rf"\b{old_year}\b", name):
        name = re.sub(rf"\b{old_year}\b", str(year), name)
        notes.append(f"Tên bộ tiêu chí: “{criteria_set.name}” thành “{name}”")

    def carry_section(section: Section | None) -> Section | None:
        if section is None:
            return None
        return dataclasses.replace(section, criteria=tuple(_carry_node(n, years, notes) for n in section.criteria))

    carried = dataclasses.replace(
        criteria_set,
        name=name,
        year=year,
        criteria=tuple(_carry_node(node, years, notes) for node in criteria_set.criteria),
        bonus=carry_section(criteria_set.bonus),
        penalty=carry_section(criteria_set.penalty),
    )
    return carried, notes
