"""Every kind of bad row, with the exact Vietnamese message the organizer reads. Rows start at line 2 (line 1
is the header)."""

import datetime

import pytest

from parindex.audit.models import AuditEvent
from parindex.organization.imports import (
    MSG_DUPLICATE_CODE,
    MSG_MERGE_CYCLE,
    MSG_MERGE_TARGET_INACTIVE,
    MSG_UNKNOWN_GROUP,
    MSG_UNKNOWN_MERGE_TARGET,
)
from parindex.organization.models import (
    UNIT_ACTIVE_TO_BEFORE_FROM,
    UNIT_MERGED_BEFORE_ACTIVE,
    UNIT_MERGED_INTO_ITSELF,
    UNIT_MERGED_INTO_WITHOUT_DATE,
    UNIT_MERGED_ON_WITHOUT_TARGET,
    Unit,
)
from parindex.organization.sheets import MSG_BAD_DATE, MSG_REQUIRED, ROW_ERROR, as_clause
from tests.factories import UnitFactory
from tests.organization.conftest import IMPORT_URL
from tests.organization.xlsx_files import upload, xlsx

D = datetime.date
GOOD = ["OK", "Sở Tốt", None, "so", "01/01/2020"]


def error(row, column, message):
    return ROW_ERROR.format(row=row, column=column, message=message)


CASES = {
    "missing code": (
        [["", "Sở A", None, "so", "01/01/2020"]],
        [error(2, "Mã đơn vị", MSG_REQUIRED)],
    ),
    "missing name": (
        [["A", "", None, "so", "01/01/2020"]],
        [error(2, "Tên đơn vị", MSG_REQUIRED)],
    ),
    "missing group": (
        [["A", "Sở A", None, "", "01/01/2020"]],
        [error(2, "Nhóm", MSG_REQUIRED)],
    ),
    "unknown group": (
        [["A", "Sở A", None, "abc", "01/01/2020"]],
        [error(2, "Nhóm", MSG_UNKNOWN_GROUP.format(value="abc"))],
    ),
    "missing start date": (
        [["A", "Sở A", None, "so", None]],
        [error(2, "Hoạt động từ ngày", MSG_REQUIRED)],
    ),
    "a day that does not exist": (
        [["A", "Sở A", None, "so", "31/02/2025"]],
        [error(2, "Hoạt động từ ngày", MSG_BAD_DATE.format(value="31/02/2025"))],
    ),
    "a number that is no date": (
        [["A", "Sở A", None, "so", "01/01/2020", 2025]],
        [error(2, "Hoạt động đến ngày", MSG_BAD_DATE.format(value="2025"))],
    ),
    "a month-first date": (
        [["A", "Sở A", None, "so", "12/25/2025"]],
        [error(2, "Hoạt động từ ngày", MSG_BAD_DATE.format(value="12/25/2025"))],
    ),
    "end before start": (
        [["A", "Sở A", None, "so", "01/07/2025", "30/06/2025"]],
        [error(2, "Hoạt động đến ngày", as_clause(UNIT_ACTIVE_TO_BEFORE_FROM))],
    ),
    "merged into an unknown code": (
        [["A", "Sở A", None, "so", "01/01/2020", None, "ZZZ", "01/07/2025"]],
        [error(2, "Sáp nhập vào (mã đơn vị)", MSG_UNKNOWN_MERGE_TARGET.format(code="ZZZ"))],
    ),
    "merged into itself": (
        [["A", "Sở A", None, "so", "01/01/2020", None, "A", "01/07/2025"]],
        [error(2, "Sáp nhập vào (mã đơn vị)", as_clause(UNIT_MERGED_INTO_ITSELF))],
    ),
    "merged without a date": (
        [GOOD, ["A", "Sở A", None, "so", "01/01/2020", None, "OK", None]],
        [error(3, "Ngày sáp nhập", as_clause(UNIT_MERGED_INTO_WITHOUT_DATE))],
    ),
    "a merger date without the unit merged into": (
        [["A", "Sở A", None, "so", "01/01/2020", None, None, "01/07/2025"]],
        [error(2, "Sáp nhập vào (mã đơn vị)", as_clause(UNIT_MERGED_ON_WITHOUT_TARGET))],
    ),
    "merged before it existed": (
        [GOOD, ["A", "Sở A", None, "so", "01/07/2025", None, "OK", "01/01/2025"]],
        [error(3, "Ngày sáp nhập", as_clause(UNIT_MERGED_BEFORE_ACTIVE))],
    ),
    "merged into a unit not yet active": (
        [["A", "Sở A", None, "so", "01/01/2020", None, "B", "01/03/2025"], ["B", "Sở B", None, "so", "01/07/2025"]],
        [error(2, "Sáp nhập vào (mã đơn vị)", MSG_MERGE_TARGET_INACTIVE.format(code="B", date="01/03/2025"))],
    ),
    "a circle of mergers": (
        [
            ["A", "Sở A", None, "so", "01/01/2020", None, "B", "01/07/2025"],
            ["B", "Sở B", None, "so", "01/01/2020", None, "A", "01/07/2025"],
        ],
        [
            error(2, "Sáp nhập vào (mã đơn vị)", MSG_MERGE_CYCLE.format(chain="A → B → A")),
            error(3, "Sáp nhập vào (mã đơn vị)", MSG_MERGE_CYCLE.format(chain="B → A → B")),
        ],
    ),
    "the same code twice": (
        [["A", "Sở A", None, "so", "01/01/2020"], GOOD, ["A", "Sở A mới", None, "so", "01/01/2020"]],
        [error(4, "Mã đơn vị", MSG_DUPLICATE_CODE.format(code="A", first=2))],
    ),
}


@pytest.mark.parametrize(("rows", "expected"), CASES.values(), ids=CASES.keys())
def test_a_bad_row_is_named_by_row_and_column_and_nothing_is_saved(client, organizer, groups, rows, expected):
    client.force_login(organizer)
    events_before = AuditEvent.objects.count()

    response = upload(client, IMPORT_URL, xlsx(rows))

    assert response.status_code == 200
    assert response.context["errors"] == expected
    page = response.content.decode()
    for message in expected:
        assert message in page
    assert Unit.objects.count() == 0
    assert AuditEvent.objects.count() == events_before


def test_the_message_reads_as_the_organizer_expects(client, organizer, groups):
    client.force_login(organizer)
    rows = [[f"S{n}", f"Sở số {n}", None, "so", "01/01/2020"] for n in range(5)]
    rows.append(["S9", "Sở số 9", None, "abc", "01/01/2020"])

    response = upload(client, IMPORT_URL, xlsx(rows))

    assert response.context["errors"] == ["Dòng 7, cột “Nhóm”: nhóm “abc” không có trong hệ thống"]
    assert "Chưa lưu gì: tệp có 1 lỗi cần sửa." in response.content.decode()


def test_every_error_of_the_file_is_listed_by_row_then_column(client, organizer, groups):
    client.force_login(organizer)
    rows = [
        ["A", "", None, "abc", "31/02/2025"],
        GOOD,
        ["", "Sở C", None, "so", "01/01/2020", None, "ZZZ", "01/07/2025"],
    ]

    response = upload(client, IMPORT_URL, xlsx(rows))

    assert response.context["errors"] == [
        "Dòng 2, cột “Tên đơn vị”: không được để trống",
        "Dòng 2, cột “Nhóm”: nhóm “abc” không có trong hệ thống",
        "Dòng 2, cột “Hoạt động từ ngày”: “31/02/2025” không phải là ngày hợp lệ (ghi theo dạng dd/mm/yyyy)",
        "Dòng 4, cột “Mã đơn vị”: không được để trống",
    ]
    assert "Chưa lưu gì: tệp có 4 lỗi cần sửa." in response.content.decode()


def test_one_bad_row_among_good_ones_saves_nothing_not_even_the_updates(client, organizer, groups):
    UnitFactory.create(code="STP", name="Sở Tư Pháp", group=groups["so"])
    client.force_login(organizer)
    rows = [
        ["STP", "Sở Tư pháp", None, "so", "01/01/2020"],
        ["SYT", "Sở Y tế", None, "so", "01/01/2020"],
        ["SXD", "Sở Xây dựng", None, "so", "31/02/2025"],
    ]
    events_before = AuditEvent.objects.count()

    response = upload(client, IMPORT_URL, xlsx(rows))

    assert len(response.context["errors"]) == 1
    assert list(Unit.objects.values_list("code", "name")) == [("STP", "Sở Tư Pháp")]
    assert AuditEvent.objects.count() == events_before


def test_a_code_longer_than_the_field_is_reported_in_the_models_words(client, organizer, groups):
    client.force_login(organizer)

    response = upload(client, IMPORT_URL, xlsx([["X" * 31, "Sở A", None, "so", "01/01/2020"]]))

    (message,) = response.context["errors"]
    assert message.startswith("Dòng 2, cột “Mã đơn vị”: ")
    assert "30" in message
    assert Unit.objects.count() == 0
