import pytest

from parindex.core.permissions import ROLE_FORBIDDEN, Access, role_required, view_access

pytestmark = pytest.mark.urls("tests.core.urls_for_tests")

URL = "/thu/to-chuc-hoac-tham-dinh/"


def test_anonymous_users_are_sent_to_the_login_page(client, db):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == f"/dang-nhap/?next={URL}"


@pytest.mark.parametrize("who", ["organizer", "appraiser"])
def test_the_named_roles_may_enter(client, request, who):
    client.force_login(request.getfixturevalue(who))

    assert client.get(URL).status_code == 200


@pytest.mark.parametrize("who", ["council", "officer_a", "head_a", "admin_user", "no_role_user"])
def test_other_roles_get_a_vietnamese_403(client, request, who):
    client.force_login(request.getfixturevalue(who))

    response = client.get(URL)

    assert response.status_code == 403
    body = response.content.decode()
    assert str(ROLE_FORBIDDEN) in body
    assert '<html lang="vi">' in body


@pytest.mark.parametrize("who", ["organizer", "council", "officer_b", "no_role_user"])
def test_login_required_lets_every_signed_in_user_in(client, request, who):
    client.force_login(request.getfixturevalue(who))

    assert client.get("/thu/dang-nhap-la-du/").status_code == 200


def test_the_decorator_marks_the_view_with_its_roles():
    from tests.core.urls_for_tests import organizer_or_appraiser

    assert view_access(organizer_or_appraiser) == Access("roles", frozenset({"organizer", "appraiser"}))


def test_an_unknown_role_is_a_programming_error():
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured):
        role_required("organiser")
    with pytest.raises(ImproperlyConfigured):
        role_required()
