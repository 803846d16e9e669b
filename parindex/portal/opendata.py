"""The open data files (docs/open-data.md): one CSV and one JSON per year and group, and the catalogue.

Machine-readable first: "." as the decimal mark, figures at full precision (exactly as the council approved
them, not rounded: a user can round the same way the set does, and the set's rounding is stated in the JSON),
UTF-8 without a byte-order mark, comma-separated with a header row (RFC 4180). Column names are stable
ASCII; the docs list them. The pages round; the data does not.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from parindex.portal.selectors import PublicResults, PublishedGroup

UNIT_COLUMNS = (
    "year",
    "group_code",
    "group_name",
    "rank",
    "tied",
    "unit_code",
    "unit_name",
    "points",
    "maximum",
    "index",
    "band",
)
COMPONENT_PARTS = ("points", "maximum", "index")


def exact(value: Decimal | None) -> str | None:
    """Full precision, "." decimal mark, never an exponent (1E+1 would confuse a spreadsheet)."""
    return None if value is None else format(value, "f")


def component_columns(results: PublicResults) -> list[str]:
    return [f"field_{node.code}_{part}" for node in results.fields for part in COMPONENT_PARTS]


def results_csv(results: PublicResults) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*UNIT_COLUMNS, *component_columns(results)])
    for row in results.rows:
        components = []
        for node in results.fields:
            component = row.components[node.code]
            components += [exact(component.points), exact(component.maximum), exact(component.index)]
        writer.writerow(
            [
                results.year,
                results.group.code,
                results.group.name,
                "" if row.rank is None else row.rank,
                "true" if row.tied else "false",
                row.unit_code,
                row.unit_name,
                exact(row.points),
                exact(row.maximum),
                exact(row.index),
                row.band,
                *components,
            ]
        )
    return out.getvalue()


def results_json(results: PublicResults, url: Callable[[int], str]) -> dict[str, Any]:
    """`url(assessment_id)` gives the absolute address of a unit's published page."""
    averages = results.averages
    approval = results.approval
    assert approval.published_at is not None
    return {
        "year": results.year,
        "period": results.period.name,
        "group": {"code": results.group.code, "name": results.group.name},
        "decision": {"number": results.decision_number, "date": results.decision_date.isoformat()},
        "published_at": approval.published_at.isoformat(),
        "rounding": {"places": results.rounding.places, "mode": results.rounding.mode},
        "fields": [{"code": node.code, "title": node.title, "maximum": exact(node.maximum)} for node in results.fields],
        "averages": None
        if averages is None
        else {
            "units": averages.units,
            "points": exact(averages.points),
            "index": exact(averages.index),
            "fields": {code: exact(value) for code, value in averages.fields.items()},
        },
        "units": [
            {
                "rank": row.rank,
                "tied": row.tied,
                "unit_code": row.unit_code,
                "unit_name": row.unit_name,
                "points": exact(row.points),
                "maximum": exact(row.maximum),
                "index": exact(row.index),
                "band": row.band,
                "components": {
                    code: {part: exact(getattr(component, part)) for part in COMPONENT_PARTS}
                    for code, component in row.components.items()
                },
                "url": url(row.assessment_id),
            }
            for row in results.rows
        ],
    }


def catalogue_json(entries: list[PublishedGroup], urls: Callable[[PublishedGroup], dict[str, str]]) -> dict[str, Any]:
    """`urls(entry)` gives the absolute addresses of an entry's page, CSV and JSON."""
    return {
        "datasets": [
            {
                "year": entry.year,
                "group_code": entry.group.code,
                "group_name": entry.group.name,
                "period": entry.period.name,
                "decision_number": entry.approval.decision_number,
                "decision_date": entry.approval.decision_date.isoformat(),
                "published_at": entry.published_at.isoformat(),
                "units": entry.units,
                **urls(entry),
            }
            for entry in entries
        ]
    }
