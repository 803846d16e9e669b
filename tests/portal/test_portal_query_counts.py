"""Each portal page and file costs the same number of queries for 5 units as for 20: the published table is
the council's snapshot, read in one query, and nothing is asked per unit."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from parindex.assessments.models import Answer, Assessment, Stage, State
from parindex.council.services import approval_record, results_publish
from tests.cycle import make_period
from tests.factories import UnitFactory, UnitGroupFactory

# Group page, unit page, CSV, JSON: the published approval (year and group); the period's group and its set;
# the assessments; the live approval; the snapshots; which of them are published. The listings: the published
# approvals with their unit counts (and the published units, for the sitemap). The two pages add the change
# against last year: the rows' units with their mergers and last year's results, and when last year has some,
# how many units each of its approvals ranked and its sets' rounding (test_change_against_last_year.py).
MAX_QUERIES = {
    "group": 10,
    "unit": 10,
    "csv": 6,
    "json": 6,
    "index": 1,
    "catalogue": 1,
    "catalogue_json": 1,
    "sitemap": 2,
}
# A signed-in visitor adds the session and the user, the session saved on every request (3), and on a page
# the navbar's unit and unread-notification count.
SIGNED_IN = {"group": 7, "unit": 7, "csv": 5, "json": 5}


def _group(code, name, size):
    group = UnitGroupFactory.create(code=code, name=name)
    return [UnitFactory.create(group=group, code=f"{code}{n}", name=f"{name} số {n}") for n in range(1, size + 1)]


def _publish_directly(period, organizer):
    """Final answers written straight into the table (the cycle's services are tested elsewhere: this test is
    about what the pages cost), a different set per unit so ranks and ties come out; then approval and
    publication through the council's services."""
    answers = []
    for number, assessment in enumerate(Assessment.objects.filter(period=period).order_by("pk")):
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
    for group in {assessment.group for assessment in Assessment.objects.filter(period=period).select_related("group")}:
        approval_record(
            actor=organizer,
            period=period,
            group=group,
            decision_number="1/QĐ",
            decision_date=datetime.date(2025, 12, 1),
        )
        results_publish(actor=organizer, period=period, group=group)


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.fixture
def two_groups(organizer):
    few, many = _group("so", "Sở", 5), _group("huyen", "UBND huyện", 20)
    period = make_period(organizer, few + many)
    _publish_directly(period, organizer)
    return {
        "few": Assessment.objects.filter(period=period, group__code="so").first(),
        "many": Assessment.objects.filter(period=period, group__code="huyen").first(),
    }


def _urls(assessment):
    code = assessment.group.code
    return {
        "group": f"/cong-khai/2025/{code}/",
        "unit": f"/cong-khai/2025/{code}/{assessment.pk}/",
        "csv": f"/cong-khai/du-lieu/2025/{code}.csv",
        "json": f"/cong-khai/du-lieu/2025/{code}.json",
    }


@pytest.mark.parametrize("page", ["group", "unit", "csv", "json"])
@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "signed-in"])
def test_a_groups_pages_cost_the_same_for_5_units_as_for_20(two_groups, client, officer_a, page, signed_in):
    if signed_in:
        client.force_login(officer_a)
    few, many = (_urls(two_groups[size])[page] for size in ("few", "many"))

    assert _queries(client, few) == _queries(client, many) <= MAX_QUERIES[page] + (SIGNED_IN[page] if signed_in else 0)


def test_the_listings_cost_the_same_however_many_groups_and_units(organizer, client, django_assert_max_num_queries):
    _publish_directly(make_period(organizer, _group("so", "Sở", 3)), organizer)
    listings = {
        "index": "/cong-khai/",
        "catalogue": "/cong-khai/du-lieu/",
        "catalogue_json": "/cong-khai/du-lieu/danh-muc.json",
        "sitemap": "/cong-khai/sitemap.xml",
    }
    one = {name: _queries(client, url) for name, url in listings.items()}

    _publish_directly(make_period(organizer, _group("so2", "Sở", 1) + _group("huyen", "UBND huyện", 12)), organizer)
    more = {name: _queries(client, url) for name, url in listings.items()}

    assert one == more
    for name, url in listings.items():
        with django_assert_max_num_queries(MAX_QUERIES[name]):
            client.get(url)
