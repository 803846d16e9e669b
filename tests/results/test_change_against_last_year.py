"""The ranked table's change column: this year's published index minus the same unit's published index of the
previous year, each at its set's rounding; "—" with the reason when there is nothing to compare."""

import re
from decimal import Decimal

from django.utils.html import strip_tags

from parindex.council.selectors import group_results
from parindex.results.selectors import (
    NOT_COMPARABLE_MERGED,
    NOT_COMPARABLE_NO_RESULT,
    group_changes,
    previous_result,
)

A, B, C, D = "Sở Tư pháp", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Đối ngoại"


def _changes_by_name(scenario):
    results = group_results(scenario.period, scenario.group)
    changes = group_changes(results)
    return {row.unit_name: changes[row.assessment_id] for row in results.rows}


def test_a_unit_that_gained_shows_the_difference_of_the_published_indices(published, last_year):
    changes = _changes_by_name(published)

    # 93,89 − 82,78 (16,9 ÷ 18 and 14,9 ÷ 18, each rounded to 2 places as published)
    assert changes[A].delta == Decimal("11.11")
    assert changes[A].previous.shown_index == Decimal("82.78")
    assert changes[A].direction == "up"


def test_the_same_figures_as_last_year_show_no_change(published, last_year):
    assert _changes_by_name(published)[B].delta == Decimal("0.00")


def test_a_unit_not_assessed_last_year_has_no_change(published, last_year):
    change = _changes_by_name(published)[D]

    assert (change.delta, change.previous, change.reason) == (None, None, NOT_COMPARABLE_NO_RESULT)


def test_a_unit_that_absorbed_another_has_no_own_last_year(published, last_year):
    change = _changes_by_name(published)[C]

    assert (change.delta, change.reason) == (None, NOT_COMPARABLE_MERGED)


def test_last_years_unpublished_results_are_not_compared(published, last_year_approved):
    change = _changes_by_name(published)[A]

    assert (change.delta, change.reason) == (None, NOT_COMPARABLE_NO_RESULT)


def test_previous_result_is_the_units_own_published_result(published, last_year):
    result = previous_result(published.assessment("a"))

    assert result is not None
    assert (result.year, result.rank, result.ranked_units, result.band) == (2024, 1, 4, "Khá")
    assert result.decision_number == "45/QĐ-UBND"
    assert previous_result(published.assessment("d")) is None


def test_the_live_table_compares_too(appraised, last_year):
    assert _changes_by_name(appraised)[A].delta == Decimal("11.11")


def test_the_page_shows_the_change_with_its_sign_and_the_reason_for_a_dash(client, council, published, last_year):
    client.force_login(council)
    page = client.get(published.results_url).content.decode()

    cells = {name: _change_cell(page, name) for name in (A, B, C, D)}
    assert cells[A] == "+11,11"
    assert cells[B] == "0,00"
    assert cells[C] == f"— ({NOT_COMPARABLE_MERGED})"
    assert cells[D] == f"— ({NOT_COMPARABLE_NO_RESULT})"
    assert 'title="Năm 2024: 82,78"' in page


def _change_cell(page, name):
    row = re.search(rf'<tr data-name="{name}".*?</tr>', page, re.S)
    assert row, name
    cell = re.search(r'data-testid="change"[^>]*>(.*?)</td>', row.group(0), re.S)
    assert cell, name
    return " ".join(strip_tags(cell.group(1)).split())
