"""Lockout is per username *and* address (AXES_LOCKOUT_PARAMETERS): one person mistyping never locks out a
whole office behind one NAT address, and an attacker elsewhere cannot lock a user out of their own desk."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.conf import settings

from parindex.audit.models import AuditEvent
from tests.factories import TEST_PASSWORD, UserFactory

OFFICE = "10.1.1.1"
ELSEWHERE = "10.2.2.2"


def _login(client, username, password, address):
    return client.post("/dang-nhap/", {"username": username, "password": password}, REMOTE_ADDR=address)


def _fail_until_locked(client, username, address):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = _login(client, username, "sai-mat-khau", address)
    return response


@pytest.fixture
def colleague(db):
    return UserFactory.create(username="dongnghiep", role="appraiser")


def test_five_failures_lock_that_username_from_that_address(client, organizer):
    assert settings.AXES_FAILURE_LIMIT == 5

    last = _fail_until_locked(client, "tochuc", OFFICE)
    after = _login(client, "tochuc", TEST_PASSWORD, OFFICE)

    assert last.status_code == 429
    assert after.status_code == 429
    assert "Tạm khóa đăng nhập" in after.content.decode()
    assert "15 phút" in after.content.decode()
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(action="auth.locked_out").exists()


def test_four_failures_do_not_lock(client, organizer):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, "tochuc", "sai-mat-khau", OFFICE)

    assert _login(client, "tochuc", TEST_PASSWORD, OFFICE).status_code == 302


def test_another_username_from_the_same_address_can_still_sign_in(client, organizer, colleague):
    _fail_until_locked(client, "tochuc", OFFICE)

    assert _login(client, "dongnghiep", TEST_PASSWORD, OFFICE).status_code == 302


def test_the_same_username_from_another_address_can_still_sign_in(client, organizer):
    _fail_until_locked(client, "tochuc", OFFICE)

    assert _login(client, "tochuc", TEST_PASSWORD, ELSEWHERE).status_code == 302
    client.logout()
    # ...and that success elsewhere did not lift the lock at the office.
    assert _login(client, "tochuc", TEST_PASSWORD, OFFICE).status_code == 429


def test_the_lock_lifts_after_the_cool_off(client, organizer):
    _fail_until_locked(client, "tochuc", OFFICE)
    assert _login(client, "tochuc", TEST_PASSWORD, OFFICE).status_code == 429

    # Move the failures back in time past the cool-off rather than sleeping for 15 minutes.
    past = settings.AXES_COOLOFF_TIME + datetime.timedelta(seconds=1)
    for attempt in AccessAttempt.objects.all():
        attempt.attempt_time -= past
        attempt.save()

    assert _login(client, "tochuc", TEST_PASSWORD, OFFICE).status_code == 302
