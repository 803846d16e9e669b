"""Writing the results: CSV (machine-friendly: '.' decimals, ',' between columns, UTF-8 with BOM for Excel)
or an Excel workbook (numeric cells with the set's decimal places, plus the group averages and the criteria
where each group lost most points).

Files are written to a temporary file beside the target and renamed into place, so a failure never leaves
a half-written result, and nothing at all is written when the input had problems.
"""

from __future__ import annotations

import contextlib
import csv
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import IO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from parindex.cli.errors import CliError, describe_os_error
from parindex.cli.results import GroupResult, field_codes
from parindex.engine import Rounding
from parindex.engine.numbers import ENGINE_CONTEXT

OUT_SUFFIXES = (".csv", ".xlsx")
RESULT_COLUMNS = ("unit", "group", "points", "max", "index", "rank", "band")
FIELD_COLUMN = "index_{code}"

SHEET_RESULTS = "Kết quả"
SHEET_AVERAGES = "Trung bình nhóm"
SHEET_WEAKEST = "Tiêu chí mất điểm"
AVERAGE_COLUMNS = ("Nhóm", "Bộ tiêu chí", "Số đơn vị", "Điểm trung bình", "Chỉ số trung bình")
AVERAGE_FIELD_COLUMN = "Chỉ số lĩnh vực {code}"
WEAKEST_COLUMNS = (
    "Nhóm",
    "Mã",
    "Nội dung",
    "Điểm tối đa",
    "Tổng điểm bị mất",
    "Số đơn vị mất điểm",
    "Tên các đơn vị",
)
EXCEL_TEXT_LIMIT = 32767  # characters in one cell

MSG_OUT_SUFFIX = "Tệp kết quả {path} phải có đuôi .csv hoặc .xlsx, không phải “{suffix}”"
MSG_OUT_FOLDER = "Không có thư mục {folder} để ghi tệp kết quả {path}"
MSG_OUT_IS_INPUT = "Tệp kết quả {path} trùng với tệp điểm: hãy chọn tên khác để không ghi đè bảng điểm"


def check_out_path(out: str, scores: str) -> None:
    """Problems with --out found before any work: wrong suffix, missing folder, the scores file itself."""
    target = Path(out)
    if target.suffix.lower() not in OUT_SUFFIXES:
        raise CliError([MSG_OUT_SUFFIX.format(path=out, suffix=target.suffix or target.name)])
    folder = target.parent
    if not folder.is_dir():
        raise CliError([MSG_OUT_FOLDER.format(folder=folder, path=out)])
    with contextlib.suppress(OSError):
        if target.exists() and Path(scores).exists() and os.path.samefile(target, scores):
            raise CliError([MSG_OUT_IS_INPUT.format(path=out)])


# -- the values ---------------------------------------------------------------------------------------------


def plain(value: Decimal) -> Decimal:
    """Full precision without trailing zeros or exponent (90.000 → 90, 1E+2 → 100)."""
    normalized = value.normalize(context=ENGINE_CONTEXT)
    exponent = normalized.as_tuple().exponent
    return normalized.quantize(Decimal(1)) if isinstance(exponent, int) and exponent > 0 else normalized


@dataclass(frozen=True)
class Shown:
    """How figures are shown: the set's rounding, or full precision when asked."""

    rounding: Rounding
    full_precision: bool

    def __call__(self, value: Decimal | None) -> Decimal | None:
        if value is None:
            return None
        return plain(value) if self.full_precision else self.rounding.apply(value)


Value = str | int | Decimal | None


@dataclass(frozen=True)
class Line:
    values: list[Value]
    places: int  # the set's decimal places, for Excel's number format


def result_header(groups: Sequence[GroupResult]) -> list[str]:
    return [*RESULT_COLUMNS, *(FIELD_COLUMN.format(code=code) for code in field_codes(groups))]


def result_lines(groups: Sequence[GroupResult], *, full_precision: bool) -> list[Line]:
    codes = field_codes(groups)
    lines = []
    for group in groups:
        shown = Shown(group.criteria_set.rounding, full_precision)
        for unit in group.units:
            fields = unit.score.field_scores()
            values: list[Value] = [
                unit.unit,
                unit.group,
                shown(unit.score.points),
                shown(unit.score.maximum),
                shown(unit.score.index),
                unit.rank,
                unit.band,
            ]
            values += [shown(fields[code].index) if code in fields else None for code in codes]
            lines.append(Line(values, group.criteria_set.rounding.places))
    return lines


def average_lines(groups: Sequence[GroupResult], *, full_precision: bool) -> tuple[list[str], list[Line]]:
    codes = field_codes(groups)
    header = [*AVERAGE_COLUMNS, *(AVERAGE_FIELD_COLUMN.format(code=code) for code in codes)]
    lines = []
    for group in groups:
        shown = Shown(group.criteria_set.rounding, full_precision)
        average = group.average
        values: list[Value] = [
            group.group,
            group.criteria_set.name,
            average.units,
            shown(average.points),
            shown(average.index),
        ]
        values += [shown(average.fields.get(code)) for code in codes]
        lines.append(Line(values, group.criteria_set.rounding.places))
    return header, lines


def weakest_lines(groups: Sequence[GroupResult], *, full_precision: bool) -> list[Line]:
    lines = []
    for group in groups:
        shown = Shown(group.criteria_set.rounding, full_precision)
        for leaf in group.weakest:
            names = ", ".join(leaf.units_losing)
            values: list[Value] = [
                group.group,
                leaf.code,
                leaf.title,
                plain(leaf.maximum),
                shown(leaf.points_lost),
                leaf.units_losing_count,
                names[:EXCEL_TEXT_LIMIT],
            ]
            lines.append(Line(values, group.criteria_set.rounding.places))
    return lines


# -- CSV ----------------------------------------------------------------------------------------------------


def csv_text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def write_csv(stream: IO[str], groups: Sequence[GroupResult], *, full_precision: bool, newline: str) -> None:
    writer = csv.writer(stream, lineterminator=newline)
    writer.writerow(result_header(groups))
    for line in result_lines(groups, full_precision=full_precision):
        writer.writerow([csv_text(value) for value in line.values])


# -- XLSX ---------------------------------------------------------------------------------------------------


def number_format(places: int) -> str:
    """#,##0.00 for two places: Excel shows it with the reader's separators (86,92 in Vietnamese Excel)."""
    return "#,##0" + ("." + "0" * places if places > 0 else "")


def _excel(value: Value) -> str | int | float | None:
    return float(value) if isinstance(value, Decimal) else value


def _fill_sheet(
    sheet: Worksheet, header: Sequence[str], lines: Sequence[Line], wide: dict[int, int] | None = None
) -> None:
    """Bold frozen header, numeric cells with the set's places, columns as wide as their content."""
    sheet.append(list(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    widths = [len(name) for name in header]
    for row_number, line in enumerate(lines, start=2):
        for column, value in enumerate(line.values, start=1):
            cell = sheet.cell(row=row_number, column=column, value=_excel(value))
            if isinstance(value, Decimal):
                cell.number_format = number_format(line.places)
                shown = len(f"{value:,.{line.places}f}")
            elif isinstance(value, int):
                cell.number_format = "0"
                shown = len(str(value))
            else:
                shown = len(str(value or ""))
            widths[column - 1] = max(widths[column - 1], shown)
    for column, width in enumerate(widths, start=1):
        limit = (wide or {}).get(column, 50)
        sheet.column_dimensions[get_column_letter(column)].width = min(max(width + 2, 8), limit)
        if wide and column in wide:
            for cell in sheet[get_column_letter(column)][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")


def build_workbook(groups: Sequence[GroupResult], *, full_precision: bool) -> Workbook:
    workbook = Workbook()
    results = workbook.active
    assert isinstance(results, Worksheet)
    results.title = SHEET_RESULTS
    _fill_sheet(results, result_header(groups), result_lines(groups, full_precision=full_precision))
    average_header, averages = average_lines(groups, full_precision=full_precision)
    _fill_sheet(workbook.create_sheet(SHEET_AVERAGES), average_header, averages)
    _fill_sheet(
        workbook.create_sheet(SHEET_WEAKEST),
        WEAKEST_COLUMNS,
        weakest_lines(groups, full_precision=full_precision),
        wide={3: 60, 7: 80},
    )
    return workbook


# -- output -------------------------------------------------------------------------------------------------


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def _replace_atomically(path: str, write: Callable[[str], None]) -> None:
    target = Path(path)
    temporary = ""
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(handle)
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes it private; a result is an ordinary file
        write(temporary)
        os.replace(temporary, target)
    except OSError as exc:
        raise CliError([describe_os_error(path, exc)]) from None
    finally:
        if temporary:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)


def write_results(groups: Sequence[GroupResult], out: str | None, *, full_precision: bool) -> None:
    """Results to `out` (.csv or .xlsx), or as CSV to standard output when `out` is None."""
    if out is None:
        write_csv(sys.stdout, groups, full_precision=full_precision, newline="\n")
        sys.stdout.flush()
        return
    if Path(out).suffix.lower() == ".xlsx":
        workbook = build_workbook(groups, full_precision=full_precision)
        _replace_atomically(out, workbook.save)
        return

    def write(temporary: str) -> None:
        # The BOM makes Excel read the file as UTF-8, so unit names keep their diacritics.
        with open(temporary, "w", encoding="utf-8-sig", newline="") as stream:
            write_csv(stream, groups, full_precision=full_precision, newline="\r\n")

    _replace_atomically(out, write)
