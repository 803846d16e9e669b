"""Tiered rules: a percentage or a count compared with ordered thresholds, each giving its points.

"100% TTHC tiếp nhận tại Trung tâm PVHCC: tối đa; từ 80% đến dưới 100%: 0,5; dưới 80%: 0".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise
from typing import Any, ClassVar, Literal, NamedTuple

from parindex.engine.errors import InputError
from parindex.engine.numbers import ENGINE_CONTEXT, HUNDRED, ZERO, to_decimal
from parindex.engine.rules.base import Rule, read_number, read_whole
from parindex.engine.text import num, pts

MSG_BAD_FRACTION = "“{raw}” không phải là tỷ lệ hợp lệ: cần dạng số đạt/tổng số, ví dụ 45/50"
MSG_ZERO_DENOMINATOR = "“{raw}”: tổng số (mẫu số) phải lớn hơn 0"
MSG_PERCENT_RANGE = "tỷ lệ {value}% nằm ngoài khoảng 0% đến 100%"


@dataclass(frozen=True)
class Tier:
    min: Decimal
    points: Decimal


class Measured(NamedTuple):
    """A percentage or a count, with the fraction it came from when the answer was given as a/b.

    A NamedTuple rather than a dataclass: scoring a year hashes every answer once (scoring._leaf_points),
    and a tuple hashes in C.
    """

    value: Decimal
    numerator: Decimal | None = None
    denominator: Decimal | None = None

    def shown(self, unit: str) -> str:
        fraction = ""
        if self.numerator is not None and self.denominator is not None:
            fraction = f" ({num(self.numerator)}/{num(self.denominator)})"
        return f"{num(self.value)}{unit}{fraction}"


def read_fraction(raw: object) -> tuple[Decimal, Decimal]:
    """Numerator and denominator from "a/b" text or an (a, b) pair; a ≥ 0, b > 0."""
    if isinstance(raw, tuple) and len(raw) == 2:
        parts: tuple[object, object] = raw
    elif isinstance(raw, str) and raw.count("/") == 1:
        left, right = raw.split("/")
        parts = (left, right)
    else:
        raise InputError(MSG_BAD_FRACTION.format(raw=raw))
    try:
        numerator, denominator = read_number(parts[0]), read_number(parts[1])
    except InputError:
        raise InputError(MSG_BAD_FRACTION.format(raw=raw)) from None
    if denominator <= 0:
        raise InputError(MSG_ZERO_DENOMINATOR.format(raw=raw))
    if numerator < 0:
        raise InputError(MSG_BAD_FRACTION.format(raw=raw))
    return numerator, denominator


@dataclass(frozen=True)
class TiersRule(Rule):
    on: Literal["percent", "count"] = "percent"
    tiers: tuple[Tier, ...] = ()

    type_name: ClassVar[str] = "tiers"
    label: ClassVar[str] = "Theo mức"
    params_spec: ClassVar = {"on": ("on", True), "tiers": ("tiers", True)}

    @classmethod
    def _convert_params(cls, params: Mapping[str, Any]) -> dict[str, Any]:
        tiers = tuple(Tier(to_decimal(t["min"]), to_decimal(t["points"])) for t in params["tiers"])
        return {"on": params["on"], "tiers": tiers}

    def params(self) -> dict[str, Any]:
        return {"on": self.on, "tiers": [{"min": t.min, "points": t.points} for t in self.tiers]}

    @property
    def _unit(self) -> str:
        return "%" if self.on == "percent" else ""

    def check(self) -> list[str]:
        problems = []
        if not self.tiers:
            problems.append("cần ít nhất một mức (tiers)")
        for position, tier in enumerate(self.tiers, start=1):
            problems += self._check_points(f"tiers[{position}].points", tier.points)
            if tier.min < 0 or (self.on == "percent" and tier.min > HUNDRED):
                limit = "0% đến 100%" if self.on == "percent" else "số không âm"
                problems.append(f"mức {position}: ngưỡng {num(tier.min)} phải là {limit}")
            if self.on == "count" and tier.min != tier.min.to_integral_value():
                problems.append(f"mức {position}: ngưỡng đếm {num(tier.min)} phải là số nguyên")
        mins = [tier.min for tier in self.tiers]
        if any(higher <= lower for higher, lower in pairwise(mins)):
            problems.append("các mức phải xếp theo ngưỡng giảm dần, không trùng nhau (mức cao nhất trước)")
        return problems

    def input_hint(self) -> str:
        return "tỷ lệ % hoặc số đạt/tổng số" if self.on == "percent" else "số lượng"

    def parse(self, raw: object) -> Measured:
        if self.on == "count":
            return Measured(Decimal(read_whole(raw)))
        if isinstance(raw, tuple) or (isinstance(raw, str) and "/" in raw):
            numerator, denominator = read_fraction(raw)
            percent = ENGINE_CONTEXT.divide(ENGINE_CONTEXT.multiply(numerator, HUNDRED), denominator)
            measured = Measured(percent, numerator, denominator)
        else:
            text = raw.strip().removesuffix("%") if isinstance(raw, str) else raw
            measured = Measured(read_number(text))
        if not ZERO <= measured.value <= HUNDRED:
            raise InputError(MSG_PERCENT_RANGE.format(value=num(measured.value)))
        return measured

    def best_points(self) -> Decimal:
        return max((tier.points for tier in self.tiers), default=ZERO)

    def _tier_for(self, value: Decimal) -> Tier | None:
        return next((tier for tier in self.tiers if value >= tier.min), None)

    def points(self, value: Measured) -> Decimal:
        # _tier_for written out as a plain loop: no generator and two calls fewer for every unit.
        measured = value.value
        for tier in self.tiers:
            if measured >= tier.min:
                return tier.points
        return ZERO

    def explain(self, value: Measured) -> str:
        tier = self._tier_for(value.value)
        reached = f"Đạt {value.shown(self._unit)}"
        if tier is None:
            return f"{reached}: dưới mức thấp nhất ({num(self.tiers[-1].min)}{self._unit}) → 0 điểm"
        return f"{reached}: mức từ {num(tier.min)}{self._unit} → {pts(tier.points)}"

    def describe(self) -> str:
        parts = []
        upper: Decimal | None = None
        for tier in self.tiers:
            span = f"từ {num(tier.min)}{self._unit}"
            if upper is not None:
                span += f" đến dưới {num(upper)}{self._unit}"
            parts.append(f"{span}: {pts(tier.points)}")
            upper = tier.min
        if self.tiers and self.tiers[-1].min > 0:
            parts.append(f"dưới {num(self.tiers[-1].min)}{self._unit}: 0 điểm")
        text = "; ".join(parts)
        return text[:1].upper() + text[1:]
