"""The data each chart draws, for `json_script`: figures rounded as published, then as JSON numbers.

The tables beside the charts print the exact published text (`figure:rounding`); the charts only need the
same values as numbers to draw bars of the right length.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from parindex.analysis.selectors import Findings, UnitYear
from parindex.engine import Rounding

TOP_CRITERIA = 10  # bars in the weakest-criteria chart; the table lists them all


def _number(value: Decimal | None, rounding: Rounding) -> float | None:
    return None if value is None else float(rounding.apply(value))


def group_chart_data(found: Findings) -> dict[str, Any]:
    rounding = found.rounding

    def num(value: Decimal | None) -> float | None:
        return _number(value, rounding)

    fields = [f"LV {field.code}" for field in found.fields]
    return {
        "places": rounding.places,
        "histogram": {"labels": [b.label for b in found.histogram], "counts": [b.count for b in found.histogram]},
        "bands": {"labels": [b.name for b in found.bands], "counts": [b.count for b in found.bands]},
        "heatmap": {
            "units": [unit.unit_name for unit in found.units],
            "fields": fields,
            "titles": [field.title for field in found.fields],
            # [field position, unit position, component index]: ECharts' heatmap triples.
            "values": [
                [x, y, num(unit.components[field.code])]
                for y, unit in enumerate(found.units)
                for x, field in enumerate(found.fields)
            ],
        },
        "weakest": {
            "labels": [c.code for c in found.weakest_criteria[:TOP_CRITERIA]],
            "titles": [c.title for c in found.weakest_criteria[:TOP_CRITERIA]],
            "lost": [num(c.points_lost) for c in found.weakest_criteria[:TOP_CRITERIA]],
        },
        "gaps": {
            "units": [unit.unit_name for unit in found.units],
            "self": [num(unit.self_points) for unit in found.units],
            "final": [num(unit.points) for unit in found.units],
        },
        "trend": {
            "years": [str(point.year) for point in found.trend],
            "averages": [num(point.average_index) for point in found.trend],
        },
    }


def unit_chart_data(found: Findings, assessment_id: int, years: list[UnitYear]) -> dict[str, Any]:
    rounding = found.rounding
    unit = found.unit(assessment_id)
    return {
        "places": rounding.places,
        "radar": {
            "indicators": [{"name": f"LV {field.code}", "max": 100} for field in found.fields],
            "titles": [field.title for field in found.fields],
            "unit": [_number(unit.components[field.code], rounding) for field in found.fields] if unit else [],
            "average": [_number(field.average_index, rounding) for field in found.fields],
            "unit_name": unit.unit_name if unit else "",
        },
        "unit_trend": {
            "years": [str(year.year) for year in years],
            "unit": [_number(year.index, rounding) for year in years],
            "average": [_number(year.group_average, rounding) for year in years],
        },
    }
