from __future__ import annotations

from decimal import Decimal

from django import template

from parindex.engine.text import num

register = template.Library()


@register.filter
def points(value: Decimal | int | None) -> str:
    """Points as a criteria set writes them: every significant decimal, Vietnamese separators (0,25 · 10 · 1.000)."""
    if value is None or value == "":
        return ""
    return num(Decimal(value))
