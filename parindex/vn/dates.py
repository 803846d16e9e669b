"""Dates written the Vietnamese way: day first, `04/03/2025` is 4 March 2025 (never the US month-first order)."""

from __future__ import annotations

import re
from datetime import date
from typing import Final

NOT_A_DATE: Final = "'{text}' không phải là ngày hợp lệ (dd/mm/yyyy)"

_DAY_MONTH_YEAR = re.compile(r"(?P<day>[0-9]{1,2})/(?P<month>[0-9]{1,2})/(?P<year>[0-9]{4})")
# ISO 8601 is what machines (HTML date inputs, CSV exports, APIs) send.
_ISO = re.compile(r"(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})")


def format_date(value: date) -> str:
    """4 March 2025 -> "04/03/2025". A datetime is written as its date."""
    # Not strftime: glibc writes year 5 as "5", which parse_date would then refuse.
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


def parse_date(text: str) -> date:
    """Read dd/mm/yyyy (also d/m/yyyy) or ISO yyyy-mm-dd.

    Raises ValueError with a Vietnamese message for anything else, including days that do not exist
    ("31/02/2025"). Two-digit years are refused: "04/03/25" could be 1925 or 2025.
    """
    candidate = text.strip()
    match = _DAY_MONTH_YEAR.fullmatch(candidate) or _ISO.fullmatch(candidate)
    if match is None:
        raise ValueError(NOT_A_DATE.format(text=text))
    try:
        return date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        raise ValueError(NOT_A_DATE.format(text=text)) from None
