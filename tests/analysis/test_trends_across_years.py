"""Trends: the group's average per year (approved figures of other periods, this period's as shown now) and
a unit's own index per year."""

import datetime
from decimal import Decimal

from django.utils import timezone

from parindex.analysis.selectors import findings, unit_trend
from parindex.council.models import Approval, ResultSnapshot
from parindex.periods.services import period_add_units, period_create
from tests.cycle import CYCLE_SET, assessment_of, cycle_set, deadlines_from


def make_period(organizer, units, *, year):
    """tests.cycle.make_period's, in another year (the set must be of the period's year)."""
    group = units[0].group
    version = cycle_set(organizer, group, CYCLE_SET.replace("2025", str(year)))
    period = period_create(
        actor=organizer,
        year=year,
        name=f"Kỳ đánh giá Chỉ số CCHC năm {year}",
        criteria_sets={group: version},
        deadlines=deadlines_from(timezone.now()),
    )
    period_add_units(actor=organizer, period=period, units=units)
    return period


def _approved_last_year(scenario, *, index="78.4", unit_index="88.125"):
    units = list(scenario.units.values())
    last_year = make_period(scenario.organizer, units, year=2024)
    approval = Approval.objects.create(
        period=last_year,
        group=scenario.group,
        decision_number="9/QĐ-HĐĐG",
        decision_date=datetime.date(2024, 12, 20),
        approved_at=timezone.now(),
        approved_by=scenario.organizer,
        averages={"units": 4, "index": index, "points": "15.1", "fields": {}},
    )
    ResultSnapshot.objects.create(
        approval=approval,
        assessment=assessment_of(last_year, scenario.units["a"]),
        unit_name="Sở Tư pháp",
        points="14.1",
        maximum="16",
        index=unit_index,
        rank=1,
        band="Khá",
        prior_state="appraised",
        created_at=timezone.now(),
    )
    return last_year


def test_the_group_average_per_year(approved):
    last_year = _approved_last_year(approved)
    # A later period not yet approved has no figure the council has seen: it is left out.
    make_period(approved.organizer, list(approved.units.values()), year=2026)

    found = findings(approved.period, approved.group)
    assert [(point.year, point.average_index, point.frozen) for point in found.trend] == [
        (2024, Decimal("78.4"), True),
        (2025, found.average_index, True),
    ]
    assert found.trend[0].period_id == last_year.pk


def test_this_period_counts_live_until_approved(appraised):
    found = findings(appraised.period, appraised.group)
    assert [(point.year, point.frozen) for point in found.trend] == [(2025, False)]


def test_a_units_index_per_year_beside_its_groups_average(approved):
    _approved_last_year(approved)
    found = findings(approved.period, approved.group)
    years = unit_trend(approved.assessment("a"), found)
    mine = found.unit(approved.assessment("a").pk)
    assert mine is not None
    assert [(year.year, year.index, year.group_average) for year in years] == [
        (2024, Decimal("88.125"), Decimal("78.4")),
        (2025, mine.index, found.average_index),
    ]
