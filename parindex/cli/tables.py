"""Reading a scores file (CSV or XLSX) into a header and rows, each row with the number a spreadsheet shows.

Only the shape is read here; what the cells mean is `scoresheet`'s business. Rows with no value at all are
skipped (Excel often keeps empty rows at the end). CSV cells are text; XLSX cells keep their type (number,
date, text, true/false), except that a number formatted as a percentage is given as it is shown
(0.925 shown as 92,5% becomes 92.5).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from parindex.cli.errors import CliError, describe_os_error

CSV_SUFFIXES = (".csv",)
XLSX_SUFFIXES = (".xlsx", ".xlsm")
DELIMITERS = (";", "\t", ",")  # preference on a tie: Vietnamese Excel writes ';'

MSG_UNSUPPORTED = "Tệp điểm {path} phải là .csv hoặc .xlsx, không đọc được tệp “{suffix}”"
MSG_OLD_EXCEL = "Tệp điểm {path} là tệp Excel 97-2003 (.xls): hãy mở bằng Excel và lưu thành .xlsx"
MSG_NOT_UTF8 = (
    "Tệp {path} không phải văn bản UTF-8 (dòng {line}): trong Excel hãy chọn "
    "Lưu thành (Save As) “CSV UTF-8 (Comma delimited) (*.csv)”"
)
MSG_XLSX_AS_CSV = "Tệp {path} là tệp Excel (.xlsx) nhưng mang đuôi .csv: hãy đổi đuôi thành .xlsx"
MSG_BAD_CSV = "Tệp {path} không đọc được như CSV ở dòng {line}"
MSG_BAD_XLSX = (
    "Tệp {path} không phải tệp Excel .xlsx hợp lệ (tệp bị hỏng, chưa tải xong, có mật khẩu hoặc không đúng định dạng)"
)
MSG_NO_SHEET = "Tệp {path} không có trang tính nào"
MSG_EMPTY = "Tệp {path} không có dữ liệu: cần một dòng tiêu đề (unit, group, các mã tiêu chí) và mỗi đơn vị một dòng"


@dataclass(frozen=True)
class Row:
    number: int  # as a spreadsheet shows it: 1 is the first row
    values: tuple[object, ...]

    def get(self, index: int) -> object:
        return self.values[index] if index < len(self.values) else None


@dataclass(frozen=True)
class Table:
    name: str  # the file as the user named it, for messages
    header: Row
    rows: tuple[Row, ...]


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def check_suffix(path: str) -> str:
    """The lower-cased suffix of a scores file, or CliError when it is neither CSV nor XLSX."""
    suffix = Path(path).suffix.lower()
    if suffix == ".xls":
        raise CliError([MSG_OLD_EXCEL.format(path=path)])
    if suffix not in CSV_SUFFIXES + XLSX_SUFFIXES:
        raise CliError([MSG_UNSUPPORTED.format(path=path, suffix=suffix or Path(path).name)])
    return suffix


def read_table(path: str) -> Table:
    suffix = check_suffix(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise CliError([describe_os_error(path, exc)]) from None
    rows = _csv_rows(path, data) if suffix in CSV_SUFFIXES else _xlsx_rows(path, data)
    filled = [row for row in rows if not all(is_blank(value) for value in row.values)]
    if len(filled) < 1:
        raise CliError([MSG_EMPTY.format(path=path)])
    return Table(path, filled[0], tuple(filled[1:]))


# -- CSV ------------------------------------------------------------------------------------------------


def _decode(path: str, data: bytes) -> str:
    if data.startswith(b"PK\x03\x04"):
        raise CliError([MSG_XLSX_AS_CSV.format(path=path)])
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode Text" is UTF-16
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CliError([MSG_NOT_UTF8.format(path=path, line=line)]) from None


def sniff_delimiter(text: str) -> str:
    """`;`, tab or `,`: the one that splits the first (header) record into the most columns."""
    best, best_count = ",", 0
    for delimiter in DELIMITERS:
        try:
            first = next(csv.reader(io.StringIO(text), delimiter=delimiter), [])
        except csv.Error:
            continue
        if len(first) > best_count:
            best, best_count = delimiter, len(first)
    return best


def _csv_rows(path: str, data: bytes) -> list[Row]:
    text = _decode(path, data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    rows: list[Row] = []
    try:
        for number, record in enumerate(reader, start=1):
            rows.append(Row(number, tuple(record)))
    except csv.Error:
        raise CliError([MSG_BAD_CSV.format(path=path, line=reader.line_num)]) from None
    return rows


# -- XLSX -----------------------------------------------------------------------------------------------


def _xlsx_value(cell: object) -> object:
    value = getattr(cell, "value", None)
    percent = "%" in str(getattr(cell, "number_format", "") or "")
    if percent and isinstance(value, int | float) and not isinstance(value, bool):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        return number * 100
    return value


def _xlsx_rows(path: str, data: bytes) -> list[Row]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds (zip, XML, KeyError …) for a file it cannot read
        raise CliError([MSG_BAD_XLSX.format(path=path)]) from None
    try:
        if not workbook.worksheets:
            raise CliError([MSG_NO_SHEET.format(path=path)])
        sheet = workbook.worksheets[0]
        # Some programs write a wrong sheet size; read every cell that is there rather than trusting it.
        sheet.reset_dimensions()  # type: ignore[union-attr,unused-ignore]
        return [
            Row(number, tuple(_xlsx_value(cell) for cell in cells))
            for number, cells in enumerate(sheet.iter_rows(), start=1)
        ]
    except CliError:
        raise
    except Exception:  # broken XML inside the zip shows only while rows are read
        raise CliError([MSG_BAD_XLSX.format(path=path)]) from None
    finally:
        workbook.close()
