import io

from django.urls import reverse
from openpyxl import load_workbook

from parindex.organization.imports import UNIT_COLUMNS
from parindex.organization.models import Unit
from tests.organization.conftest import IMPORT_URL
from tests.organization.xlsx_files import upload

TEMPLATE_URL = reverse("organization:unit_import_template")


def _download(client, user):
    client.force_login(user)
    response = client.get(TEMPLATE_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == 'attachment; filename="mau-nhap-don-vi.xlsx"'
    return response.content


def test_the_template_has_the_header_row_and_no_data_to_import_by_mistake(client, organizer, groups):
    workbook = load_workbook(io.BytesIO(_download(client, organizer)))

    sheet = workbook["Đơn vị"]
    assert [cell.value for cell in sheet[1]] == [column.title for column in UNIT_COLUMNS]
    assert sheet.max_row == 1


def test_the_guide_sheet_lists_the_groups_of_the_system(client, organizer, groups):
    workbook = load_workbook(io.BytesIO(_download(client, organizer)))

    texts = {cell.value for row in workbook["Hướng dẫn"].iter_rows() for cell in row if cell.value}
    assert {"so", "Sở, ban, ngành", "xa", "UBND cấp xã, phường, đặc khu"} <= texts
    assert "Hoạt động từ ngày" in texts


def test_the_template_filled_in_imports(client, organizer, groups):
    workbook = load_workbook(io.BytesIO(_download(client, organizer)))
    workbook["Đơn vị"].append(["STP", "Sở Tư pháp", "STP", "so", "01/01/2020"])
    buffer = io.BytesIO()
    workbook.save(buffer)

    response = upload(client, IMPORT_URL, buffer.getvalue())

    assert [row.status for row in response.context["result"].rows] == ["created"]
    assert Unit.objects.get().name == "Sở Tư pháp"
