"""Numbers written the Vietnamese way: `1.234.567,25` ('.' groups thousands, ',' marks the decimals).

Parsing rule, chosen so that both people and machine-written CSV files are read without guessing:

1. Both '.' and ',' present: '.' groups thousands and ',' marks the decimals; the groups must be well
   formed ("1.234.567,25"). Anything else ("1,234.56", "12.34,5") is refused, not misread.
2. Only ',' (once): it is the decimal comma ("86,92").
3. Only '.': if the text is a whole number grouped by thousands, `^\\d{1,3}(\\.\\d{3})+$` ("1.234",
   "12.345.678"), the dots group thousands; otherwise a single '.' is a decimal point ("86.92", "0.5",
   "1234.5"), which is how machines write numbers.
4. Digits only: a whole number.

The one case rule 3 reads differently from a machine is a dot followed by exactly three digits, with
one to three digits before it: "1.234" is one thousand two hundred and thirty-four, never 1.234. A
decimal with three places has to be written with a comma ("1,234") or come through a channel that
does not ask this module to guess.

Only ASCII digits are accepted; an optional sign ('-', '+' or the typographic minus '−') may lead.
"""

from __future__ import annotations

import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, localcontext
from typing import Final, Literal

RoundingMode = Literal["half_up", "truncate"]

NOT_A_NUMBER: Final = "'{text}' không phải là số"

_ROUNDINGS: Final[dict[str, str]] = {"half_up": ROUND_HALF_UP, "truncate": ROUND_DOWN}

_SIGN = r"(?P<sign>[-+−]?)"
_BOTH_SEPARATORS = re.compile(_SIGN + r"(?P<int>[0-9]{1,3}(?:\.[0-9]{3})*),(?P<frac>[0-9]+)")
_DECIMAL_COMMA = re.compile(_SIGN + r"(?P<int>[0-9]+),(?P<frac>[0-9]+)")
_GROUPED_WHOLE = re.compile(_SIGN + r"(?P<int>[0-9]{1,3}(?:\.[0-9]{3})+)")
_DECIMAL_POINT = re.compile(_SIGN + r"(?P<int>[0-9]+)\.(?P<frac>[0-9]+)")
_WHOLE = re.compile(_SIGN + r"(?P<int>[0-9]+)")


def format_decimal(
    value: Decimal | int | float,
    places: int = 2,
    *,
    mode: RoundingMode = "half_up",
    grouping: bool = True,
) -> str:
    """Write `value` with exactly `places` decimals: 1234567.254 -> "1.234.567,25", -1234.5 -> "-1.234,50".

    `mode="truncate"` cuts extra digits off instead of rounding half away from zero. A float goes
    through its shortest repr, so 0.1 is written as 0.1 and not as 0.1000000000000000055….
    """
    if places < 0:
        raise ValueError(f"places must be zero or more, got {places}")
    number = _as_decimal(value)
    if not number.is_finite():
        raise ValueError(f"cannot format {value!r} as a number")
    with localcontext() as context:
        # The default 28 significant digits would make quantize fail on very large values.
        context.prec = max(context.prec, number.adjusted() + places + 2)
        rounded = number.quantize(Decimal(1).scaleb(-places), rounding=_ROUNDINGS[mode])
    # "-0,00" would tell the reader a negative number vanished; show zero as zero.
    negative = rounded < 0
    whole_digits, _, fraction_digits = f"{rounded.copy_abs():f}".partition(".")
    if grouping:
        whole_digits = _group_thousands(whole_digits)
    text = f"{whole_digits},{fraction_digits}" if places else whole_digits
    return f"-{text}" if negative else text


def format_points(value: Decimal | int | float, places: int = 2) -> str:
    """Points as shown on a score sheet: 86.915 -> "86,92"."""
    return format_decimal(value, places)


def format_percent(value: Decimal | int | float, places: int = 2) -> str:
    """A percentage already scaled to 0-100: 86.915 -> "86,92%" (no space, as Vietnamese documents write it)."""
    return f"{format_decimal(value, places)}%"


def parse_decimal(text: str) -> Decimal:
    """Read a number written by a person or a machine; see the module docstring for the rule.

    Raises ValueError with a Vietnamese message when `text` is not a number.
    """
    candidate = text.strip()
    match = (
        _BOTH_SEPARATORS.fullmatch(candidate)
        or _DECIMAL_COMMA.fullmatch(candidate)
        or _GROUPED_WHOLE.fullmatch(candidate)
        or _DECIMAL_POINT.fullmatch(candidate)
        or _WHOLE.fullmatch(candidate)
    )
    if match is None:
        raise ValueError(NOT_A_NUMBER.format(text=text))
    groups = match.groupdict()
    sign = "-" if groups["sign"] in {"-", "−"} else ""
    whole_digits = groups["int"].replace(".", "")
    fraction_digits = groups.get("frac")
    plain = f"{sign}{whole_digits}.{fraction_digits}" if fraction_digits else f"{sign}{whole_digits}"
    return Decimal(plain)


def _as_decimal(value: Decimal | int | float) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise TypeError("a bool is not a number to format")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    raise TypeError(f"cannot format {type(value).__name__} as a number")


def _group_thousands(digits: str) -> str:
    head_length = len(digits) % 3 or 3
    groups = [digits[:head_length]]
    groups.extend(digits[start : start + 3] for start in range(head_length, len(digits), 3))
    return ".".join(groups)
