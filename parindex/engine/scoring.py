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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Context, Decimal, localcontext
from itertools import compress, repeat
from operator import add, is_
from typing import Any

from parindex.engine.answers import MSG_NA_NOT_ALLOWED, NOT_APPLICABLE, Answers
from parindex.engine.errors import InputError
from parindex.engine.numbers import ENGINE_CONTEXT, HUNDRED, ZERO
from parindex.engine.plan import LeafSlot, Plan
from parindex.engine.tree import CriteriaSet, Section

IntColumn = list[int]  # one slot's figure for every unit being scored, as exact integers (see Scale)


class Scale:
    """Exact integers for the roll-up: a figure x is held as x × 10^places.

    Adding up a year is half a million additions; Python adds integers several times faster than Decimals,
    and exactly (a sum of Decimals rounds at 28 digits; a sum of integers never rounds). `places` is the
    largest number of decimals of any figure in the batch, so every figure converts exactly both ways. The
    conversions are remembered: a year has few distinct leaf points and maxima.
    """

    __slots__ = ("_decimals", "_ints", "places")

    def __init__(self, places: int) -> None:
        self.places = places
        self._ints: dict[Decimal, int] = {}
        self._decimals: dict[int, Decimal] = {}

    def to_int(self, value: Decimal) -> int:
        try:
            return self._ints[value]
        except KeyError:
            result = self._ints[value] = int(value.scaleb(self.places, context=_EXACT))
            return result

    def to_decimal(self, value: int) -> Decimal:
        try:
            return self._decimals[value]
        except KeyError:
            # Exact (a wide context: the integer may have more than 28 digits), then without trailing zeros.
            result = Decimal(value).scaleb(-self.places, context=_EXACT).normalize(context=_EXACT)
            self._decimals[value] = result
            return result

    @staticmethod
    def places_of(values: Iterable[Decimal]) -> int:
        exponents = [value.as_tuple().exponent for value in set(values)]
        return max([0] + [-exponent for exponent in exponents if isinstance(exponent, int)])


_EXACT = Context(prec=200)


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
    _points: Sequence[IntColumn]
    _maxima: Sequence[IntColumn]
    _unit: int
    _scale: Scale

    def node(self, code: str) -> NodeScore:
        slot, unit, scale = self._plan.slot_of[code], self._unit, self._scale
        return NodeScore(scale.to_decimal(self._points[slot][unit]), scale.to_decimal(self._maxima[slot][unit]))

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


def _add_columns(columns: list[IntColumn]) -> IntColumn:
    total = columns[0]
    for column in columns[1:]:
        total = list(map(add, total, column))
    return total


def _add_slots(slots: tuple[int, ...], columns: list[IntColumn], units: int) -> IntColumn:
    return _add_columns([columns[slot] for slot in slots]) if slots else [0] * units


def _capped(column: IntColumn, cap: int | None) -> IntColumn:
    return column if cap is None else [value if value <= cap else cap for value in column]


class _Batch:
    """The slots × units table of one scoring run: points and applicable maxima, column by column.

    Scoring a national year this way (a leaf for all units at once, in C-level `map`s, on exact integers)
    rather than unit by unit is what keeps the engine near a database's GROUP BY (bench/engine_vs_sql.py).
    """

    def __init__(self, criteria_set: CriteriaSet, answers: Sequence[Answers]) -> None:
        self.criteria_set = criteria_set
        self.plan = criteria_set.plan
        self.answers = answers
        self.units = len(answers)
        self.points: list[IntColumn] = [[]] * self.plan.size
        self.maxima: list[IntColumn] = [[]] * self.plan.size
        # Maxima columns that are the same for every unit are known without adding anything up.
        self.constant: list[bool] = [True] * self.plan.size
        self.missing: list[list[str]] = [[] for _ in answers]
        self.survey_absent = self._survey_absent()
        self.scale = Scale(0)

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
        columns = self._answer_columns()
        points_by_leaf = [
            _points_by_answer(leaf, column) for leaf, column in zip(self.plan.leaves, columns, strict=True)
        ]
        self.scale = Scale(
            Scale.places_of(
                [*self.plan.full_maxima, *self._caps(), *(p for points in points_by_leaf for p in points.values())]
            )
        )
        units, absent, to_int = self.units, self.survey_absent, self.scale.to_int
        any_absent = any(absent)
        no_one = [False] * units
        everyone = range(units)
        for leaf, column, points_of in zip(self.plan.leaves, columns, points_by_leaf, strict=True):
            code, slot = leaf.code, leaf.slot
            # Presence tests on the distinct answers (a hash lookup), not on the 4,000 of the column.
            has_na = NOT_APPLICABLE in points_of
            if has_na and not leaf.na_allowed:
                raise InputError(MSG_NA_NOT_ALLOWED.format(code=code))
            ints_of = {value: to_int(points) for value, points in points_of.items()}
            self.points[slot] = list(map(ints_of.__getitem__, column))
            maximum = to_int(leaf.maximum)
            survey_out = any_absent and leaf.is_survey
            if has_na or survey_out:
                left_out = absent if survey_out else no_one
                self.maxima[slot] = [
                    0 if value is NOT_APPLICABLE or out else maximum
                    for value, out in zip(column, left_out, strict=True)
                ]
                self.constant[slot] = False
            else:
                self.maxima[slot] = [maximum] * units
            if leaf.counts_as_missing and None in points_of:
                for unit in compress(everyone, map(is_, column, repeat(None))):
                    if not (survey_out and absent[unit]):
                        self.missing[unit].append(code)

    def _caps(self) -> list[Decimal]:
        sections = (self.criteria_set.bonus, self.criteria_set.penalty)
        return [section.cap for section in sections if section is not None]

    def roll_up(self) -> None:
        full_maxima, units, to_int = self.plan.full_maxima, self.units, self.scale.to_int
        for parent in self.plan.parents:
            children = parent.children
            self.points[parent.slot] = _add_columns([self.points[child] for child in children])
            if all(self.constant[child] for child in children):
                self.maxima[parent.slot] = [to_int(full_maxima[parent.slot])] * units
            else:
                self.constant[parent.slot] = False
                applicable = _add_columns([self.maxima[child] for child in children])
                if parent.capped:
                    applicable = _capped(applicable, to_int(parent.maximum))
                self.maxima[parent.slot] = applicable
            if parent.capped:
                # Only a capped parent can add up to more than it may hold; the others cannot exceed it.
                self.points[parent.slot] = list(map(min, self.points[parent.slot], self.maxima[parent.slot]))

    def results(self) -> list[UnitScore]:
        plan, criteria_set, units, scale = self.plan, self.criteria_set, self.units, self.scale
        base_points = _add_slots(plan.roots, self.points, units)
        maxima = _add_slots(plan.roots, self.maxima, units)
        bonus = _capped(_add_slots(plan.bonus_roots, self.points, units), self._cap_of(criteria_set.bonus))
        penalty = _capped(_add_slots(plan.penalty_roots, self.points, units), self._cap_of(criteria_set.penalty))
        results = []
        for unit in range(units):
            if self.survey_absent[unit]:
                full_maximum = _maximum_with_survey(plan, [scale.to_decimal(column[unit]) for column in self.maxima])
                maximum = scale.to_decimal(maxima[unit])
                base = scale.to_decimal(base_points[unit])
                if maximum > 0:
                    base = base * full_maximum / maximum
                maximum = full_maximum
                final = min(maximum, base + scale.to_decimal(bonus[unit])) - scale.to_decimal(penalty[unit])
                final = final if final > 0 else ZERO
            else:
                # All in exact integers; only the results become Decimals.
                exact = min(maxima[unit], base_points[unit] + bonus[unit]) - penalty[unit]
                final = scale.to_decimal(exact if exact > 0 else 0)
                maximum = scale.to_decimal(maxima[unit])
                base = scale.to_decimal(base_points[unit])
            results.append(
                UnitScore(
                    points=final,
                    maximum=maximum,
                    index=final * HUNDRED / maximum if maximum else None,
                    base_points=base,
                    bonus=scale.to_decimal(bonus[unit]),
                    penalty=scale.to_decimal(penalty[unit]),
                    survey_rescaled=self.survey_absent[unit],
                    missing=tuple(self.missing[unit]),
                    _plan=plan,
                    _points=self.points,
                    _maxima=self.maxima,
                    _unit=unit,
                    _scale=scale,
                )
            )
        return results

    def _cap_of(self, section: Section | None) -> int | None:
        return self.scale.to_int(section.cap) if section is not None else None


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
