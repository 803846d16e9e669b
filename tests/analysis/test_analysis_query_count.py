"""The analysis pages cost the same number of queries for 5 units as for 20, live and frozen: the council's
table is read once, the final and the units' own answers in one query each, the other years in two."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from parindex.assessments.models import Assessment
from parindex.council.services import approval_record
from tests.council.test_results_page_query_count import _appraised_directly, _group
from tests.cycle import make_period

# Session and user; the period's group (URL); group_results (the group's set, its assessments, the live
# approval, the answers or the snapshots); the assessments' ids, the final answers, the units' own answers;
# the other periods and their approvals; the saved summary; the unread-notification count; the session
# saved on every request (3).
MAX_GROUP_QUERIES = 17
# The same, with the assessment (URL) instead of the period's group, and the unit's other years.
MAX_UNIT_QUERIES = 18


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_the_analysis_costs_the_same_for_5_units_as_for_20(client, organizer):
    few, many = _group("so", "Sở", 5), _group("huyen", "UBND huyện", 20)
    period = make_period(organizer, few + many)
    _appraised_directly(period, organizer)
    client.force_login(organizer)
    urls = (f"/phan-tich/{period.pk}/so/", f"/phan-tich/{period.pk}/huyen/")
    units = [
        f"/phan-tich/don-vi/{Assessment.objects.filter(period=period, group=members[0].group).values_list('pk', flat=True)[0]}/"
        for members in (few, many)
    ]

    live = [_queries(client, url) for url in urls]
    live_units = [_queries(client, url) for url in units]
    for members in (few, many):
        approval_record(
            actor=organizer,
            period=period,
            group=members[0].group,
            decision_number="1/QĐ",
            decision_date=datetime.date(2025, 11, 26),
        )
    frozen = [_queries(client, url) for url in urls]
    frozen_units = [_queries(client, url) for url in units]

    assert live[0] == live[1]
    assert frozen[0] == frozen[1]
    assert live_units[0] == live_units[1]
    assert frozen_units[0] == frozen_units[1]
    assert max(*live, *frozen) <= MAX_GROUP_QUERIES
    assert max(*live_units, *frozen_units) <= MAX_UNIT_QUERIES
