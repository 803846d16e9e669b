"""The data of a unit's chart: its component index per field beside the group's average, at the set's
rounding (the chart shows the numbers of the table beside it, no more digits)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from parindex.council.selectors import Component
from parindex.engine import Node
from parindex.portal.selectors import PublicResults, PublicRow

# A radar needs three axes to be a shape; with fewer fields, bars say the same more plainly.
RADAR_MIN_FIELDS = 3


def _number(value: Decimal | None, results: PublicResults) -> float | None:
    return None if value is None else float(results.rounding.apply(value))


def unit_chart(results: PublicResults, row: PublicRow) -> dict[str, Any]:
    averages = results.averages
    return {
        "kind": "radar" if len(results.fields) >= RADAR_MIN_FIELDS else "bar",
        "places": results.rounding.places,
        "labels": [f"LV {node.code}" for node in results.fields],
        "titles": [f"{node.code}. {node.title}" for node in results.fields],
        "series": [
            {
                "name": row.unit_name,
                "values": [_number(row.components[node.code].index, results) for node in results.fields],
            },
            {
                "name": "Trung bình của nhóm",
                "values": [
                    _number(averages.fields.get(node.code) if averages else None, results) for node in results.fields
                ],
            },
        ],
    }


@dataclass(frozen=True)
class FieldRow:
    """A line of the chart's table alternative."""

    node: Node
    component: Component
    average: Decimal | None


def unit_fields(results: PublicResults, row: PublicRow) -> list[FieldRow]:
    averages = results.averages
    return [
        FieldRow(node, row.components[node.code], averages.fields.get(node.code) if averages else None)
        for node in results.fields
    ]
