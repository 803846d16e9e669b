"""The exported workbook looks like a province's published criteria table and carries what a program needs."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl.worksheet.worksheet import Worksheet

from parindex.engine import CriteriaSet, Node
from parindex.engine.rules import ManualRule
from parindex.setfile import CriteriaSetError
from parindex.setfile.excel import criteria_set_to_xlsx, write_criteria_set_xlsx
from parindex.setfile.excel_export import HEADER_ROW, MSG_CODE_NOT_UNDER_PARENT, MSG_TOP_CODE_WITH_DOT
from parindex.setfile.excel_layout import INFO_SHEET, MACHINE_CAPTION, TABLE_SHEET
from tests.setfile.test_excel_samples import open_workbook, rich_set


@pytest.fixture(scope="module")
def table() -> Worksheet:
    return open_workbook(criteria_set_to_xlsx(rich_set()))[TABLE_SHEET]


@pytest.fixture(scope="module")
def info() -> Worksheet:
    return open_workbook(criteria_set_to_xlsx(rich_set()))[INFO_SHEET]


def row_of(sheet: Worksheet, code: str) -> int:
    return next(cell.row for cell in sheet["A"] if cell.value == code)


def row_with(sheet: Worksheet, text: str) -> int:
    return next(cell.row for cell in sheet["B"] if cell.value == text)


def test_the_header_has_the_published_columns_then_the_machine_columns(table: Worksheet) -> None:
    header = [cell.value for cell in table[HEADER_ROW]]

    assert header == [
        "STT",
        "Nội dung (tiêu chí, tiêu chí thành phần)",
        "Điểm tối đa",
        "Cách chấm điểm",
        "Tài liệu kiểm chứng",
        "Cách chấm (máy đọc)",
        "Không áp dụng",
        "Nguồn",
        "Cộng dồn có trần",
    ]
    assert table.cell(HEADER_ROW - 1, 6).value == MACHINE_CAPTION


def test_the_title_block_names_the_set_its_year_and_group(table: Worksheet) -> None:
    assert table["A1"].value == "Bộ tiêu chí thử nghiệm đủ mọi cách chấm"
    assert table["A2"].value == "Năm 2025 – Nhóm đơn vị: UBND cấp xã, phường, đặc khu"
    assert "A1:E1" in {str(merged) for merged in table.merged_cells.ranges}


def test_a_field_row_is_bold_and_filled_and_a_leaf_row_is_plain(table: Worksheet) -> None:
    field, leaf = row_of(table, "1"), row_of(table, "1.1.1")

    assert table.cell(field, 2).font.b
    assert table.cell(field, 2).fill.fgColor.rgb.endswith("DDEBF7")
    assert not table.cell(leaf, 2).font.b
    assert table.cell(leaf, 2).fill.fill_type is None


def test_criteria_are_indented_by_their_level(table: Worksheet) -> None:
    indents = [table.cell(row_of(table, code), 2).alignment.indent for code in ("1", "1.1", "1.1.1")]

    assert indents == [0, 2, 4]


def test_maxima_are_numbers_showing_only_the_decimals_they_have(table: Worksheet) -> None:
    whole, tenths, hundredths = (table.cell(row_of(table, code), 3) for code in ("1.1.1", "1.1", "1.1.2"))

    assert (whole.value, whole.number_format) == (2, "0")
    assert (tenths.value, tenths.number_format) == (10.5, "0.0")
    assert (hundredths.value, hundredths.number_format) == (1.25, "0.00")


def test_the_scoring_column_shows_the_published_wording_or_else_the_rules_description(table: Worksheet) -> None:
    assert table.cell(row_of(table, "1.1.3"), 4).value == "Hoàn thành 100%: 3,25 điểm\nTừ 80% đến dưới 100%: 2 điểm"
    assert table.cell(row_of(table, "1.1.2"), 4).value == "Có: 1,25 điểm; Không: 0,25 điểm"
    assert table.cell(row_of(table, "1"), 4).value == "Lĩnh vực 1 tính theo tổng các tiêu chí"
    assert table.cell(row_of(table, "1.1.1"), 5).value == "Quyết định ban hành kế hoạch"


def test_wording_that_starts_with_an_equals_sign_stays_text(table: Worksheet) -> None:
    cell = table.cell(row_of(table, "2.1"), 4)

    assert (cell.value, cell.data_type) == ("=Mỗi văn bản 0,5 điểm", "s")


def test_the_machine_column_holds_each_rule_as_a_one_line_mapping(table: Worksheet) -> None:
    def rule(code: str) -> str:
        return str(table.cell(row_of(table, code), 6).value)

    assert (
        rule("1.1.3")
        == "{type: tiers, on: percent, tiers: [{min: 100, points: 3.25}, {min: 80, points: 2}, {min: 50, points: 0.5}]}"
    )
    assert rule("1.1.2") == "{type: binary, yes: 1.25, no: 0.25}"
    assert rule("1.1.1") == "{type: timeliness, on_time: 2, late: 1, not_done: 0, deadline: 2025-01-31}"
    assert rule("2.3") == (
        "{type: quality, levels: [{key: xs, label: Xuất sắc, share: 1}, {key: tot, label: 'Tốt, đầy đủ', share: 0.75},"
        " {key: ht, label: Hoàn thành, share: 0.5}]}"
    )
    assert table.cell(row_of(table, "1.1"), 6).value is None


def test_not_applicable_source_and_capped_have_their_own_columns(table: Worksheet) -> None:
    def machine(code: str) -> list[object]:
        return [table.cell(row_of(table, code), column).value for column in (7, 8, 9)]

    assert machine("1.1.2") == ["Không", None, None]
    assert machine("2.2") == ["Có", None, None]
    assert machine("1.2") == [None, None, "Có"]
    assert machine("1.2.1") == [None, "Nhiệm vụ UBND tỉnh giao", None]
    assert machine("2.4") == [None, "Số liệu cơ quan khác công bố", None]
    assert machine("1.1.1") == [None, None, None]


def test_bonus_and_penalty_follow_under_their_section_rows_then_the_total(table: Worksheet) -> None:
    bonus, penalty = row_with(table, "ĐIỂM THƯỞNG (tối đa 3 điểm)"), row_with(table, "ĐIỂM TRỪ (tối đa 5,5 điểm)")
    total = row_with(table, "TỔNG CỘNG")

    assert row_of(table, "3.2") < bonus < row_of(table, "T1") < row_of(table, "T2.1") < penalty < row_of(table, "TR1")
    assert total == table.max_row == row_of(table, "TR1") + 1
    assert table.cell(bonus, 2).font.b
    assert table.cell(total, 3).value == 100
    assert table.cell(total, 2).font.b


def test_the_table_prints_on_a4_landscape_in_the_official_font(table: Worksheet) -> None:
    assert table.page_setup.orientation == "landscape"
    assert str(table.page_setup.paperSize) == table.PAPERSIZE_A4
    assert table.page_setup.fitToWidth == 1
    assert table.sheet_properties.pageSetUpPr is not None
    assert table.sheet_properties.pageSetUpPr.fitToPage
    assert table.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
    assert table.print_area == f"'{TABLE_SHEET}'!$A$1:$E${table.max_row}"
    assert table.freeze_panes == f"C{HEADER_ROW + 1}"
    leaf = row_of(table, "1.1.3")
    assert table.cell(leaf, 2).alignment.wrap_text
    assert table.cell(leaf, 2).font.name == "Times New Roman"
    assert table.column_dimensions["B"].width > table.column_dimensions["A"].width * 4


def test_the_information_sheet_holds_the_settings_and_the_bands(info: Worksheet) -> None:
    rows = {row[0]: row[1] for row in info.iter_rows(min_row=3, max_row=11, values_only=True)}

    assert rows == {
        "Tên bộ tiêu chí": "Bộ tiêu chí thử nghiệm đủ mọi cách chấm",
        "Năm": 2025,
        "Nhóm đơn vị (mã)": "xa",
        "Tổng điểm tối đa": 100,
        "Số chữ số thập phân khi công bố": 3,
        "Cách làm tròn": "Cắt bỏ",
        "Mặc định được chọn “không áp dụng”": "Có",
        "Điều tra xã hội học": "Không bắt buộc",
        "Ghi chú nguồn": "Soạn cho kiểm thử: không phải văn bản chính thức",
    }
    bands = list(info.iter_rows(min_row=13, max_row=16, max_col=2, values_only=True))
    assert bands == [("Xếp loại", "Từ (%)"), ("Xuất sắc", 90), ("Tốt", 80.5), ("Chưa đạt", 0)]


def test_a_maximum_a_float_cannot_hold_is_written_as_text() -> None:
    third = Decimal("0.3333333333333333333333333333")
    leaf = Node("1.1", "Một phần ba", third, rule=ManualRule(third))
    criteria_set = CriteriaSet("Bộ", 2025, "so", (Node("1", "Lĩnh vực", third, (leaf,)),))

    sheet = open_workbook(criteria_set_to_xlsx(criteria_set))[TABLE_SHEET]

    assert sheet.cell(row_of(sheet, "1.1"), 3).value == "0,3333333333333333333333333333"


def test_a_set_whose_codes_do_not_show_its_tree_is_refused_with_the_reason() -> None:
    leaf = Node("A1", "Tiêu chí", Decimal(1), rule=ManualRule(Decimal(1)))
    criteria_set = CriteriaSet("Bộ", 2025, "so", (Node("A", "Lĩnh vực", Decimal(1), (leaf,)),))
    dotted_root = CriteriaSet("Bộ", 2025, "so", (Node("1.1", "Lĩnh vực", Decimal(1), rule=ManualRule(Decimal(1))),))

    with pytest.raises(CriteriaSetError) as raised:
        criteria_set_to_xlsx(criteria_set)
    with pytest.raises(CriteriaSetError) as raised_root:
        criteria_set_to_xlsx(dotted_root)

    assert [problem.message for problem in raised.value.problems] == [
        MSG_CODE_NOT_UNDER_PARENT.format(code="A1", parent="A")
    ]
    assert [problem.message for problem in raised_root.value.problems] == [MSG_TOP_CODE_WITH_DOT.format(code="1.1")]


def test_the_workbook_can_be_written_to_a_path(tmp_path: Path) -> None:
    target = tmp_path / "bo-tieu-chi.xlsx"

    write_criteria_set_xlsx(rich_set(), target)

    assert open_workbook(target.read_bytes()).sheetnames == [TABLE_SHEET, INFO_SHEET]
