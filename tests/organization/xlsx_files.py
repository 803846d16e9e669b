"""Real .xlsx files for the import tests, built with openpyxl as a user's spreadsheet would be."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

UNIT_HEADER = (
    "Mã đơn vị",
    "Tên đơn vị",
    "Tên viết tắt",
    "Nhóm",
    "Hoạt động từ ngày",
    "Hoạt động đến ngày",
    "Sáp nhập vào (mã đơn vị)",
    "Ngày sáp nhập",
)
USER_HEADER = ("Tên đăng nhập", "Họ và tên", "Vai trò", "Mã đơn vị", "Chức vụ", "Điện thoại", "Email")


def xlsx(
    rows: Sequence[Sequence[Any]],
    *,
    header: Sequence[str] = UNIT_HEADER,
    above: Sequence[Sequence[Any]] = (),
    sheet_title: str = "Danh sách",
) -> bytes:
    """A workbook whose first sheet holds `above` (a title block), the header row, then `rows`."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = sheet_title
    for line in [*above, header, *rows]:
        sheet.append(list(line))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(client: Any, url: str, content: bytes, name: str = "danh-sach.xlsx") -> Any:
    return client.post(url, {"file": SimpleUploadedFile(name, content)})


def zip_bomb(*, unpacked_bytes: int) -> bytes:
    """A genuine workbook plus one member of zeros that inflates to `unpacked_bytes` (it packs to a few KB)."""
    buffer = io.BytesIO(xlsx([["A", "B", "so", "01/01/2020"]]))
    with zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/zeros.bin", b"\0" * unpacked_bytes)
    return buffer.getvalue()
