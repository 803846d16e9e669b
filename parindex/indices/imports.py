"""Import of the province's national results from an Excel (.xlsx) or CSV file (docs/provincial-indices.md).

One row per index, year and component:

    Chỉ số* | Năm* | Thành phần* | Giá trị* | Xếp hạng | Nhóm, xếp loại

- "Chỉ số": PAR INDEX, SIPAS, PAPI or PCI. "Thành phần": "tong" for the index itself, or the component's
  number in the catalogue (catalogue.py), or its name.
- "Giá trị": as published, with a decimal comma or point ("86,92", "86.92"), between 0 and the component's scale.
- "Xếp hạng": the province's national rank, a whole number; "Nhóm, xếp loại": the group or tier as published.

All or nothing: every row is checked, every problem is listed ("Dòng 7, cột “Giá trị”: …"), and only a file
without a single problem is saved. The file replaces, for each index and year it holds, everything stored for
that index and year (a year re-imported after a correction loses no row to a stale one), in one transaction
with one audit event per index and year.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from parindex.engine.rules.base import fold
from parindex.indices.catalogue import CATALOGUE, CATALOGUE_BY_KEY, INDEX_ALIASES, TOTAL
from parindex.organization.sheets import (
    MSG_REQUIRED,
    Column,
    RowErrors,
    SheetError,
    SheetRow,
    cell_text,
    sheet_read,
)
from parindex.vn import parse_decimal

COLUMNS: tuple[Column, ...] = (
    Column("index", "Chỉ số", required=True, help="PAR INDEX, SIPAS, PAPI hoặc PCI.", example="PAPI", width=14),
    Column("year", "Năm", required=True, help="Năm của kết quả, bốn chữ số.", example="2024", width=8),
    Column(
        "component",
        "Thành phần",
        required=True,
        aliases=("Mã thành phần",),
        help="“tong” cho chỉ số tổng hợp; số thứ tự của thành phần trong danh mục; hoặc tên thành phần.",
        example="tong",
        width=14,
    ),
    Column(
        "value",
        "Giá trị",
        required=True,
        aliases=("Điểm",),
        help="Giá trị như đã công bố, dấu phẩy thập phân.",
        example="43,52",
        width=10,
    ),
    Column("rank", "Xếp hạng", aliases=("Xếp hạng toàn quốc",), help="Số nguyên dương.", example="12", width=10),
    Column(
        "tier",
        "Nhóm, xếp loại",
        aliases=("Nhóm", "Xếp loại"),
        help="Nhóm hoặc xếp loại như đã công bố.",
        example="Nhóm trung bình cao",
        width=22,
    ),
)

CSV_MAX_BYTES = 2 * 1024 * 1024
CSV_MAX_ROWS = 5000
YEAR_MIN, YEAR_MAX = 2000, 2100
RANK_MAX = 100  # 63 provinces until 2025, 34 since: a rank above this is a typing slip
TIER_MAX_LENGTH = 100

MSG_NO_FILE = "Chưa chọn tệp để nhập."
MSG_UNKNOWN_TYPE = "Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv)."
MSG_CSV_ENCODING = "Tệp CSV phải được lưu với bảng mã UTF-8 (trong Excel: Lưu thành “CSV UTF-8”)."
MSG_CSV_TOO_LARGE = "Tệp lớn hơn giới hạn {limit} MB."
MSG_CSV_NO_HEADER = "Không tìm thấy dòng tiêu đề: dòng đầu tiên của tệp CSV phải có các cột {columns}."
MSG_CSV_TOO_MANY_ROWS = "Tệp có hơn {limit} dòng dữ liệu; hãy chia thành nhiều tệp."
MSG_NO_ROWS = "Tệp không có dòng dữ liệu nào dưới dòng tiêu đề."
MSG_UNKNOWN_INDEX = "“{value}” không phải là PAR INDEX, SIPAS, PAPI hay PCI"
MSG_BAD_YEAR = "“{value}” không phải là năm hợp lệ (từ {low} đến {high})"
MSG_UNKNOWN_COMPONENT = "chỉ số {index} không có thành phần “{value}” (xem danh mục thành phần)"
MSG_BAD_VALUE = "“{value}” không phải là số"
MSG_VALUE_RANGE = "giá trị {value} nằm ngoài thang điểm từ 0 đến {maximum}"
MSG_BAD_RANK = "“{value}” không phải là thứ hạng hợp lệ (số nguyên từ 1 đến {high})"
MSG_TIER_TOO_LONG = "dài quá {limit} ký tự"
MSG_DUPLICATE = "{index} năm {year}, thành phần “{component}” đã có ở dòng {first}"

_PARENTHESES = re.compile(r"\([^)]*\)")


@dataclass(frozen=True)
class ParsedRow:
    number: int
    index: str
    year: int
    component: str
    value: Decimal
    rank: int | None
    tier: str


@dataclass
class ParsedFile:
    rows: list[ParsedRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def read_rows(*, filename: str, content: bytes) -> ParsedFile:
    """Every row of the file, checked; `errors` lists every problem (nothing is checked against the database)."""
    if not content:
        return ParsedFile(errors=[MSG_NO_FILE])
    name = filename.lower()
    try:
        if name.endswith(".xlsx"):
            rows = sheet_read(content, COLUMNS).rows
        elif name.endswith(".csv"):
            rows = _csv_rows(content)
        else:
            return ParsedFile(errors=[MSG_UNKNOWN_TYPE])
    except SheetError as error:
        return ParsedFile(errors=error.problems)
    if not rows:
        return ParsedFile(errors=[MSG_NO_ROWS])
    errors = RowErrors(COLUMNS)
    parsed = list(_parse(rows, errors))
    return ParsedFile(errors=errors.sorted()) if errors else ParsedFile(rows=parsed)


def _header_key(value: str) -> str:
    return fold(_PARENTHESES.sub(" ", value).replace("*", " "))


def _csv_rows(content: bytes) -> list[SheetRow]:
    if len(content) > CSV_MAX_BYTES:
        raise SheetError([MSG_CSV_TOO_LARGE.format(limit=CSV_MAX_BYTES // 2**20)])
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SheetError([MSG_CSV_ENCODING]) from None
    first_line = text.split("\n", 1)[0]
    # Excel in a Vietnamese locale writes ";" (the comma is the decimal mark); other tools write ",".
    delimiter = max((";", ",", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = next(reader, [])
    found: dict[str, int] = {}
    for position, title in enumerate(header):
        key = _header_key(title)
        for column in COLUMNS:
            if column.key not in found and key and column.matches(key):
                found[column.key] = position
                break
    required = [column for column in COLUMNS if column.required]
    if any(column.key not in found for column in required):
        raise SheetError([MSG_CSV_NO_HEADER.format(columns=", ".join(f"“{column.title}”" for column in required))])
    rows: list[SheetRow] = []
    for number, values in enumerate(reader, start=2):
        if not any(value.strip() for value in values):
            continue
        if len(rows) >= CSV_MAX_ROWS:
            raise SheetError([MSG_CSV_TOO_MANY_ROWS.format(limit=CSV_MAX_ROWS)])
        cells = {key: values[position] if position < len(values) else None for key, position in found.items()}
        rows.append(SheetRow(number=number, values=cells))
    return rows


def _index_lookup() -> dict[str, str]:
    lookup = {}
    for key, aliases in INDEX_ALIASES.items():
        for alias in aliases:
            lookup[fold(alias)] = key
            lookup[fold(alias).replace(" ", "")] = key
    return lookup


def _component_lookup(index: str) -> dict[str, str]:
    lookup = {}
    for component in CATALOGUE_BY_KEY[index].components:
        lookup[fold(component.name)] = component.code
        lookup[component.code] = component.code
    lookup.update({"tong": TOTAL, "tong hop": TOTAL, "tong diem": TOTAL, "chi so": TOTAL})
    return lookup


def _parse(rows: Iterable[SheetRow], errors: RowErrors) -> Iterable[ParsedRow]:
    indices = _index_lookup()
    components = {spec.key: _component_lookup(spec.key) for spec in CATALOGUE}
    seen: dict[tuple[str, int, str], int] = {}
    for row in rows:
        index_text = row.text("index")
        index = indices.get(fold(index_text)) or indices.get(fold(index_text).replace(" ", ""))
        if not index_text:
            errors.add(row.number, "index", MSG_REQUIRED)
        elif index is None:
            errors.add(row.number, "index", MSG_UNKNOWN_INDEX.format(value=index_text))
        year = _year(row, errors)
        component = None
        component_text = row.text("component")
        if not component_text:
            errors.add(row.number, "component", MSG_REQUIRED)
        elif index is not None:
            component = components[index].get(fold(component_text).rstrip("."))
            if component is None:
                errors.add(
                    row.number,
                    "component",
                    MSG_UNKNOWN_COMPONENT.format(index=CATALOGUE_BY_KEY[index].name, value=component_text),
                )
        value = _value(row, errors, index, component)
        rank = _rank(row, errors)
        tier = row.text("tier")
        if len(tier) > TIER_MAX_LENGTH:
            errors.add(row.number, "tier", MSG_TIER_TOO_LONG.format(limit=TIER_MAX_LENGTH))
        if index is None or year is None or component is None or value is None or errors.has_row(row.number):
            continue
        key = (index, year, component)
        if key in seen:
            errors.add(
                row.number,
                "component",
                MSG_DUPLICATE.format(
                    index=CATALOGUE_BY_KEY[index].name, year=year, component=component_text, first=seen[key]
                ),
            )
            continue
        seen[key] = row.number
        yield ParsedRow(row.number, index, year, component, value, rank, tier)


def _year(row: SheetRow, errors: RowErrors) -> int | None:
    text = row.text("year")
    if not text:
        errors.add(row.number, "year", MSG_REQUIRED)
        return None
    if not text.isdigit() or not YEAR_MIN <= int(text) <= YEAR_MAX:
        errors.add(row.number, "year", MSG_BAD_YEAR.format(value=text, low=YEAR_MIN, high=YEAR_MAX))
        return None
    return int(text)


def _value(row: SheetRow, errors: RowErrors, index: str | None, component: str | None) -> Decimal | None:
    raw: Any = row.values.get("value")
    text = cell_text(raw)
    if not text:
        errors.add(row.number, "value", MSG_REQUIRED)
        return None
    try:
        # A number cell is taken as it is; text goes through the product's one rule for written numbers.
        value = Decimal(str(raw)) if isinstance(raw, int | float) and not isinstance(raw, bool) else parse_decimal(text)
    except (ValueError, ArithmeticError):
        errors.add(row.number, "value", MSG_BAD_VALUE.format(value=text))
        return None
    if not value.is_finite():
        errors.add(row.number, "value", MSG_BAD_VALUE.format(value=text))
        return None
    maximum = _maximum(index, component)
    if value < 0 or (maximum is not None and value > maximum):
        errors.add(row.number, "value", MSG_VALUE_RANGE.format(value=text, maximum=_plain(maximum)))
        return None
    return value


def _maximum(index: str | None, component: str | None) -> Decimal | None:
    if index is None or component is None:
        return None
    return next(spec.maximum for spec in CATALOGUE_BY_KEY[index].components if spec.code == component)


def _plain(value: Decimal | None) -> str:
    return format(value.normalize(), "f").replace(".", ",") if value is not None else "—"


def _rank(row: SheetRow, errors: RowErrors) -> int | None:
    text = row.text("rank")
    if not text:
        return None
    if not text.isdigit() or not 1 <= int(text) <= RANK_MAX:
        errors.add(row.number, "rank", MSG_BAD_RANK.format(value=text, high=RANK_MAX))
        return None
    return int(text)
