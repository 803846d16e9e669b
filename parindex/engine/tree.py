"""The criteria set as an immutable tree: fields (lĩnh vực) → criteria (tiêu chí) → sub-criteria (the leaves).

Any depth works. Every node has a code, a title and a maximum; leaves carry a rule. Values here are as the
set declares them (for example `allow_na` may be unset on a node and inherited from above); the scoring plan
resolves inheritance once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING, Literal

from parindex.engine.numbers import RoundingMode, round_display
from parindex.engine.rules import Rule, SurveyRule

if TYPE_CHECKING:
    from parindex.engine.plan import Plan

Source = Literal["unit", "survey", "directives", "organizer", "external"]
SurveyMode = Literal["points", "optional"]
SectionKind = Literal["criteria", "bonus", "penalty"]


@dataclass(frozen=True)
class Node:
    code: str
    title: str
    maximum: Decimal
    children: tuple[Node, ...] = ()
    rule: Rule | None = None
    allow_na: bool | None = None  # None: inherit from the parent (or the set)
    capped: bool = False
    guidance: str = ""
    evidence: str = ""
    source: Source | None = None  # None: "survey" for survey rules, else "unit"

    @property
    def is_leaf(self) -> bool:
        return self.rule is not None

    @property
    def input_source(self) -> Source:
        if self.source is not None:
            return self.source
        return "survey" if isinstance(self.rule, SurveyRule) else "unit"

    def walk(self) -> Iterator[Node]:
        """This node and all below it, parents before children, in the set's order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def how_scored(self) -> str:
        """The published wording when the set gives one, else the rule's own description."""
        if self.guidance:
            return self.guidance
        return self.rule.describe() if self.rule is not None else ""


@dataclass(frozen=True)
class Section:
    """Bonus (điểm thưởng) or penalty (điểm trừ): nodes whose points add or subtract, limited to `cap`."""

    cap: Decimal
    criteria: tuple[Node, ...]


@dataclass(frozen=True)
class Band:
    name: str
    min: Decimal


@dataclass(frozen=True)
class Rounding:
    places: int = 2
    mode: RoundingMode = "half_up"

    def apply(self, value: Decimal) -> Decimal:
        return round_display(value, self.places, self.mode)


@dataclass(frozen=True)
class CriteriaSet:
    name: str
    year: int
    group: str
    criteria: tuple[Node, ...]
    max_points: Decimal | None = None
    rounding: Rounding = field(default_factory=Rounding)
    bands: tuple[Band, ...] = ()
    allow_na: bool = False
    survey_mode: SurveyMode = "points"
    bonus: Section | None = None
    penalty: Section | None = None
    source_note: str = ""

    @property
    def maximum(self) -> Decimal:
        """The full scale (usually 100): the fields' maxima added up, bonus and penalty apart."""
        return sum((node.maximum for node in self.criteria), Decimal(0))

    def sections(self) -> Iterator[tuple[SectionKind, tuple[Node, ...]]]:
        yield "criteria", self.criteria
        if self.bonus is not None:
            yield "bonus", self.bonus.criteria
        if self.penalty is not None:
            yield "penalty", self.penalty.criteria

    def walk(self) -> Iterator[tuple[SectionKind, Node]]:
        for kind, roots in self.sections():
            for root in roots:
                for node in root.walk():
                    yield kind, node

    @cached_property
    def nodes_by_code(self) -> dict[str, Node]:
        return {node.code: node for _, node in self.walk()}

    def node(self, code: str) -> Node:
        return self.nodes_by_code[code]

    @cached_property
    def field_of(self) -> dict[str, str]:
        """Each node's field (lĩnh vực): the code of its top-level ancestor, or "bonus" / "penalty" for the
        sections. Appraisers are assigned by field."""
        fields: dict[str, str] = {}
        for kind, roots in self.sections():
            for root in roots:
                for node in root.walk():
                    fields[node.code] = root.code if kind == "criteria" else kind
        return fields

    @property
    def field_codes(self) -> tuple[str, ...]:
        """The fields appraisers can be assigned to: the top-level codes, then the sections present."""
        return tuple(node.code for node in self.criteria) + tuple(
            kind for kind, _ in self.sections() if kind != "criteria"
        )

    @cached_property
    def leaves(self) -> tuple[Node, ...]:
        """The scored leaves of the main criteria (bonus and penalty apart), in the set's order."""
        return tuple(node for kind, node in self.walk() if kind == "criteria" and node.is_leaf)

    @cached_property
    def all_leaves(self) -> tuple[Node, ...]:
        return tuple(node for _, node in self.walk() if node.is_leaf)

    @cached_property
    def plan(self) -> Plan:
        from parindex.engine.plan import Plan

        return Plan.compile(self)
