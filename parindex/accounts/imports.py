"""Import of user accounts from an Excel sheet.

Layout (the template from `user_import_template()` has it, with a guide sheet): one header row, found by its
titles wherever it is, then one account per row:

    Tên đăng nhập* | Họ và tên* | Vai trò* | Mã đơn vị | Chức vụ | Điện thoại | Email

- "Vai trò" is a role's code or its Vietnamese name ("unit_officer" or "Cán bộ đầu mối CCHC"), without regard
  to case or diacritics. Unit officers and unit heads need "Mã đơn vị"; the other roles must leave it empty.
- A username already in the system updates that account (name, role, unit, position, phone, email) and never
  its password. A new username creates an account with a generated first password, shown once on the result
  page and never stored in clear; the user is sent to change it at the first sign-in.
- An empty cell clears an optional value; a column left out of the sheet leaves that value as it is.
- Only an administrator may create, change or hand out administrator accounts; nobody changes their own role.

All or nothing, like the unit import: every problem listed by row and column, nothing saved unless the whole
file is right, then one transaction with one audit event per account added or changed (never a password).
"""

from __future__ import annotations

import datetime
import secrets
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import timezone

from parindex.accounts.models import Role, User
from parindex.audit.services import audit_record, model_snapshot
from parindex.engine.rules.base import fold
from parindex.organization.models import Unit
from parindex.organization.sheets import (
    CREATED,
    MSG_REQUIRED,
    UNCHANGED,
    UPDATED,
    Column,
    ImportedRow,
    ImportResult,
    RowErrors,
    SheetError,
    SheetRow,
    sheet_read,
    template_workbook,
)

USER_COLUMNS: tuple[Column, ...] = (
    Column(
        "username",
        "Tên đăng nhập",
        required=True,
        help="Chữ, số và các dấu @ . + - _ (không có khoảng trắng). Tên đã có thì dòng này cập nhật tài khoản đó.",
        example="daumoi.stp",
        width=20,
    ),
    Column("full_name", "Họ và tên", required=True, example="Nguyễn Thị Lan", width=28),
    Column(
        "role",
        "Vai trò",
        required=True,
        help="Mã hoặc tên vai trò (xem danh sách bên dưới).",
        example="unit_officer",
        width=24,
    ),
    Column(
        "unit",
        "Mã đơn vị",
        help="Bắt buộc với cán bộ đầu mối CCHC và thủ trưởng đơn vị; để trống với các vai trò khác.",
        example="STP",
        width=14,
    ),
    Column("position", "Chức vụ", example="Chuyên viên", width=22),
    Column("phone", "Điện thoại", aliases=("Số điện thoại",), example="0912345678", width=16),
    Column("email", "Email", aliases=("Thư điện tử", "E-mail"), example="lan.nt@example.gov.vn", width=28),
)
_FIELD_COLUMNS = {
    "username": "username",
    "full_name": "full_name",
    "role": "role",
    "unit": "unit",
    "unit_id": "unit",
    "position": "position",
    "phone": "phone",
    "email": "email",
}
_OPTIONAL_TEXT = ("position", "phone", "email")

MSG_UNKNOWN_ROLE = "vai trò “{value}” không có trong hệ thống"
MSG_UNKNOWN_UNIT = "không có đơn vị mã “{code}” trong hệ thống"
MSG_UNIT_ENDED = "đơn vị “{code}” đã ngừng hoạt động, không gắn tài khoản vào được"
MSG_DUPLICATE_USERNAME = "tên đăng nhập “{username}” đã có ở dòng {first} của tệp"
MSG_USERNAME_CASE_CLASH = (
    "tên đăng nhập “{username}” trùng với tài khoản “{existing}” đã có (chỉ khác chữ hoa, chữ thường)"
)
MSG_BAD_USERNAME = (
    "“{value}” không dùng làm tên đăng nhập được: chỉ gồm chữ, số và các dấu @ . + - _, không có khoảng trắng"
)
MSG_BAD_EMAIL = "“{value}” không phải là địa chỉ email hợp lệ"
MSG_ADMIN_ONLY = "chỉ quản trị hệ thống mới được tạo hoặc sửa tài khoản quản trị"
MSG_OWN_ROLE = "không được tự đổi vai trò của chính mình"
MSG_CONCURRENT_CHANGE = (
    "Trong lúc nhập, danh sách tài khoản vừa được người khác thay đổi; chưa có gì được lưu. Hãy tải tệp lên lại."
)

# No 0/O, 1/l/I: the first password is read off a screen or a printout and typed by hand.
PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
PASSWORD_LENGTH = 14  # about 81 bits: far beyond any guessing, and the user replaces it at the first sign-in


@dataclass
class _Planned:
    row: SheetRow
    user: User
    before: dict[str, Any] | None  # the account as it was; None for a new one


def initial_password() -> str:
    return "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(PASSWORD_LENGTH))


def _role_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    for role in Role:
        label = str(role.label)
        # "Sở Nội vụ (tổ chức đánh giá)" is also written "Sở Nội vụ".
        for name in (role.value, label, label.split("(")[0]):
            lookup[fold(name)] = role.value
    return lookup


def _is_admin(user: Any) -> bool:
    return bool(getattr(user, "role", "") == Role.ADMIN or getattr(user, "is_superuser", False))


def _unit_ended(unit: Unit, today: datetime.date) -> bool:
    # A unit that starts later (a commune created by the coming reform) may already get its people.
    return (unit.active_to is not None and unit.active_to < today) or (
        unit.merged_on is not None and unit.merged_on <= today
    )


def users_import_xlsx(*, actor: Any, content: bytes) -> ImportResult:
    """Add and update accounts from an .xlsx file (see the module doc); nothing is saved unless every row is right.
    The result carries each new account's first password, for the result page only."""
    try:
        sheet = sheet_read(content, USER_COLUMNS)
    except SheetError as error:
        return ImportResult(errors=error.problems)
    errors = RowErrors(USER_COLUMNS)
    plans = _read_rows(sheet.rows, present=sheet.present, actor=actor, errors=errors)
    if errors:
        return ImportResult(errors=errors.sorted())
    try:
        return ImportResult(rows=_save(actor=actor, plans=plans))
    except IntegrityError:
        return ImportResult(errors=[MSG_CONCURRENT_CHANGE])


def _read_rows(rows: list[SheetRow], *, present: frozenset[str], actor: Any, errors: RowErrors) -> list[_Planned]:
    usernames = {row.text("username").lower() for row in rows}
    found = list(
        User.objects.annotate(username_lower=Lower("username"))
        .filter(username_lower__in=usernames)
        .select_related("unit")
    )
    exact = {user.username: user for user in found}
    by_lower = {user.username.lower(): user for user in found}
    unit_codes = {row.text("unit") for row in rows}
    units = {unit.code: unit for unit in Unit.objects.filter(code__in=unit_codes)}
    roles = _role_lookup()
    today = timezone.localdate()
    actor_is_admin = _is_admin(actor)
    first_row: dict[str, int] = {}
    plans: list[_Planned] = []
    for row in rows:
        number = row.number
        username = row.text("username")
        current = exact.get(username) or by_lower.get(username.lower())
        if not username:
            errors.add(number, "username", MSG_REQUIRED)
        elif username.lower() in first_row:
            errors.add(
                number, "username", MSG_DUPLICATE_USERNAME.format(username=username, first=first_row[username.lower()])
            )
            continue
        else:
            first_row[username.lower()] = number
            if not _valid(User.username_validator, username):
                errors.add(number, "username", MSG_BAD_USERNAME.format(value=username))
            if current is not None and current.username != username:
                errors.add(
                    number, "username", MSG_USERNAME_CASE_CLASH.format(username=username, existing=current.username)
                )
                continue
        full_name = row.text("full_name")
        if not full_name:
            errors.add(number, "full_name", MSG_REQUIRED)
        role_text = row.text("role")
        role = roles.get(fold(role_text))
        if not role_text:
            errors.add(number, "role", MSG_REQUIRED)
        elif role is None:
            errors.add(number, "role", MSG_UNKNOWN_ROLE.format(value=role_text))
        unit: Unit | None = current.unit if current is not None else None
        if "unit" in present:
            code = row.text("unit")
            unit = units.get(code) if code else None
            if code and unit is None:
                errors.add(number, "unit", MSG_UNKNOWN_UNIT.format(code=code))
            elif unit is not None and (current is None or current.unit_id != unit.pk) and _unit_ended(unit, today):
                errors.add(number, "unit", MSG_UNIT_ENDED.format(code=code))
        if current is not None and current.pk == getattr(actor, "pk", None) and role and role != current.role:
            errors.add(number, "role", MSG_OWN_ROLE)
        if not username:
            continue

        user = current or User(username=username)
        before = model_snapshot(user) if user.pk is not None else None
        # Judged on the account as it was: an organizer may list an administrator's row unchanged (a re-import
        # of the whole list), but not create one, promote someone, or change an administrator's account.
        protected = role == Role.ADMIN or (current is not None and _is_admin_account(current))
        user.full_name = full_name
        if role is not None:
            user.role = role
        user.unit = unit
        for key in _OPTIONAL_TEXT:
            if key in present:
                setattr(user, key, row.text(key))
        if user.email and not _valid(validate_email, user.email):
            errors.add(number, "email", MSG_BAD_EMAIL.format(value=user.email))
        if protected and not actor_is_admin and (before is None or model_snapshot(user) != before):
            errors.add(number, "role", MSG_ADMIN_ONLY)
        reported = errors.columns_of(number)
        if "role" in reported:
            reported.add("unit")  # which units a role needs cannot be judged without the role
        excluded = {"password", "unit"} | {name for name, key in _FIELD_COLUMNS.items() if key in reported}
        try:
            user.full_clean(exclude=excluded)
        except ValidationError as error:
            errors.add_validation_error(number, error, _FIELD_COLUMNS, skip=reported)
        plans.append(_Planned(row=row, user=user, before=before))
    return plans


def _valid(validator: Any, value: str) -> bool:
    # The sheet's own wording instead of Django's ("Nhập địa chỉ email." says nothing about what is wrong).
    try:
        validator(value)
    except ValidationError:
        return False
    return True


def _is_admin_account(user: User) -> bool:
    return user.role == Role.ADMIN or user.is_staff or user.is_superuser


def _changed_columns(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    keys = {_FIELD_COLUMNS[name] for name in after if name in _FIELD_COLUMNS and before.get(name) != after[name]}
    return [column.title for column in USER_COLUMNS if column.key in keys]


def _role_text(user: User) -> str:
    return user.get_role_display() + (f", {user.unit.name}" if user.unit is not None else "")


def _save(*, actor: Any, plans: list[_Planned]) -> list[ImportedRow]:
    done: list[ImportedRow] = []
    with transaction.atomic():
        for plan in plans:
            user, number = plan.user, plan.row.number
            if plan.before is None:
                password = initial_password()
                user.set_password(password)
                user.must_change_password = True
                user.save()
                audit_record(
                    actor=actor,
                    action="user.imported_created",
                    target=user,
                    summary=f"Tạo tài khoản “{user.username}” ({_role_text(user)}) từ tệp Excel.",
                    after=model_snapshot(user),
                )
                done.append(
                    ImportedRow(
                        row=number, key=user.username, name=user.full_name, status=CREATED, initial_password=password
                    )
                )
                continue
            after = model_snapshot(user)
            changed = _changed_columns(plan.before, after)
            if not changed:
                done.append(ImportedRow(row=number, key=user.username, name=user.full_name, status=UNCHANGED))
                continue
            user.save()
            audit_record(
                actor=actor,
                action="user.imported_updated",
                target=user,
                summary=f"Cập nhật tài khoản “{user.username}” từ tệp Excel: {', '.join(changed)}.",
                before=plan.before,
                after=after,
            )
            done.append(
                ImportedRow(row=number, key=user.username, name=user.full_name, status=UPDATED, changed=changed)
            )
    return done


def user_import_template() -> bytes:
    """The .xlsx to fill in: the empty "Người dùng" sheet and a guide with the roles and the active units."""
    from parindex.organization.selectors import units_active_on

    today = timezone.localdate()
    units = units_active_on(today).order_by("group__ordering", "code")
    return template_workbook(
        sheet_title="Người dùng",
        columns=USER_COLUMNS,
        guide_title="Hướng dẫn",
        guide_lines=(
            "HƯỚNG DẪN NHẬP DANH SÁCH NGƯỜI DÙNG",
            "Mỗi dòng của trang “Người dùng” là một tài khoản; các cột tô màu cam là bắt buộc.",
            "Tên đăng nhập đã có thì dòng đó cập nhật tài khoản (không đổi mật khẩu); tên mới thì tạo tài khoản.",
            "Tài khoản mới được cấp mật khẩu ban đầu, hiện một lần duy nhất trên trang kết quả; "
            "người dùng phải đổi mật khẩu ở lần đăng nhập đầu tiên.",
            "Ô để trống xóa giá trị cũ; bỏ hẳn một cột không bắt buộc thì giá trị cũ của cột đó được giữ nguyên.",
            "Tệp chỉ được lưu khi mọi dòng đều đúng; nếu có lỗi, hệ thống liệt kê từng lỗi kèm số dòng và tên cột.",
        ),
        lists=(
            ("Các vai trò (mã — tên)", [(role.value, str(role.label)) for role in Role]),
            ("Các đơn vị đang hoạt động (mã — tên)", [(unit.code, unit.name) for unit in units]),
        ),
    )
