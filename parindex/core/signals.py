from __future__ import annotations

import time
from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest

from parindex.core.middleware import SESSION_LOGIN_AT_KEY


@receiver(user_logged_in, dispatch_uid="parindex.core.remember_login_time")
def remember_login_time(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_LOGIN_AT_KEY] = int(time.time())
