"""Sign-in, sign-out and password change: Django's own views with Vietnamese templates, marked with who may
use them so the URL walk can check every view states its access."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from parindex.accounts.forms import LoginForm, StyledPasswordChangeForm
from parindex.audit.services import audit_record
from parindex.core.middleware import SESSION_EXPIRED_MESSAGE, SESSION_EXPIRED_PARAM
from parindex.core.permissions import login_required, public

PASSWORD_CHANGED = _("Đã đổi mật khẩu.")
MUST_CHANGE_PASSWORD = _(
    "Bạn đang dùng mật khẩu ban đầu do hệ thống cấp. Hãy đặt mật khẩu mới của riêng bạn trước khi làm việc."
)


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "registration/password_change_form.html"
    form_class = StyledPasswordChangeForm
    success_url = reverse_lazy("home")  # back to work, with a message, rather than a page that says only "done"

    def form_valid(self, form: Any) -> HttpResponse:
        with transaction.atomic():
            form.user.must_change_password = False  # saved with the new password by the form
            response = super().form_valid(form)
            audit_record(
                actor=self.request.user,
                action="auth.password_changed",
                target=form.user,
                summary=f"“{form.user.username}” đổi mật khẩu.",
            )
        messages.success(self.request, PASSWORD_CHANGED)
        return response


class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        # An account created with a generated password (Excel import) goes first to choose its own.
        if getattr(form.get_user(), "must_change_password", False):
            messages.info(self.request, MUST_CHANGE_PASSWORD)
            return redirect("password_change")
        return response

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # SessionLifetimeMiddleware sends users here with this flag when their session reached its lifetime.
        context["session_expired"] = SESSION_EXPIRED_PARAM in self.request.GET
        context["session_expired_message"] = SESSION_EXPIRED_MESSAGE
        return context


login = public(LoginView.as_view())
# Anyone signed in may sign out; an anonymous visitor is sent to the sign-in page.
logout = login_required(auth_views.LogoutView.as_view())
password_change = login_required(PasswordChangeView.as_view())
