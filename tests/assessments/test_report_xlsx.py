"""The report's Excel file: the PDF's table with numeric cells, every number one of the report's own figures."""

import io
from collections import Counter
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from parindex.assessments.reports import xlsx
from parindex.assessments.reports.content import self_assessment_report
from parindex.assessments.services import answer_save_self
from parindex.engine import parse_answers, score_unit
from parindex.setfile.excel_layout import points_format

ANSWERS = {"1.1": "Có", "1.2": "37/40", "1.3": "16/12/2025", "1.4": "KAD", "2.1": "Đạt"}


@pytest.fixture
def report(officer_a, head_a, assessment_a):
    for code, raw in ANSWERS.items():
        answer_save_self(actor=officer_a, assessment=assessment_a, code=code, raw=raw, note="", expected_version=None)
    return self_assessment_report(assessment_a)


@pytest.fixture
def sheet(report):
    workbook = load_workbook(io.BytesIO(xlsx.report_xlsx(report)))
    return workbook[xlsx.SHEET_TITLE]


def detail_rows(sheet):
    """Row number by code, from the header down to the total."""
    rows = {}
    for row in range(xlsx.HEADER_ROW + 1, sheet.max_row + 1):
        code = sheet.cell(row, xlsx.CODE).value
        if sheet.cell(row, xlsx.TITLE).value == "Tổng điểm tự chấm (trên điểm tối đa áp dụng)":
            rows["total"] = row
            return rows
        if code:
            rows[code] = row
    raise AssertionError("no total row")


def report_figures(report):
    """Every figure the report holds, as many times as the sheet shows it."""
    figures = []
    for row in report.rows:
        figures += [figure for figure in (row.maximum, row.points) if figure is not None]
    figures += [report.applicable_maximum, report.total]  # the detail's total row
    for field in report.fields:
        figures += [field.maximum, field.applicable_maximum, field.points]
        figures += [field.index] if field.index else []
    figures += [report.maximum, report.applicable_maximum, report.total, report.index]  # the fields' total
    figures += [figure for _, figure, _ in xlsx.summary_lines(report) if figure is not None]
    return figures


def test_every_number_in_the_sheet_is_one_of_the_reports_figures_and_nothing_else(report, sheet):
    numbers = [
        xlsx.figure_value(cell.value)
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, int | float) and not isinstance(cell.value, bool)
    ]
    assert Counter(numbers) == Counter(figure.value for figure in report_figures(report))


def test_leaf_cells_are_numbers_with_the_reports_values_and_formats(report, sheet):
    rows = detail_rows(sheet)
    for line in report.rows:
        if line.kind == "section":
            continue
        row = rows[line.code]
        maximum, points = sheet.cell(row, xlsx.MAXIMUM), sheet.cell(row, xlsx.POINTS)
        assert xlsx.figure_value(maximum.value) == line.maximum.value
        assert maximum.number_format == points_format(line.maximum.value)
        if line.points is None:
            assert points.value is None
        else:
            assert xlsx.figure_value(points.value) == line.points.value
            assert points.number_format == points_format(line.points.value)
    assert sheet.cell(rows["1.2"], xlsx.POINTS).value == 1.5
    assert sheet.cell(rows["1.2"], xlsx.POINTS).number_format == "0.0"
    assert sheet.cell(rows["1.2"], xlsx.ANSWER).value == "37/40"
    assert sheet.cell(rows["1.4"], xlsx.ANSWER).value == "Không áp dụng"
    assert sheet.cell(rows["1.2"], xlsx.HOW).value == "Đạt 92,5% (37/40): mức từ 80% → 1,5 điểm"


def test_the_totals_are_the_engines(assessment_a, report, sheet):
    criteria_set = assessment_a.criteria_set
    score = score_unit(criteria_set, parse_answers(criteria_set, ANSWERS)[0])
    rounding = criteria_set.rounding
    total_row = detail_rows(sheet)["total"]
    assert xlsx.figure_value(sheet.cell(total_row, xlsx.POINTS).value) == rounding.apply(score.points) == 6
    assert xlsx.figure_value(sheet.cell(total_row, xlsx.MAXIMUM).value) == score.maximum == 18
    index_cells = [
        cell
        for row in sheet.iter_rows(min_row=total_row + 1)
        for cell in row
        if cell.column == xlsx.INDEX and isinstance(cell.value, int | float)
    ]
    assert [xlsx.figure_value(cell.value) for cell in index_cells] == [
        rounding.apply(score.node("1").index),
        rounding.apply(score.node("2").index),
        rounding.apply(score.index),
    ]
    assert [cell.value for cell in index_cells] == [50, 20, 33.33]
    assert {cell.number_format for cell in index_cells} == {"0.00"}  # the set's two places, always shown


def test_times_new_roman_throughout(sheet):
    fonts = {cell.font.name for row in sheet.iter_rows() for cell in row if cell.value is not None}
    assert fonts == {"Times New Roman"}


def test_the_heading_and_the_signature(report, sheet):
    assert sheet.cell(xlsx.ISSUER_ROW, xlsx.CODE).value == "SỞ TƯ PHÁP"
    assert sheet.cell(xlsx.NUMBER_ROW, xlsx.CODE).value == "Số: ……/BC-……"
    assert sheet.cell(xlsx.ISSUER_ROW, xlsx.ANSWER).value == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert sheet.cell(xlsx.NUMBER_ROW, xlsx.ANSWER).value == "Độc lập - Tự do - Hạnh phúc"
    assert sheet.cell(xlsx.DATE_ROW, xlsx.ANSWER).value.startswith("……, ngày ")
    assert sheet.cell(xlsx.TITLE_ROW, xlsx.CODE).value == report.title
    texts = [cell.value for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]
    assert "THỦ TRƯỞNG ĐƠN VỊ" in texts
    assert "(Ký, ghi rõ họ tên, đóng dấu)" in texts
    assert texts[-1] == "Vũ Đức Thủ Trưởng"


def test_a4_portrait_with_the_header_frozen_and_repeated(sheet):
    assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4)
    assert sheet.page_setup.orientation == "portrait"
    assert sheet.page_setup.fitToWidth == 1
    assert sheet.freeze_panes == f"C{xlsx.HEADER_ROW + 1}"
    assert sheet.print_title_rows == f"${xlsx.HEADER_ROW}:${xlsx.HEADER_ROW}"
    assert round(sheet.page_margins.left * 25.4) == 30
    assert round(sheet.page_margins.right * 25.4) == 15
    assert [sheet.cell(xlsx.HEADER_ROW, column).value for column in range(1, 8)] == [
        title for title, _ in xlsx.DETAIL_HEADERS
    ]


def test_figures_read_back_exactly():
    assert xlsx.figure_value(1.5) == Decimal("1.5")
    assert xlsx.figure_value(33.33) == Decimal("33.33")
    assert xlsx.figure_value(2) == Decimal("2")
