"""Small criteria sets for engine tests, written as YAML the way a province would."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from parindex.engine import CriteriaSet, Node, parse_answers, score_unit
from parindex.engine.rules import RULE_TYPES
from parindex.engine.scoring import UnitScore
from parindex.setfile import parse_criteria_set

D = Decimal


def make_set(yaml_text: str) -> CriteriaSet:
    return parse_criteria_set(yaml_text)


def leaf_rule(rule_type: str, maximum: str, **params: object) -> Any:
    """A rule bound to a maximum, built the way a set file builds it (parameters checked)."""
    converted = {
        key: D(value) if isinstance(value, str | int) and key != "on" else value for key, value in params.items()
    }
    return RULE_TYPES[rule_type].from_params(converted, D(maximum))


def score(criteria_set: CriteriaSet, raw: Mapping[str, object]) -> UnitScore:
    answers, errors = parse_answers(criteria_set, raw)
    assert not errors, errors
    return score_unit(criteria_set, answers)


def leaf_codes(criteria_set: CriteriaSet) -> list[str]:
    return [node.code for node in criteria_set.leaves]


def node(criteria_set: CriteriaSet, code: str) -> Node:
    return criteria_set.node(code)


def rule_of(criteria_set: CriteriaSet, code: str) -> Any:
    """A leaf's rule, typed loosely so tests can read the parameters of its own rule class."""
    rule = criteria_set.node(code).rule
    assert rule is not None, f"{code} is not a leaf"
    return rule


# Two fields, 10 points each: field 1 has sub-criteria under criteria, field 2 has leaves directly.
TWO_FIELDS = """
name: "Bộ tiêu chí thử"
year: 2025
group: so
max_points: 20
rounding: {places: 2, mode: half_up}
bands:
  - {name: "Tốt", min: 90}
  - {name: "Khá", min: 80}
  - {name: "Trung bình", min: 65}
  - {name: "Yếu", min: 0}
criteria:
  - code: "1"
    title: "Công tác chỉ đạo, điều hành CCHC"
    max: 10
    children:
      - code: "1.1"
        title: "Kế hoạch CCHC"
        max: 4
        children:
          - {code: "1.1.1", title: "Ban hành kế hoạch", max: 2, rule: {type: binary}}
          - {code: "1.1.2", title: "Mức độ hoàn thành kế hoạch", max: 2, rule: {type: ratio}}
      - code: "1.2"
        title: "Kiểm tra CCHC"
        max: 6
        allow_na: true
        children:
          - {code: "1.2.1", title: "Tỷ lệ đơn vị được kiểm tra", max: 3,
             rule: {type: tiers, on: percent, tiers: [{min: 100, points: 3}, {min: 80, points: 1.5}]}}
          - {code: "1.2.2", title: "Xử lý sau kiểm tra", max: 3, rule: {type: manual, step: 0.5}}
  - code: "2"
    title: "Cải cách thủ tục hành chính"
    max: 10
    children:
      - {code: "2.1", title: "Công bố TTHC", max: 4, rule: {type: count, per_item: 1}}
      - {code: "2.2", title: "Hồ sơ trễ hạn", max: 6, allow_na: true,
         rule: {type: deduction, per_occurrence: 0.5, severe: true}}
"""
