"""The self-assessment report as an Excel workbook: the PDF's table with real numbers, for a unit or Sở Nội vụ
to sort, filter and add up.

House style of parindex/setfile/excel_export.py: Times New Roman (Nghị định 30; LibreOffice shows it with
Liberation Serif), thin grey borders, wrapped text with row heights that fit it, A4 with the header row
repeated on every printed page. Every number is a numeric cell holding the figure the report's content
computed (already at the set's rounding), with a format that shows exactly its decimals, so the sheet and
the PDF print the same digits; the Vietnamese decimal comma comes from the reader's Excel locale.
"""

from __future__ import annotations

import math
from decimal import Decimal
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.header_footer import HeaderFooterItem, _HeaderFooterPart
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from parindex.assessments.reports.content import Figure, ReportRow, SelfAssessmentReport, date_in_words
from parindex.assessments.reports.pdf import PLACE_BLANK
from parindex.setfile.excel_layout import FONT_NAME, excel_number, points_format

SHEET_TITLE = "Báo cáo tự đánh giá"
# Widths that fill A4 portrait inside Nghị định 30's margins (165 mm, about 90 units) at 100 %.
DETAIL_HEADERS = (
    ("STT", 6.0),
    ("Nội dung", 24.0),
    ("Điểm tối đa", 7.5),
    ("Kết quả thực hiện", 10.0),
    ("Điểm tự chấm", 7.5),
    ("Cách tính điểm, ghi chú", 19.0),
    ("Tài liệu kiểm chứng", 17.0),
)
FIELD_HEADERS = ("STT", "Lĩnh vực", "Điểm tối đa", "Điểm tối đa áp dụng", "Điểm tự chấm", "Chỉ số thành phần (%)")
COLUMN_COUNT = len(DETAIL_HEADERS)
# Where things are; the tests read the sheet back by these.
ISSUER_ROW, NUMBER_ROW, DATE_ROW = 1, 2, 3
TITLE_ROW, SUBTITLE_ROW = 4, 5
HEADER_ROW = 7
CODE, TITLE, MAXIMUM, ANSWER, POINTS, HOW, EVIDENCE = range(1, COLUMN_COUNT + 1)
# In the field summary below the detail: the same columns, other meanings.
APPLICABLE, FIELD_POINTS, INDEX = 4, 5, 6

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
_FIELD_FILL = PatternFill("solid", fgColor="EFEFEF")
_WRAP_TOP = Alignment(wrap_text=True, vertical="top")
_CENTER_TOP = Alignment(horizontal="center", vertical="top", wrap_text=True)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_CHARACTERS_PER_WIDTH = 1.1  # 10 pt Times New Roman characters per unit of column width, a little low
_LINE_HEIGHT = 13.0  # points per line of 10 pt text
_MM_PER_INCH = 25.4


def _font(*, bold: bool = False, italic: bool = False, size: float = 10) -> Font:
    return Font(name=FONT_NAME, bold=bold, italic=italic, size=size)


def index_format(places: int) -> str:
    """An index always shows the set's places, as published (86,92 · 100,00)."""
    return "0." + "0" * places if places else "0"


def _number(sheet: Worksheet, row: int, column: int, figure: Figure | None, number_format: str = "") -> None:
    if figure is None:
        return
    cell = sheet.cell(row, column, excel_number(figure.value))
    cell.number_format = number_format or points_format(figure.value)


def _merged_text(sheet: Worksheet, row: int, first: int, last: int, text: str, font: Font) -> None:
    sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
    cell = sheet.cell(row, first, text)
    cell.font = font
    cell.alignment = _CENTER


def _write_heading(sheet: Worksheet, report: SelfAssessmentReport) -> None:
    """Nghị định 30's heading: the unit and the number on the left, the national motto and date on the right."""
    left, right = (CODE, MAXIMUM), (ANSWER, EVIDENCE)
    _merged_text(sheet, ISSUER_ROW, *left, report.unit_name.upper(), _font(bold=True, size=12))
    _merged_text(sheet, NUMBER_ROW, *left, "Số: ……/BC-……", _font(size=12))
    _merged_text(sheet, ISSUER_ROW, *right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", _font(bold=True, size=12))
    _merged_text(sheet, NUMBER_ROW, *right, "Độc lập - Tự do - Hạnh phúc", _font(bold=True, size=12))
    place_date = f"{PLACE_BLANK}, {date_in_words(report.made_on)}"
    _merged_text(sheet, DATE_ROW, *right, place_date, _font(italic=True, size=12))
    _merged_text(sheet, TITLE_ROW, CODE, EVIDENCE, report.title, _font(bold=True, size=13))
    subtitle = report.criteria_set_name + (
        " (bản nháp: đơn vị chưa hoàn thành tự đánh giá, chưa dùng để ký)" if report.draft else ""
    )
    _merged_text(sheet, SUBTITLE_ROW, CODE, EVIDENCE, subtitle, _font(italic=True))
    sheet.row_dimensions[TITLE_ROW].height = 36


def _write_header_row(sheet: Worksheet, row: int, titles: tuple[str, ...]) -> None:
    for column, title in enumerate(titles, start=1):
        cell = sheet.cell(row, column, title)
        cell.font = _font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = _CENTER
        cell.border = _BORDER
    sheet.row_dimensions[row].height = 40


def _how_text(row: ReportRow) -> str:
    return "\n".join(part for part in (row.explanation, f"Ghi chú: {row.note}" if row.note else "") if part)


def _write_detail_row(sheet: Worksheet, row: int, line: ReportRow) -> None:
    if line.kind == "section":
        sheet.cell(row, TITLE, line.title)
    else:
        sheet.cell(row, CODE, line.code)
        sheet.cell(row, TITLE, line.title)
        _number(sheet, row, MAXIMUM, line.maximum)
        _number(sheet, row, POINTS, line.points)
        if line.kind == "leaf":
            if line.self_scored:
                sheet.cell(row, ANSWER, line.answer)
            sheet.cell(row, HOW, _how_text(line) or None)
            sheet.cell(row, EVIDENCE, "\n".join(ref.text for ref in line.evidence) or None)
        elif line.not_applicable:
            sheet.cell(row, ANSWER, "Không áp dụng")
    heading = line.kind != "leaf"
    for column in range(1, COLUMN_COUNT + 1):
        cell = sheet.cell(row, column)
        cell.border = _BORDER
        cell.font = _font(bold=heading, italic=line.kind == "leaf" and not line.self_scored and column == HOW)
        cell.alignment = _CENTER_TOP if column in (CODE, MAXIMUM, ANSWER, POINTS) else _WRAP_TOP
        if line.kind in ("section", "field"):
            cell.fill = _FIELD_FILL
    sheet.cell(row, TITLE).alignment = Alignment(wrap_text=True, vertical="top", indent=line.depth)
    _fit_row_height(sheet, row)


def _write_total_row(sheet: Worksheet, row: int, report: SelfAssessmentReport) -> None:
    sheet.cell(row, TITLE, "Tổng điểm tự chấm (trên điểm tối đa áp dụng)")
    _number(sheet, row, MAXIMUM, report.applicable_maximum)
    _number(sheet, row, POINTS, report.total)
    for column in range(1, COLUMN_COUNT + 1):
        cell = sheet.cell(row, column)
        cell.font = _font(bold=True)
        cell.border = _BORDER
        cell.alignment = _CENTER_TOP if column in (MAXIMUM, POINTS) else _WRAP_TOP
    _fit_row_height(sheet, row)


def _write_fields(sheet: Worksheet, row: int, report: SelfAssessmentReport) -> int:
    """The per-field summary with the component indices, then the total; returns the next free row."""
    sheet.cell(row, CODE, "TỔNG HỢP THEO LĨNH VỰC").font = _font(bold=True, size=12)
    row += 1
    _write_header_row(sheet, row, FIELD_HEADERS)
    index_style = index_format(report.places)
    for field in report.fields:
        row += 1
        sheet.cell(row, CODE, field.code)
        sheet.cell(row, TITLE, field.title)
        _number(sheet, row, MAXIMUM, field.maximum)
        _number(sheet, row, APPLICABLE, field.applicable_maximum)
        _number(sheet, row, FIELD_POINTS, field.points)
        _number(sheet, row, INDEX, field.index, index_style)
        _style_summary_row(sheet, row, bold=False)
    row += 1
    sheet.cell(row, TITLE, "Tổng cộng")
    _number(sheet, row, MAXIMUM, report.maximum)
    _number(sheet, row, APPLICABLE, report.applicable_maximum)
    _number(sheet, row, FIELD_POINTS, report.total)
    _number(sheet, row, INDEX, report.index, index_style)
    _style_summary_row(sheet, row, bold=True)
    return row + 1


def _style_summary_row(sheet: Worksheet, row: int, *, bold: bool) -> None:
    for column in range(1, len(FIELD_HEADERS) + 1):
        cell = sheet.cell(row, column)
        cell.font = _font(bold=bold)
        cell.border = _BORDER
        cell.alignment = _WRAP_TOP if column == TITLE else _CENTER_TOP
    _fit_row_height(sheet, row)


def summary_lines(report: SelfAssessmentReport) -> list[tuple[str, Figure | None, str]]:
    """(label, figure, number format) of the summary, in the order the PDF gives it."""
    lines: list[tuple[str, Figure | None, str]] = [
        ("Tổng điểm tự chấm", report.total, ""),
        ("Điểm tối đa áp dụng", report.applicable_maximum, ""),
        ("Điểm tối đa của bộ tiêu chí", report.maximum, ""),
        ("Chỉ số tự đánh giá (%)", report.index, index_format(report.places)),
    ]
    if report.bonus is not None:
        lines.append(("Điểm thưởng", report.bonus, ""))
    if report.penalty is not None:
        lines.append(("Điểm trừ", report.penalty, ""))
    return lines


def _write_summary(sheet: Worksheet, row: int, report: SelfAssessmentReport) -> int:
    for label, figure, number_format in summary_lines(report):
        sheet.cell(row, TITLE, label).font = _font(bold=True)
        _number(sheet, row, MAXIMUM, figure, number_format)
        sheet.cell(row, MAXIMUM).font = _font(bold=True)
        row += 1
    mentions = (
        ("Tiêu chí không áp dụng", report.not_applicable),
        ("Tiêu chí đơn vị không tự chấm", report.not_self_scored),
    )
    for label, leaves in mentions:
        if leaves:
            text = "; ".join(f"{leaf.code} {leaf.title} ({leaf.maximum.text} điểm)" for leaf in leaves)
            sheet.cell(row, TITLE, label).font = _font(bold=True)
            sheet.merge_cells(start_row=row, start_column=MAXIMUM, end_row=row, end_column=EVIDENCE)
            cell = sheet.cell(row, MAXIMUM, text)
            cell.font = _font()
            cell.alignment = _WRAP_TOP
            row += 1
    return row


def _write_signature(sheet: Worksheet, row: int, report: SelfAssessmentReport) -> int:
    sheet.cell(row, CODE, "Nơi nhận:").font = _font(bold=True, italic=True)
    sheet.cell(row + 1, CODE, "- Sở Nội vụ (để thẩm định);").font = _font(size=10)
    sheet.cell(row + 2, CODE, "- Lưu: VT.").font = _font(size=10)
    signer = (POINTS, EVIDENCE)
    _merged_text(sheet, row, *signer, "THỦ TRƯỞNG ĐƠN VỊ", _font(bold=True, size=12))
    _merged_text(sheet, row + 1, *signer, "(Ký, ghi rõ họ tên, đóng dấu)", _font(italic=True, size=12))
    for blank in range(row + 2, row + 6):
        sheet.row_dimensions[blank].height = 18  # room to sign and stamp
    _merged_text(sheet, row + 6, *signer, report.head_name, _font(bold=True, size=12))
    return row + 7


def _fit_row_height(sheet: Worksheet, row: int) -> None:
    """A height that shows every wrapped line (neither openpyxl nor LibreOffice sizes rows when opening)."""
    lines = 1
    for column, (_, width) in enumerate(DETAIL_HEADERS, start=1):
        value = sheet.cell(row, column).value
        if isinstance(value, str):
            per_line = max(1, int(width * _CHARACTERS_PER_WIDTH))
            lines = max(lines, sum(max(1, math.ceil(len(part) / per_line)) for part in value.split("\n")))
    sheet.row_dimensions[row].height = lines * _LINE_HEIGHT + 3


def _set_up_page(sheet: Worksheet, last_row: int) -> None:
    sheet.freeze_panes = f"{get_column_letter(MAXIMUM)}{HEADER_ROW + 1}"  # the header and STT / Nội dung stay
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.print_area = f"A1:{get_column_letter(COLUMN_COUNT)}{last_row}"
    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    # Nghị định 30's margins, as in the PDF: top and bottom 20 mm, left 30 mm, right 15 mm.
    margins = sheet.page_margins
    margins.top = margins.bottom = 20 / _MM_PER_INCH
    margins.left, margins.right = 30 / _MM_PER_INCH, 15 / _MM_PER_INCH
    sheet.HeaderFooter.oddFooter = HeaderFooterItem(center=_HeaderFooterPart(text="Trang &P/&N"))


def report_xlsx(report: SelfAssessmentReport) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new Workbook always has one sheet
    sheet.title = SHEET_TITLE
    for column, (_, width) in enumerate(DETAIL_HEADERS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    _write_heading(sheet, report)
    _write_header_row(sheet, HEADER_ROW, tuple(title for title, _ in DETAIL_HEADERS))
    row = HEADER_ROW + 1
    for line in report.rows:
        _write_detail_row(sheet, row, line)
        row += 1
    _write_total_row(sheet, row, report)
    row = _write_fields(sheet, row + 2, report)
    row = _write_summary(sheet, row + 1, report)
    last_row = _write_signature(sheet, row + 1, report)
    _set_up_page(sheet, last_row)
    workbook.properties.title = report.title
    workbook.properties.creator = report.unit_name
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def figure_value(cell_value: object) -> Decimal | None:
    """A numeric cell read back as the Decimal the report holds (for checks: floats print exactly)."""
    if cell_value is None:
        return None
    if isinstance(cell_value, int | float):
        return Decimal(repr(cell_value))
    return Decimal(str(cell_value).replace(",", "."))
