"""Scoring one unit: leaf points from the rules, rolled up the tree, "không áp dụng" taken out of the maximum.

- A parent's points are the sum of its children's, capped at its (applicable) maximum.
- A leaf answered NOT_APPLICABLE contributes neither points nor maximum; its ancestors' applicable maxima
  shrink by its maximum, so index = points ÷ applicable maximum × 100 stays within 0..100.
- A leaf with no answer scores 0 against its full maximum and is listed as missing.
- Bonus adds, penalty subtracts, each limited to its section's cap:
  points = min(applicable maximum, base + bonus) − penalty, never below 0.
- With `survey_mode: optional` and no survey result at all, the survey leaves leave the maximum and the
  appraised part is rescaled to the full scale.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext
from itertools import compress, repeat
from operator import add, is_
from typing import Any

from parindex.engine.answers import MSG_NA_NOT_ALLOWED, NOT_APPLICABLE, Answers
from parindex.engine.errors import InputError
from parindex.engine.numbers import ENGINE_CONTEXT, HUNDRED, ZERO
from parindex.engine.plan import LeafSlot, Plan
from parindex.engine.tree import CriteriaSet, Section

Column = list[Decimal]  # one slot's figure for every unit being scored, in the order of the units


@dataclass(frozen=True)
class NodeScore:
    points: Decimal
    maximum: Decimal  # applicable maximum: the node's maximum less its not-applicable leaves

    @property
    def not_applicable(self) -> bool:
        return self.maximum == 0

    @property
    def index(self) -> Decimal | None:
        """The component index (chỉ số thành phần) in %, None when nothing of the node applies."""
        if self.maximum == 0:
            return None
        return ENGINE_CONTEXT.divide(ENGINE_CONTEXT.multiply(self.points, HUNDRED), self.maximum)

    @property
    def lost(self) -> Decimal:
        return self.maximum - self.points


@dataclass(frozen=True)
class UnitScore:
    """A unit's result at full precision. Per-node figures are read through `node(code)`."""

    points: Decimal  # final: base (rescaled if so) + bonus − penalty, within 0..maximum
    maximum: Decimal  # applicable maximum of the whole set
    index: Decimal | None  # points × 100 ÷ maximum, at full precision; None when nothing applies
    base_points: Decimal  # the criteria's points before bonus and penalty (after any survey rescaling)
    bonus: Decimal
    penalty: Decimal
    survey_rescaled: bool
    missing: tuple[str, ...]
    _plan: Plan
    # The batch's slot × unit columns and this unit's position in them: per-node figures are read only when
    # asked for, so scoring a year never copies 4,000 × 200 figures into per-unit rows.
    _points: Sequence[Column]
    _maxima: Sequence[Column]
    _unit: int

    def node(self, code: str) -> NodeScore:
        slot = self._plan.slot_of[code]
        return NodeScore(self._points[slot][self._unit], self._maxima[slot][self._unit])

    def field_scores(self) -> dict[str, NodeScore]:
        """Each top-level field (lĩnh vực) by code, for the component indices."""
        return {self._plan.codes[slot]: self.node(self._plan.codes[slot]) for slot in self._plan.roots}


def _points_by_answer(leaf: LeafSlot, column: Sequence[Any]) -> dict[Any, Decimal]:
    """The leaf's points for each distinct answer in the column (blank and not applicable: 0).

    A leaf's points depend only on its answer, and a year's answers repeat (Có/Không, counts, levels …):
    the rule runs once per distinct answer, not once per unit. Equal answers share the result (80 and 80,0
    give equal points, whatever the exponent).
    """
    points_of: dict[Any, Decimal] = dict.fromkeys(column, ZERO)
    points = leaf.rule.points
    for value in points_of:
        if value is not None and value is not NOT_APPLICABLE:
            points_of[value] = points(value)
    return points_of


def _add_columns(columns: list[Column]) -> Column:
    total = columns[0]
    for column in columns[1:]:
        total = list(map(add, total, column))
    return total


def _add_slots(slots: tuple[int, ...], columns: list[Column], units: int) -> Column:
    return _add_columns([columns[slot] for slot in slots]) if slots else [ZERO] * units


def _capped(column: Column, cap: Decimal | None) -> Column:
    return column if cap is None else [value if value <= cap else cap for value in column]


class _Batch:
    """The slots × units table of one scoring run: points and applicable maxima, column by column.

    Scoring a national year this way (a leaf for all units at once, in C-level `map`s) rather than unit by
    unit is what keeps the engine near a database's GROUP BY (bench/engine_vs_sql.py).
    """

    def __init__(self, criteria_set: CriteriaSet, answers: Sequence[Answers]) -> None:
        self.criteria_set = criteria_set
        self.plan = criteria_set.plan
        self.answers = answers
        self.units = len(answers)
        self.points: list[Column] = [[]] * self.plan.size
        self.maxima: list[Column] = [[]] * self.plan.size
        # Maxima columns that are the same for every unit are known without adding anything up.
        self.constant: list[bool] = [True] * self.plan.size
        self.missing: list[list[str]] = [[] for _ in answers]
        self.survey_absent = self._survey_absent()

    def _survey_absent(self) -> list[bool]:
        codes = self.plan.survey_codes
        if self.criteria_set.survey_mode != "optional" or not codes:
            return [False] * self.units
        return [all(unit.get(code) is None for code in codes) for unit in self.answers]

    def _answer_columns(self) -> list[tuple[Any, ...]]:
        """The answers as one column per leaf. Each unit's answers are read in one C-level pass over the
        leaf codes, then turned into columns by zip: far cheaper than a Python loop per leaf and unit."""
        codes = self.plan.leaf_codes
        rows = [list(map(unit.get, codes)) for unit in self.answers]
        return list(zip(*rows, strict=True)) if rows else [() for _ in codes]

    def score_leaves(self) -> None:
        units, absent = self.units, self.survey_absent
        any_absent = any(absent)
        no_one = [False] * units
        everyone = range(units)
        columns = self._answer_columns()
        for leaf, column in zip(self.plan.leaves, columns, strict=True):
            code, slot = leaf.code, leaf.slot
            points_of = _points_by_answer(leaf, column)
            # Presence tests on the distinct answers (a hash lookup), not on the 4,000 of the column.
            has_na = NOT_APPLICABLE in points_of
            if has_na and not leaf.na_allowed:
                raise InputError(MSG_NA_NOT_ALLOWED.format(code=code))
            self.points[slot] = list(map(points_of.__getitem__, column))
            survey_out = any_absent and leaf.is_survey
            if has_na or survey_out:
                left_out = absent if survey_out else no_one
                self.maxima[slot] = [
                    ZERO if value is NOT_APPLICABLE or out else leaf.maximum
                    for value, out in zip(column, left_out, strict=True)
                ]
                self.constant[slot] = False
            else:
                self.maxima[slot] = [leaf.maximum] * units
            if leaf.counts_as_missing and None in points_of:
                for unit in compress(everyone, map(is_, column, repeat(None))):
                    if not (survey_out and absent[unit]):
                        self.missing[unit].append(code)

    def roll_up(self) -> None:
        full_maxima, units = self.plan.full_maxima, self.units
        for parent in self.plan.parents:
            children = parent.children
            self.points[parent.slot] = _add_columns([self.points[child] for child in children])
            if all(self.constant[child] for child in children):
                self.maxima[parent.slot] = [full_maxima[parent.slot]] * units
            else:
                self.constant[parent.slot] = False
                applicable = _add_columns([self.maxima[child] for child in children])
                if parent.capped:
                    applicable = _capped(applicable, parent.maximum)
                self.maxima[parent.slot] = applicable
            if parent.capped:
                # Only a capped parent can add up to more than it may hold; the others cannot exceed it.
                self.points[parent.slot] = list(map(min, self.points[parent.slot], self.maxima[parent.slot]))

    def results(self) -> list[UnitScore]:
        plan, criteria_set, units = self.plan, self.criteria_set, self.units
        base_points = _add_slots(plan.roots, self.points, units)
        maxima = _add_slots(plan.roots, self.maxima, units)
        bonus = _capped(_add_slots(plan.bonus_roots, self.points, units), _cap(criteria_set.bonus))
        penalty = _capped(_add_slots(plan.penalty_roots, self.points, units), _cap(criteria_set.penalty))
        results = []
        for unit in range(units):
            base, maximum = base_points[unit], maxima[unit]
            if self.survey_absent[unit]:
                full_maximum = _maximum_with_survey(plan, [column[unit] for column in self.maxima])
                if maximum > 0:
                    base = base * full_maximum / maximum
                maximum = full_maximum
            final = min(maximum, base + bonus[unit]) - penalty[unit]
            if final < 0:
                final = ZERO
            results.append(
                UnitScore(
                    points=final,
                    maximum=maximum,
                    index=final * HUNDRED / maximum if maximum else None,
                    base_points=base,
                    bonus=bonus[unit],
                    penalty=penalty[unit],
                    survey_rescaled=self.survey_absent[unit],
                    missing=tuple(self.missing[unit]),
                    _plan=plan,
                    _points=self.points,
                    _maxima=self.maxima,
                    _unit=unit,
                )
            )
        return results


def _cap(section: Section | None) -> Decimal | None:
    return section.cap if section is not None else None


def score_units(criteria_set: CriteriaSet, answers: Sequence[Answers]) -> list[UnitScore]:
    """Score many units at once from their parsed answers (see `parse_answers`), in the order given.

    Missing codes are "not scored". This is the engine's one scoring path; `score_unit` is a batch of one.
    """
    with localcontext(ENGINE_CONTEXT):
        batch = _Batch(criteria_set, answers)
        batch.score_leaves()
        batch.roll_up()
        return batch.results()


def score_unit(criteria_set: CriteriaSet, answers: Answers) -> UnitScore:
    """Score one unit from its parsed answers (see `parse_answers`); missing codes are "not scored"."""
    return score_units(criteria_set, [answers])[0]


def _maximum_with_survey(plan: Plan, maxima: list[Decimal]) -> Decimal:
    """The applicable maximum had the survey been held: the scale the appraised part is rescaled to."""
    for leaf in plan.leaves:
        if leaf.is_survey:
            maxima[leaf.slot] = leaf.maximum
    plan.roll_up_maxima(maxima, range(len(plan.parents)))
    return sum([maxima[slot] for slot in plan.roots], ZERO)
