"""Rules on a named outcome: on time / late / not done, and quality levels."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Any, ClassVar, Literal, NamedTuple

from parindex.engine.errors import InputError
from parindex.engine.numbers import ENGINE_CONTEXT, ZERO, to_decimal
from parindex.engine.rules.base import Rule, fold, read_date
from parindex.engine.text import day, num, pts

MSG_NOT_A_TIMELINESS = "“{raw}” không phải là “đúng hạn”, “trễ hạn” hoặc “không thực hiện”"
MSG_NOT_A_TIMELINESS_OR_DATE = (
    "“{raw}” không phải là ngày thực hiện (dd/mm/yyyy), “đúng hạn”, “trễ hạn” hoặc “không thực hiện”"
)
MSG_NOT_A_LEVEL = "“{raw}” không phải là một mức đánh giá; các mức: {levels}"

Status = Literal["on_time", "late", "not_done"]
STATUS_LABELS: Mapping[Status, str] = {
    "on_time": "Đúng hạn",
    "late": "Trễ hạn",
    "not_done": "Không thực hiện",
}
_STATUS_WORDS: Mapping[str, Status] = {
    "dung han": "on_time",
    "dh": "on_time",
    "on time": "on_time",
    "tre han": "late",
    "tre": "late",
    "cham": "late",
    "qua han": "late",
    "late": "late",
    "khong thuc hien": "not_done",
    "chua thuc hien": "not_done",
    "khong gui": "not_done",
    "khong": "not_done",
    "not done": "not_done",
}


class Timeliness(NamedTuple):  # a NamedTuple: answers are hashed when a year is scored
    status: Status
    done_on: date | None = None


@dataclass(frozen=True)
class TimelinessRule(Rule):
    on_time: Decimal | None = None
    late: Decimal | None = None
    not_done: Decimal | None = None
    deadline: date | None = None

    type_name: ClassVar[str] = "timeliness"
    label: ClassVar[str] = "Đúng hạn / trễ hạn"
    params_spec: ClassVar = {
        "on_time": ("points", False),
        "late": ("points", False),
        "not_done": ("points", False),
        "deadline": ("date", False),
    }

    @classmethod
    def _convert_params(cls, params: Mapping[str, Any]) -> dict[str, Any]:
        converted: dict[str, Any] = {k: to_decimal(v) for k, v in params.items() if k != "deadline"}
        if "deadline" in params:
            converted["deadline"] = read_date(params["deadline"])
        return converted

    def points_for(self, status: Status) -> Decimal:
        return self._points_by_status[status]

    @cached_property  # built once per rule, not once per unit; a rule is immutable, so it never goes stale
    def _points_by_status(self) -> dict[Status, Decimal]:
        given: dict[Status, Decimal | None] = {"on_time": self.on_time, "late": self.late, "not_done": self.not_done}
        defaults: dict[Status, Decimal] = {"on_time": self.maximum, "late": ZERO, "not_done": ZERO}
        return {status: defaults[status] if points is None else points for status, points in given.items()}

    def check(self) -> list[str]:
        return (
            self._check_points("on_time", self.on_time)
            + self._check_points("late", self.late)
            + self._check_points("not_done", self.not_done)
        )

    def best_points(self) -> Decimal:
        return max(self.points_for("on_time"), self.points_for("late"), self.points_for("not_done"))

    def input_hint(self) -> str:
        if self.deadline is not None:
            return "ngày thực hiện (dd/mm/yyyy) hoặc không thực hiện"
        return "đúng hạn, trễ hạn hoặc không thực hiện"

    def parse(self, raw: object) -> Timeliness:
        if isinstance(raw, Timeliness):
            return raw
        if isinstance(raw, str) and fold(raw) in _STATUS_WORDS:
            return Timeliness(_STATUS_WORDS[fold(raw)])
        if self.deadline is None:
            raise InputError(MSG_NOT_A_TIMELINESS.format(raw=raw))
        try:
            done_on = read_date(raw)
        except InputError:
            raise InputError(MSG_NOT_A_TIMELINESS_OR_DATE.format(raw=raw)) from None
        return Timeliness("on_time" if done_on <= self.deadline else "late", done_on)

    def points(self, value: Timeliness) -> Decimal:
        return self._points_by_status[value.status]

    def explain(self, value: Timeliness) -> str:
        label = STATUS_LABELS[value.status]
        if value.done_on is not None and self.deadline is not None:
            return f"Thực hiện ngày {day(value.done_on)}, hạn {day(self.deadline)}: {label.lower()} → " + pts(
                self.points(value)
            )
        return f"{label} → {pts(self.points(value))}"

    def describe(self) -> str:
        deadline = f" (hạn {day(self.deadline)})" if self.deadline is not None else ""
        return (
            f"Đúng hạn{deadline}: {pts(self.points_for('on_time'))}; trễ hạn: {pts(self.points_for('late'))}; "
            f"không thực hiện: {pts(self.points_for('not_done'))}"
        )


class Level(NamedTuple):  # a NamedTuple: answers are hashed when a year is scored
    key: str
    label: str
    share: Decimal


@dataclass(frozen=True)
class QualityRule(Rule):
    """Named levels, each a share of the maximum: "hoàn thành xuất sắc: tối đa; tốt: 75%; hoàn thành: 50%"."""

    levels: tuple[Level, ...] = ()

    type_name: ClassVar[str] = "quality"
    label: ClassVar[str] = "Theo mức chất lượng"
    params_spec: ClassVar = {"levels": ("levels", True)}

    @classmethod
    def _convert_params(cls, params: Mapping[str, Any]) -> dict[str, Any]:
        levels = tuple(
            Level(str(item["key"]), str(item["label"]), to_decimal(item["share"])) for item in params["levels"]
        )
        return {"levels": levels}

    def params(self) -> dict[str, Any]:
        return {"levels": [{"key": lv.key, "label": lv.label, "share": lv.share} for lv in self.levels]}

    def check(self) -> list[str]:
        problems = [] if self.levels else ["cần ít nhất một mức (levels)"]
        seen: set[str] = set()
        for level in self.levels:
            if not ZERO <= level.share <= 1:
                problems.append(f"mức “{level.label}”: tỷ lệ {num(level.share)} phải nằm trong khoảng 0 đến 1")
            for name in {fold(level.key), fold(level.label)}:
                if name in seen:
                    problems.append(f"mức “{level.label}” trùng tên hoặc mã với một mức khác")
                seen.add(name)
        return problems

    def best_points(self) -> Decimal:
        return max((self.points(level) for level in self.levels), default=ZERO)

    def input_hint(self) -> str:
        return "mức đánh giá"

    def parse(self, raw: object) -> Level:
        if isinstance(raw, Level):
            return raw
        answer = fold(str(raw))
        for level in self.levels:
            if answer in (fold(level.key), fold(level.label)):
                return level
        names = ", ".join(f"“{level.label}”" for level in self.levels)
        raise InputError(MSG_NOT_A_LEVEL.format(raw=raw, levels=names))

    def points(self, value: Level) -> Decimal:
        return ENGINE_CONTEXT.multiply(self.maximum, value.share)

    def explain(self, value: Level) -> str:
        percent = num(ENGINE_CONTEXT.multiply(value.share, Decimal(100)))
        return f"Mức “{value.label}” = {percent}% × {num(self.maximum)} → {pts(self.points(value))}"

    def describe(self) -> str:
        return "; ".join(f"{level.label}: {pts(self.points(level))}" for level in self.levels)
