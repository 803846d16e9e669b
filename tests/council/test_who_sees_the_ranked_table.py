"""The group's ranked table: Sở Nội vụ, the council and the administrator at any time; every other role
only once the results are published (before that the table is "not found")."""

import pytest

ALWAYS = ("organizer", "council", "admin_user")
ONCE_PUBLISHED = ("officer_a", "head_a", "officer_b", "head_b", "appraiser")


@pytest.mark.parametrize("who", ALWAYS)
@pytest.mark.parametrize("phase", ["appraised", "approved", "published"])
def test_organizer_council_and_admin_always_see_it(client, request, who, phase):
    built = request.getfixturevalue(phase)
    client.force_login(request.getfixturevalue(who))

    response = client.get(built.results_url)

    assert response.status_code == 200
    assert "Sở Tư pháp" in response.content.decode()


@pytest.mark.parametrize("who", ONCE_PUBLISHED)
@pytest.mark.parametrize("phase", ["scenario", "appraised", "approved"])
def test_units_and_appraisers_get_not_found_before_publication(client, request, who, phase):
    built = request.getfixturevalue(phase)
    client.force_login(request.getfixturevalue(who))

    response = client.get(built.results_url)

    assert response.status_code == 404
    assert "93,89" not in response.content.decode()


@pytest.mark.parametrize("who", ONCE_PUBLISHED)
def test_every_signed_in_role_sees_it_once_published(client, request, published, who):
    client.force_login(request.getfixturevalue(who))

    page = client.get(published.results_url)

    assert page.status_code == 200
    text = page.content.decode()
    assert "93,89" in text
    assert "Sở Y tế" in text
    # The council's deliberation and the history are not part of what is published.
    assert 'data-testid="comments"' not in text
    assert 'data-testid="history"' not in text


def test_a_user_without_a_role_is_refused(client, published, no_role_user):
    client.force_login(no_role_user)

    assert client.get(published.results_url).status_code == 403


def test_the_index_lists_only_published_groups_to_units(client, approved, officer_a, organizer):
    client.force_login(officer_a)
    assert approved.results_url not in client.get("/hoi-dong/").content.decode()

    client.force_login(organizer)
    assert approved.results_url in client.get("/hoi-dong/").content.decode()
