"""The results workbook holds exactly the council's figures (live before approval, the snapshot after), at the
set's rounding, as numeric cells — and those are the engine's figures on the same answers, computed here
independently of parindex.council."""

from decimal import Decimal

import pytest

from parindex.council.selectors import group_results
from parindex.reports import workbook
from parindex.reports.workbook import FIRST_DATA_ROW, FIRST_FIELD, HEADER_ROW, results_workbook, tail_columns
from tests.council.scenario import expected_ranking
from tests.reports.helpers import number, open_workbook


def _sheet(scenario):
    results = group_results(scenario.period, scenario.group)
    book = open_workbook(results_workbook([results]))
    assert book.sheetnames == [scenario.group.name]
    return results, book[scenario.group.name]


def _rounded(value, rounding):
    return None if value is None else rounding.apply(value)


@pytest.mark.parametrize("phase", ["appraised", "approved"])
def test_every_figure_equals_the_engines_at_the_sets_rounding(request, phase):
    scenario = request.getfixturevalue(phase)
    results, sheet = _sheet(scenario)
    rounding = scenario.criteria_set.rounding
    expected = expected_ranking(scenario.criteria_set)
    tail = tail_columns(len(results.fields))
    codes = [node.code for node in results.fields]

    for offset, want in enumerate(expected):
        line = FIRST_DATA_ROW + offset
        cells = {column: sheet.cell(line, column).value for column in range(1, tail["band"] + 1)}
        assert cells[1] == offset + 1
        assert cells[2] == want.key
        assert number(cells[tail["points"]]) == rounding.apply(want.score.points)
        assert number(cells[tail["maximum"]]) == rounding.apply(want.score.maximum)
        assert number(cells[tail["index"]]) == rounding.apply(want.score.index)
        assert cells[tail["rank"]] == want.rank
        assert cells[tail["band"]] == want.band
        fields = want.score.field_scores()
        for position, code in enumerate(codes):
            points, index = cells[FIRST_FIELD + 2 * position], cells[FIRST_FIELD + 2 * position + 1]
            assert number(points) == _rounded(fields[code].points, rounding)
            assert number(index) == _rounded(fields[code].index, rounding)


def test_the_figures_hand_worked_in_the_scenario_are_in_the_sheet(approved):
    results, sheet = _sheet(approved)
    tail = tail_columns(len(results.fields))
    rows = [
        (sheet.cell(line, 2).value, number(sheet.cell(line, tail["index"]).value), sheet.cell(line, tail["rank"]).value)
        for line in range(FIRST_DATA_ROW, FIRST_DATA_ROW + 4)
    ]
    assert rows == [
        ("Sở Tư pháp", Decimal("93.89"), 1),
        ("Sở Đối ngoại", Decimal("81.50"), 2),
        ("Sở Giáo dục và Đào tạo", Decimal("81.50"), 2),
        ("Sở Y tế", Decimal("76.11"), 4),
    ]


def test_numbers_show_the_sets_places_and_the_average_row_follows(approved):
    results, sheet = _sheet(approved)
    tail = tail_columns(len(results.fields))
    rounding = results.rounding
    first = sheet.cell(FIRST_DATA_ROW, tail["index"])
    assert first.number_format == "0.00"
    assert first.font.name == "Times New Roman"

    average_line = FIRST_DATA_ROW + len(results.rows)
    assert sheet.cell(average_line, 2).value == "Trung bình của nhóm (4 đơn vị)"
    assert number(sheet.cell(average_line, tail["index"]).value) == rounding.apply(results.averages.index)
    assert number(sheet.cell(average_line, tail["points"]).value) == rounding.apply(results.averages.points)
    for position, value in enumerate(results.averages.field_list):
        assert number(sheet.cell(average_line, FIRST_FIELD + 2 * position + 1).value) == _rounded(value, rounding)


def test_the_heading_says_whether_the_figures_are_approved(appraised, approved):
    _, sheet = _sheet(approved)
    assert sheet.cell(workbook.STATUS_ROW, 1).value == "(Kèm theo Quyết định số 123/QĐ-HĐĐG ngày 26/11/2025)"
    assert sheet.cell(workbook.TITLE_ROW, 1).value == "KẾT QUẢ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025"
    assert sheet.cell(HEADER_ROW, 1).value == "STT"
    assert sheet.cell(HEADER_ROW + 1, FIRST_FIELD).value == "Điểm"
    assert sheet.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW + 1}"


def test_units_not_yet_appraised_are_named_but_never_ranked(scenario):
    scenario.appraise("a")
    results, sheet = _sheet(scenario)
    assert [row.unit_name for row in results.rows] == ["Sở Tư pháp"]
    texts = [cell.value for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]
    assert any(text.startswith("Chưa đủ điều kiện xếp hạng") and "Sở Y tế" in text for text in texts)


def test_sheet_names_are_cut_to_excels_rules():
    taken: set[str] = set()
    long_name = "Ủy ban nhân dân các xã, phường: đặc khu [thí điểm]"
    first = workbook.sheet_title(long_name, taken)
    second = workbook.sheet_title(long_name, taken)
    assert len(first) <= 31
    assert len(second) <= 31
    assert not set("[]:*?/\\") & set(first)
    assert first != second


def test_a_period_without_groups_gives_a_workbook_that_says_so():
    book = open_workbook(results_workbook([]))
    assert book.sheetnames == ["Kết quả"]
    assert book["Kết quả"]["A1"].value == workbook.EMPTY
