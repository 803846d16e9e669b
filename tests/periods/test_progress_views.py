"""The progress page: who may open it, what it shows, its filters, and a number of queries that does not grow
with the number of units."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from parindex.accounts.models import Role
from parindex.assessments.services import answer_save_self
from parindex.periods.models import Phase
from parindex.periods.services import period_add_units
from tests.cycle import assessment_of, new_unit
from tests.factories import UserFactory
from tests.periods.progress_world import NAMES, build


@pytest.fixture
def world(organizer, unit_a):
    return build(organizer, unit_a.group)


def _url(period):
    return reverse("periods:progress", args=[period.pk])


@pytest.mark.parametrize("user_fixture", ["organizer", "admin_user", "council"])
def test_sở_nội_vụ_the_administrator_and_the_council_read_it(client, request, user_fixture, world):
    client.force_login(request.getfixturevalue(user_fixture))
    page = client.get(_url(world.period)).content.decode()
    for name in NAMES.values():
        assert name in page
    assert "Bùi Thẩm Định Một" in page
    assert "Các hạn sắp tới" in page
    index = client.get(reverse("periods:progress_index")).content.decode()
    assert _url(world.period) in index


@pytest.mark.parametrize("user_fixture", ["appraiser", "officer_a", "head_a", "no_role_user"])
def test_every_other_role_is_refused(client, request, user_fixture, world):
    client.force_login(request.getfixturevalue(user_fixture))
    assert client.get(_url(world.period)).status_code == 403
    assert client.get(reverse("periods:progress_index")).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client, world):
    answer = client.get(_url(world.period))
    assert answer.status_code == 302
    assert answer["Location"].startswith("/dang-nhap/")


def test_a_period_that_does_not_exist_is_not_found(client, organizer):
    client.force_login(organizer)
    assert client.get(reverse("periods:progress", args=[987654])).status_code == 404


def test_the_filter_keeps_the_units_with_a_status_in_a_phase(client, organizer, world):
    client.force_login(organizer)
    page = client.get(_url(world.period), {"giai-doan": Phase.APPRAISAL_1, "trang-thai": "not_started"}).content
    table = page.decode().split('data-testid="unit-progress"')[1]
    assert NAMES["sub"] in table
    assert NAMES["new"] not in table
    assert NAMES["r1"] not in table


def test_unknown_filter_values_are_ignored(client, organizer, world):
    client.force_login(organizer)
    answer = client.get(_url(world.period), {"giai-doan": "x", "trang-thai": "<script>", "nhom": "?"})
    assert answer.status_code == 200
    assert "<script>" not in answer.content.decode()
    for name in NAMES.values():
        assert name in answer.content.decode()


def _queries(client, period):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(_url(period)).status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_units(client, django_assert_max_num_queries, organizer, world):
    client.force_login(organizer)
    _queries(client, world.period)  # warm the session
    eight = _queries(client, world.period)
    more = [new_unit(name=f"Sở Thêm {index}", group=world.units["new"].group) for index in range(30)]
    period_add_units(actor=organizer, period=world.period, units=more)
    for unit in more[:10]:
        officer = UserFactory.create(role=Role.UNIT_OFFICER, unit=unit)
        answer_save_self(
            actor=officer,
            assessment=assessment_of(world.period, unit),
            code="1.1",
            raw="Có",
            note="",
            expected_version=None,
        )
    assert _queries(client, world.period) == eight
    with django_assert_max_num_queries(12):  # session, user, bell, session save, six of the page
        client.get(_url(world.period))


def test_the_period_page_links_to_its_progress(client, organizer, world):
    client.force_login(organizer)
    assert _url(world.period) in client.get(reverse("periods:detail", args=[world.period.pk])).content.decode()
