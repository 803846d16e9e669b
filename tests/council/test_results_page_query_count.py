"""The results page costs the same number of queries for 5 units as for 20, live and frozen: the engine
scores the whole group in one batch from one query of answers, and the snapshot is read in one query."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from parindex.assessments.models import Answer, Assessment, Stage, State
from parindex.council.services import approval_record
from tests.cycle import make_period
from tests.factories import UnitFactory, UnitGroupFactory

# Session and user; the period's group (URL); the live approval (who may see); the group's set; its
# assessments; the live approval again; the answers (live) or the snapshots (frozen); the history
# (approvals, corrections); the comments; the unread-notification count; the comment form's units; the
# session saved on every request (3); the change against last year: the units with their mergers, last
# year's results (parindex.results.selectors.group_changes).
MAX_QUERIES = 18


def _group(code, name, size):
    group = UnitGroupFactory.create(code=code, name=name)
    return [UnitFactory.create(group=group, name=f"{name} số {number}") for number in range(1, size + 1)]


def _appraised_directly(period, organizer):
    """Final answers written straight into the table (the services are tested elsewhere; this test is about
    what the page costs), a different set per unit so ranks and ties come out."""
    answers = []
    for number, assessment in enumerate(Assessment.objects.filter(period=period).order_by("pk")):
        raws = {
            "1.1": "Có" if number % 3 else "Không",
            "1.2": f"{30 + number % 11}/40",
            "1.3": "10/12/2025",
            "1.4": str(number % 5),
            "1.5": f"{number % 4}/3" if number % 4 < 3 else "3/3",
            "2.1": ("Tốt", "Đạt", "Chưa đạt")[number % 3],
            "2.2": str(40 + (number * 7) % 60),
        }
        answers += [
            Answer(assessment=assessment, code=code, stage=Stage.APPRAISAL_1, raw=raw, updated_by=organizer)
            for code, raw in raws.items()
        ]
    Answer.objects.bulk_create(answers)
    Assessment.objects.filter(period=period).update(state=State.APPRAISED)


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_the_results_page_costs_the_same_for_5_units_as_for_20(client, organizer):
    few, many = _group("so", "Sở", 5), _group("huyen", "UBND huyện", 20)
    period = make_period(organizer, few + many)
    _appraised_directly(period, organizer)
    client.force_login(organizer)
    few_url, many_url = f"/hoi-dong/{period.pk}/so/", f"/hoi-dong/{period.pk}/huyen/"

    live = (_queries(client, few_url), _queries(client, many_url))

    for units in (few, many):
        approval_record(
            actor=organizer,
            period=period,
            group=units[0].group,
            decision_number="1/QĐ",
            decision_date=datetime.date(2025, 11, 26),
        )
    frozen = (_queries(client, few_url), _queries(client, many_url))

    assert live[0] == live[1]
    assert frozen[0] == frozen[1]
    assert max(*live, *frozen) <= MAX_QUERIES


def test_the_index_costs_the_same_however_many_groups_and_units(client, organizer, council):
    period = make_period(organizer, _group("so", "Sở", 3))
    client.force_login(council)
    one_group = _queries(client, "/hoi-dong/")

    make_period(organizer, _group("huyen", "UBND huyện", 12))
    assert period.pk
    assert _queries(client, "/hoi-dong/") == one_group
