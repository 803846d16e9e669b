"""Vietnamese wording helpers for explanations: numbers as 0,5 and 1.234,25, dates as dd/mm/yyyy."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from parindex.engine.numbers import plain


def num(value: Decimal | int) -> str:
    """A number as Vietnamese text with every significant decimal: 0,5 · 1.234,25 · 10."""
    text = format(plain(Decimal(value)), "f")
    sign, text = ("-", text[1:]) if text.startswith("-") else ("", text)
    whole, _, fraction = text.partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    result = ".".join(groups)
    return f"{sign}{result},{fraction}" if fraction else f"{sign}{result}"


def pts(value: Decimal | int) -> str:
    return f"{num(value)} điểm"


def day(value: date) -> str:
    return value.strftime("%d/%m/%Y")
