"""Reading a criteria set from Excel: a workbook written by parindex, or a province's own plain template.

The workbook is read into the same plain data a YAML file gives and handed to SetBuilder, so every check of
the file format applies; problems are then told with the sheet and row they are on.
"""

from __future__ import annotations

import warnings
from io import BytesIO
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from parindex.engine import CriteriaSet
from parindex.engine.rules.base import fold
from parindex.setfile.build import MSG_NEITHER_CHILDREN_NOR_RULE, SetBuilder
from parindex.setfile.excel_info import InfoSheet, read_info_sheet, top_level_data
from parindex.setfile.excel_layout import INFO_SHEET, REQUIRED_COLUMNS, TABLE_SHEET
from parindex.setfile.excel_problems import ExcelProblem, ProblemLocator, excel_problem
from parindex.setfile.excel_table import Table, find_header, read_table
from parindex.setfile.excel_tree import build_tree
from parindex.setfile.problems import CriteriaSetError, SetProblem

MSG_UNREADABLE = "không đọc được tệp: {error}"
MSG_OLD_XLS = "tệp ở định dạng Excel 97–2003 (.xls): hãy mở bằng Excel hoặc LibreOffice và lưu lại thành .xlsx"
MSG_NOT_XLSX = "tệp không phải là bảng tính Excel (.xlsx) hoặc đã bị hỏng"
MSG_NO_TABLE = "không tìm thấy bảng tiêu chí: cần một dòng tiêu đề có các cột {columns}"
MSG_MISSING_COLUMNS = "dòng tiêu đề của bảng thiếu cột {columns}"

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of .xls and other Office 97–2003 files

XlsxSource = bytes | str | Path


def criteria_set_from_xlsx(
    data: XlsxSource, *, name: str | None = None, year: int | None = None, group: str | None = None
) -> CriteriaSet:
    """The set in an .xlsx file (its bytes or its path); raises CriteriaSetError listing every problem."""
    criteria_set, problems = check_criteria_set_xlsx(data, name=name, year=year, group=group)
    if criteria_set is None:
        raise CriteriaSetError(problems, str(data) if isinstance(data, str | Path) else None)
    return criteria_set


def check_criteria_set_xlsx(
    data: XlsxSource, *, name: str | None = None, year: int | None = None, group: str | None = None
) -> tuple[CriteriaSet | None, list[SetProblem]]:
    """The set, or None with every problem found. name, year and group override the "Thông tin" sheet."""
    workbook = _open_workbook(data)
    if isinstance(workbook, ExcelProblem):
        return None, [workbook]
    found = _find_table(workbook)
    if isinstance(found, ExcelProblem):
        return None, [found]
    sheet, header_row, columns = found
    table = read_table(sheet, header_row, columns)
    tree = build_tree(table)
    info_sheet = _sheet_named(workbook, INFO_SHEET)
    info = read_info_sheet(info_sheet) if info_sheet is not None else InfoSheet()
    top = top_level_data(info)
    for key, value in (("name", name), ("year", year), ("group", group)):
        if value is not None:
            top[key] = value
            info.rows.pop(key, None)  # the caller's value: no row of the sheet to point at
    total_row = None
    if not table.machine and "max_points" not in top and table.total is not None:
        top["max_points"], total_row = table.total, table.total_row  # a template's total is what it adds up to
    top["criteria"] = tree.criteria
    for kind, section in tree.sections.items():
        top[kind] = section

    builder = SetBuilder()
    criteria_set = builder.build(top)
    locator = ProblemLocator(
        table_sheet=table.sheet_title,
        info_sheet=info_sheet.title if info_sheet is not None else None,
        info_rows=info.rows,
        band_rows=[row for row, _, _ in info.bands],
        band_header_row=info.band_header_row,
        total_row=total_row,
    )
    problems = [excel_problem(message, table.sheet_title, row) for row, message in table.problems]
    problems += [excel_problem(item.message, table.sheet_title, item.row, item.code) for item in tree.problems]
    problems += [excel_problem(item.message, locator.info_sheet, item.row) for item in info.problems]
    # a rule cell that could not be read is already reported; "no rule" would only repeat it
    repeats = {(row, MSG_NEITHER_CHILDREN_NOR_RULE) for row in tree.rows_with_rule_problem}
    problems += [locator.locate(item) for item in builder.problems if (item.line, item.message) not in repeats]
    if problems:
        return None, _in_file_order(problems, table)
    return criteria_set, []


def _open_workbook(data: XlsxSource) -> Workbook | ExcelProblem:
    if isinstance(data, bytes):
        raw = data
    else:
        try:
            raw = Path(data).read_bytes()
        except OSError as exc:
            return excel_problem(MSG_UNREADABLE.format(error=exc.strerror or exc), None)
    if raw.startswith(_OLE2_MAGIC):
        return excel_problem(MSG_OLD_XLS, None)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions it skips (slicers, styles …)
            return load_workbook(BytesIO(raw), data_only=True)
    except Exception:  # a broken or foreign file fails in zipfile, the XML parser or openpyxl, in many ways
        return excel_problem(MSG_NOT_XLSX, None)


def _sheet_named(workbook: Workbook, title: str) -> Worksheet | None:
    return next((sheet for sheet in workbook.worksheets if fold(sheet.title) == fold(title)), None)


def _find_table(workbook: Workbook) -> tuple[Worksheet, int, dict[str, int]] | ExcelProblem:
    """The criteria table: on the "Bộ tiêu chí" sheet, else on the first sheet that has its header row."""
    named = _sheet_named(workbook, TABLE_SHEET)
    candidates = [named] if named is not None else []
    candidates += [
        sheet for sheet in workbook.worksheets if sheet is not named and fold(sheet.title) != fold(INFO_SHEET)
    ]
    closest: tuple[Worksheet, dict[str, int]] | None = None
    for sheet in candidates:
        row, columns = find_header(sheet)
        if row is not None:
            return sheet, row, columns
        if closest is None or len(columns) > len(closest[1]):
            closest = (sheet, columns)
    if closest is not None and len(closest[1]) >= 2:
        missing = ", ".join(f"“{column.title}”" for column in REQUIRED_COLUMNS if column.key not in closest[1])
        return excel_problem(MSG_MISSING_COLUMNS.format(columns=missing), closest[0].title)
    required = ", ".join(f"“{column.title}”" for column in REQUIRED_COLUMNS)
    return excel_problem(MSG_NO_TABLE.format(columns=required), None)


def _in_file_order(problems: list[ExcelProblem], table: Table) -> list[SetProblem]:
    def order(problem: ExcelProblem) -> tuple[int, int]:
        sheet_order = 0 if problem.sheet is None else 1 if problem.sheet == table.sheet_title else 2
        return sheet_order, problem.row or 0

    by_place = sorted(problems, key=order)
    return [*by_place]
