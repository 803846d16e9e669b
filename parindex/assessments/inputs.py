"""The input that fits each rule, and the answer text it makes.

The unit enters facts — Có / Không, a count, "đạt / tổng số", a date, a quality level — never points (except
for `manual` rules). The form fields of a leaf are turned into the answer text the engine reads ("37/40",
"Có", "2025-12-10", "KAD"), and back again to fill the form. Only the engine decides what the text means.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Literal

from parindex.engine import Node
from parindex.engine.answers import is_na_word
from parindex.engine.rules import (
    BinaryRule,
    CountRule,
    DeductionRule,
    ManualRule,
    QualityRule,
    RatioRule,
    ScaleRule,
    TiersRule,
    TimelinessRule,
)
from parindex.engine.text import num

Kind = Literal["choice", "number", "whole", "fraction", "date"]
NA = "KAD"
NOT_DONE = "không thực hiện"
SEVERE = "nghiêm trọng"


@dataclass(frozen=True)
class InputSpec:
    kind: Kind
    choices: tuple[tuple[str, str], ...] = ()  # (answer text, label)
    label: str = ""  # what the number or the fraction's first part is
    second_label: str = ""  # the fraction's second part
    minimum: str = "0"
    maximum: str = ""
    step: str = "any"
    allows_na: bool = False
    allows_not_done: bool = False  # a date rule: "không thực hiện" beside the date
    allows_severe: bool = False  # a deduction rule: "vi phạm nghiêm trọng" beside the count
    unit: str = ""  # shown after the number (%, điểm …)


def input_spec(node: Node, allows_na: bool) -> InputSpec:
    return replace(_rule_input(node), allows_na=allows_na)


def _rule_input(node: Node) -> InputSpec:
    rule = node.rule
    if isinstance(rule, BinaryRule):
        return InputSpec("choice", choices=(("Có", "Có"), ("Không", "Không")))
    if isinstance(rule, QualityRule):
        return InputSpec("choice", choices=tuple((level.label, level.label) for level in rule.levels))
    if isinstance(rule, TimelinessRule):
        if rule.deadline is not None:
            return InputSpec("date", label="Ngày thực hiện", allows_not_done=True)
        choices = (("đúng hạn", "Đúng hạn"), ("trễ hạn", "Trễ hạn"), (NOT_DONE, "Không thực hiện"))
        return InputSpec("choice", choices=choices)
    if isinstance(rule, TiersRule):
        if rule.on == "count":
            return InputSpec("whole", label="Số lượng")
        return InputSpec("fraction", label="Số đạt", second_label="Tổng số")
    if isinstance(rule, RatioRule):
        if rule.required is not None:
            return InputSpec("number", label=f"Số đạt được (phải đạt {num(rule.required)})")
        return InputSpec("fraction", label="Số đạt được", second_label="Số phải đạt")
    if isinstance(rule, CountRule):
        return InputSpec("whole", label="Số lượng")
    if isinstance(rule, DeductionRule):
        return InputSpec("whole", label="Số lần vi phạm", allows_severe=rule.severe)
    if isinstance(rule, ScaleRule):  # and survey results, entered by Sở Nội vụ
        return InputSpec("number", label=f"Điểm trên thang {num(rule.scale)}", maximum=num(rule.scale))
    if isinstance(rule, ManualRule):
        step = format(rule.step, "f") if rule.step is not None else "any"
        return InputSpec("number", label="Số điểm", maximum=format(node.maximum, "f"), step=step, unit="điểm")
    raise AssertionError(f"no input for {type(rule).__name__}")


def compose_raw(spec: InputSpec, data: Mapping[str, str]) -> str:
    """The answer text from the submitted fields (`value`, `second`, `na`, `not_done`, `severe`)."""
    if spec.allows_na and data.get("na"):
        return NA
    if spec.allows_severe and data.get("severe"):
        return SEVERE
    if spec.allows_not_done and data.get("not_done"):
        return NOT_DONE
    value = data.get("value", "").strip()
    if spec.kind == "fraction":
        second = data.get("second", "").strip()
        if not value and not second:
            return ""
        return f"{value}/{second}"
    return value


def decompose_raw(spec: InputSpec, raw: str) -> dict[str, str]:
    """The form fields that show an answer text again (the inverse of compose_raw)."""
    raw = raw.strip()
    if is_na_word(raw):
        return {"na": "1"}
    if spec.allows_severe and raw.lower() == SEVERE:
        return {"severe": "1"}
    if spec.allows_not_done and raw.lower() == NOT_DONE:
        return {"not_done": "1"}
    if spec.kind == "fraction" and "/" in raw:
        value, second = raw.split("/", 1)
        return {"value": value.strip(), "second": second.strip()}
    return {"value": raw}
