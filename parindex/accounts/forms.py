from __future__ import annotations

from typing import Any

from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.utils.translation import gettext_lazy as _

from parindex.core.forms import BootstrapFormMixin

LOGIN_INVALID = _("Tên đăng nhập hoặc mật khẩu không đúng. Lưu ý: mật khẩu phân biệt chữ hoa và chữ thường.")
LOGIN_INACTIVE = _("Tài khoản này đã bị khóa. Vui lòng liên hệ quản trị hệ thống.")


class LoginForm(BootstrapFormMixin, AuthenticationForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.error_messages = {"invalid_login": LOGIN_INVALID, "inactive": LOGIN_INACTIVE}
        self.fields["username"].label = _("Tên đăng nhập")
        self.fields["password"].label = _("Mật khẩu")


class StyledPasswordChangeForm(BootstrapFormMixin, PasswordChangeForm):
    pass
