"""Notifications tests: the shared cast (tests/conftest.py), with e-mail addresses where a test needs them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from parindex.accounts.models import User
from parindex.notifications.models import Kind, Notification


@pytest.fixture
def officer_a_with_email(officer_a: User) -> User:
    officer_a.email = "daumoi.a@sotuphap.example.gov.vn"
    officer_a.save(update_fields=["email"])
    return officer_a


@pytest.fixture
def head_a_with_email(head_a: User) -> User:
    head_a.email = "thutruong.a@sotuphap.example.gov.vn"
    head_a.save(update_fields=["email"])
    return head_a


@pytest.fixture
def make_notification() -> Callable[..., Notification]:
    """A row written directly, bypassing notify(): for list pages and for rows notify() would refuse."""

    def make(recipient: User, **fields: Any) -> Notification:
        fields.setdefault("kind", Kind.INFO)
        fields.setdefault("title", "Thông báo thử")
        return Notification.objects.create(recipient=recipient, **fields)

    return make
