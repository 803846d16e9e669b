import time

from django.conf import settings

from parindex.core.middleware import SESSION_EXPIRED_MESSAGE, SESSION_LOGIN_AT_KEY
from tests.factories import TEST_PASSWORD


def _sign_in(client):
    client.post("/dang-nhap/", {"username": "tochuc", "password": TEST_PASSWORD})


def _set_login_time(client, seconds_ago):
    session = client.session
    session[SESSION_LOGIN_AT_KEY] = int(time.time() - seconds_ago)
    session.save()


def test_login_records_the_login_time(client, organizer):
    before = int(time.time())
    _sign_in(client)

    assert before <= client.session[SESSION_LOGIN_AT_KEY] <= int(time.time())


def test_an_active_session_lasts_until_its_lifetime(client, organizer):
    _sign_in(client)
    _set_login_time(client, settings.SESSION_ABSOLUTE_LIFETIME - 60)

    assert client.get("/").status_code == 200


def test_the_session_ends_at_its_lifetime_however_active(client, organizer):
    _sign_in(client)
    assert client.get("/").status_code == 200  # active right up to the end
    _set_login_time(client, settings.SESSION_ABSOLUTE_LIFETIME)

    response = client.get("/doi-mat-khau/")

    assert response.status_code == 302
    assert response["Location"].startswith("/dang-nhap/?next=%2Fdoi-mat-khau%2F&het_han=1")
    assert "_auth_user_id" not in client.session
    login_page = client.get(response["Location"])
    assert str(SESSION_EXPIRED_MESSAGE) in login_page.content.decode()


def test_an_expired_htmx_request_redirects_the_whole_page(client, organizer):
    _sign_in(client)
    _set_login_time(client, settings.SESSION_ABSOLUTE_LIFETIME + 1)

    response = client.get("/", headers={"HX-Request": "true"})

    assert response["HX-Redirect"].startswith("/dang-nhap/")


def test_a_session_without_login_time_is_not_trusted(client, organizer):
    _sign_in(client)
    session = client.session
    del session[SESSION_LOGIN_AT_KEY]
    session.save()

    assert client.get("/").status_code == 302


def test_the_lifetime_is_ten_hours_by_default():
    assert settings.SESSION_ABSOLUTE_LIFETIME == 10 * 60 * 60
