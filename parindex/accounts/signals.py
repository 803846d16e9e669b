"""Sign-ins, sign-outs and failed attempts go into the audit log: who could see what, and when, is part of
what the council is asked to trust."""

from __future__ import annotations

from typing import Any

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from parindex.audit.services import audit_record


def _client_address(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return getattr(request, "axes_ip_address", None) or request.META.get("REMOTE_ADDR")


@receiver(user_logged_in, dispatch_uid="parindex.accounts.audit_logged_in")
def audit_logged_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    audit_record(
        actor=user,
        action="auth.logged_in",
        target=user,
        summary=f"“{user.username}” đăng nhập.",
        after={"ip": _client_address(request)},
    )


@receiver(user_logged_out, dispatch_uid="parindex.accounts.audit_logged_out")
def audit_logged_out(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if user is None:  # logging out a session that had no user: nothing happened
        return
    audit_record(
        actor=user,
        action="auth.logged_out",
        target=user,
        summary=f"“{user.username}” đăng xuất.",
        after={"ip": _client_address(request)},
    )


@receiver(user_login_failed, dispatch_uid="parindex.accounts.audit_login_failed")
def audit_login_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    username = str(credentials.get("username", ""))[:150]
    audit_record(
        actor=None,
        action="auth.login_failed",
        summary=f"Đăng nhập không thành công với tên đăng nhập “{username}”.",
        after={"username": username, "ip": _client_address(request)},
    )


@receiver(user_locked_out, dispatch_uid="parindex.accounts.audit_locked_out")
def audit_locked_out(
    sender: Any, request: HttpRequest, username: str | None = None, ip_address: str | None = None, **kwargs: Any
) -> None:
    username = (username or "")[:150]
    audit_record(
        actor=None,
        action="auth.locked_out",
        summary=f"Tạm khóa đăng nhập tên “{username}” từ địa chỉ {ip_address} do nhập sai nhiều lần.",
        after={"username": username, "ip": ip_address},
    )
