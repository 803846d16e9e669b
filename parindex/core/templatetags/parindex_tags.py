from __future__ import annotations

import datetime
import math

from django import template

register = template.Library()


@register.filter
def minutes(value: datetime.timedelta | None) -> int | str:
    """A duration in whole minutes, rounded up (a lockout of 90 seconds is "2 phút", never "1 phút")."""
    if not isinstance(value, datetime.timedelta):
        return ""
    return max(1, math.ceil(value.total_seconds() / 60))
