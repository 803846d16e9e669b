"""The user list and its import are for the organizer and the administrator only."""

import pytest
from django.urls import reverse

from parindex.accounts.models import User
from tests.accounts.conftest import USER_IMPORT_URL
from tests.organization.xlsx_files import USER_HEADER, upload, xlsx

URLS = [reverse("users:user_list"), USER_IMPORT_URL, reverse("users:user_import_template")]
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
def test_other_roles_cannot_post_an_import(client, request, who):
    client.force_login(request.getfixturevalue(who))

    response = upload(client, USER_IMPORT_URL, xlsx([["moi", "Người Mới", "admin"]], header=USER_HEADER))

    assert response.status_code == 403
    assert not User.objects.filter(username="moi").exists()


@pytest.mark.parametrize("who", ALLOWED)
@pytest.mark.parametrize("url", URLS)
def test_the_organizer_and_the_administrator_may_open_them(client, request, who, url):
    client.force_login(request.getfixturevalue(who))

    assert client.get(url).status_code == 200


@pytest.mark.parametrize("who", ALLOWED)
def test_the_home_page_links_to_the_users(client, request, who):
    client.force_login(request.getfixturevalue(who))

    assert f'href="{reverse("users:user_list")}"' in client.get("/").content.decode()
