"""The ranked table with its change column, and the scorecard with its years, cost the same number of queries
for 5 units as for 20, and for a unit without history as for one with years and predecessors."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from parindex.assessments.models import Answer, Assessment, Stage, State
from parindex.council.services import approval_record, results_publish
from tests.cycle import make_period
from tests.factories import UnitFactory, UnitGroupFactory
from tests.results.conftest import past_period

# tests/council/test_results_page_query_count.py's 18, and, when last year has results, how many units each
# approval ranked and the sets' rounding.
RESULTS_PAGE = 20
# Session and user; the assessment; the answers (self, rounds); the final answers; the citations count; the
# snapshot; round 1's answers; may the viewer read the evidence; the citations; the predecessors; the years;
# how many units each year ranked; their sets; the live approval; the group's approvals (correction); the corrections; notifications; session.
DETAIL_PAGE = 21


def _group(code, name, size):
    group = UnitGroupFactory.create(code=code, name=name)
    return [UnitFactory.create(group=group, name=f"{name} số {number}") for number in range(1, size + 1)]


def _appraised_directly(period, organizer, shift=0):
    answers = []
    for number, assessment in enumerate(Assessment.objects.filter(period=period).order_by("pk")):
        number += shift
        raws = {
            "1.1": "Có" if number % 3 else "Không",
            "1.2": f"{30 + number % 11}/40",
            "1.3": "10/12/2025",
            "1.4": str(number % 5),
            "1.5": "3/3",
            "2.1": ("Tốt", "Đạt", "Chưa đạt")[number % 3],
            "2.2": str(40 + (number * 7) % 60),
        }
        answers += [
            Answer(assessment=assessment, code=code, stage=Stage.APPRAISAL_1, raw=raw, updated_by=organizer)
            for code, raw in raws.items()
        ]
    Answer.objects.bulk_create(answers)
    Assessment.objects.filter(period=period).update(state=State.APPRAISED)


def _publish(period, organizer, groups):
    for group in groups:
        approval_record(
            actor=organizer, period=period, group=group, decision_number="1/QĐ", decision_date=datetime.date(2025, 1, 9)
        )
        results_publish(actor=organizer, period=period, group=group)


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_the_ranked_table_with_last_year_costs_the_same_for_5_units_as_for_20(client, organizer):
    few, many = _group("so", "Sở", 5), _group("huyen", "UBND huyện", 20)
    groups = [few[0].group, many[0].group]
    before = past_period(organizer, few + many)
    _appraised_directly(before, organizer, shift=1)
    _publish(before, organizer, groups)
    period = make_period(organizer, few + many)
    _appraised_directly(period, organizer)
    client.force_login(organizer)
    urls = (f"/hoi-dong/{period.pk}/so/", f"/hoi-dong/{period.pk}/huyen/")

    live = [_queries(client, url) for url in urls]
    _publish(period, organizer, groups)
    frozen = [_queries(client, url) for url in urls]

    assert live[0] == live[1]
    assert frozen[0] == frozen[1]
    assert max(*live, *frozen) <= RESULTS_PAGE
    assert "+" in client.get(urls[1]).content.decode()  # the change column has figures


def test_the_scorecard_costs_the_same_with_years_and_predecessors_as_without(client, organizer):
    units = _group("so", "Sở", 4)
    merged = [UnitFactory.create(group=units[0].group, merged_into=units[0], merged_on=datetime.date(2025, 2, 1))]
    merged.append(UnitFactory.create(group=units[0].group, merged_into=units[0], merged_on=datetime.date(2025, 2, 1)))
    before = past_period(organizer, units[:1] + merged + units[2:])
    _appraised_directly(before, organizer)
    _publish(before, organizer, [units[0].group])
    period = make_period(organizer, units)
    _appraised_directly(period, organizer)
    _publish(period, organizer, [units[0].group])
    client.force_login(organizer)
    with_history = Assessment.objects.get(period=period, unit=units[0]).pk
    without = Assessment.objects.get(period=period, unit=units[1]).pk  # not in 2024, nothing merged into it

    counts = [_queries(client, f"/hoi-dong/ket-qua/{pk}/") for pk in (with_history, without)]

    assert counts[0] == counts[1] <= DETAIL_PAGE
    page = client.get(f"/hoi-dong/ket-qua/{with_history}/").content.decode()
    assert page.count('data-testid="predecessor-result"') == 2
