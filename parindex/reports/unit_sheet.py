"""A unit's detailed scoring sheet (Excel): per field, criterion and leaf, the unit's own answer and points,
round 1 of the appraisal, the final answer (round 2 over round 1) and its points, the points lost and the
note. Small (one unit): made during the request.

The figures are council.selectors.unit_result_detail's (the approved snapshot's totals once approved), at
the set's rounding, as the unit's result page prints them. Round 1 is not in that detail: it is scored here
by the engine from the round-1 answers, the same way the detail scores the others.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from parindex.assessments.models import Answer, Assessment, Stage
from parindex.council.selectors import DetailRow, UnitDetail, unit_result_detail
from parindex.engine import UnitScore, parse_answers, score_units
from parindex.reports.figures import excel_value, figure, places_format
from parindex.setfile.excel_layout import FONT_NAME

SHEET_TITLE = "Bảng điểm chi tiết"
TITLE = "BẢNG ĐIỂM CHI TIẾT CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}"
HEADERS = (
    ("STT", 7.0),
    ("Nội dung", 42.0),
    ("Điểm tối đa áp dụng", 9.0),
    ("Tự đánh giá: kết quả", 14.0),
    ("Điểm tự chấm", 9.0),
    ("Thẩm định lần 1: kết quả", 14.0),
    ("Điểm thẩm định lần 1", 9.0),
    ("Kết quả cuối cùng", 14.0),
    ("Điểm cuối cùng", 9.0),
    ("Điểm bị mất", 9.0),
    ("Ghi chú, cách tính điểm", 40.0),
)
CODE, NAME, MAXIMUM, SELF_RAW, SELF_POINTS, R1_RAW, R1_POINTS, FINAL_RAW, FINAL_POINTS, LOST, NOTE = range(1, 12)
TITLE_ROW, UNIT_ROW, SET_ROW = 1, 2, 3
HEADER_ROW = 5
NOT_APPLICABLE = "Không áp dụng"

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_FILL = PatternFill("solid", fgColor="EFEFEF")
_HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")


@dataclass(frozen=True)
class RoundOne:
    raw: dict[str, str]
    score: UnitScore | None  # None when round 1 has no answer yet


def round_one(assessment: Assessment) -> RoundOne:
    raw = dict(
        Answer.objects.filter(assessment=assessment, stage=Stage.APPRAISAL_1).values_list("code", "raw").order_by()
    )
    if not raw:
        return RoundOne(raw, None)
    criteria_set = assessment.criteria_set
    parsed, _ = parse_answers(criteria_set, raw)
    (score,) = score_units(criteria_set, [parsed])
    return RoundOne(raw, score)


def filename(assessment: Assessment) -> str:
    code = re.sub(r"[^A-Za-z0-9_]+", "-", assessment.unit.code).strip("-") or "don-vi"
    return f"bang-diem-chi-tiet-{code}-{assessment.period.year}.xlsx"


def _font(*, bold: bool = False, italic: bool = False, size: float = 10) -> Font:
    return Font(name=FONT_NAME, bold=bold, italic=italic, size=size)


def _round_one_points(row: DetailRow, first: RoundOne) -> Decimal | None:
    if first.score is None or (row.is_leaf and row.node.code not in first.raw):
        return None
    node = first.score.node(row.node.code)
    return None if node.not_applicable else node.points


def _write_row(sheet: Worksheet, line: int, row: DetailRow, first: RoundOne, detail: UnitDetail) -> None:
    rounding = detail.rounding
    number = places_format(rounding.places)

    def put(column: int, value: Decimal | None) -> None:
        cell = sheet.cell(line, column, excel_value(figure(value, rounding)))
        cell.number_format = number

    sheet.cell(line, CODE, row.node.code)
    sheet.cell(line, NAME, row.node.title)
    put(MAXIMUM, row.maximum)
    put(SELF_POINTS, row.self_points)
    put(R1_POINTS, _round_one_points(row, first))
    put(FINAL_POINTS, row.final_points)
    put(LOST, row.lost)
    if row.is_leaf:
        sheet.cell(line, SELF_RAW, row.self_raw or None)
        sheet.cell(line, R1_RAW, first.raw.get(row.node.code) or None)
        sheet.cell(line, FINAL_RAW, (NOT_APPLICABLE if row.not_applicable else row.final_raw) or None)
        notes = [row.why]
        if row.final_note:
            notes.append(f"Ghi chú thẩm định{f' lần {row.final_round}' if row.final_round else ''}: {row.final_note}")
        sheet.cell(line, NOTE, "\n".join(note for note in notes if note) or None)
    elif row.not_applicable:
        sheet.cell(line, FINAL_RAW, NOT_APPLICABLE)
    for column in range(1, len(HEADERS) + 1):
        cell = sheet.cell(line, column)
        cell.border = _BORDER
        cell.font = _font(bold=not row.is_leaf)
        cell.alignment = Alignment(
            wrap_text=True, vertical="top", indent=row.depth if column == NAME else 0, horizontal=None
        )
        if row.depth == 0 and not row.is_leaf:
            cell.fill = _FILL


def _write_totals(sheet: Worksheet, line: int, detail: UnitDetail, *, show_rank: bool) -> int:
    rounding = detail.rounding
    number = places_format(rounding.places)
    lines: list[tuple[str, Any, bool]] = [
        ("Tổng điểm tự chấm", detail.self_points, True),
        ("Tổng điểm cuối cùng", detail.points, True),
        ("Điểm tối đa áp dụng", detail.maximum, True),
        ("Chỉ số (%)", detail.index, True),
    ]
    if show_rank:
        lines += [("Xếp hạng trong nhóm", detail.rank, False), ("Xếp loại", detail.band or None, False)]
    for label, value, numeric in lines:
        sheet.cell(line, NAME, label).font = _font(bold=True)
        if numeric:
            cell = sheet.cell(line, FINAL_POINTS, excel_value(figure(value, rounding)))
            cell.number_format = number
        else:
            cell = sheet.cell(line, FINAL_POINTS, value)
        cell.font = _font(bold=True)
        line += 1
    return line


def unit_sheet_xlsx(assessment: Assessment, *, show_rank: bool) -> bytes:
    detail = unit_result_detail(assessment)
    first = round_one(assessment)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new Workbook always has one sheet
    sheet.title = SHEET_TITLE
    last = get_column_letter(len(HEADERS))
    texts = (
        (TITLE_ROW, TITLE.format(year=assessment.period.year), _font(bold=True, size=13)),
        (UNIT_ROW, f"Đơn vị: {assessment.unit.name}", _font(bold=True, size=12)),
        (SET_ROW, f"{detail.criteria_set.name} · {assessment.period.name}", _font(italic=True)),
    )
    for line_number, text, font in texts:
        sheet.merge_cells(f"A{line_number}:{last}{line_number}")
        cell = sheet.cell(line_number, 1, text)
        cell.font = font
        cell.alignment = Alignment(horizontal="center", wrap_text=True)
    for column, (title, width) in enumerate(HEADERS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
        cell = sheet.cell(HEADER_ROW, column, title)
        cell.font = _font(bold=True)
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    line = HEADER_ROW + 1
    for row in detail.rows:
        _write_row(sheet, line, row, first, detail)
        line += 1
    last_row = _write_totals(sheet, line + 1, detail, show_rank=show_rank)
    sheet.freeze_panes = f"C{HEADER_ROW + 1}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.print_area = f"A1:{last}{last_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    workbook.properties.title = TITLE.format(year=assessment.period.year)
    workbook.properties.creator = assessment.unit.name
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
