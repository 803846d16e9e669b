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

from dataclasses import dataclass
from decimal import Decimal, localcontext
from typing import Any

from parindex.engine.answers import MSG_NA_NOT_ALLOWED, NOT_APPLICABLE, Answers
from parindex.engine.errors import InputError
from parindex.engine.numbers import ENGINE_CONTEXT, HUNDRED, ZERO
from parindex.engine.plan import Plan
from parindex.engine.tree import CriteriaSet


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
    base_points: Decimal  # the criteria's points before bonus and penalty (after any survey rescaling)
    bonus: Decimal
    penalty: Decimal
    survey_rescaled: bool
    missing: tuple[str, ...]
    _plan: Plan
    _points: list[Decimal]
    _maxima: list[Decimal]

    @property
    def index(self) -> Decimal | None:
        if self.maximum == 0:
            return None
        return ENGINE_CONTEXT.divide(ENGINE_CONTEXT.multiply(self.points, HUNDRED), self.maximum)

    def node(self, code: str) -> NodeScore:
        slot = self._plan.slot_of[code]
        return NodeScore(self._points[slot], self._maxima[slot])

    def field_scores(self) -> dict[str, NodeScore]:
        """Each top-level field (lĩnh vực) by code, for the component indices."""
        return {self._plan.codes[slot]: NodeScore(self._points[slot], self._maxima[slot]) for slot in self._plan.roots}


def _roll_up_points(plan: Plan, points: list[Decimal], maxima: list[Decimal]) -> None:
    """Every parent's points: its children's added up, capped at its applicable maximum (already in `maxima`)."""
    for slot, gather in plan.parent_gathers:
        total = sum(gather(points), ZERO)
        applicable = maxima[slot]
        points[slot] = total if total <= applicable else applicable


def _section_total(slots: tuple[int, ...], points: list[Decimal], cap: Decimal | None) -> Decimal:
    total = sum([points[slot] for slot in slots], ZERO)
    return total if cap is None or total <= cap else cap


def _score_leaves(plan: Plan, values: list[Any], points: list[Decimal]) -> tuple[list[int], list[int]]:
    """Each answered leaf's points into `points`; returns the leaves left blank and those not applicable.

    The hot loop of a national year (4,000 units × 150 leaves): local names and the plan's precomputed
    tuples, no attribute lookups per leaf.
    """
    point_functions, na_allowed = plan.point_functions, plan.na_allowed
    blank: list[int] = []
    not_applicable: list[int] = []
    for slot, value in enumerate(values):  # leaf i holds slot i
        if value is None:
            blank.append(slot)
        elif value is NOT_APPLICABLE:
            if not na_allowed[slot]:
                raise InputError(MSG_NA_NOT_ALLOWED.format(code=plan.codes[slot]))
            not_applicable.append(slot)
        else:
            points[slot] = point_functions[slot](value)
    return blank, not_applicable


def score_unit(criteria_set: CriteriaSet, answers: Answers) -> UnitScore:
    """Score one unit from its parsed answers (see `parse_answers`); missing codes are "not scored"."""
    plan = criteria_set.plan
    with localcontext(ENGINE_CONTEXT):
        values = list(map(answers.get, plan.leaf_codes))
        points = [ZERO] * plan.size
        blank, left_out = _score_leaves(plan, values, points)
        survey_absent = (
            criteria_set.survey_mode == "optional"
            and bool(plan.survey_codes)
            and all(answers.get(code) is None for code in plan.survey_codes)
        )
        missing: list[str] = []
        for slot in blank:
            leaf = plan.leaves[slot]
            if survey_absent and leaf.is_survey:
                left_out.append(slot)  # no survey held: out of the maximum, rescaled below
            elif leaf.counts_as_missing:
                missing.append(leaf.code)

        # Start from the maxima with everything applicable; only the ancestors of the leaves left out of the
        # maximum need adding up again (a few parents, not all of them).
        maxima = list(plan.full_maxima)
        for slot in left_out:
            maxima[slot] = ZERO
        plan.roll_up_maxima(maxima, sorted({position for slot in left_out for position in plan.ancestors[slot]}))
        _roll_up_points(plan, points, maxima)

        base_points = sum([points[slot] for slot in plan.roots], ZERO)
        maximum = sum([maxima[slot] for slot in plan.roots], ZERO)
        if survey_absent:
            full_maximum = _maximum_with_survey(plan, maxima)
            if maximum > 0:
                base_points = base_points * full_maximum / maximum
            maximum = full_maximum

        bonus_cap = criteria_set.bonus.cap if criteria_set.bonus is not None else None
        penalty_cap = criteria_set.penalty.cap if criteria_set.penalty is not None else None
        bonus = _section_total(plan.bonus_roots, points, bonus_cap)
        penalty = _section_total(plan.penalty_roots, points, penalty_cap)
        final = min(maximum, base_points + bonus) - penalty
        if final < 0:
            final = ZERO

    return UnitScore(
        points=final,
        maximum=maximum,
        base_points=base_points,
        bonus=bonus,
        penalty=penalty,
        survey_rescaled=survey_absent,
        missing=tuple(missing),
        _plan=plan,
        _points=points,
        _maxima=maxima,
    )


def _maximum_with_survey(plan: Plan, maxima: list[Decimal]) -> Decimal:
    """The applicable maximum had the survey been held: the scale the appraised part is rescaled to."""
    with_survey = list(maxima)
    for leaf in plan.leaves:
        if leaf.is_survey:
            with_survey[leaf.slot] = leaf.maximum
    plan.roll_up_maxima(with_survey, range(len(plan.parents)))
    return sum([with_survey[slot] for slot in plan.roots], ZERO)
