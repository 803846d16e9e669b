"""Accounts created with a generated first password (Excel import) must choose their own before doing
anything else: until they do, every page sends them to the password change. The login already sends them
there; this closes the gap of simply clicking away."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

MUST_CHANGE_PASSWORD = _("Vui lòng đặt mật khẩu của riêng bạn trước khi tiếp tục.")
# The pages a user who must change their password can still reach.
ALLOWED_URL_NAMES = ("password_change", "logout", "login")


class MustChangePasswordMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and getattr(user, "must_change_password", False):
            allowed = {reverse(name) for name in ALLOWED_URL_NAMES}
            if request.path not in allowed and not request.path.startswith(settings.STATIC_URL):
                messages.warning(request, MUST_CHANGE_PASSWORD)
                return HttpResponseRedirect(reverse("password_change"))
        return self.get_response(request)
