"""A criteria set compiled for scoring many units fast.

Scoring a national year means 4,000 units × 150 leaves, so the tree is flattened once: every node gets a
slot in a post-order array (children before parents), and scoring a unit is two passes over flat lists
instead of a recursive walk with lookups.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING

from parindex.engine.rules import Rule, SurveyRule

if TYPE_CHECKING:
    from parindex.engine.tree import CriteriaSet, Node, SectionKind


@dataclass(frozen=True)
class LeafSlot:
    slot: int
    code: str
    rule: Rule
    maximum: Decimal
    na_allowed: bool
    is_survey: bool
    counts_as_missing: bool  # bonus and penalty leaves left empty mean "nothing", not "not scored"


@dataclass(frozen=True)
class ParentSlot:
    slot: int
    children: tuple[int, ...]
    maximum: Decimal
    capped: bool


@dataclass(frozen=True)
class Plan:
    codes: tuple[str, ...]  # slot → code
    slot_of: dict[str, int]
    leaves: tuple[LeafSlot, ...]
    parents: tuple[ParentSlot, ...]  # post-order: a parent comes after all its descendants
    roots: tuple[int, ...]
    bonus_roots: tuple[int, ...]
    penalty_roots: tuple[int, ...]
    survey_codes: tuple[str, ...]

    @property
    def size(self) -> int:
        return len(self.codes)

    @cached_property
    def leaves_by_code(self) -> dict[str, LeafSlot]:
        return {leaf.code: leaf for leaf in self.leaves}

    @classmethod
    def compile(cls, criteria_set: CriteriaSet) -> Plan:
        codes: list[str] = []
        leaves: list[LeafSlot] = []
        parents: list[ParentSlot] = []
        roots: dict[SectionKind, list[int]] = {"criteria": [], "bonus": [], "penalty": []}

        def visit(node: Node, kind: SectionKind, inherited_na: bool) -> int:
            na_allowed = inherited_na if node.allow_na is None else node.allow_na
            children = tuple(visit(child, kind, na_allowed) for child in node.children)
            slot = len(codes)
            codes.append(node.code)
            if node.rule is not None:
                leaves.append(
                    LeafSlot(
                        slot=slot,
                        code=node.code,
                        rule=node.rule,
                        maximum=node.maximum,
                        na_allowed=na_allowed and kind == "criteria",
                        is_survey=isinstance(node.rule, SurveyRule),
                        counts_as_missing=kind == "criteria",
                    )
                )
            else:
                parents.append(ParentSlot(slot, children, node.maximum, node.capped))
            return slot

        for kind, section_roots in criteria_set.sections():
            for root in section_roots:
                roots[kind].append(visit(root, kind, criteria_set.allow_na))

        return cls(
            codes=tuple(codes),
            slot_of={code: slot for slot, code in enumerate(codes)},
            leaves=tuple(leaves),
            parents=tuple(parents),
            roots=tuple(roots["criteria"]),
            bonus_roots=tuple(roots["bonus"]),
            penalty_roots=tuple(roots["penalty"]),
            survey_codes=tuple(leaf.code for leaf in leaves if leaf.is_survey and leaf.counts_as_missing),
        )
