"""Every kind of bad row in a user list, with the exact message; one bad row saves nothing."""

import datetime

import pytest

from parindex.accounts.imports import (
    MSG_BAD_EMAIL,
    MSG_BAD_USERNAME,
    MSG_DUPLICATE_USERNAME,
    MSG_UNIT_ENDED,
    MSG_UNKNOWN_ROLE,
    MSG_UNKNOWN_UNIT,
    MSG_USERNAME_CASE_CLASH,
)
from parindex.accounts.models import USER_UNIT_NOT_ALLOWED, USER_UNIT_REQUIRED, User
from parindex.audit.models import AuditEvent
from parindex.organization.sheets import MSG_REQUIRED, ROW_ERROR, as_clause
from tests.accounts.conftest import USER_IMPORT_URL
from tests.factories import UnitFactory, UserFactory
from tests.organization.xlsx_files import USER_HEADER, upload, xlsx


def error(row, column, message):
    return ROW_ERROR.format(row=row, column=column, message=message)


CASES = {
    "missing username": (
        [["", "Nguyễn Lan", "appraiser"]],
        [error(2, "Tên đăng nhập", MSG_REQUIRED)],
    ),
    "missing full name": (
        [["lan", "", "appraiser"]],
        [error(2, "Họ và tên", MSG_REQUIRED)],
    ),
    "missing role": (
        [["lan", "Nguyễn Lan", ""]],
        [error(2, "Vai trò", MSG_REQUIRED)],
    ),
    "unknown role": (
        [["lan", "Nguyễn Lan", "Giám đốc", "SA"]],
        [error(2, "Vai trò", MSG_UNKNOWN_ROLE.format(value="Giám đốc"))],
    ),
    "unit role without unit": (
        [["lan", "Nguyễn Lan", "unit_officer", ""]],
        [error(2, "Mã đơn vị", as_clause(USER_UNIT_REQUIRED))],
    ),
    "other role with a unit": (
        [["lan", "Nguyễn Lan", "council", "SA"]],
        [error(2, "Mã đơn vị", as_clause(USER_UNIT_NOT_ALLOWED))],
    ),
    "unknown unit": (
        [["lan", "Nguyễn Lan", "unit_officer", "ZZZ"]],
        [error(2, "Mã đơn vị", MSG_UNKNOWN_UNIT.format(code="ZZZ"))],
    ),
    "a unit that has ended": (
        [["lan", "Nguyễn Lan", "unit_officer", "OLD"]],
        [error(2, "Mã đơn vị", MSG_UNIT_ENDED.format(code="OLD"))],
    ),
    "the same username twice": (
        [["lan", "Nguyễn Lan", "appraiser"], ["LAN", "Nguyễn Lan", "council"]],
        [error(3, "Tên đăng nhập", MSG_DUPLICATE_USERNAME.format(username="LAN", first=2))],
    ),
    "a username differing only in case from an account": (
        [["DAUMOI_A", "Đỗ Thị Đầu Mối", "unit_officer", "SA"]],
        [error(2, "Tên đăng nhập", MSG_USERNAME_CASE_CLASH.format(username="DAUMOI_A", existing="daumoi_a"))],
    ),
    "a bad e-mail address": (
        [["lan", "Nguyễn Lan", "appraiser", "", "", "", "lan@"]],
        [error(2, "Email", MSG_BAD_EMAIL.format(value="lan@"))],
    ),
    "a username with spaces": (
        [["nguyen lan", "Nguyễn Lan", "appraiser"]],
        [error(2, "Tên đăng nhập", MSG_BAD_USERNAME.format(value="nguyen lan"))],
    ),
}


@pytest.fixture
def cast(officer_a, unit_a):
    UnitFactory.create(code="OLD", active_from=datetime.date(2020, 1, 1), active_to=datetime.date(2025, 6, 30))


@pytest.mark.parametrize(("rows", "expected"), CASES.values(), ids=CASES.keys())
def test_a_bad_row_is_named_by_row_and_column_and_nothing_is_saved(client, organizer, cast, rows, expected):
    client.force_login(organizer)
    users_before, events_before = User.objects.count(), AuditEvent.objects.count()

    response = upload(client, USER_IMPORT_URL, xlsx(rows, header=USER_HEADER))

    assert response.status_code == 200
    assert response.context["errors"] == expected
    assert User.objects.count() == users_before
    assert AuditEvent.objects.count() == events_before


def test_one_bad_row_among_good_ones_saves_nothing(client, organizer, officer_a):
    client.force_login(organizer)
    rows = [
        ["daumoi_a", "Tên Mới", "unit_officer", "SA"],
        ["moi1", "Người Mới", "appraiser", ""],
        ["moi2", "Người Mới Hai", "cán bộ", ""],
    ]
    events_before = AuditEvent.objects.count()

    response = upload(client, USER_IMPORT_URL, xlsx(rows, header=USER_HEADER))

    assert response.context["errors"] == ["Dòng 4, cột “Vai trò”: vai trò “cán bộ” không có trong hệ thống"]
    assert "Chưa lưu gì: tệp có 1 lỗi cần sửa." in response.content.decode()
    assert not User.objects.filter(username__startswith="moi").exists()
    officer_a.refresh_from_db()
    assert officer_a.full_name == "Đỗ Thị Đầu Mối"
    assert AuditEvent.objects.count() == events_before


def test_an_account_may_stay_in_a_unit_that_has_since_ended(client, organizer, db):
    old = UnitFactory.create(code="OLD", active_from=datetime.date(2020, 1, 1), active_to=datetime.date(2025, 6, 30))
    UserFactory.create(username="cu", full_name="Cũ", role="unit_officer", unit=old)
    client.force_login(organizer)

    response = upload(client, USER_IMPORT_URL, xlsx([["cu", "Cũ", "unit_officer", "OLD"]], header=USER_HEADER))

    assert [row.status for row in response.context["result"].rows] == ["unchanged"]
