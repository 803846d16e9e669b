import datetime

from parindex.organization.models import Unit
from tests.factories import UnitFactory
from tests.organization.conftest import IMPORT_URL
from tests.organization.xlsx_files import upload, xlsx

D = datetime.date


def _rows(response):
    return [(row.row, row.key, row.status) for row in response.context["result"].rows]


def test_new_codes_are_added_and_shown_as_them_moi(client, organizer, groups):
    client.force_login(organizer)
    content = xlsx(
        [
            ["STP", "Sở Tư pháp", "STP", "so", "01/01/2020", None, None, None],
            ["XBL", "Xã Bình Lục", None, "UBND cấp xã, phường, đặc khu", "01/07/2025", None, None, None],
        ]
    )

    response = upload(client, IMPORT_URL, content)

    assert response.status_code == 200
    assert _rows(response) == [(2, "STP", "created"), (3, "XBL", "created")]
    page = response.content.decode()
    assert "Đã nhập xong: 2 thêm mới, 0 cập nhật, 0 không thay đổi." in page
    assert page.count("Thêm mới") == 2
    department, commune = Unit.objects.get(code="STP"), Unit.objects.get(code="XBL")
    assert (department.name, department.short_name, department.group, department.active_from) == (
        "Sở Tư pháp",
        "STP",
        groups["so"],
        D(2020, 1, 1),
    )
    assert (commune.group, commune.active_from, commune.active_to) == (groups["xa"], D(2025, 7, 1), None)


def test_an_existing_code_updates_that_unit_and_names_the_changed_columns(client, organizer, groups):
    UnitFactory.create(code="STP", name="Sở Tư Pháp", short_name="", group=groups["so"], active_from=D(2020, 1, 1))
    client.force_login(organizer)

    response = upload(client, IMPORT_URL, xlsx([["STP", "Sở Tư pháp", "STP", "so", "01/01/2020", "31/12/2030"]]))

    assert _rows(response) == [(2, "STP", "updated")]
    (row,) = response.context["result"].rows
    assert row.changed == ["Tên đơn vị", "Tên viết tắt", "Hoạt động đến ngày"]
    assert "Cập nhật" in response.content.decode()
    unit = Unit.objects.get(code="STP")
    assert (unit.name, unit.short_name, unit.active_to) == ("Sở Tư pháp", "STP", D(2030, 12, 31))
    assert Unit.objects.count() == 1


def test_a_row_equal_to_the_unit_is_reported_unchanged(client, organizer, groups):
    UnitFactory.create(code="STP", name="Sở Tư pháp", group=groups["so"], active_from=D(2020, 1, 1))
    client.force_login(organizer)

    response = upload(client, IMPORT_URL, xlsx([["STP", "Sở Tư pháp", None, "so", "01/01/2020"]]))

    assert _rows(response) == [(2, "STP", "unchanged")]
    assert "Đã nhập xong: 0 thêm mới, 0 cập nhật, 1 không thay đổi." in response.content.decode()


def test_an_empty_cell_clears_a_value_but_a_missing_column_keeps_it(client, organizer, groups):
    UnitFactory.create(code="A", name="Sở A", short_name="SA", group=groups["so"], active_to=D(2030, 1, 1))
    UnitFactory.create(code="B", name="Sở B", short_name="SB", group=groups["so"], active_to=D(2030, 1, 1))
    client.force_login(organizer)

    upload(client, IMPORT_URL, xlsx([["A", "Sở A", "", "so", "01/01/2020", ""]]))
    header = ("Mã đơn vị", "Tên đơn vị", "Nhóm", "Hoạt động từ ngày")
    upload(client, IMPORT_URL, xlsx([["B", "Sở B", "so", "01/01/2020"]], header=header))

    assert Unit.objects.filter(code="A").values_list("short_name", "active_to").get() == ("", None)
    assert Unit.objects.filter(code="B").values_list("short_name", "active_to").get() == ("SB", D(2030, 1, 1))


def test_the_header_is_found_by_its_titles_below_a_title_block_in_any_order_and_case(client, organizer, groups):
    client.force_login(organizer)
    header = ("NHÓM", "ma don vi (*)", "Tên đơn vị", "Hoat dong tu ngay")
    content = xlsx(
        [["Sở, ban, ngành", "STP", "Sở Tư pháp", "01/01/2020"]],
        header=header,
        above=[["DANH SÁCH ĐƠN VỊ ĐƯỢC ĐÁNH GIÁ NĂM 2025"], [], ["Kèm theo Kế hoạch số 12/KH-UBND"]],
    )

    response = upload(client, IMPORT_URL, content)

    assert _rows(response) == [(5, "STP", "created")]
    assert Unit.objects.get(code="STP").group == groups["so"]


def test_dates_are_day_first_in_text_or_excel_date_cells(client, organizer, groups):
    client.force_login(organizer)
    content = xlsx(
        [
            ["A", "Sở A", None, "so", "04/03/2025"],
            ["B", "Sở B", None, "so", datetime.datetime(2025, 3, 4)],
            ["C", "Sở C", None, "so", "4-3-2025"],
            ["D", "Sở D", None, "so", "2025-03-04"],
            ["E", "Sở E", None, "so", 45720],  # a date cell that lost its format: Excel's day number of 04/03/2025
        ]
    )

    upload(client, IMPORT_URL, content)

    assert set(Unit.objects.values_list("active_from", flat=True)) == {D(2025, 3, 4)}
    assert Unit.objects.count() == 5


def test_blank_lines_between_units_are_skipped(client, organizer, groups):
    client.force_login(organizer)
    content = xlsx([["A", "Sở A", None, "so", "01/01/2020"], [], [None, "  "], ["B", "Sở B", None, "so", "01/01/2020"]])

    response = upload(client, IMPORT_URL, content)

    assert _rows(response) == [(2, "A", "created"), (5, "B", "created")]
