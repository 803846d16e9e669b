import datetime

from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone

from tests.factories import TEST_PASSWORD


def test_the_idle_timeout_is_thirty_minutes_renewed_by_every_request():
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True


def test_each_request_pushes_the_expiry_back(client, organizer):
    client.post("/dang-nhap/", {"username": "tochuc", "password": TEST_PASSWORD})
    session = Session.objects.get()
    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() + datetime.timedelta(minutes=1))

    client.get("/")

    renewed = Session.objects.get(pk=session.pk).expire_date
    assert renewed > timezone.now() + datetime.timedelta(minutes=29)


def test_a_session_idle_past_the_timeout_is_signed_out(client, organizer):
    client.post("/dang-nhap/", {"username": "tochuc", "password": TEST_PASSWORD})
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))

    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"].startswith("/dang-nhap/")
