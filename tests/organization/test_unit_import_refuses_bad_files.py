"""Files that are not a unit list are refused with a clear message, never a server error, and never opened by
openpyxl when they could hurt the server."""

import io
import zipfile

import pytest

from parindex.organization import sheets
from parindex.organization.models import Unit
from parindex.organization.sheets import (
    MSG_FILE_TOO_LARGE,
    MSG_MISSING_COLUMNS,
    MSG_NO_HEADER,
    MSG_NO_ROWS,
    MSG_NOT_XLSX,
    MSG_OLD_XLS,
    MSG_TOO_MANY_ROWS,
    MSG_UNPACKED_TOO_LARGE,
)
from tests.organization.conftest import IMPORT_URL
from tests.organization.xlsx_files import upload, xlsx, zip_bomb


@pytest.fixture
def openpyxl_must_not_open(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("openpyxl opened a file the guard should have refused")

    monkeypatch.setattr(sheets, "load_workbook", refuse)


def _errors(client, organizer, content, name="don-vi.xlsx"):
    client.force_login(organizer)
    response = upload(client, IMPORT_URL, content, name=name)
    assert response.status_code == 200
    assert Unit.objects.count() == 0
    return response.context["errors"], response.content.decode()


def test_a_zip_bomb_is_refused_before_openpyxl_opens_it(client, organizer, groups, openpyxl_must_not_open):
    bomb = zip_bomb(unpacked_bytes=sheets.IMPORT_MAX_UNPACKED_BYTES + 1)
    assert len(bomb) < 200_000  # small on the wire: that is what makes it a bomb

    errors, page = _errors(client, organizer, bomb)

    assert errors == [MSG_UNPACKED_TOO_LARGE.format(limit=50)]
    assert "Tệp khi giải nén lớn hơn 50 MB — không mở để bảo vệ hệ thống." in page


def test_a_text_file_named_xlsx_is_refused(client, organizer, groups, openpyxl_must_not_open):
    errors, _page = _errors(client, organizer, "Mã đơn vị;Tên đơn vị\nSTP;Sở Tư pháp\n".encode())

    assert errors == [MSG_NOT_XLSX]


def test_a_word_document_is_refused(client, organizer, groups, openpyxl_must_not_open):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")

    errors, _page = _errors(client, organizer, buffer.getvalue(), name="don-vi.docx")

    assert errors == [MSG_NOT_XLSX]


def test_an_old_xls_file_is_told_to_be_saved_as_xlsx(client, organizer, groups, openpyxl_must_not_open):
    errors, _page = _errors(client, organizer, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, name="don-vi.xls")

    assert errors == [MSG_OLD_XLS]


def test_a_broken_workbook_is_refused(client, organizer, groups):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types")
        archive.writestr("xl/workbook.xml", "not xml at all")

    errors, _page = _errors(client, organizer, buffer.getvalue())

    assert errors == [MSG_NOT_XLSX]


def test_an_oversize_file_is_refused_before_it_is_read(client, organizer, groups, monkeypatch):
    monkeypatch.setattr(sheets, "IMPORT_MAX_UPLOAD_BYTES", 2 * 2**20)
    client.force_login(organizer)

    response = upload(client, IMPORT_URL, b"PK" + b"\0" * (2 * 2**20 + 1))

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [MSG_FILE_TOO_LARGE.format(limit=2)]
    assert "Tệp lớn hơn giới hạn 2 MB." in response.content.decode()


def test_the_service_refuses_an_oversize_file_too(organizer, groups, monkeypatch, openpyxl_must_not_open):
    from parindex.organization.imports import units_import_xlsx

    monkeypatch.setattr(sheets, "IMPORT_MAX_UPLOAD_BYTES", 2**20)

    result = units_import_xlsx(actor=organizer, content=b"PK" + b"\0" * 2**20)

    assert result.errors == [MSG_FILE_TOO_LARGE.format(limit=1)]
    assert result.rows == []


def test_an_empty_upload_is_refused_by_the_form(client, organizer, groups):
    client.force_login(organizer)

    response = upload(client, IMPORT_URL, b"")

    assert response.status_code == 200
    assert response.context["form"].errors["file"]


def test_a_sheet_without_the_header_row_lists_the_required_columns(client, organizer, groups):
    content = xlsx([["STP", "Sở Tư pháp"]], header=("Cột 1", "Cột 2"))

    errors, _page = _errors(client, organizer, content)

    assert errors == [
        MSG_NO_HEADER.format(columns="“Mã đơn vị”, “Tên đơn vị”, “Nhóm”, “Hoạt động từ ngày”"),
    ]


def test_a_header_missing_a_required_column_names_it(client, organizer, groups):
    content = xlsx([["STP", "Sở Tư pháp", "so"]], header=("Mã đơn vị", "Tên đơn vị", "Nhóm"))

    errors, _page = _errors(client, organizer, content)

    assert errors == [MSG_MISSING_COLUMNS.format(sheet="Danh sách", row=1, columns="“Hoạt động từ ngày”")]


def test_a_header_without_rows_is_refused(client, organizer, groups):
    errors, _page = _errors(client, organizer, xlsx([]))

    assert errors == [MSG_NO_ROWS]


def test_too_many_rows_are_refused(client, organizer, groups, monkeypatch):
    monkeypatch.setattr(sheets, "IMPORT_MAX_ROWS", 3)
    rows = [[f"S{n}", f"Sở {n}", None, "so", "01/01/2020"] for n in range(4)]

    errors, _page = _errors(client, organizer, xlsx(rows))

    assert errors == [MSG_TOO_MANY_ROWS.format(limit=3)]


def test_a_get_shows_the_form_with_the_columns_and_the_groups(client, organizer, groups):
    client.force_login(organizer)

    page = client.get(IMPORT_URL).content.decode()

    assert 'enctype="multipart/form-data"' in page
    assert "Sáp nhập vào (mã đơn vị)" in page
    assert "<code>xa</code> — UBND cấp xã, phường, đặc khu" in page
