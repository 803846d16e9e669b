"""Who may use the period and assignment screens: the organizer and the administrator; every other role
is refused (403) on every URL, by GET and by POST, and nothing changes; anonymous visitors go to login."""

import pytest
from django.urls import reverse

from parindex.appraisals.models import Assignment
from parindex.appraisals.services import assignment_create
from parindex.periods.models import DeadlineChange, Period
from tests.cycle import make_period

REFUSED = ["appraiser", "council", "officer_a", "head_a", "no_role_user"]


@pytest.fixture
def period(organizer, unit_a, unit_b):
    return make_period(organizer, [unit_a, unit_b], opened=False)


@pytest.fixture
def assignment(period, organizer, appraiser):
    return assignment_create(actor=organizer, period=period, appraiser=appraiser, field_code="1")


@pytest.fixture
def urls(period, assignment):
    pk = period.pk
    return [
        reverse("periods:list"),
        reverse("periods:create"),
        reverse("periods:detail", args=[pk]),
        reverse("periods:add_units", args=[pk]),
        reverse("periods:open", args=[pk]),
        reverse("periods:extend", args=[pk]),
        reverse("periods:reopen", args=[pk]),
        reverse("periods:assignments", args=[pk]),
        reverse("periods:assignment_delete", args=[pk, assignment.pk]),
    ]


def _unchanged(period):
    period.refresh_from_db()
    return not period.is_open and Assignment.objects.count() == 1 and not DeadlineChange.objects.exists()


@pytest.mark.parametrize("user_fixture", REFUSED)
def test_every_other_role_is_refused_everywhere(client, request, user_fixture, urls, period):
    client.force_login(request.getfixturevalue(user_fixture))
    for url in urls:
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"reason": "x", "units": [1]}).status_code == 403, url
    assert Period.objects.count() == 1
    assert _unchanged(period)


def test_anonymous_visitors_are_sent_to_login(client, urls, period):
    for url in urls:
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse("login")), url
    assert _unchanged(period)


@pytest.mark.parametrize("user_fixture", ["organizer", "admin_user"])
def test_the_organizer_and_the_administrator_open_every_page(client, request, user_fixture, period):
    client.force_login(request.getfixturevalue(user_fixture))
    for url in (
        reverse("periods:list"),
        reverse("periods:create"),
        reverse("periods:detail", args=[period.pk]),
        reverse("periods:assignments", args=[period.pk]),
    ):
        assert client.get(url).status_code == 200, url


def test_the_administrator_may_act_too(client, admin_user, period, assignment):
    client.force_login(admin_user)
    client.post(reverse("periods:open", args=[period.pk]))
    client.post(reverse("periods:assignment_delete", args=[period.pk, assignment.pk]))
    period.refresh_from_db()
    assert period.is_open
    assert not Assignment.objects.exists()


def test_actions_take_no_get(client, organizer, period):
    client.force_login(organizer)
    for name in ("periods:add_units", "periods:open", "periods:extend", "periods:reopen"):
        assert client.get(reverse(name, args=[period.pk])).status_code == 405
    period.refresh_from_db()
    assert not period.is_open


def test_an_unknown_period_is_not_found(client, organizer, db):
    client.force_login(organizer)
    assert client.get(reverse("periods:detail", args=[999])).status_code == 404
    assert client.get(reverse("periods:assignments", args=[999])).status_code == 404


def test_the_organizers_home_page_links_to_the_periods(client, organizer):
    client.force_login(organizer)
    assert f'href="{reverse("periods:list")}"' in client.get("/").content.decode()
