from __future__ import annotations

from decimal import Decimal

from django import template

from parindex.engine import Rounding
from parindex.vn import format_decimal

register = template.Library()


@register.filter
def figure(value: Decimal | None, rounding: Rounding) -> str:
    """A figure as published: the criteria set's rounding (half up or truncated, N places), then written the
    Vietnamese way with exactly N places ("86,92"). A dash where there is no figure (nothing applicable)."""
    if value is None or value == "":
        return "—"
    return format_decimal(rounding.apply(Decimal(value)), places=rounding.places)
