"""What every rule is: it validates an answer, computes points within [0, max] and explains how.

A rule is an immutable value bound to its leaf's maximum. Its answer ("input") is what the unit or the
scores file gives: facts (a count, a percentage, a date, Có/Không) wherever a rule is known, points only
for `manual`. `parse` turns a raw answer (text from a spreadsheet cell, or a native value from a form) into
the rule's value; `points` and `explain` work on parsed values only, so they never fail.
"""

from __future__ import annotations

import re
import unicodedata
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any, ClassVar

from parindex.engine.errors import InputError, RuleParamError
from parindex.engine.numbers import ENGINE_CONTEXT, ZERO, to_decimal
from parindex.engine.text import num
from parindex.vn import parse_decimal

MSG_NOT_A_NUMBER = "“{raw}” không phải là số"
MSG_NOT_A_WHOLE_NUMBER = "“{raw}” không phải là số nguyên không âm"
MSG_OUT_OF_RANGE = "{value} nằm ngoài khoảng cho phép từ {low} đến {high}"
MSG_NOT_A_DATE = "“{raw}” không phải là ngày hợp lệ (dd/mm/yyyy)"


@dataclass(frozen=True)
class Rule(ABC):
    """A leaf's scoring rule. Subclasses are frozen dataclasses with their parameters as fields."""

    maximum: Decimal

    type_name: ClassVar[str]
    label: ClassVar[str]  # what the rule is called in Vietnamese, for lists and forms
    #: parameter name → (kind, required); kinds: points, number, positive, bool, date, tiers, levels, on
    params_spec: ClassVar[Mapping[str, tuple[str, bool]]] = {}

    @classmethod
    def from_params(cls, params: Mapping[str, Any], maximum: Decimal) -> Rule:
        """Build the rule from a criteria set's (already type-checked) parameters, checking their values."""
        rule = cls(maximum, **cls._convert_params(params))
        problems = rule.check()
        if problems:
            raise RuleParamError(problems)
        return rule

    @classmethod
    def _convert_params(cls, params: Mapping[str, Any]) -> dict[str, Any]:
        return {name: to_decimal(value) for name, value in params.items()}

    def check(self) -> list[str]:
        """Problems with the parameters' values (Vietnamese), empty when the rule is sound."""
        return []

    @abstractmethod
    def parse(self, raw: object) -> Any:
        """The rule's value for a raw answer; raises InputError with a Vietnamese message."""

    @abstractmethod
    def points(self, value: Any) -> Decimal:
        """Points for a parsed value, always within [0, maximum]."""

    @abstractmethod
    def explain(self, value: Any) -> str:
        """How `points(value)` was reached, in Vietnamese, e.g. "3 văn bản × 0,5 = 1,5 điểm"."""

    @abstractmethod
    def input_hint(self) -> str:
        """What the answer is, in a few Vietnamese words, for forms and error messages."""

    @abstractmethod
    def describe(self) -> str:
        """How this leaf is scored (cách chấm điểm), in Vietnamese, for a criteria-set browser."""

    def best_points(self) -> Decimal:
        """The most points any answer can earn; below the maximum usually means a typo in the set."""
        return self.maximum

    def params(self) -> dict[str, Any]:
        """The parameters as they are written in a criteria-set file (without `type`)."""
        return {name: getattr(self, name) for name in self.params_spec if getattr(self, name) is not None}

    # -- helpers shared by the rules -------------------------------------------------------------------

    def _check_points(self, name: str, value: Decimal | None) -> list[str]:
        if value is not None and not ZERO <= value <= self.maximum:
            return [f"tham số “{name}” = {num(value)} phải nằm trong khoảng 0 đến {num(self.maximum)} điểm"]
        return []


# Cached: a year's answers repeat the same few words ("Có", "Đúng hạn", "KAD"…) hundreds of thousands of times,
# and every raw answer is folded at least once (the "không áp dụng" check). fold is pure, so caching is safe.
@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower case, without diacritics, single spaces: how free-text answers such as "Không" are matched."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return re.sub(r"[\s_]+", " ", stripped).strip().lower()


def read_number(raw: object) -> Decimal:
    """A Decimal from a native number, or from text read by the one rule the whole product uses
    (parindex.vn.parse_decimal: 0,5 · 1.234,5 · 1.000 is one thousand · 0.5 from a machine)."""
    try:
        value = parse_decimal(raw.replace("\u00a0", "").replace(" ", "")) if isinstance(raw, str) else to_decimal(raw)
    except ValueError:
        raise InputError(MSG_NOT_A_NUMBER.format(raw=raw)) from None
    # "-0" is zero: never show a unit "-0,00" points.
    return value.copy_abs() if value.is_zero() else value


def read_in_range(raw: object, low: Decimal, high: Decimal) -> Decimal:
    value = read_number(raw)
    if not low <= value <= high:
        raise InputError(MSG_OUT_OF_RANGE.format(value=num(value), low=num(low), high=num(high)))
    return value


def read_whole(raw: object) -> int:
    """A whole number ≥ 0 (a count of documents, of violations …); 3,0 is accepted as 3."""
    try:
        value = read_number(raw)
    except InputError:
        raise InputError(MSG_NOT_A_WHOLE_NUMBER.format(raw=raw)) from None
    if value < 0 or value != value.to_integral_value():
        raise InputError(MSG_NOT_A_WHOLE_NUMBER.format(raw=raw))
    return int(value)


def read_date(raw: object) -> date:
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    text = str(raw).strip()
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise InputError(MSG_NOT_A_DATE.format(raw=raw))


def share_of(maximum: Decimal, numerator: Decimal, denominator: Decimal) -> Decimal:
    """maximum × numerator ÷ denominator in one correctly rounded step, so equal ratios give equal points."""
    return ENGINE_CONTEXT.divide(ENGINE_CONTEXT.multiply(maximum, numerator), denominator)
