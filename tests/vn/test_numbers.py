import re
from decimal import Decimal, localcontext

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parindex.vn import NOT_A_NUMBER, format_decimal, format_percent, format_points, parse_decimal

two_place_decimals = st.decimals(
    min_value=Decimal("-1e15"), max_value=Decimal("1e15"), places=2, allow_nan=False, allow_infinity=False
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("1234567.25"), "1.234.567,25"),
        (Decimal("-1234.5"), "-1.234,50"),
        (Decimal("86.915"), "86,92"),
        (Decimal("999.995"), "1.000,00"),
        (Decimal("0"), "0,00"),
        (Decimal("100"), "100,00"),
        (Decimal("1000"), "1.000,00"),
        (12345, "12.345,00"),
        (Decimal("1e30"), "1.000.000.000.000.000.000.000.000.000.000,00"),
    ],
)
def test_it_writes_vietnamese_grouping_and_decimal_comma(value, expected):
    assert format_decimal(value) == expected


def test_it_rounds_half_away_from_zero():
    assert format_decimal(Decimal("2.345")) == "2,35"
    assert format_decimal(Decimal("-2.345")) == "-2,35"
    assert format_decimal(Decimal("2.344")) == "2,34"


def test_it_truncates_when_asked():
    assert format_decimal(Decimal("2.349"), mode="truncate") == "2,34"
    assert format_decimal(Decimal("-2.349"), mode="truncate") == "-2,34"
    assert format_decimal(Decimal("999.999"), 0, mode="truncate") == "999"


def test_it_honours_the_number_of_places():
    assert format_decimal(Decimal("1234.5678"), 0) == "1.235"
    assert format_decimal(Decimal("1234.5678"), 3) == "1.234,568"
    assert format_decimal(Decimal("0.5"), 4) == "0,5000"


def test_it_can_leave_out_grouping():
    assert format_decimal(Decimal("1234567.25"), grouping=False) == "1234567,25"


def test_it_never_shows_a_negative_zero():
    assert format_decimal(Decimal("-0.001")) == "0,00"
    assert format_decimal(Decimal("-0.00")) == "0,00"
    assert format_decimal(-0.0) == "0,00"


def test_it_writes_a_float_by_its_shortest_repr():
    assert format_decimal(0.1, 20) == "0,10000000000000000000"
    assert format_decimal(2.675) == "2,68"  # the float 2.675 is 2.67499999…; its repr is 2.675


def test_it_refuses_non_finite_numbers_and_bools():
    with pytest.raises(ValueError, match="cannot format"):
        format_decimal(Decimal("NaN"))
    with pytest.raises(ValueError, match="cannot format"):
        format_decimal(float("inf"))
    with pytest.raises(TypeError):
        format_decimal(True)
    with pytest.raises(ValueError, match="places"):
        format_decimal(Decimal(1), -1)


def test_points_and_percent_use_two_places():
    assert format_points(Decimal("86.915")) == "86,92"
    assert format_percent(Decimal("86.915")) == "86,92%"
    assert format_percent(Decimal("5"), 1) == "5,0%"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.234.567,25", Decimal("1234567.25")),
        ("86,92", Decimal("86.92")),
        ("0,5", Decimal("0.5")),
        ("-1.234,50", Decimal("-1234.50")),
        ("−3,5", Decimal("-3.5")),  # typographic minus, as word processors write it
        ("+7", Decimal("7")),
        ("  42  ", Decimal("42")),
        ("1234567", Decimal("1234567")),
        ("1234,5", Decimal("1234.5")),  # a decimal comma needs no grouping
        # Machine-written decimals keep working.
        ("86.92", Decimal("86.92")),
        ("0.5", Decimal("0.5")),
        ("1234.5", Decimal("1234.5")),
        ("1234.567", Decimal("1234.567")),
        ("-0.25", Decimal("-0.25")),
        # A whole number grouped by thousands: the documented reading of "1.234".
        ("1.234", Decimal("1234")),
        ("12.345.678", Decimal("12345678")),
        ("999.000", Decimal("999000")),
    ],
)
def test_it_reads_numbers_written_by_people_and_machines(text, expected):
    parsed = parse_decimal(text)
    assert parsed == expected
    assert isinstance(parsed, Decimal)


def test_it_keeps_the_digits_written():
    assert str(parse_decimal("86,90")) == "86.90"


@pytest.mark.parametrize(
    "text",
    [
        "abc",
        "",
        "   ",
        "1,234.56",  # English order: refused rather than misread
        "12.34,5",  # a malformed group
        "1.2345,6",
        "1,2,3",
        "1.2.3",
        ".5",
        "5.",
        ",5",
        "5,",
        "1 234",
        "1e3",
        "--1",
        "١٢",  # Arabic-Indic digits
        "NaN",
        "12 điểm",
    ],
)
def test_it_refuses_what_is_not_a_number_in_vietnamese(text):
    with pytest.raises(ValueError, match=f"^{re.escape(NOT_A_NUMBER.format(text=text))}$"):
        parse_decimal(text)


def test_the_refusal_quotes_the_input():
    with pytest.raises(ValueError, match=r"^'abc' không phải là số$"):
        parse_decimal("abc")


@given(two_place_decimals)
def test_parsing_what_was_formatted_gives_the_number_back(value):
    assert parse_decimal(format_decimal(value)) == value


@given(two_place_decimals)
def test_parsing_what_was_formatted_without_grouping_gives_the_number_back(value):
    assert parse_decimal(format_decimal(value, grouping=False)) == value


@given(st.integers(min_value=-(10**18), max_value=10**18))
def test_whole_numbers_round_trip_with_no_decimals(value):
    assert parse_decimal(format_decimal(value, 0)) == value


@given(
    st.decimals(min_value=Decimal("-1e20"), max_value=Decimal("1e20"), allow_nan=False, allow_infinity=False),
    st.integers(min_value=0, max_value=6),
)
def test_formatting_is_within_half_a_unit_of_the_last_place(value, places):
    shown = parse_decimal(format_decimal(value, places))
    with localcontext() as exact:
        exact.prec = 200
        assert abs(shown - value) <= Decimal(1).scaleb(-places) / 2
