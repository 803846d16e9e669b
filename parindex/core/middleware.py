"""The absolute session lifetime: a session ends SESSION_ABSOLUTE_LIFETIME seconds after login, however
active the user has been. (The 30-minute idle timeout is the cookie age renewed on every request.)

A stolen session cookie is therefore worth at most one working day, and a shared office computer left signed
in does not stay signed in for ever by being used.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.utils.translation import gettext_lazy as _

SESSION_LOGIN_AT_KEY = "parindex_login_at"
# Added to the login URL after an expiry so the login page can say why the user is there.
SESSION_EXPIRED_PARAM = "het_han"
SESSION_EXPIRED_MESSAGE = _("Phiên làm việc đã hết thời hạn tối đa. Vui lòng đăng nhập lại để tiếp tục.")


def session_lifetime_expired(request: HttpRequest) -> bool:
    login_at = request.session.get(SESSION_LOGIN_AT_KEY)
    if not isinstance(login_at, int | float):
        # A signed-in session without a login time was not made by our login: do not trust it.
        return True
    return time.time() - login_at >= settings.SESSION_ABSOLUTE_LIFETIME


class SessionLifetimeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and session_lifetime_expired(request):
            logout(request)
            return self._to_login(request)
        return self.get_response(request)

    def _to_login(self, request: HttpRequest) -> HttpResponse:
        query = urlencode({"next": request.get_full_path(), SESSION_EXPIRED_PARAM: "1"})
        url = f"{resolve_url(settings.LOGIN_URL)}?{query}"
        if request.headers.get("HX-Request") == "true":
            # An htmx request would swap the login page into a fragment; make the whole page go there.
            response = HttpResponse(status=200)
            response["HX-Redirect"] = url
            return response
        return HttpResponseRedirect(url)
