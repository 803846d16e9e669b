import re
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parindex.vn import NOT_A_DATE, format_date, parse_date


def test_it_writes_the_day_first():
    assert format_date(date(2025, 3, 4)) == "04/03/2025"
    assert format_date(date(2025, 12, 31)) == "31/12/2025"


def test_it_writes_a_datetime_as_its_date():
    assert format_date(datetime(2025, 3, 4, 23, 59)) == "04/03/2025"


def test_it_pads_early_years_to_four_digits():
    assert format_date(date(5, 1, 2)) == "02/01/0005"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("04/03/2025", date(2025, 3, 4)),  # 4 March, never 3 April
        ("4/3/2025", date(2025, 3, 4)),
        ("31/12/2025", date(2025, 12, 31)),
        ("29/02/2024", date(2024, 2, 29)),
        ("2025-03-04", date(2025, 3, 4)),
        (" 04/03/2025 ", date(2025, 3, 4)),
    ],
)
def test_it_reads_day_month_year_and_iso(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "31/02/2025",
        "29/02/2025",  # 2025 is not a leap year
        "00/01/2025",
        "32/01/2025",
        "15/13/2025",
        "04/03/25",  # 1925 or 2025? refused
        "2025-3-4",
        "2025/03/04",
        "03-04-2025",
        "04.03.2025",
        "",
        "hôm nay",
        "04/03/2025 10:00",
    ],
)
def test_it_refuses_what_is_not_a_real_date(text):
    with pytest.raises(ValueError, match=f"^{re.escape(NOT_A_DATE.format(text=text))}$"):
        parse_date(text)


def test_the_refusal_names_the_expected_pattern():
    with pytest.raises(ValueError, match=r"^'31/02/2025' không phải là ngày hợp lệ \(dd/mm/yyyy\)$"):
        parse_date("31/02/2025")


@given(st.dates())
def test_parsing_what_was_formatted_gives_the_date_back(value):
    assert parse_date(format_date(value)) == value


@given(st.dates())
def test_iso_dates_are_read_as_written(value):
    assert parse_date(value.isoformat()) == value
