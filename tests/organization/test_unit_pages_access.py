"""Units and their import are for the organizer and the administrator only."""

import pytest
from django.urls import reverse

URLS = [
    reverse("organization:unit_list"),
    reverse("organization:unit_import"),
    reverse("organization:unit_import_template"),
]
REFUSED = ["appraiser", "council", "officer_a", "head_a", "no_role_user"]
ALLOWED = ["organizer", "admin_user"]


@pytest.mark.parametrize("url", URLS)
def test_anonymous_visitors_are_sent_to_login(client, db, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"/dang-nhap/?next={url}"


@pytest.mark.parametrize("who", REFUSED)
@pytest.mark.parametrize("url", URLS)
def test_other_roles_are_refused(client, request, who, url):
    client.force_login(request.getfixturevalue(who))

    assert client.get(url).status_code == 403


@pytest.mark.parametrize("who", REFUSED)
def test_other_roles_cannot_post_an_import(client, request, groups, who):
    from parindex.organization.models import Unit
    from tests.organization.xlsx_files import upload, xlsx

    client.force_login(request.getfixturevalue(who))
    units_before = Unit.objects.count()

    response = upload(client, reverse("organization:unit_import"), xlsx([["A", "Sở A", None, "so", "01/01/2020"]]))

    assert response.status_code == 403
    assert Unit.objects.count() == units_before


@pytest.mark.parametrize("who", ALLOWED)
@pytest.mark.parametrize("url", URLS)
def test_the_organizer_and_the_administrator_may_open_them(client, request, who, url):
    client.force_login(request.getfixturevalue(who))

    assert client.get(url).status_code == 200


@pytest.mark.parametrize("who", ALLOWED)
def test_the_home_page_links_to_the_units(client, request, who):
    client.force_login(request.getfixturevalue(who))

    assert f'href="{reverse("organization:unit_list")}"' in client.get("/").content.decode()


def test_a_unit_officer_gets_no_link_to_the_units(client, officer_a):
    client.force_login(officer_a)

    assert reverse("organization:unit_list") not in client.get("/").content.decode()
