"""A unit's results year by year: published ones for everyone, approved but unpublished ones too for Sở Nội vụ,
the council and the administrator; across a merger, the predecessors' results are listed with the unit's."""

from decimal import Decimal

from parindex.results.selectors import NOT_COMPARABLE_MERGED, unit_year_on_year


def test_published_years_newest_first_with_rank_band_and_change(published, last_year):
    years = unit_year_on_year(published.units["a"])

    assert [(r.year, r.shown_index, r.rank, r.ranked_units, r.band) for r in years.results] == [
        (2025, Decimal("93.89"), 1, 4, "Tốt"),
        (2024, Decimal("82.78"), 1, 4, "Khá"),
    ]
    this_year, last_year = years.change(2025), years.change(2024)
    assert this_year is not None
    assert this_year.delta == Decimal("11.11")
    assert last_year is not None
    assert last_year.delta is None


def test_unpublished_years_are_left_out_unless_asked(approved, last_year_approved):
    assert unit_year_on_year(approved.units["a"]).results == []

    every = unit_year_on_year(approved.units["a"], include_unpublished=True).results
    assert [(result.year, result.published) for result in every] == [(2025, False), (2024, False)]


def test_a_unit_formed_by_merger_lists_its_predecessors_results(published, last_year, unit_k):
    years = unit_year_on_year(published.units["c"])

    assert [predecessor.unit for predecessor in years.predecessors] == [unit_k]
    assert [(r.year, r.shown_index) for r in years.predecessors[0].results] == [(2024, Decimal("71.50"))]
    change = years.change(2025)
    assert change is not None
    assert change.reason == NOT_COMPARABLE_MERGED


def test_a_unit_merged_into_another_keeps_its_own_past(last_year, unit_k):
    years = unit_year_on_year(unit_k)

    assert [(r.year, r.shown_index, r.unit_name) for r in years.results] == [(2024, Decimal("71.50"), "Sở Khoa học")]


def test_the_scorecard_shows_the_years_and_the_predecessors(client, officer_b, published, last_year):
    client.force_login(officer_b)

    page = client.get(published.detail_url("c")).content.decode()

    assert 'data-testid="year-2024"' in page
    assert 'data-testid="year-2025"' in page
    assert "Sở Khoa học" in page
    assert "2024: 71,50%" in page


def test_a_unit_sees_its_own_unpublished_year_only_as_this_years_provisional_figure(
    client, officer_a, appraised, last_year_approved
):
    client.force_login(officer_a)

    page = client.get(appraised.detail_url("a")).content.decode()

    assert 'data-testid="year-current"' in page
    assert 'data-testid="year-2024"' not in page  # approved, not published: not the unit's to see yet


def test_this_years_provisional_figure_is_compared_with_last_years_published_one(
    client, officer_a, appraised, last_year
):
    client.force_login(officer_a)

    page = client.get(appraised.detail_url("a")).content.decode()

    current = page[page.index('data-testid="year-current"') :]
    assert current[: current.index("</tr>")].count("+11,11") == 1
    assert "tạm tính" in current[: current.index("</tr>")]
