"""Reading the "Thông tin" sheet: the set's settings as label / value rows, then the table of bands.

Rows are found by their label (without case or diacritics; the YAML key is accepted too), so rows may be
moved or left out. Choices are written in Vietnamese ("Làm tròn", "Có") and turned into the file format's
values here; numbers and texts are handed on as they are, for SetBuilder to check.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from openpyxl.worksheet.worksheet import Worksheet

from parindex.engine.rules.base import fold
from parindex.setfile.excel_layout import (
    BAND_MIN_TITLE,
    BAND_NAME_TITLE,
    INFO_ROWS,
    INFO_TITLE,
    NO,
    ROUNDING_LABELS,
    SURVEY_LABELS,
    YES,
    folded,
    label_to_code,
    yes_no,
)
from parindex.setfile.excel_table import cell_number, cell_text
from parindex.setfile.excel_tree import RowProblem
from parindex.setfile.yamlio import LineDict

MSG_UNKNOWN_INFO = "mục “{label}” không có trong trang này; các mục: {labels}"
MSG_DUPLICATE_INFO = "mục “{label}” được ghi hai lần (dòng {first} và dòng {second})"
MSG_BAD_CHOICE = "“{label}”: “{value}” không hợp lệ; chọn {choices}"

_LABELS: Mapping[str, str] = {fold(info.label): info.key for info in INFO_ROWS} | {
    info.key: info.key for info in INFO_ROWS
}


@dataclass
class InfoSheet:
    """What the sheet says, with the row of each item so problems can point at it."""

    values: dict[str, object] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    bands: list[tuple[int, object, object]] = field(default_factory=list)  # (row, name, min)
    band_header_row: int | None = None
    problems: list[RowProblem] = field(default_factory=list)


def read_info_sheet(sheet: Worksheet) -> InfoSheet:
    info = InfoSheet()
    in_bands = False
    for row in range(1, sheet.max_row + 1):
        label, value = sheet.cell(row, 1).value, sheet.cell(row, 2).value
        if in_bands:
            if cell_text(label) or cell_text(value):
                info.bands.append((row, label, value))
                continue
            in_bands = False
        if folded(label) == fold(BAND_NAME_TITLE) and folded(value) == fold(BAND_MIN_TITLE):
            info.band_header_row, in_bands = row, True
            continue
        key = _LABELS.get(folded(label))
        if key is None:
            if cell_text(label) and cell_text(value) and folded(label) != fold(INFO_TITLE):
                labels = ", ".join(f"“{item.label}”" for item in INFO_ROWS)
                info.problems.append(RowProblem(row, MSG_UNKNOWN_INFO.format(label=cell_text(label), labels=labels)))
            continue  # a title or a note
        if key in info.rows:
            message = MSG_DUPLICATE_INFO.format(label=cell_text(label), first=info.rows[key], second=row)
            info.problems.append(RowProblem(row, message))
            continue
        info.rows[key] = row
        info.values[key] = value
    return info


def _whole_number(value: object) -> object:
    """A year or a count of decimals as an int when the cell holds one ("2025", 2025.0); else as it is."""
    number = cell_number(value)
    if isinstance(number, Decimal) and number == number.to_integral_value():
        return int(number)
    return number


def top_level_data(info: InfoSheet) -> LineDict:
    """The file format's top-level keys (without criteria) from the sheet."""
    data = LineDict()
    values = info.values

    def choice(key: str, read: Callable[[object], object], choices: str) -> object:
        value = read(values[key])
        if value is None:
            label = next(item.label for item in INFO_ROWS if item.key == key)
            message = MSG_BAD_CHOICE.format(label=label, value=cell_text(values[key]), choices=choices)
            info.problems.append(RowProblem(info.rows[key], message))
        return value

    def given(key: str) -> bool:
        return key in values and cell_text(values[key]) != ""

    for key in ("name", "group", "source_note"):
        if given(key):
            data[key] = cell_text(values[key])
    if given("year"):
        data["year"] = _whole_number(values["year"])
    if given("max_points"):
        data["max_points"] = cell_number(values["max_points"])
    rounding = LineDict()
    if given("places"):
        rounding["places"] = _whole_number(values["places"])
    if given("mode"):
        mode = choice("mode", lambda raw: label_to_code(raw, ROUNDING_LABELS), " hoặc ".join(ROUNDING_LABELS.values()))
        if mode is not None:
            rounding["mode"] = mode
    if rounding:
        data["rounding"] = rounding
    if given("allow_na"):
        allow_na = choice("allow_na", yes_no, f"{YES} hoặc {NO}")
        if allow_na is not None:
            data["allow_na"] = allow_na
    if given("survey"):
        mode = choice("survey", lambda raw: label_to_code(raw, SURVEY_LABELS), " hoặc ".join(SURVEY_LABELS.values()))
        if mode is not None:
            data["survey"] = {"mode": mode}
    if info.band_header_row is not None:
        data["bands"] = [_band(row, name, minimum) for row, name, minimum in info.bands]
    return data


def _band(row: int, name: object, minimum: object) -> LineDict:
    band = LineDict()
    band.line = row
    if cell_text(name):
        band["name"] = cell_text(name)
    if cell_text(minimum):
        band["min"] = cell_number(minimum)
    return band
