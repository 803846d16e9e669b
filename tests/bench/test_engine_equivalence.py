"""The engine's fast scoring path gives exactly what the plain definition gives.

`score_unit` is tuned for a national year (flat slots, roll-up only where "không áp dụng" changed a maximum).
These tests hold it to a deliberately naive reference: a recursive walk written from docs/criteria-sets.md,
and each rule's points from the formula in that page's table. "Exactly" means the same Decimal, digit for
digit (str equality), not merely an equal value, so that no optimisation can change what a report prints.
"""

from __future__ import annotations

import random
from decimal import Context, Decimal
from typing import Any

import pytest

from bench.national_year import criteria_set_data, national_answers, national_units, to_yaml
from parindex.engine import (
    NOT_APPLICABLE,
    CriteriaSet,
    InputError,
    Node,
    UnitScore,
    parse_answers,
    score_unit,
)
from parindex.engine.numbers import ENGINE_CONTEXT, ZERO
from parindex.engine.rules import SEVERE, SurveyRule
from parindex.setfile import parse_criteria_set

LEAVES = 60
UNITS = 80


# -- the reference: the definition, written as plainly as possible --------------------------------------------


def reference_rule_points(rule: Any, value: Any) -> Decimal:
    """Each rule's points as docs/criteria-sets.md's table states them."""
    name, maximum = rule.type_name, rule.maximum
    if name == "manual":
        return value
    if name == "binary":
        if value:
            return maximum if rule.yes is None else rule.yes
        return ZERO if rule.no is None else rule.no
    if name == "tiers":
        for tier in rule.tiers:
            if value.value >= tier.min:
                return tier.points
        return ZERO
    if name == "ratio":
        achieved, required = value
        return min(maximum, ENGINE_CONTEXT.divide(ENGINE_CONTEXT.multiply(maximum, achieved), required))
    if name == "count":
        cap = maximum if rule.cap is None else rule.cap
        return min(cap, ENGINE_CONTEXT.multiply(rule.per_item, Decimal(value)))
    if name == "timeliness":
        given = getattr(rule, value.status)
        if given is not None:
            return given
        return maximum if value.status == "on_time" else ZERO
    if name == "quality":
        return ENGINE_CONTEXT.multiply(maximum, value.share)
    if name == "deduction":
        if value == SEVERE:
            return ZERO
        return max(ZERO, ENGINE_CONTEXT.subtract(maximum, ENGINE_CONTEXT.multiply(rule.per_occurrence, Decimal(value))))
    if name in ("scale", "survey"):
        return ENGINE_CONTEXT.divide(ENGINE_CONTEXT.multiply(maximum, value), rule.scale)
    raise AssertionError(name)


class Reference:
    """A unit scored by walking the tree: leaf → (points, applicable maximum), parents add up and cap."""

    def __init__(self, criteria_set: CriteriaSet, answers: dict[str, Any]) -> None:
        self.criteria_set = criteria_set
        self.answers = answers
        self.nodes: dict[str, tuple[Decimal, Decimal]] = {}
        self.missing: list[str] = []
        survey_codes = [leaf.code for leaf in criteria_set.leaves if isinstance(leaf.rule, SurveyRule)]
        self.survey_absent = (
            criteria_set.survey_mode == "optional"
            and bool(survey_codes)
            and all(answers.get(code) is None for code in survey_codes)
        )

    def leaf(self, node: Node, na_allowed: bool, main: bool) -> tuple[Decimal, Decimal]:
        value = self.answers.get(node.code)
        if value is None:
            if self.survey_absent and main and isinstance(node.rule, SurveyRule):
                return ZERO, ZERO
            if main:
                self.missing.append(node.code)
            return ZERO, node.maximum
        if value is NOT_APPLICABLE:
            if not (na_allowed and main):
                raise InputError(node.code)
            return ZERO, ZERO
        return reference_rule_points(node.rule, value), node.maximum

    def walk(self, node: Node, inherited_na: bool, main: bool, full: bool = False) -> tuple[Decimal, Decimal]:
        """(points, applicable maximum); `full` puts every survey leaf back, for the rescaling's scale."""
        na_allowed = inherited_na if node.allow_na is None else node.allow_na
        if node.rule is not None:
            result = self.leaf(node, na_allowed, main)
            if full and isinstance(node.rule, SurveyRule):
                result = (result[0], node.maximum)
        else:
            children = [self.walk(child, na_allowed, main, full) for child in node.children]
            points = sum((child[0] for child in children), ZERO)
            applicable = sum((child[1] for child in children), ZERO)
            if node.capped:
                applicable = min(applicable, node.maximum)
            result = (min(points, applicable), applicable)
        if not full:
            self.nodes[node.code] = result
        return result

    def section(self, kind: str) -> Decimal:
        section = getattr(self.criteria_set, kind)
        if section is None:
            return ZERO
        total = sum((self.walk(root, False, main=False)[0] for root in section.criteria), ZERO)
        return min(total, section.cap)

    def score(self) -> dict[str, Any]:
        cs = self.criteria_set
        fields = [self.walk(root, cs.allow_na, main=True) for root in cs.criteria]
        base = sum((points for points, _ in fields), ZERO)
        maximum = sum((applicable for _, applicable in fields), ZERO)
        if self.survey_absent:
            full = sum(
                (Reference(cs, self.answers).walk(root, cs.allow_na, True, full=True)[1] for root in cs.criteria), ZERO
            )
            if maximum > 0:
                base = ENGINE_CONTEXT.divide(ENGINE_CONTEXT.multiply(base, full), maximum)
            maximum = full
        bonus, penalty = self.section("bonus"), self.section("penalty")
        final = min(maximum, base + bonus) - penalty
        if final < 0:
            final = ZERO
        return {
            "points": final,
            "maximum": maximum,
            "base_points": base,
            "bonus": bonus,
            "penalty": penalty,
            "survey_rescaled": self.survey_absent,
            "missing": tuple(self.missing),
            "nodes": self.nodes,
        }


def engine_view(criteria_set: CriteriaSet, score: UnitScore) -> dict[str, Any]:
    return {
        "points": score.points,
        "maximum": score.maximum,
        "base_points": score.base_points,
        "bonus": score.bonus,
        "penalty": score.penalty,
        "survey_rescaled": score.survey_rescaled,
        "missing": score.missing,
        "nodes": {
            node.code: (score.node(node.code).points, score.node(node.code).maximum) for _, node in criteria_set.walk()
        },
    }


def digits(value: Any) -> Any:
    """Decimals as the exact number they hold, in one canonical text (1.50 and 1.5 are the same number: the
    engine keeps figures exactly, not their written form), recursively."""
    if isinstance(value, Decimal):
        return str(value.normalize(Context(prec=200)))
    if isinstance(value, dict):
        return {key: digits(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return tuple(digits(item) for item in value)
    return value


# -- sets and answers that reach every branch ----------------------------------------------------------------


def with_every_feature(data: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """The generated set plus what it lacks: a capped criterion, a criterion that may be wholly not
    applicable, bonus and penalty sections, and (for some seeds) the optional survey mode."""
    parents = [node for field in data["criteria"] for node in field["children"] if "children" in node]
    capped = parents[0]
    capped["capped"] = True
    capped["children"].append(
        {"code": f"{capped['code']}.x", "title": "Thêm", "max": Decimal("0.5"), "rule": {"type": "manual"}}
    )
    parents[-1]["allow_na"] = True
    data.pop("max_points")
    data["bonus"] = {
        "cap": Decimal(2),
        "criteria": [
            {"code": "T1", "title": "Sáng kiến", "max": Decimal("1.5"), "rule": {"type": "count", "per_item": 0.5}},
            {"code": "T2", "title": "Giải thưởng", "max": Decimal(1), "rule": {"type": "binary"}},
        ],
    }
    data["penalty"] = {
        "cap": Decimal(3),
        "criteria": [
            {"code": "P1", "title": "Văn bản chậm", "max": Decimal(2), "rule": {"type": "count", "per_item": 0.5}},
            {"code": "P2", "title": "Sai phạm", "max": Decimal(2), "rule": {"type": "binary"}},
        ],
    }
    if rng.random() < 0.5:
        data["survey"] = {"mode": "optional"}
    return data


EXTRA_CHOICES = {"count": ["", "0", "1", "2", "5"], "binary": ["Có", "Không", ""], "manual": ["", "0,25", "0,5"]}


def extra_answers(criteria_set: CriteriaSet, raw: dict[str, str], rng: random.Random) -> dict[str, str]:
    """Answers for the leaves added above, some units with no survey at all, some wholly not applicable."""
    raw = dict(raw)
    for node in criteria_set.all_leaves:
        if node.code.endswith(".x") or node.code[0] in "TP":
            assert node.rule is not None
            raw[node.code] = rng.choice(EXTRA_CHOICES[node.rule.type_name])
    if rng.random() < 0.3:
        for node in criteria_set.leaves:
            if isinstance(node.rule, SurveyRule):
                raw[node.code] = ""
    if rng.random() < 0.2:  # the wholly not-applicable criterion
        for _, node in criteria_set.walk():
            if node.is_leaf and criteria_set.plan.leaves_by_code[node.code].na_allowed:
                raw[node.code] = "KAD"
    return raw


@pytest.mark.parametrize("seed", range(8))
def test_the_engine_scores_every_unit_exactly_as_the_definition(seed: int) -> None:
    rng = random.Random(seed)
    data = with_every_feature(criteria_set_data(LEAVES, seed), rng)
    criteria_set = parse_criteria_set(to_yaml(data))
    units = national_units(UNITS, seed)
    for unit_id, raw in national_answers(units, LEAVES, seed).items():
        answers, errors = parse_answers(criteria_set, extra_answers(criteria_set, raw, rng))
        assert not errors, errors
        expected = digits(Reference(criteria_set, answers).score())
        assert digits(engine_view(criteria_set, score_unit(criteria_set, answers))) == expected, unit_id


def test_every_rule_gives_the_points_its_formula_states() -> None:
    criteria_set = parse_criteria_set(to_yaml(criteria_set_data(150, 7)))
    units = national_units(300, 7)
    checked: set[str] = set()
    for raw in national_answers(units, 150, 7).values():
        answers, _ = parse_answers(criteria_set, raw)
        for node in criteria_set.leaves:
            value = answers.get(node.code)
            if value is None or value is NOT_APPLICABLE:
                continue
            assert node.rule is not None
            assert str(node.rule.points(value)) == str(reference_rule_points(node.rule, value)), node.code
            checked.add(node.rule.type_name)
    assert checked == {
        "manual",
        "binary",
        "tiers",
        "ratio",
        "count",
        "timeliness",
        "quality",
        "deduction",
        "scale",
        "survey",
    }


def test_not_applicable_where_not_allowed_is_still_refused() -> None:
    criteria_set = parse_criteria_set(to_yaml(criteria_set_data(LEAVES, 3)))
    refused = next(leaf for leaf in criteria_set.plan.leaves if not leaf.na_allowed)
    with pytest.raises(InputError, match=refused.code):
        score_unit(criteria_set, {refused.code: NOT_APPLICABLE})
