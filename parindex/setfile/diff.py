"""What changed between two versions of a criteria set, node by node, matched by code.

Provinces amend their sets every year (a criterion added, a maximum moved from one field to another, a
tier changed); the council and the units want exactly that list, not two trees to compare by eye.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from parindex.engine import CriteriaSet, Node
from parindex.engine.text import num
from parindex.setfile.load import criteria_set_to_data

ChangeKind = Literal["added", "removed", "changed"]

NODE_FIELDS = {
    "title": "Nội dung",
    "maximum": "Điểm tối đa",
    "rule": "Cách chấm",
    "allow_na": "Không áp dụng",
    "capped": "Cộng dồn có trần",
    "guidance": "Hướng dẫn chấm",
    "evidence": "Tài liệu kiểm chứng",
    "source": "Nguồn dữ liệu",
    "parent": "Thuộc tiêu chí",
}
SET_FIELDS = {
    "name": "Tên bộ tiêu chí",
    "year": "Năm",
    "group": "Nhóm đơn vị",
    "max_points": "Tổng điểm",
    "rounding": "Làm tròn",
    "allow_na": "Mặc định không áp dụng",
    "bands": "Xếp loại",
    "survey": "Điều tra xã hội học",
    "bonus_cap": "Trần điểm thưởng",
    "penalty_cap": "Trần điểm trừ",
}


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class NodeChange:
    kind: ChangeKind
    code: str
    title: str
    changes: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class SetDiff:
    set_changes: tuple[FieldChange, ...]
    node_changes: tuple[NodeChange, ...]

    @property
    def is_empty(self) -> bool:
        return not self.set_changes and not self.node_changes

    def count(self, kind: ChangeKind) -> int:
        return sum(1 for change in self.node_changes if change.kind == kind)

    # Templates cannot pass arguments: the three counts as properties.
    @property
    def count_added(self) -> int:
        return self.count("added")

    @property
    def count_removed(self) -> int:
        return self.count("removed")

    @property
    def count_changed(self) -> int:
        return self.count("changed")


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, int | Decimal):
        return num(value)
    return str(value)


def _rule_text(node: Node) -> str:
    if node.rule is None:
        return "—"
    return f"{node.rule.type_name}: {node.rule.describe()}"


def _node_values(node: Node, parent: str | None) -> dict[str, str]:
    return {
        "title": node.title,
        "maximum": _shown(node.maximum),
        "rule": _rule_text(node),
        "allow_na": _shown(node.allow_na) if node.allow_na is not None else "theo cấp trên",
        "capped": _shown(node.capped),
        "guidance": _shown(node.guidance),
        "evidence": _shown(node.evidence),
        "source": _shown(node.source),
        "parent": parent or "—",
    }


def _indexed(criteria_set: CriteriaSet) -> dict[str, tuple[Node, str | None]]:
    found: dict[str, tuple[Node, str | None]] = {}

    def visit(node: Node, parent: str | None) -> None:
        found[node.code] = (node, parent)
        for child in node.children:
            visit(child, node.code)

    for _, roots in criteria_set.sections():
        for root in roots:
            visit(root, None)
    return found


def _set_values(criteria_set: CriteriaSet) -> dict[str, str]:
    data = criteria_set_to_data(criteria_set)
    bands = "; ".join(f"{band['name']} ≥ {num(band['min'])}" for band in data.get("bands", []))
    rounding = criteria_set.rounding
    return {
        "name": criteria_set.name,
        "year": str(criteria_set.year),
        "group": criteria_set.group,
        "max_points": _shown(criteria_set.max_points),
        "rounding": f"{rounding.places} chữ số, {'làm tròn' if rounding.mode == 'half_up' else 'cắt bỏ'}",
        "allow_na": _shown(criteria_set.allow_na),
        "bands": bands or "—",
        "survey": "bắt buộc (cộng điểm)" if criteria_set.survey_mode == "points" else "không bắt buộc",
        "bonus_cap": _shown(criteria_set.bonus.cap if criteria_set.bonus else None),
        "penalty_cap": _shown(criteria_set.penalty.cap if criteria_set.penalty else None),
    }


def _field_changes(before: dict[str, str], after: dict[str, str], labels: dict[str, str]) -> tuple[FieldChange, ...]:
    return tuple(
        FieldChange(field, label, before[field], after[field])
        for field, label in labels.items()
        if before[field] != after[field]
    )


def diff_criteria_sets(old: CriteriaSet, new: CriteriaSet) -> SetDiff:
    """Changes from `old` to `new`: the set's settings, then nodes in the new set's order, removed ones last."""
    old_nodes, new_nodes = _indexed(old), _indexed(new)
    changes: list[NodeChange] = []
    for code, (node, parent) in new_nodes.items():
        if code not in old_nodes:
            changes.append(NodeChange("added", code, node.title))
            continue
        old_node, old_parent = old_nodes[code]
        fields = _field_changes(_node_values(old_node, old_parent), _node_values(node, parent), NODE_FIELDS)
        if fields:
            changes.append(NodeChange("changed", code, node.title, fields))
    for code, (node, _) in old_nodes.items():
        if code not in new_nodes:
            changes.append(NodeChange("removed", code, node.title))
    return SetDiff(_field_changes(_set_values(old), _set_values(new), SET_FIELDS), tuple(changes))
