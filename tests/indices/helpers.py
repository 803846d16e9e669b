"""Files of provincial results for the import tests."""

from __future__ import annotations

import io

from openpyxl import Workbook

HEADER = "Chỉ số;Năm;Thành phần;Giá trị;Xếp hạng;Nhóm, xếp loại"


def csv_file(*rows: str, header: str = HEADER) -> bytes:
    return ("\ufeff" + "\n".join([header, *rows]) + "\n").encode()


def xlsx_file(*rows: tuple[object, ...]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Kết quả các chỉ số của tỉnh"])  # a title above the table: the header is found below it
    sheet.append(["Chỉ số", "Năm", "Thành phần", "Giá trị", "Xếp hạng", "Nhóm, xếp loại"])
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


PAPI_2023 = csv_file(
    "PAPI;2023;tong;42,10;20;Nhóm trung bình thấp",
    "PAPI;2023;1;5,02;25;",
    "PAPI;2023;8;3,40;30;",
)
PAPI_2024 = csv_file(
    "PAPI;2024;tong;43,52;12;Nhóm trung bình cao",
    "PAPI;2024;1;5,31;20;",
    "PAPI;2024;8;3,95;18;",
)
