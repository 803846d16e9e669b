from __future__ import annotations

from decimal import Decimal

from django import template

from parindex.engine import Rounding
from parindex.vn import format_decimal

register = template.Library()


@register.filter
def sort_value(value: Decimal | int | None) -> str:
    """A number for the browser to sort by: full precision, a dot, no grouping, never an exponent; empty where
    there is none (the script puts those last)."""
    if value is None or value == "":
        return ""
    return format(Decimal(value), "f")


@register.filter
def change(value: Decimal | None, rounding: Rounding) -> str:
    """A change of index written the Vietnamese way with its sign: "+1,25", "−0,50", "0,00"; a dash for none."""
    if value is None:
        return "—"
    text = format_decimal(rounding.apply(abs(Decimal(value))), places=rounding.places)
    if value > 0:
        return f"+{text}"
    if value < 0:
        return f"−{text}"  # the minus sign, not a hyphen
    return text
