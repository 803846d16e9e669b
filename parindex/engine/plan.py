"""A criteria set compiled for scoring many units fast.

Scoring a national year means 4,000 units × 150 leaves, so the tree is flattened once into slots: the
leaves first, in the set's order (slots 0 … leaves − 1), then the parents in post-order (children before
parents). Scoring a unit is then a pass over the leaves and a pass over the parents, on flat lists, instead
of a recursive walk with lookups. Everything that is the same for every unit (the maxima when everything
applies, who is whose ancestor) is worked out here once. bench/engine_vs_sql.py measures the effect.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from parindex.engine.numbers import ZERO
from parindex.engine.rules import Rule, SurveyRule

if TYPE_CHECKING:
    from parindex.engine.tree import CriteriaSet, Node, SectionKind

Gather = Callable[[Sequence[Decimal]], tuple[Decimal, ...]]


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

    @cached_property
    def gather(self) -> Gather:
        """The children's values out of a per-slot list, in one C call (itemgetter) rather than a Python loop."""
        if len(self.children) == 1:
            only = self.children[0]
            return lambda values: (values[only],)  # itemgetter of one index returns the item, not a tuple
        return itemgetter(*self.children)

    def applicable(self, maxima: Sequence[Decimal]) -> Decimal:
        """The applicable maximum: the children's, capped at the parent's own when the set says `capped`."""
        total = sum(self.gather(maxima), ZERO)
        return self.maximum if self.capped and total > self.maximum else total


@dataclass(frozen=True)
class Plan:
    codes: tuple[str, ...]  # slot → code
    slot_of: dict[str, int]
    leaves: tuple[LeafSlot, ...]  # leaf i holds slot i
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

    # -- per-unit constants, precomputed for score_unit ------------------------------------------------

    @cached_property
    def leaf_codes(self) -> tuple[str, ...]:
        return tuple(leaf.code for leaf in self.leaves)

    @cached_property
    def parse_memo(self) -> dict[str, dict[tuple[type, object], Any]]:
        """Per leaf code, the parsed value of each raw answer already seen (answers.parse_answer): a memo of
        a pure function, kept with the plan so that it lives exactly as long as its criteria set."""
        return {}

    @cached_property
    def point_functions(self) -> tuple[Callable[[Any], Decimal], ...]:
        """Each leaf's bound `rule.points`, looked up once instead of twice per leaf per unit."""
        return tuple(leaf.rule.points for leaf in self.leaves)

    @cached_property
    def na_allowed(self) -> tuple[bool, ...]:
        return tuple(leaf.na_allowed for leaf in self.leaves)

    @cached_property
    def full_maxima(self) -> tuple[Decimal, ...]:
        """Every slot's applicable maximum when every leaf applies: the starting point of each unit's maxima,
        so that only the ancestors of its "không áp dụng" leaves need adding up again."""
        maxima = [ZERO] * self.size
        for leaf in self.leaves:
            maxima[leaf.slot] = leaf.maximum
        self.roll_up_maxima(maxima, range(len(self.parents)))
        return tuple(maxima)

    @cached_property
    def ancestors(self) -> tuple[tuple[int, ...], ...]:
        """Per leaf, the positions in `parents` of the parents above it, nearest first (ascending)."""
        parent_of = {child: position for position, parent in enumerate(self.parents) for child in parent.children}
        result = []
        for leaf in self.leaves:
            above, slot = [], leaf.slot
            while slot in parent_of:
                position = parent_of[slot]
                above.append(position)
                slot = self.parents[position].slot
            result.append(tuple(above))
        return tuple(result)

    @cached_property
    def parent_gathers(self) -> tuple[tuple[int, Gather], ...]:
        """(slot, gather) per parent in post-order: what the per-unit roll-up of points loops over."""
        return tuple((parent.slot, parent.gather) for parent in self.parents)

    def roll_up_maxima(self, maxima: list[Decimal], positions: Sequence[int]) -> None:
        """Recompute the applicable maxima of the parents at `positions` (ascending: post-order)."""
        parents = self.parents
        for position in positions:
            parent = parents[position]
            maxima[parent.slot] = parent.applicable(maxima)

    # -- compiling -----------------------------------------------------------------------------------------

    @classmethod
    def compile(cls, criteria_set: CriteriaSet) -> Plan:
        # First a post-order walk, then slots: leaves first in the set's order, then the parents in post-order.
        visited: list[tuple[Node, SectionKind, bool, tuple[int, ...]]] = []
        roots: dict[SectionKind, list[int]] = {"criteria": [], "bonus": [], "penalty": []}

        def visit(node: Node, kind: SectionKind, inherited_na: bool) -> int:
            na_allowed = inherited_na if node.allow_na is None else node.allow_na
            children = tuple(visit(child, kind, na_allowed) for child in node.children)
            visited.append((node, kind, na_allowed, children))
            return len(visited) - 1

        for kind, section_roots in criteria_set.sections():
            for root in section_roots:
                roots[kind].append(visit(root, kind, criteria_set.allow_na))

        order = [i for i, entry in enumerate(visited) if entry[0].rule is not None]
        order += [i for i, entry in enumerate(visited) if entry[0].rule is None]
        slot_of_visit = {visit_index: slot for slot, visit_index in enumerate(order)}

        leaves: list[LeafSlot] = []
        parents: list[ParentSlot] = []
        for slot, visit_index in enumerate(order):
            node, kind, na_allowed, children = visited[visit_index]
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
                child_slots = tuple(slot_of_visit[child] for child in children)
                parents.append(ParentSlot(slot, child_slots, node.maximum, node.capped))

        codes = tuple(visited[visit_index][0].code for visit_index in order)
        return cls(
            codes=codes,
            slot_of={code: slot for slot, code in enumerate(codes)},
            leaves=tuple(leaves),
            parents=tuple(parents),
            roots=tuple(slot_of_visit[i] for i in roots["criteria"]),
            bonus_roots=tuple(slot_of_visit[i] for i in roots["bonus"]),
            penalty_roots=tuple(slot_of_visit[i] for i in roots["penalty"]),
            survey_codes=tuple(leaf.code for leaf in leaves if leaf.is_survey and leaf.counts_as_missing),
        )
