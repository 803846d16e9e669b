"""Reads: a person's own notifications, and the recipient lists other apps pass to notify()."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet

from parindex.accounts.models import Role, User
from parindex.notifications.models import Notification
from parindex.organization.models import Unit


def notifications_of(user: Any) -> QuerySet[Notification]:
    """Everything a person may see here is their own: nobody, whatever the role, reads another's."""
    if not getattr(user, "is_authenticated", False):
        return Notification.objects.none()
    return Notification.objects.filter(recipient=user)


def unread_notification_count(user: Any) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def _active_users() -> QuerySet[User]:
    # A deactivated account (someone who left) is neither shown a notification nor e-mailed.
    return User.objects.filter(is_active=True).order_by("id")


def users_of_unit(unit: Unit | int, roles: Iterable[str] = (Role.UNIT_OFFICER, Role.UNIT_HEAD)) -> QuerySet[User]:
    """The people acting for one assessed unit: by default its CCHC officers and its head."""
    return _active_users().filter(unit=unit, role__in=list(roles))


def organizers() -> QuerySet[User]:
    return _active_users().filter(role=Role.ORGANIZER)


def council_members() -> QuerySet[User]:
    return _active_users().filter(role=Role.COUNCIL)
