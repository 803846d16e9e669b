"""Nothing unpublished is reachable on the portal, in any state of the cycle: before approval, approved but
not published, reopened (published results withdrawn), approved again but not yet republished, and a unit
added to the period after the approval. Pages and open data alike, including addresses guessed from ids."""

import datetime

import pytest

from parindex.assessments.models import Assessment
from parindex.council.services import approval_record, approval_reopen, results_publish
from parindex.periods.services import period_add_units
from tests.council.scenario import NAMES
from tests.factories import UnitFactory
from tests.portal.urls import CATALOGUE_JSON_URL, CATALOGUE_URL, INDEX_URL, csv_url, group_url, json_url, unit_url

LISTINGS = (INDEX_URL, CATALOGUE_URL, CATALOGUE_JSON_URL, "/cong-khai/sitemap.xml")


def _group_addresses(built):
    return [group_url(built), csv_url(built), json_url(built)]


def _guessed_unit_addresses(built):
    """Every assessment id there is, and a few beyond, under the group's year and code."""
    pks = list(Assessment.objects.values_list("pk", flat=True))
    return [f"{group_url(built)}{pk}/" for pk in [*pks, max(pks) + 1, 0, 987654]]


def _reopen(built):
    approval_reopen(actor=built.organizer, period=built.period, group=built.group, reason="Điều chỉnh tiêu chí 1.1")


def _approve_again(built):
    approval_record(
        actor=built.organizer,
        period=built.period,
        group=built.group,
        decision_number="130/QĐ-HĐĐG",
        decision_date=datetime.date(2025, 12, 2),
    )


def _assert_nothing_shown(client, built, own_unit=None):
    """404 for the group's addresses and every guessed unit page; the listings name no unit of the group
    (but a signed-in unit's people see their own unit's name in the menu bar, as on every page)."""
    for url in [*_group_addresses(built), *_guessed_unit_addresses(built)]:
        assert client.get(url).status_code == 404, url
    for url in LISTINGS:
        response = client.get(url)
        assert response.status_code == 200
        body = response.content.decode()
        assert group_url(built) not in body
        assert built.group.name not in body
        for key, name in NAMES.items():
            if key != own_unit:
                assert name not in body, (url, name)


@pytest.mark.parametrize("as_user", [None, "officer_a", "council"])
def test_nothing_before_approval(appraised, client, request, as_user):
    """Even the council, who sees the live figures in its own pages, finds nothing on the public portal."""
    if as_user:
        client.force_login(request.getfixturevalue(as_user))
    _assert_nothing_shown(client, appraised, own_unit="a" if as_user == "officer_a" else None)


def test_nothing_while_self_assessments_are_only_submitted(scenario, client):
    _assert_nothing_shown(client, scenario)


def test_nothing_approved_but_not_published(approved, client):
    _assert_nothing_shown(client, approved)


def test_nothing_once_the_published_results_are_reopened(published, client):
    assert client.get(group_url(published)).status_code == 200

    _reopen(published)

    _assert_nothing_shown(client, published)


def test_nothing_approved_again_until_published_again(published, client):
    _reopen(published)
    _approve_again(published)

    _assert_nothing_shown(client, published)

    results_publish(actor=published.organizer, period=published.period, group=published.group)
    assert client.get(group_url(published)).status_code == 200
    assert "130/QĐ-HĐĐG" in client.get(group_url(published)).content.decode()


def test_everything_published_is_reachable(published, client):
    for url in [*_group_addresses(published), *(unit_url(published, key) for key in published.units)]:
        assert client.get(url).status_code == 200, url
    reachable = [url for url in _guessed_unit_addresses(published) if client.get(url).status_code == 200]
    assert sorted(reachable) == sorted(unit_url(published, key) for key in published.units)


def test_a_unit_added_after_the_approval_is_not_published(published, client, unit_a):
    late = UnitFactory.create(code="SE", name="Sở Xây dựng", group=unit_a.group)
    (assessment,) = period_add_units(actor=published.organizer, period=published.period, units=[late])
    late_url = f"{group_url(published)}{assessment.pk}/"

    assert client.get(late_url).status_code == 404
    for url in [*_group_addresses(published), *LISTINGS]:
        response = client.get(url)
        assert response.status_code == 200
        assert "Sở Xây dựng" not in response.content.decode()
    assert '"SE"' not in client.get(json_url(published)).content.decode()
    assert ",SE," not in client.get(csv_url(published)).content.decode()


def test_a_published_unit_is_not_found_under_another_year_or_group(published, client):
    pk = published.assessment("a").pk

    for url in (
        f"/cong-khai/2024/{published.group.code}/{pk}/",
        f"/cong-khai/2025/huyen/{pk}/",
        "/cong-khai/2024/so/",
        "/cong-khai/du-lieu/2024/so.csv",
        "/cong-khai/du-lieu/2025/khong-co.json",
    ):
        assert client.get(url).status_code == 404, url
