"""Vietnamese formats for templates and forms: 1.234.567,25 and dd/mm/yyyy.

Django's own `vi` module leaves NUMBER_GROUPING unset (1234567,25) and no DATE_INPUT_FORMATS, so forms
fall back to the month-first defaults and read "04/03/2025" as 3 April. These values fix both and match
parindex.vn (format_decimal, format_date, parse_date), which the engine and exports use.

*_FORMAT use Django's date-format syntax; *_INPUT_FORMATS use strftime syntax, and a form widget shows
an initial value with the first of them, so the day-first pattern comes first.
"""

DATE_FORMAT = "d/m/Y"
SHORT_DATE_FORMAT = "d/m/Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "H:i d/m/Y"
SHORT_DATETIME_FORMAT = "H:i d/m/Y"
YEAR_MONTH_FORMAT = r"\t\há\n\g n/Y"  # "tháng 3/2025"
MONTH_DAY_FORMAT = "d/m"
FIRST_DAY_OF_WEEK = 1  # Monday

DATE_INPUT_FORMATS = [
    "%d/%m/%Y",  # 04/03/2025, also 4/3/2025
    "%d/%m/%y",  # 04/03/25
    "%Y-%m-%d",  # 2025-03-04, what <input type="date"> sends
]
TIME_INPUT_FORMATS = [
    "%H:%M:%S",  # 14:30:59
    "%H:%M:%S.%f",  # 14:30:59.000200
    "%H:%M",  # 14:30
]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M:%S",  # 04/03/2025 14:30:59
    "%d/%m/%Y %H:%M:%S.%f",  # 04/03/2025 14:30:59.000200
    "%d/%m/%Y %H:%M",  # 04/03/2025 14:30
    "%H:%M %d/%m/%Y",  # 14:30 04/03/2025, as DATETIME_FORMAT shows it
    "%d/%m/%y %H:%M:%S",  # 04/03/25 14:30:59
    "%d/%m/%y %H:%M",  # 04/03/25 14:30
    "%Y-%m-%d %H:%M:%S",  # 2025-03-04 14:30:59
    "%Y-%m-%d %H:%M:%S.%f",  # 2025-03-04 14:30:59.000200
    "%Y-%m-%d %H:%M",  # 2025-03-04 14:30
    "%Y-%m-%dT%H:%M",  # 2025-03-04T14:30, what <input type="datetime-local"> sends
]

DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
