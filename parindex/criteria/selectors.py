"""Reads on criteria sets, and who may see which: drafts only the organizer (and admin), issued sets everyone."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from parindex.accounts.models import Role
from parindex.criteria.models import CriteriaSetVersion, Status
from parindex.engine import CriteriaSet, Node
from parindex.engine.tree import SectionKind

SET_EDITORS = (Role.ORGANIZER,)
SEES_DRAFTS = (Role.ORGANIZER, Role.ADMIN)


def criteria_sets_visible_to(user: Any) -> QuerySet[CriteriaSetVersion]:
    versions = CriteriaSetVersion.objects.select_related("group", "created_by")
    if getattr(user, "role", None) in SEES_DRAFTS:
        return versions
    return versions.filter(status=Status.ISSUED)


@dataclass(frozen=True)
class TreeRow:
    node: Node
    depth: int
    section: SectionKind
    na_allowed: bool

    @property
    def indent_class(self) -> str:
        """Bootstrap padding that shows the level (lĩnh vực → tiêu chí → tiêu chí thành phần) without inline CSS."""
        return ("", "ps-3", "ps-5", "ps-5 ms-3", "ps-5 ms-5")[min(self.depth, 4)]


def criteria_set_rows(criteria_set: CriteriaSet) -> Iterator[TreeRow]:
    """The tree as table rows, parents first, with each node's effective "không áp dụng" permission."""

    def visit(node: Node, depth: int, section: SectionKind, inherited: bool) -> Iterator[TreeRow]:
        allowed = inherited if node.allow_na is None else node.allow_na
        yield TreeRow(node, depth, section, allowed and section == "criteria")
        for child in node.children:
            yield from visit(child, depth + 1, section, allowed)

    for section, roots in criteria_set.sections():
        for root in roots:
            yield from visit(root, 0, section, criteria_set.allow_na)
