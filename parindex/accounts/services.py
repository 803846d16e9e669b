from __future__ import annotations

from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from parindex.accounts.models import User
from parindex.audit.services import audit_record, model_snapshot
from parindex.organization.models import Unit


def user_create(
    *,
    actor: Any,
    username: str,
    password: str,
    role: str,
    unit: Unit | None = None,
    full_name: str = "",
    position: str = "",
    phone: str = "",
    email: str = "",
    is_staff: bool = False,
    is_superuser: bool = False,
) -> User:
    user = User(
        username=username,
        role=role,
        unit=unit,
        full_name=full_name,
        position=position,
        phone=phone,
        email=email,
        is_staff=is_staff,
        is_superuser=is_superuser,
    )
    validate_password(password, user)
    user.set_password(password)
    user.full_clean()
    with transaction.atomic():
        user.save()
        audit_record(
            actor=actor,
            action="user.created",
            target=user,
            summary=f"Tạo tài khoản “{user.username}” ({user.get_role_display() or 'chưa phân vai trò'}).",
            after=model_snapshot(user),
        )
    return user
