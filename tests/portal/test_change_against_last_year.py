"""The ranked table and each unit's page show the change against the same unit's index published the year
before (results.selectors, published years only); a year approved but never published does not count."""

import datetime
import re

from django.utils import timezone

from parindex.assessments.models import Answer, Assessment, Stage, State
from parindex.council.services import approval_record, results_publish
from parindex.periods.services import period_add_units, period_create
from tests.cycle import CYCLE_SET, cycle_set, deadlines_from
from tests.portal.urls import group_url, unit_url

# Sở Tư pháp's 2024 finals: 1.1 "Không" (0 of 2), so 14,9 of 18, 82,78 %; Sở Y tế the same as in 2025.
FINALS_2024 = {
    "Sở Tư pháp": {
        "1.1": "Không",
        "1.2": "40/40",
        "1.3": "10/12/2024",
        "1.4": "KAD",
        "1.5": "9/10",
        "2.1": "Tốt",
        "2.2": "85",
    },
}


def _year_2024(organizer, units, *, publish=True):
    version = cycle_set(organizer, units[0].group, CYCLE_SET.replace("year: 2025", "year: 2024"))
    period = period_create(
        actor=organizer,
        year=2024,
        name="Kỳ đánh giá Chỉ số CCHC năm 2024",
        criteria_sets={units[0].group: version},
        deadlines=deadlines_from(timezone.now()),
    )
    period_add_units(actor=organizer, period=period, units=units)
    for assessment in Assessment.objects.filter(period=period).select_related("unit"):
        Answer.objects.bulk_create(
            Answer(assessment=assessment, code=code, stage=Stage.APPRAISAL_1, raw=raw, updated_by=organizer)
            for code, raw in FINALS_2024[assessment.unit.name].items()
        )
    Assessment.objects.filter(period=period).update(state=State.APPRAISED)
    approval_record(
        actor=organizer,
        period=period,
        group=units[0].group,
        decision_number="88/QĐ",
        decision_date=datetime.date(2024, 12, 1),
    )
    if publish:
        results_publish(actor=organizer, period=period, group=units[0].group)


def _changes(html):
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r'data-testid="change">(.*?)</td>', html)]


def test_the_table_shows_the_change_against_last_years_published_index(
    published, client, django_assert_max_num_queries
):
    _year_2024(published.organizer, [published.units["a"]])

    with django_assert_max_num_queries(10):  # tests/portal/test_portal_query_counts.py: with last year's sets
        html = client.get(group_url(published)).content.decode()

    # Sở Tư pháp: 93,89 − 82,78; the others had no published result in 2024.
    assert _changes(html) == ["+11,11", "—", "—", "—"]
    assert 'title="Năm 2024: 82,78"' in html
    page = client.get(unit_url(published, "a")).content.decode()
    assert "<strong>+11,11</strong> (chỉ số năm 2024: 82,78)" in page


def test_a_year_approved_but_not_published_is_no_comparison(published, client):
    _year_2024(published.organizer, [published.units["a"]], publish=False)

    html = client.get(group_url(published)).content.decode()

    assert _changes(html) == ["—", "—", "—", "—"]
    assert "82,78" not in html
    assert "Năm trước đơn vị không có kết quả đã công bố" in client.get(unit_url(published, "a")).content.decode()
