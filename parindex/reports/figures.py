"""Figures as the council's pages print them: the criteria set's rounding (half up or truncated, N places),
then N places written the Vietnamese way ("86,92"). The exports hold these and nothing else, so a file can
never show a digit the screen does not (council_tags.figure is the same rule for the templates)."""

from __future__ import annotations

from decimal import Decimal

from parindex.assessments.reports.content import Figure
from parindex.engine import Rounding
from parindex.setfile.excel_layout import excel_number
from parindex.vn import format_decimal

DASH = "—"  # no figure: nothing of it applies to the unit

__all__ = ["DASH", "Figure", "excel_value", "figure", "figure_text", "places_format"]


def figure(value: Decimal | None, rounding: Rounding) -> Figure | None:
    if value is None:
        return None
    rounded = rounding.apply(Decimal(value))
    return Figure(rounded, format_decimal(rounded, places=rounding.places))


def figure_text(value: Decimal | None, rounding: Rounding) -> str:
    found = figure(value, rounding)
    return found.text if found else DASH


def excel_value(found: Figure | None) -> int | float | str | None:
    return None if found is None else excel_number(found.value)


def places_format(places: int) -> str:
    """Excel shows exactly the set's places (86,92 · 100,00), the decimal comma from the reader's locale."""
    return "0." + "0" * places if places else "0"
