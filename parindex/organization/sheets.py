"""Reading an uploaded .xlsx list (units, users) row by row, and the result of an import.

Shared by `parindex.organization.imports` and `parindex.accounts.imports`. The file is checked before openpyxl
sees it (size, the zip container, the declared unpacked size), then the header row is found by its titles, not
its position, so a sheet with a title block above the table, or with its columns in another order, reads too.
Every problem is a Vietnamese sentence saying where (row and column) and what; nothing here writes anything.
"""

from __future__ import annotations

import datetime
import io
import re
import warnings
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import from_excel

from parindex.engine.rules.base import fold
from parindex.vn import format_date, parse_date

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# A list of a province's units or users is a few hundred rows: tens of KB packed, a few MB unpacked.
IMPORT_MAX_UPLOAD_BYTES = 5 * 1024 * 1024
IMPORT_MAX_UNPACKED_BYTES = 50 * 1024 * 1024
IMPORT_MAX_ROWS = 5000
HEADER_SEARCH_ROWS = 30  # a title block is a few rows; a header further down is not our table

MSG_FILE_EMPTY = "Tệp rỗng: không có nội dung để nhập."
MSG_FILE_TOO_LARGE = "Tệp lớn hơn giới hạn {limit} MB."
MSG_OLD_XLS = (
    "Đây là tệp Excel đời cũ (.xls). Hãy mở tệp bằng Excel, chọn Lưu thành “Excel Workbook (*.xlsx)” rồi tải lên lại."
)
MSG_NOT_XLSX = "Tệp không phải là tệp Excel (.xlsx) hợp lệ. Hãy dùng tệp mẫu tải về từ trang này."
MSG_UNPACKED_TOO_LARGE = "Tệp khi giải nén lớn hơn {limit} MB — không mở để bảo vệ hệ thống."
MSG_NO_HEADER = "Không tìm thấy dòng tiêu đề của bảng: cần có các cột {columns}. Hãy dùng tệp mẫu."
MSG_MISSING_COLUMNS = "Trang “{sheet}”, dòng tiêu đề {row}: thiếu cột {columns}."
MSG_NO_ROWS = "Tệp không có dòng dữ liệu nào dưới dòng tiêu đề."
MSG_TOO_MANY_ROWS = "Tệp có hơn {limit} dòng dữ liệu; hãy chia thành nhiều tệp."

ROW_ERROR = "Dòng {row}, cột “{column}”: {message}"
ROW_ERROR_NO_COLUMN = "Dòng {row}: {message}"
MSG_REQUIRED = "không được để trống"
MSG_BAD_DATE = "“{value}” không phải là ngày hợp lệ (ghi theo dạng dd/mm/yyyy)"

# Excel's day numbers for 01/01/1990 and 31/12/2100: a date cell that lost its date format shows one of these;
# any other number in a date column is a typing slip, not a date.
_EXCEL_DAY_MIN, _EXCEL_DAY_MAX = 32874, 73415
_PARENTHESES = re.compile(r"\([^)]*\)")
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    required: bool = False
    aliases: tuple[str, ...] = ()
    help: str = ""
    example: str = ""
    is_date: bool = False
    width: int = 18

    def matches(self, header: str) -> bool:
        return header in {_title_key(self.title), *(_title_key(alias) for alias in self.aliases)}


@dataclass(frozen=True)
class SheetRow:
    number: int  # the row number Excel shows
    values: dict[str, Any]  # column key -> raw cell value, for the columns the sheet has

    def text(self, key: str) -> str:
        return cell_text(self.values.get(key))


@dataclass(frozen=True)
class Sheet:
    title: str
    header_row: int
    present: frozenset[str]  # keys of the columns the sheet has; an absent optional column leaves data as it is
    rows: list[SheetRow]


class SheetError(Exception):
    """The file as a whole cannot be read; `problems` are Vietnamese sentences to show in place."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


# --- The result of an import ---------------------------------------------------------------------------------

CREATED = "created"
UPDATED = "updated"
UNCHANGED = "unchanged"
STATUS_LABELS = {CREATED: "Thêm mới", UPDATED: "Cập nhật", UNCHANGED: "Không thay đổi"}


@dataclass
class ImportedRow:
    row: int
    key: str  # the unit's code, the user's username
    name: str
    status: str
    changed: list[str] = field(default_factory=list)  # titles of the columns whose value changed
    # A new account's first password: shown once on the result page, never stored in clear, never logged.
    initial_password: str = field(default="", repr=False)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass
class ImportResult:
    rows: list[ImportedRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def created(self) -> int:
        return self.count(CREATED)

    @property
    def updated(self) -> int:
        return self.count(UPDATED)

    @property
    def unchanged(self) -> int:
        return self.count(UNCHANGED)


class RowErrors:
    """Row problems gathered while checking a file, listed by row and then in the order of the columns."""

    def __init__(self, columns: Sequence[Column]) -> None:
        self._columns = {column.key: column for column in columns}
        self._order = {column.key: index for index, column in enumerate(columns)}
        self._items: list[tuple[int, int, str]] = []
        self._columns_in_error: dict[int, set[str]] = {}

    def add(self, row: int, key: str | None, message: str) -> None:
        column = self._columns.get(key) if key else None
        if column is None:
            text, order = ROW_ERROR_NO_COLUMN.format(row=row, message=message), len(self._order)
        else:
            text, order = ROW_ERROR.format(row=row, column=column.title, message=message), self._order[column.key]
        self._items.append((row, order, text))
        self._columns_in_error.setdefault(row, set()).add(key or "")

    def add_validation_error(
        self, row: int, error: ValidationError, field_columns: dict[str, str], *, skip: Iterable[str] = ()
    ) -> None:
        """A model's full_clean() error, each message under the sheet column of its field; messages about the
        columns in `skip` (already reported in the import's own words) are left out."""
        skipped = set(skip)
        for field_name, messages in error.message_dict.items():
            key = field_columns.get(field_name) if field_name != NON_FIELD_ERRORS else None
            if key in skipped:
                continue
            for message in messages:
                self.add(row, key, as_clause(message))

    def has_row(self, row: int) -> bool:
        return row in self._columns_in_error

    def has_column(self, row: int, key: str) -> bool:
        return key in self._columns_in_error.get(row, ())

    def columns_of(self, row: int) -> set[str]:
        return set(self._columns_in_error.get(row, ()))

    def sorted(self) -> list[str]:
        return [text for _row, _order, text in sorted(self._items, key=lambda item: (item[0], item[1]))]

    def __bool__(self) -> bool:
        return bool(self._items)


def as_clause(message: object) -> str:
    """A model's sentence ("Ngày kết thúc … hoạt động.") as the clause after "Dòng 7, cột “…”: "."""
    text = str(message).strip().rstrip(".")
    return text[:1].lower() + text[1:]


# --- Cells ---------------------------------------------------------------------------------------------------


def cell_text(value: Any) -> str:
    """A cell as text: numbers without a spurious ".0", dates as dd/mm/yyyy, nothing as ""."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime | datetime.date):
        return format_date(value)
    return str(value).replace("\u00a0", " ").strip()


def cell_date(value: Any) -> datetime.date | None:
    """A date cell, or dd/mm/yyyy text (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, ISO); None when empty.

    Raises ValueError with MSG_BAD_DATE for anything else, including days that do not exist ("31/02/2025").
    Never month-first: "04/03/2025" is 4 March.
    """
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = cell_text(value)
    if not text:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if _EXCEL_DAY_MIN <= value <= _EXCEL_DAY_MAX and float(value).is_integer():
            day = from_excel(value)
            if isinstance(day, datetime.datetime):
                return day.date()
        raise ValueError(MSG_BAD_DATE.format(value=text))
    for candidate in (text, re.sub(r"(?<=\d)\s*[.\-]\s*(?=\d)", "/", text)):
        try:
            return parse_date(candidate)
        except ValueError:
            continue
    raise ValueError(MSG_BAD_DATE.format(value=text))


def _title_key(value: Any) -> str:
    # "Mã đơn vị (*)", "MÃ ĐƠN VỊ", "Sáp nhập vào (mã đơn vị)" → "ma don vi", "ma don vi", "sap nhap vao".
    text = _PARENTHESES.sub(" ", cell_text(value)).replace("*", " ")
    return fold(text)


# --- The file ------------------------------------------------------------------------------------------------


def check_xlsx_container(content: bytes, *, max_bytes: int, max_unpacked_bytes: int) -> None:
    """Refuse, before any parser opens it, a file that is too big, not an xlsx, or a zip bomb.

    The bomb check sums the sizes the archive declares for its members. That is enough here because Python's
    zipfile never inflates a member past its declared size, so a lying header cannot make openpyxl read more.
    """
    if not content:
        raise SheetError([MSG_FILE_EMPTY])
    if len(content) > max_bytes:
        raise SheetError([MSG_FILE_TOO_LARGE.format(limit=max_bytes // 2**20)])
    if content.startswith(_OLE2_MAGIC):
        raise SheetError([MSG_OLD_XLS])
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise SheetError([MSG_NOT_XLSX]) from None
    if sum(member.file_size for member in members) > max_unpacked_bytes:
        raise SheetError([MSG_UNPACKED_TOO_LARGE.format(limit=max_unpacked_bytes // 2**20)])
    names = {member.filename for member in members}
    # A .docx, .odt or any other zip is not a workbook: say so rather than let openpyxl fail somewhere inside.
    if "[Content_Types].xml" not in names or not any(name.startswith("xl/") for name in names):
        raise SheetError([MSG_NOT_XLSX])


def sheet_read(
    content: bytes,
    columns: Sequence[Column],
    *,
    max_bytes: int | None = None,
    max_unpacked_bytes: int | None = None,
    max_rows: int | None = None,
) -> Sheet:
    """The table of `columns` in the first sheet that has its header row; SheetError if there is none.
    The limits default to this module's constants, read at call time."""
    check_xlsx_container(
        content,
        max_bytes=max_bytes or IMPORT_MAX_UPLOAD_BYTES,
        max_unpacked_bytes=max_unpacked_bytes or IMPORT_MAX_UNPACKED_BYTES,
    )
    max_rows = max_rows or IMPORT_MAX_ROWS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions it skips (slicers, styles …)
            workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # a broken or foreign file fails in zipfile, the XML parser or openpyxl, in many ways
        raise SheetError([MSG_NOT_XLSX]) from None
    try:
        return _read_table(workbook, columns, max_rows=max_rows)
    except SheetError:
        raise
    except Exception:  # broken XML inside the archive shows only while the rows are read
        raise SheetError([MSG_NOT_XLSX]) from None
    finally:
        workbook.close()


def _read_table(workbook: Any, columns: Sequence[Column], *, max_rows: int) -> Sheet:
    required = [column for column in columns if column.required]
    closest: tuple[str, int, dict[str, int]] | None = None
    for worksheet in workbook.worksheets:
        if not hasattr(worksheet, "iter_rows"):  # a chart sheet
            continue
        rows = worksheet.iter_rows(values_only=True)
        for number, values in enumerate(rows, start=1):
            if number > HEADER_SEARCH_ROWS:
                break
            found = _header_columns(values, columns)
            if all(column.key in found for column in required):
                return _data_rows(worksheet.title, number, found, rows, max_rows=max_rows)
            if len(found) >= 2 and (closest is None or len(found) > len(closest[2])):
                closest = (worksheet.title, number, found)
    if closest is not None:
        sheet_title, header_row, found = closest
        missing = ", ".join(f"“{column.title}”" for column in required if column.key not in found)
        raise SheetError([MSG_MISSING_COLUMNS.format(sheet=sheet_title, row=header_row, columns=missing)])
    raise SheetError([MSG_NO_HEADER.format(columns=", ".join(f"“{column.title}”" for column in required))])


def _header_columns(values: Iterable[Any], columns: Sequence[Column]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, value in enumerate(values):
        header = _title_key(value)
        if not header:
            continue
        for column in columns:
            if column.key not in found and column.matches(header):
                found[column.key] = index
                break
    return found


def _data_rows(
    title: str, header_row: int, found: dict[str, int], rows: Iterable[tuple[Any, ...]], *, max_rows: int
) -> Sheet:
    data: list[SheetRow] = []
    for number, values in enumerate(rows, start=header_row + 1):
        picked = {key: values[index] if index < len(values) else None for key, index in found.items()}
        if all(cell_text(value) == "" for value in picked.values()):
            continue  # blank lines between blocks of units are common; they are not errors
        if len(data) == max_rows:
            raise SheetError([MSG_TOO_MANY_ROWS.format(limit=max_rows)])
        data.append(SheetRow(number=number, values=picked))
    if not data:
        raise SheetError([MSG_NO_ROWS])
    return Sheet(title=title, header_row=header_row, present=frozenset(found), rows=data)


# --- Template files --------------------------------------------------------------------------------------------

_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")


def template_workbook(
    *,
    sheet_title: str,
    columns: Sequence[Column],
    guide_title: str,
    guide_lines: Sequence[str],
    lists: Sequence[tuple[str, Sequence[tuple[str, str]]]] = (),
) -> bytes:
    """An empty import sheet (header only, so nothing from the template is ever imported by mistake) and a
    guide sheet: what each column holds, an example, and the lists of allowed values (groups, roles)."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = sheet_title
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index, value=column.title)
        cell.font = Font(bold=True)
        cell.fill = _REQUIRED_FILL if column.required else _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        dimension = sheet.column_dimensions[get_column_letter(index)]
        dimension.width = column.width
        # A column style, which Excel gives every cell typed into the column: text keeps codes such as "001"
        # and the leading zero of phone numbers; dates show as dd/mm/yyyy.
        dimension.number_format = "DD/MM/YYYY" if column.is_date else "@"
    sheet.freeze_panes = "A2"

    guide = workbook.create_sheet(guide_title)
    guide.column_dimensions["A"].width = 28
    guide.column_dimensions["B"].width = 12
    guide.column_dimensions["C"].width = 70
    guide.column_dimensions["D"].width = 30
    line = 1
    for text in guide_lines:
        guide.cell(row=line, column=1, value=text).font = Font(bold=line == 1)
        line += 1
    line += 1
    for index, heading in enumerate(("Cột", "Bắt buộc", "Nội dung", "Ví dụ"), start=1):
        cell = guide.cell(row=line, column=index, value=heading)
        cell.font, cell.fill = Font(bold=True), _HEADER_FILL
    for column in columns:
        line += 1
        guide.cell(row=line, column=1, value=column.title)
        guide.cell(row=line, column=2, value="Có" if column.required else "")
        guide.cell(row=line, column=3, value=column.help).alignment = Alignment(wrap_text=True, vertical="top")
        guide.cell(row=line, column=4, value=column.example).number_format = "@"
    for heading, items in lists:
        line += 2
        guide.cell(row=line, column=1, value=heading).font = Font(bold=True)
        for code, label in items:
            line += 1
            guide.cell(row=line, column=1, value=code).number_format = "@"
            guide.cell(row=line, column=3, value=label)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
