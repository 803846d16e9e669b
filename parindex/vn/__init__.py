"""Vietnamese conventions in pure Python (no Django): numbers, dates and alphabetical order.

The scoring engine uses this package too, so it must never import Django.
"""

from parindex.vn.collation import sort_key
from parindex.vn.dates import NOT_A_DATE, format_date, parse_date
from parindex.vn.numbers import NOT_A_NUMBER, format_decimal, format_percent, format_points, parse_decimal

__all__ = [
    "NOT_A_DATE",
    "NOT_A_NUMBER",
    "format_date",
    "format_decimal",
    "format_percent",
    "format_points",
    "parse_date",
    "parse_decimal",
    "sort_key",
]
