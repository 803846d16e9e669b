"""Writing a criteria set to Excel in the layout provinces publish, with what is needed to read it back.

The printed part (columns STT … Tài liệu kiểm chứng, A4 landscape) looks like the annex of a provincial
decision; the machine columns to its right and the "Thông tin" sheet make `criteria_set_from_xlsx` give back
exactly the same set.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from decimal import Decimal
from io import BytesIO
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.header_footer import HeaderFooterItem, _HeaderFooterPart
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from parindex.engine import CriteriaSet, Node
from parindex.engine.text import num
from parindex.engine.tree import SectionKind
from parindex.setfile.excel_layout import (
    BAND_MIN_TITLE,
    BAND_NAME_TITLE,
    COLUMNS,
    FONT_NAME,
    GROUP_LABELS,
    INFO_ROWS,
    INFO_SHEET,
    INFO_TITLE,
    MACHINE_CAPTION,
    MAXIMUM,
    NO,
    PUBLISHED_COLUMNS,
    ROUNDING_LABELS,
    RULE,
    SECTION_TITLES,
    SOURCE_LABELS,
    SURVEY_LABELS,
    TABLE_SHEET,
    TOTAL_TITLE,
    YES,
    ParentMissing,
    excel_number,
    parent_code,
    points_format,
    rule_to_cell,
)
from parindex.setfile.problems import CriteriaSetError, SetProblem

MSG_CODE_NOT_UNDER_PARENT = (
    "mã “{code}” phải là mã của tiêu chí cha “{parent}” thêm một số sau dấu chấm (ví dụ “{parent}.1”): "
    "bảng Excel xác định cấp của tiêu chí theo mã"
)
MSG_TOP_CODE_WITH_DOT = (
    "mã “{code}” có dấu chấm nên bảng Excel sẽ đặt nó dưới một tiêu chí khác: "
    "tiêu chí cấp cao nhất cần mã không có dấu chấm"
)

TITLE_ROW = 1
SUBTITLE_ROW = 2
CAPTION_ROW = 3
HEADER_ROW = 4

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
_MACHINE_FILL = PatternFill("solid", fgColor="FFF2CC")  # pale yellow: "not part of the published table"
_FIELD_FILL = PatternFill("solid", fgColor="DDEBF7")
_SECTION_FILL = PatternFill("solid", fgColor="E2EFDA")
_WRAP_TOP = Alignment(wrap_text=True, vertical="top")
_CENTER_TOP = Alignment(horizontal="center", vertical="top", wrap_text=True)
_CHARACTERS_PER_WIDTH = 1.05  # Times New Roman 12 pt characters per unit of Excel column width, a little low
_LINE_HEIGHT = 15.5  # points per line of 12 pt text
_INFO_WIDTHS = {"A": 36.0, "B": 60.0, "C": 60.0}


def _font(*, bold: bool = False, italic: bool = False, size: float = 12) -> Font:
    return Font(name=FONT_NAME, bold=bold, italic=italic, size=size)


def check_codes_for_excel(criteria_set: CriteriaSet) -> list[SetProblem]:
    """Codes the Excel table could not rebuild the tree from: the table knows a parent only by its code."""
    problems = []
    for kind, roots in criteria_set.sections():
        earlier: set[str] = set()
        for node, parent in _with_parent(roots):
            try:
                placed = parent_code(node.code, earlier, kind)
            except ParentMissing:
                placed = ""
            if placed != (parent.code if parent is not None else None):
                message = (
                    MSG_CODE_NOT_UNDER_PARENT.format(code=node.code, parent=parent.code)
                    if parent is not None
                    else MSG_TOP_CODE_WITH_DOT.format(code=node.code)
                )
                problems.append(SetProblem(f"Tiêu chí “{node.code}”", message, code=node.code))
            earlier.add(node.code)
    return problems


def _with_parent(roots: tuple[Node, ...]) -> Iterator[tuple[Node, Node | None]]:
    def walk(node: Node, parent: Node | None) -> Iterator[tuple[Node, Node | None]]:
        yield node, parent
        for child in node.children:
            yield from walk(child, node)

    for root in roots:
        yield from walk(root, None)


def criteria_set_to_xlsx(criteria_set: CriteriaSet) -> bytes:
    """The set as an .xlsx file; raises CriteriaSetError if its codes do not follow the dotted convention."""
    problems = check_codes_for_excel(criteria_set)
    if problems:
        raise CriteriaSetError(problems)
    workbook = Workbook()
    table = workbook.active
    assert table is not None  # a new Workbook always has one sheet
    table.title = TABLE_SHEET
    _write_table(table, criteria_set)
    _write_info(workbook.create_sheet(INFO_SHEET), criteria_set)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_criteria_set_xlsx(criteria_set: CriteriaSet, path: str | Path) -> None:
    Path(path).write_bytes(criteria_set_to_xlsx(criteria_set))


# -- the "Bộ tiêu chí" sheet ----------------------------------------------------------------------------


def _write_table(sheet: Worksheet, criteria_set: CriteriaSet) -> None:
    last_published = get_column_letter(len(PUBLISHED_COLUMNS))
    _write_title_block(sheet, criteria_set, last_published)
    _write_header(sheet)
    row = HEADER_ROW + 1
    for kind, roots in criteria_set.sections():
        if kind != "criteria":
            row = _write_section_row(sheet, row, kind, criteria_set)
        for node, depth in _with_depth(roots):
            _write_node(sheet, row, node, depth)
            row += 1
    _write_total_row(sheet, row, criteria_set)
    _add_choice_lists(sheet, HEADER_ROW + 1, row - 1)
    _set_up_page(sheet, last_published, row)


def _write_title_block(sheet: Worksheet, criteria_set: CriteriaSet, last_column: str) -> None:
    group = GROUP_LABELS.get(criteria_set.group, criteria_set.group)
    for row, text, font in (
        (TITLE_ROW, criteria_set.name, _font(bold=True, size=14)),
        (SUBTITLE_ROW, f"Năm {criteria_set.year} – Nhóm đơn vị: {group}", _font(italic=True)),
    ):
        sheet.merge_cells(f"A{row}:{last_column}{row}")
        cell = sheet.cell(row, 1, text)
        cell.font = font
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.row_dimensions[TITLE_ROW].height = 40


def _write_header(sheet: Worksheet) -> None:
    first_machine = len(PUBLISHED_COLUMNS) + 1
    sheet.merge_cells(start_row=CAPTION_ROW, start_column=first_machine, end_row=CAPTION_ROW, end_column=len(COLUMNS))
    caption = sheet.cell(CAPTION_ROW, first_machine, MACHINE_CAPTION)
    caption.font = _font(italic=True, size=10)
    caption.fill = _MACHINE_FILL
    caption.alignment = Alignment(horizontal="center", wrap_text=True)
    for position, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(HEADER_ROW, position, column.title)
        cell.font = _font(bold=True)
        cell.fill = _MACHINE_FILL if column.machine else _HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = _BORDER
        sheet.column_dimensions[get_column_letter(position)].width = column.width


def _with_depth(roots: tuple[Node, ...]) -> Iterator[tuple[Node, int]]:
    def walk(node: Node, depth: int) -> Iterator[tuple[Node, int]]:
        yield node, depth
        for child in node.children:
            yield from walk(child, depth + 1)

    for root in roots:
        yield from walk(root, 0)


def _write_text(sheet: Worksheet, row: int, column: int, text: str) -> None:
    if not text:
        return
    cell = sheet.cell(row, column, text)
    if text.startswith("="):
        cell.data_type = "s"  # published wording, never a formula


def _write_points(sheet: Worksheet, row: int, column: int, value: Decimal) -> None:
    cell = sheet.cell(row, column, excel_number(value))
    cell.number_format = points_format(value)


def _write_node(sheet: Worksheet, row: int, node: Node, depth: int) -> None:
    values: dict[str, str] = {
        "code": node.code,
        "title": node.title,
        "guidance": node.how_scored(),
        "evidence": node.evidence,
        "rule": rule_to_cell(node.rule) if node.rule is not None else "",
        "allow_na": "" if node.allow_na is None else (YES if node.allow_na else NO),
        "source": SOURCE_LABELS[node.source] if node.source is not None else "",
        "capped": YES if node.capped else "",
    }
    for position, column in enumerate(COLUMNS, start=1):
        if column is MAXIMUM:
            _write_points(sheet, row, position, node.maximum)
        else:
            _write_text(sheet, row, position, values[column.key])
        cell = sheet.cell(row, position)
        cell.border = _BORDER
        cell.font = _font(bold=not node.is_leaf and depth <= 1, size=12 if not column.machine else 10)
        cell.alignment = _CENTER_TOP if column.key in ("code", "max", "allow_na", "capped") else _WRAP_TOP
        if depth == 0 and not node.is_leaf and not column.machine:
            cell.fill = _FIELD_FILL
    sheet.cell(row, 2).alignment = Alignment(wrap_text=True, vertical="top", indent=depth * 2)
    sheet.cell(row, COLUMNS.index(RULE) + 1).alignment = Alignment(vertical="top")  # one line, for a program
    _fit_row_height(sheet, row, [column.width for column in PUBLISHED_COLUMNS])


def _fit_row_height(sheet: Worksheet, row: int, widths: list[float]) -> None:
    """A height that shows every wrapped line of the row's first len(widths) columns.

    Neither openpyxl nor LibreOffice sizes rows to wrapped text when a file is opened, so without this long
    criteria would print over each other. The estimate errs on the tall side.
    """
    lines = 1
    for position, width in enumerate(widths, start=1):
        value = sheet.cell(row, position).value
        if isinstance(value, str):
            per_line = max(1, int(width * _CHARACTERS_PER_WIDTH))
            lines = max(lines, sum(max(1, math.ceil(len(part) / per_line)) for part in value.split("\n")))
    sheet.row_dimensions[row].height = lines * _LINE_HEIGHT + 3


def _write_section_row(sheet: Worksheet, row: int, kind: SectionKind, criteria_set: CriteriaSet) -> int:
    section = criteria_set.bonus if kind == "bonus" else criteria_set.penalty
    assert section is not None  # sections() yields only the sections the set has
    text = f"{SECTION_TITLES[kind]} (tối đa {num(section.cap)} điểm)"
    for position in range(1, len(PUBLISHED_COLUMNS) + 1):
        cell = sheet.cell(row, position, text if position == 2 else None)
        cell.font = _font(bold=True)
        cell.fill = _SECTION_FILL
        cell.border = _BORDER
        cell.alignment = _WRAP_TOP
    return row + 1


def _write_total_row(sheet: Worksheet, row: int, criteria_set: CriteriaSet) -> None:
    total = criteria_set.max_points if criteria_set.max_points is not None else criteria_set.maximum
    sheet.cell(row, 2, TOTAL_TITLE)
    _write_points(sheet, row, 3, total)
    if criteria_set.bonus is not None or criteria_set.penalty is not None:
        sheet.cell(row, 4, "Không tính điểm thưởng, điểm trừ")
    for position in range(1, len(PUBLISHED_COLUMNS) + 1):
        cell = sheet.cell(row, position)
        cell.font = _font(bold=True)
        cell.border = _BORDER
        cell.alignment = _CENTER_TOP if position == 3 else _WRAP_TOP


def _add_choice_lists(sheet: Worksheet, first_row: int, last_row: int) -> None:
    """Drop-down lists on the machine columns, so a hand edit stays readable."""
    if last_row < first_row:
        return
    choices = {
        "allow_na": [YES, NO],
        "source": list(SOURCE_LABELS.values()),
        "capped": [YES],
    }
    for position, column in enumerate(COLUMNS, start=1):
        if column.key not in choices:
            continue
        validation = DataValidation(type="list", formula1='"' + ",".join(choices[column.key]) + '"', allow_blank=True)
        letter = get_column_letter(position)
        validation.add(f"{letter}{first_row}:{letter}{last_row}")
        sheet.add_data_validation(validation)


def _set_up_page(sheet: Worksheet, last_published: str, end_row: int) -> None:
    sheet.freeze_panes = f"C{HEADER_ROW + 1}"  # header rows and STT / Nội dung stay in view
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.print_area = f"A1:{last_published}{end_row}"  # the published table only, as in the decision
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.HeaderFooter.oddFooter = HeaderFooterItem(center=_HeaderFooterPart(text="Trang &P/&N"))


# -- the "Thông tin" sheet ------------------------------------------------------------------------------


def info_values(criteria_set: CriteriaSet) -> dict[str, object]:
    return {
        "name": criteria_set.name,
        "year": criteria_set.year,
        "group": criteria_set.group,
        "max_points": criteria_set.max_points,
        "places": criteria_set.rounding.places,
        "mode": ROUNDING_LABELS[criteria_set.rounding.mode],
        "allow_na": YES if criteria_set.allow_na else NO,
        "survey": SURVEY_LABELS[criteria_set.survey_mode],
        "source_note": criteria_set.source_note,
    }


def _write_info(sheet: Worksheet, criteria_set: CriteriaSet) -> None:
    title = sheet.cell(1, 1, INFO_TITLE)
    title.font = _font(bold=True, size=14)
    values = info_values(criteria_set)
    row = 3
    for info in INFO_ROWS:
        sheet.cell(row, 1, info.label).font = _font(bold=True)
        value = values[info.key]
        if isinstance(value, Decimal):
            _write_points(sheet, row, 2, value)
        elif isinstance(value, int):
            sheet.cell(row, 2, value)
        elif isinstance(value, str):
            _write_text(sheet, row, 2, value)
        sheet.cell(row, 3, info.hint or None)
        for column in (1, 2, 3):
            cell = sheet.cell(row, column)
            cell.alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
            cell.border = _BORDER
            if column > 1:
                cell.font = _font(italic=column == 3, size=12 if column == 2 else 10)
        _fit_row_height(sheet, row, list(_INFO_WIDTHS.values()))
        row += 1
    row += 1
    for column, text in ((1, BAND_NAME_TITLE), (2, BAND_MIN_TITLE)):
        cell = sheet.cell(row, column, text)
        cell.font = _font(bold=True)
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
    for band in criteria_set.bands:
        row += 1
        _write_text(sheet, row, 1, band.name)
        _write_points(sheet, row, 2, band.min)
        for column in (1, 2):
            sheet.cell(row, column).border = _BORDER
            sheet.cell(row, column).font = _font()
    for letter, width in _INFO_WIDTHS.items():
        sheet.column_dimensions[letter].width = width
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
