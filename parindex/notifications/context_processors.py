from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from parindex.notifications.selectors import unread_notification_count


def unread_count(request: HttpRequest) -> dict[str, Any]:
    """`unread_notification_count` for the navbar bell: no query for anonymous visitors, and for a signed-in
    user one COUNT, run only if the page actually shows it (an htmx fragment does not)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"unread_notification_count": 0}
    return {"unread_notification_count": SimpleLazyObject(lambda: unread_notification_count(user))}
