"""Hypothesis strategies: random but valid criteria sets (as file data) and answers for them."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from parindex.engine import NOT_APPLICABLE, CriteriaSet
from parindex.setfile.build import SetBuilder

D = Decimal
QUARTERS = st.integers(min_value=1, max_value=40).map(lambda n: D(n) / 4)


ANY_RULE = ("manual", "binary", "count", "ratio", "scale", "deduction", "tiers", "quality")
PENALTY_RULE = ("manual", "binary", "count", "tiers")


@st.composite
def rule_for(draw: st.DrawFn, maximum: Decimal, kinds: tuple[str, ...] = ANY_RULE) -> dict[str, Any]:
    kind = draw(st.sampled_from(kinds))
    if kind == "count":
        return {"type": "count", "per_item": maximum / draw(st.integers(1, 5))}
    if kind == "deduction":
        return {"type": "deduction", "per_occurrence": maximum / draw(st.integers(1, 5)), "severe": True}
    if kind == "scale":
        return {"type": "scale", "scale": D(draw(st.sampled_from([10, 100])))}
    if kind == "tiers":
        return {
            "type": "tiers",
            "on": "percent",
            "tiers": [{"min": D(100), "points": maximum}, {"min": D(50), "points": maximum / 2}],
        }
    if kind == "quality":
        return {
            "type": "quality",
            "levels": [{"key": "a", "label": "Tốt", "share": D(1)}, {"key": "b", "label": "Đạt", "share": D("0.5")}],
        }
    return {"type": kind}


@st.composite
def node_data(
    draw: st.DrawFn, code: str, maximum: Decimal, depth: int, kinds: tuple[str, ...] = ANY_RULE
) -> dict[str, Any]:
    node: dict[str, Any] = {"code": code, "title": f"Tiêu chí {code}", "max": maximum}
    if draw(st.booleans()):
        node["allow_na"] = True
    if depth == 0 or maximum < D("0.5") or draw(st.integers(0, 3)) == 0:
        node["rule"] = draw(rule_for(maximum, kinds))
        return node
    # Split the maximum into 2..4 children in quarter points, so they add up exactly.
    quarters = int(maximum * 4)
    count = draw(st.integers(2, min(4, quarters)))
    cuts = sorted(draw(st.lists(st.integers(1, quarters - 1), min_size=count - 1, max_size=count - 1, unique=True)))
    bounds = [0, *cuts, quarters]
    node["children"] = [
        draw(node_data(f"{code}.{i + 1}", D(bounds[i + 1] - bounds[i]) / 4, depth - 1, kinds)) for i in range(count)
    ]
    return node


@st.composite
def criteria_sets(draw: st.DrawFn, with_sections: bool = True) -> CriteriaSet:
    fields = draw(st.lists(QUARTERS, min_size=1, max_size=4))
    data: dict[str, Any] = {
        "name": "Bộ tiêu chí ngẫu nhiên",
        "year": 2025,
        "group": "xa",
        "rounding": {"places": draw(st.integers(0, 3)), "mode": draw(st.sampled_from(["half_up", "truncate"]))},
        "criteria": [draw(node_data(str(i + 1), maximum, 3)) for i, maximum in enumerate(fields)],
    }
    if with_sections and draw(st.booleans()):
        data["bonus"] = {"cap": draw(QUARTERS), "criteria": [draw(node_data("T", draw(QUARTERS), 1))]}
        for node in _walk(data["bonus"]["criteria"]):
            node.pop("allow_na", None)
    if with_sections and draw(st.booleans()):
        data["penalty"] = {"cap": draw(QUARTERS), "criteria": [draw(node_data("P", draw(QUARTERS), 1, PENALTY_RULE))]}
        for node in _walk(data["penalty"]["criteria"]):
            node.pop("allow_na", None)
    builder = SetBuilder()
    criteria_set = builder.build(data)
    assert criteria_set is not None, builder.problems
    return criteria_set


def _walk(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found = []
    for node in nodes:
        found.append(node)
        found += _walk(node.get("children", []))
    return found


@st.composite
def answers_for(draw: st.DrawFn, criteria_set: CriteriaSet) -> dict[str, Any]:
    """Parsed answers: a valid value, not applicable (where allowed) or nothing, for every leaf."""
    plan = criteria_set.plan
    answers: dict[str, Any] = {}
    for leaf in plan.leaves:
        choice = draw(st.integers(0, 9))
        if choice == 0:
            continue
        if choice == 1 and leaf.na_allowed:
            answers[leaf.code] = NOT_APPLICABLE
            continue
        answers[leaf.code] = draw(value_for(leaf.rule))
    return answers


@st.composite
def value_for(draw: st.DrawFn, rule: Any) -> Any:
    name = rule.type_name
    if name == "manual":
        return rule.parse(D(draw(st.integers(0, int(rule.maximum * 4)))) / 4)
    if name == "binary":
        return draw(st.booleans())
    if name in ("count", "deduction"):
        return draw(st.integers(0, 8))
    if name == "ratio":
        return rule.parse(f"{draw(st.integers(0, 30))}/{draw(st.integers(1, 20))}")
    if name == "scale":
        return rule.parse(D(draw(st.integers(0, int(rule.scale)))))
    if name == "tiers":
        return rule.parse(f"{draw(st.integers(0, 20))}/20")
    if name == "quality":
        return rule.parse(draw(st.sampled_from(["a", "b"])))
    raise AssertionError(name)
