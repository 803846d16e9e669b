"""Rules whose answer maps to points directly: manual points, Có / Không, a score on a scale, a survey result."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import Any, ClassVar

from parindex.engine.errors import InputError
from parindex.engine.numbers import ENGINE_CONTEXT, ZERO
from parindex.engine.rules.base import Rule, fold, read_in_range
from parindex.engine.text import num, pts

MSG_NOT_A_STEP = "{value} điểm không phải là bội số của bước chấm {step} điểm"
MSG_NOT_YES_NO = "“{raw}” không phải là Có hoặc Không"

_YES = {"co", "c", "1", "x", "yes", "true", "dat"}
_NO = {"khong", "k", "0", "no", "false", "khong dat"}


@dataclass(frozen=True)
class ManualRule(Rule):
    """The scorer sets the points in [0, max], optionally in steps (0,25 / 0,5)."""

    step: Decimal | None = None

    type_name: ClassVar[str] = "manual"
    label: ClassVar[str] = "Chấm trực tiếp"
    params_spec: ClassVar = {"step": ("positive", False)}

    def input_hint(self) -> str:
        return "số điểm"

    def check(self) -> list[str]:
        if self.step is not None and self.step > self.maximum:
            return [f"bước chấm {num(self.step)} lớn hơn điểm tối đa {num(self.maximum)}"]
        return []

    def best_points(self) -> Decimal:
        if self.step is None:
            return self.maximum
        return (self.maximum // self.step) * self.step

    def parse(self, raw: object) -> Decimal:
        value = read_in_range(raw, ZERO, self.maximum)
        if self.step is not None and value % self.step != 0:
            raise InputError(MSG_NOT_A_STEP.format(value=num(value), step=num(self.step)))
        return value

    def points(self, value: Decimal) -> Decimal:
        return value

    def explain(self, value: Decimal) -> str:
        return f"Chấm trực tiếp: {pts(value)} (tối đa {num(self.maximum)})"

    def describe(self) -> str:
        step = f", bước chấm {num(self.step)} điểm" if self.step is not None else ""
        return f"Chấm trực tiếp từ 0 đến {pts(self.maximum)}{step}"


@dataclass(frozen=True)
class BinaryRule(Rule):
    """Có / Không: "Có ban hành kế hoạch: điểm tối đa; không ban hành: 0"."""

    yes: Decimal | None = None
    no: Decimal | None = None

    type_name: ClassVar[str] = "binary"
    label: ClassVar[str] = "Có / Không"
    params_spec: ClassVar = {"yes": ("points", False), "no": ("points", False)}

    def input_hint(self) -> str:
        return "Có hoặc Không"

    # Cached: `points` reads one of them for every unit (a rule is immutable, so they never go stale).
    @cached_property
    def yes_points(self) -> Decimal:
        return self.maximum if self.yes is None else self.yes

    @cached_property
    def no_points(self) -> Decimal:
        return ZERO if self.no is None else self.no

    def check(self) -> list[str]:
        return self._check_points("yes", self.yes) + self._check_points("no", self.no)

    def best_points(self) -> Decimal:
        return max(self.yes_points, self.no_points)

    def parse(self, raw: object) -> bool:
        if isinstance(raw, bool):
            return raw
        answer = fold(str(raw))
        if answer in _YES:
            return True
        if answer in _NO:
            return False
        raise InputError(MSG_NOT_YES_NO.format(raw=raw))

    def points(self, value: bool) -> Decimal:
        return self.yes_points if value else self.no_points

    def explain(self, value: bool) -> str:
        return f"{'Có' if value else 'Không'} → {pts(self.points(value))}"

    def describe(self) -> str:
        return f"Có: {pts(self.yes_points)}; Không: {pts(self.no_points)}"


@dataclass(frozen=True)
class ScaleRule(Rule):
    """A sub-index on 0..scale (10 or 100) converted to the leaf's points: max × value ÷ scale."""

    scale: Decimal = Decimal(10)

    type_name: ClassVar[str] = "scale"
    label: ClassVar[str] = "Quy đổi thang điểm"
    params_spec: ClassVar = {"scale": ("positive", True)}
    what: ClassVar[str] = "Điểm"

    def input_hint(self) -> str:
        return f"điểm trên thang {num(self.scale)}"

    def parse(self, raw: object) -> Decimal:
        return read_in_range(raw, ZERO, self.scale)

    def points(self, value: Decimal) -> Decimal:
        # share_of, written out: one Python call fewer for each of a national year's survey leaves.
        return ENGINE_CONTEXT.divide(ENGINE_CONTEXT.multiply(self.maximum, value), self.scale)

    def explain(self, value: Decimal) -> str:
        return f"{self.what} {num(value)}/{num(self.scale)} × {num(self.maximum)} = {pts(self.points(value))}"

    def describe(self) -> str:
        return f"Điểm = {num(self.maximum)} × kết quả (thang {num(self.scale)}) ÷ {num(self.scale)}"


@dataclass(frozen=True)
class SurveyRule(ScaleRule):
    """Points from the sociological survey (điều tra xã hội học) result of this criterion."""

    scale: Decimal = Decimal(100)

    type_name: ClassVar[str] = "survey"
    label: ClassVar[str] = "Điều tra xã hội học"
    params_spec: ClassVar = {"scale": ("positive", False)}
    what: ClassVar[str] = "Kết quả điều tra xã hội học"

    def params(self) -> dict[str, Any]:
        return {} if self.scale == 100 else {"scale": self.scale}

    def describe(self) -> str:
        return (
            f"Điểm từ kết quả điều tra xã hội học: {num(self.maximum)} × kết quả (thang {num(self.scale)})"
            f" ÷ {num(self.scale)}"
        )
