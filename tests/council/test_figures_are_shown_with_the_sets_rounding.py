from decimal import Decimal

from parindex.council.templatetags.council_tags import figure
from parindex.engine import Rounding


def test_figures_are_rounded_half_up_with_the_sets_places():
    assert figure(Decimal("93.88888888888888888888888889"), Rounding(2, "half_up")) == "93,89"
    assert figure(Decimal("86.915"), Rounding(2, "half_up")) == "86,92"
    assert figure(Decimal("86.9155"), Rounding(3, "half_up")) == "86,916"
    assert figure(Decimal(20), Rounding(2, "half_up")) == "20,00"


def test_a_set_that_truncates_cuts_the_digits_off():
    assert figure(Decimal("93.88888888888888888888888889"), Rounding(2, "truncate")) == "93,88"


def test_thousands_are_grouped_and_a_missing_figure_is_a_dash():
    assert figure(Decimal("1234.5"), Rounding(2, "half_up")) == "1.234,50"
    assert figure(None, Rounding()) == "—"
