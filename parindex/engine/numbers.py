"""Decimal arithmetic and display rounding for the engine.

Points and indices are kept at full precision (28 significant digits, Python's default) and rounded only
for display. Every engine entry point computes inside ENGINE_CONTEXT so that a caller who changed the
thread's decimal context cannot change a score.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal, InvalidOperation
from typing import Literal

ENGINE_CONTEXT = Context(prec=28, rounding=ROUND_HALF_EVEN)
ZERO = Decimal(0)
HUNDRED = Decimal(100)

RoundingMode = Literal["half_up", "truncate"]
_DISPLAY_ROUNDING = {"half_up": ROUND_HALF_UP, "truncate": ROUND_DOWN}


def to_decimal(value: object) -> Decimal:
    """An exact Decimal from an int, a Decimal, a float (via its shortest repr) or a plain number string.

    Raises ValueError for anything else; callers turn that into a message that says where.
    """
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        # repr gives the shortest string that round-trips: 0.1 stays 0.1, not 0.1000000000000000055…
        result = Decimal(repr(value))
    elif isinstance(value, str):
        try:
            result = Decimal(value.strip())
        except InvalidOperation as exc:
            raise ValueError(value) from exc
    else:
        raise ValueError(value)
    if not result.is_finite():
        raise ValueError(value)
    return result


def round_display(value: Decimal, places: int, mode: RoundingMode = "half_up") -> Decimal:
    """The value as shown: `places` decimals, rounded half up or truncated (towards zero)."""
    exponent = Decimal(1).scaleb(-places)
    return value.quantize(exponent, rounding=_DISPLAY_ROUNDING[mode], context=ENGINE_CONTEXT)


def plain(value: Decimal) -> Decimal:
    """The value without trailing zeros and never in exponent notation (2.50 → 2.5, 1E+1 → 10)."""
    normalized = value.normalize(context=ENGINE_CONTEXT)
    if normalized.as_tuple().exponent > 0:  # type: ignore[operator]
        normalized = normalized.quantize(Decimal(1))
    return normalized
