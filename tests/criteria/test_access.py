"""Deny by default: who may see and change criteria sets. Drafts are the organizer's (and admin's) only."""

import pytest
from django.urls import reverse

from parindex.criteria.models import CriteriaSetVersion

READ_VIEWS = ["criteria:detail", "criteria:download_yaml", "criteria:download_xlsx"]
EVERY_ROLE_FIXTURE = ["organizer", "admin_user", "appraiser", "council", "officer_a", "head_a"]


@pytest.mark.parametrize("user_fixture", EVERY_ROLE_FIXTURE)
@pytest.mark.parametrize("view", READ_VIEWS)
def test_every_role_reads_an_issued_set(client, request, user_fixture, view, issued_set):
    client.force_login(request.getfixturevalue(user_fixture))
    assert client.get(reverse(view, args=[issued_set.pk])).status_code == 200


@pytest.mark.parametrize("user_fixture", ["appraiser", "council", "officer_a", "head_a"])
@pytest.mark.parametrize("view", READ_VIEWS)
def test_a_draft_is_not_found_for_anyone_but_the_organizer_and_admin(client, request, user_fixture, view, draft_set):
    client.force_login(request.getfixturevalue(user_fixture))
    assert client.get(reverse(view, args=[draft_set.pk])).status_code == 404


@pytest.mark.parametrize("user_fixture", ["appraiser", "council", "officer_a"])
def test_drafts_are_not_listed_for_other_roles(client, request, user_fixture, draft_set, issued_set):
    client.force_login(request.getfixturevalue(user_fixture))
    page = client.get(reverse("criteria:list")).content.decode()
    assert reverse("criteria:detail", args=[issued_set.pk]) in page
    assert reverse("criteria:detail", args=[draft_set.pk]) not in page


@pytest.mark.parametrize("user_fixture", ["admin_user", "appraiser", "council", "officer_a", "head_a"])
def test_only_the_organizer_uploads_clones_and_issues(client, request, user_fixture, draft_set, issued_set):
    client.force_login(request.getfixturevalue(user_fixture))
    assert client.get(reverse("criteria:upload")).status_code == 403
    assert client.post(reverse("criteria:clone", args=[issued_set.pk]), {"year": 2026}).status_code == 403
    assert client.post(reverse("criteria:issue", args=[draft_set.pk])).status_code == 403
    assert CriteriaSetVersion.objects.count() == 2
    draft_set.refresh_from_db()
    assert not draft_set.is_issued


def test_a_user_without_a_role_is_refused_everything(client, no_role_user, issued_set):
    client.force_login(no_role_user)
    for url in (reverse("criteria:list"), reverse("criteria:detail", args=[issued_set.pk])):
        assert client.get(url).status_code == 403


def test_anonymous_users_are_sent_to_login(client, issued_set):
    for url in (reverse("criteria:list"), reverse("criteria:detail", args=[issued_set.pk]), reverse("criteria:upload")):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_comparing_with_a_draft_one_cannot_see_is_a_form_error(client, officer_a, draft_set, issued_set):
    client.force_login(officer_a)
    response = client.get(reverse("criteria:compare"), {"old": draft_set.pk, "new": issued_set.pk})
    assert response.status_code == 200
    assert "Hai phiên bản" not in response.content.decode()
    assert "invalid-feedback" in response.content.decode()
