"""Rules proportional to a quantity: a ratio to what was required, points per item, deductions per violation."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import Any, ClassVar

from parindex.engine.errors import InputError
from parindex.engine.numbers import ENGINE_CONTEXT, ZERO, to_decimal
from parindex.engine.rules.base import Rule, fold, read_number, read_whole, share_of
from parindex.engine.rules.thresholds import read_fraction
from parindex.engine.text import num, pts

MSG_NEGATIVE = "“{raw}” phải là số không âm"
MSG_NOT_SEVERE = "“{raw}” không phải là số lần vi phạm (số nguyên không âm) hoặc “nghiêm trọng”"

SEVERE = "severe"
_SEVERE_WORDS = {"nghiem trong", "vi pham nghiem trong", "nt"}


@dataclass(frozen=True)
class RatioRule(Rule):
    """points = max × achieved ÷ required, capped at max; `required` fixed by the set or given per answer."""

    required: Decimal | None = None

    type_name: ClassVar[str] = "ratio"
    label: ClassVar[str] = "Theo tỷ lệ"
    params_spec: ClassVar = {"required": ("positive", False)}

    def input_hint(self) -> str:
        return "số đạt được" if self.required is not None else "số đạt được/số phải đạt"

    def parse(self, raw: object) -> tuple[Decimal, Decimal]:
        if self.required is None:
            return read_fraction(raw)
        achieved = read_number(raw)
        if achieved < 0:
            raise InputError(MSG_NEGATIVE.format(raw=raw))
        return achieved, self.required

    def points(self, value: tuple[Decimal, Decimal]) -> Decimal:
        # share_of written out, and min() as a comparison (the maximum when equal or above, as min gave):
        # this runs for every unit of a national year.
        achieved, required = value
        raw_points = ENGINE_CONTEXT.divide(ENGINE_CONTEXT.multiply(self.maximum, achieved), required)
        return raw_points if raw_points < self.maximum else self.maximum

    def explain(self, value: tuple[Decimal, Decimal]) -> str:
        achieved, required = value
        raw_points = share_of(self.maximum, achieved, required)
        text = f"{num(achieved)}/{num(required)} × {num(self.maximum)} = {pts(raw_points)}"
        if raw_points > self.maximum:
            text += f", tối đa {pts(self.maximum)}"
        return text

    def describe(self) -> str:
        required = f" ({num(self.required)})" if self.required is not None else ""
        return f"Điểm = {num(self.maximum)} × số đạt được ÷ số phải đạt{required}, tối đa {pts(self.maximum)}"


@dataclass(frozen=True)
class CountRule(Rule):
    """Points per item, capped: "mỗi văn bản đạt 0,5 điểm, tối đa 2 điểm"."""

    per_item: Decimal = ZERO
    cap: Decimal | None = None

    type_name: ClassVar[str] = "count"
    label: ClassVar[str] = "Theo số lượng"
    params_spec: ClassVar = {"per_item": ("points", True), "cap": ("points", False)}

    @cached_property  # read for every unit; a rule is immutable, so it never goes stale
    def effective_cap(self) -> Decimal:
        return self.maximum if self.cap is None else self.cap

    def check(self) -> list[str]:
        problems = self._check_points("per_item", self.per_item) + self._check_points("cap", self.cap)
        if self.per_item <= 0:
            problems.append("tham số “per_item” phải lớn hơn 0")
        return problems

    def best_points(self) -> Decimal:
        return self.effective_cap

    def input_hint(self) -> str:
        return "số lượng"

    def parse(self, raw: object) -> int:
        return read_whole(raw)

    def points(self, value: int) -> Decimal:
        product = ENGINE_CONTEXT.multiply(self.per_item, Decimal(value))
        return product if product < self.effective_cap else self.effective_cap  # min(), without the call

    def explain(self, value: int) -> str:
        product = ENGINE_CONTEXT.multiply(self.per_item, Decimal(value))
        text = f"{value} × {num(self.per_item)} = {pts(product)}"
        if product > self.effective_cap:
            text += f", tối đa {pts(self.effective_cap)}"
        return text

    def describe(self) -> str:
        return f"Mỗi trường hợp {pts(self.per_item)}, tối đa {pts(self.effective_cap)}"


@dataclass(frozen=True)
class DeductionRule(Rule):
    """Start from max, deduct per occurrence, never below 0; a severe violation may give 0 outright."""

    per_occurrence: Decimal = ZERO
    severe: bool = False

    type_name: ClassVar[str] = "deduction"
    label: ClassVar[str] = "Trừ điểm theo vi phạm"
    params_spec: ClassVar = {"per_occurrence": ("points", True), "severe": ("bool", False)}

    @classmethod
    def _convert_params(cls, params: Mapping[str, Any]) -> dict[str, Any]:
        converted: dict[str, Any] = {"per_occurrence": to_decimal(params["per_occurrence"])}
        if "severe" in params:
            converted["severe"] = bool(params["severe"])
        return converted

    def params(self) -> dict[str, Any]:
        return {"per_occurrence": self.per_occurrence, **({"severe": True} if self.severe else {})}

    def check(self) -> list[str]:
        problems = self._check_points("per_occurrence", self.per_occurrence)
        if self.per_occurrence <= 0:
            problems.append("tham số “per_occurrence” phải lớn hơn 0")
        return problems

    def input_hint(self) -> str:
        return "số lần vi phạm" + (" hoặc “nghiêm trọng”" if self.severe else "")

    def parse(self, raw: object) -> int | str:
        if self.severe and isinstance(raw, str) and fold(raw) in _SEVERE_WORDS:
            return SEVERE
        try:
            return read_whole(raw)
        except InputError:
            if self.severe:
                raise InputError(MSG_NOT_SEVERE.format(raw=raw)) from None
            raise

    def points(self, value: int | str) -> Decimal:
        if value == SEVERE:
            return ZERO
        remaining = self.maximum - ENGINE_CONTEXT.multiply(self.per_occurrence, Decimal(value))
        return remaining if remaining > ZERO else ZERO  # max(ZERO, …), without the call

    def explain(self, value: int | str) -> str:
        if value == SEVERE:
            return "Vi phạm nghiêm trọng → 0 điểm"
        if value == 0:
            return f"Không có vi phạm → {pts(self.maximum)}"
        deducted = ENGINE_CONTEXT.multiply(self.per_occurrence, Decimal(value))
        text = f"{value} vi phạm × {num(self.per_occurrence)} = trừ {pts(deducted)}: "
        return text + f"{num(self.maximum)} − {num(deducted)} → {pts(self.points(value))}"

    def describe(self) -> str:
        text = f"Tối đa {pts(self.maximum)}; mỗi vi phạm trừ {pts(self.per_occurrence)}, thấp nhất 0 điểm"
        return text + ("; vi phạm nghiêm trọng: 0 điểm" if self.severe else "")
