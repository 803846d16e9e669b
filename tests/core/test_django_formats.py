"""Templates and forms speak Vietnamese formats: 1.234.567,25 and dd/mm/yyyy (config/formats/vi)."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django import forms
from django.template import Context, Template
from django.template.defaultfilters import floatformat
from django.utils import formats, translation
from django.utils.numberformat import format as number_format

from parindex.vn import format_date, format_decimal


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


def render(source, **context):
    return Template(source).render(Context(context))


def test_the_project_format_module_is_the_one_in_use():
    assert formats.get_format("DECIMAL_SEPARATOR") == ","
    assert formats.get_format("THOUSAND_SEPARATOR") == "."
    assert formats.get_format("NUMBER_GROUPING") == 3
    assert formats.get_format("DATE_FORMAT") == "d/m/Y"
    assert formats.get_format("DATE_INPUT_FORMATS")[0] == "%d/%m/%Y"
    assert formats.get_format("FIRST_DAY_OF_WEEK") == 1


def test_number_format_groups_thousands_with_dots():
    assert formats.number_format(Decimal("1234567.25"), 2, use_l10n=True) == "1.234.567,25"
    assert formats.number_format(Decimal("-1234.5"), 2, use_l10n=True) == "-1.234,50"


def test_numberformat_agrees_with_parindex_vn():
    value = Decimal("1234567.25")
    django_text = number_format(value, ",", 2, grouping=3, thousand_sep=".", force_grouping=True)
    assert django_text == format_decimal(value)


def test_templates_show_decimals_the_vietnamese_way():
    assert render("{{ value }}", value=Decimal("1234567.25")) == "1.234.567,25"
    assert render("{{ value }}", value=1234567) == "1.234.567"


def test_floatformat_uses_the_decimal_comma_and_groups_with_g():
    assert floatformat(Decimal("86.915"), 2) == "86,92"
    assert floatformat(Decimal("1234567.254"), "2g") == "1.234.567,25"
    assert render("{{ value|floatformat:'2g' }}", value=1234567.254) == "1.234.567,25"


def test_date_format_is_day_first():
    assert formats.date_format(date(2025, 3, 4)) == "04/03/2025"
    assert formats.date_format(date(2025, 3, 4), "SHORT_DATE_FORMAT") == "04/03/2025"
    assert formats.date_format(date(2025, 3, 4)) == format_date(date(2025, 3, 4))


def test_templates_show_dates_and_times_day_first():
    assert render("{{ value }}", value=date(2025, 3, 4)) == "04/03/2025"
    assert render("{{ value|date:'SHORT_DATE_FORMAT' }}", value=date(2025, 3, 4)) == "04/03/2025"
    saigon_afternoon = datetime(2025, 3, 4, 14, 30, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    assert render("{{ value }}", value=saigon_afternoon) == "14:30 04/03/2025"


class ReportForm(forms.Form):
    deadline = forms.DateField()
    submitted_at = forms.DateTimeField()
    score = forms.DecimalField(max_digits=12, decimal_places=2, localize=True)


def test_a_date_field_reads_04_03_2025_as_the_fourth_of_march():
    field = forms.DateField()
    assert field.clean("04/03/2025") == date(2025, 3, 4)
    assert field.clean("4/3/2025") == date(2025, 3, 4)
    assert field.clean("2025-03-04") == date(2025, 3, 4)


def test_a_date_field_refuses_an_impossible_day():
    with pytest.raises(forms.ValidationError):
        forms.DateField().clean("31/02/2025")


def test_a_form_reads_vietnamese_input():
    form = ReportForm(data={"deadline": "04/03/2025", "submitted_at": "04/03/2025 14:30", "score": "1.234,5"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["deadline"] == date(2025, 3, 4)
    submitted_at = form.cleaned_data["submitted_at"]
    assert (submitted_at.day, submitted_at.month, submitted_at.hour, submitted_at.minute) == (4, 3, 14, 30)
    assert form.cleaned_data["score"] == Decimal("1234.5")


def test_a_localized_decimal_field_accepts_the_decimal_comma():
    field = forms.DecimalField(max_digits=12, decimal_places=2, localize=True)
    assert field.clean("1.234,5") == Decimal("1234.5")
    assert field.clean("86,92") == Decimal("86.92")


def test_a_form_shows_initial_values_day_first():
    form = ReportForm(initial={"deadline": date(2025, 3, 4), "score": Decimal("1234.5")})
    assert 'value="04/03/2025"' in str(form["deadline"])
    assert 'value="1.234,5"' in str(form["score"])
