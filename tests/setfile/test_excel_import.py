"""Reading criteria sets from Excel: the round trip of parindex's own export, a province's plain template, and
clear Vietnamese problems with the sheet and row for everything that is wrong."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Sequence
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from parindex.engine import RULE_TYPES, CriteriaSet, Node
from parindex.engine.rules import ManualRule
from parindex.setfile import (
    CriteriaSetError,
    SetProblem,
    dump_criteria_set,
    load_criteria_set,
    parse_criteria_set,
)
from parindex.setfile.build import MSG_UNKNOWN_RULE
from parindex.setfile.excel import check_criteria_set_xlsx, criteria_set_from_xlsx, criteria_set_to_xlsx
from parindex.setfile.excel_import import MSG_MISSING_COLUMNS, MSG_NOT_XLSX, MSG_OLD_XLS, MSG_UNREADABLE
from parindex.setfile.excel_info import MSG_BAD_CHOICE as MSG_BAD_INFO_CHOICE
from parindex.setfile.excel_layout import INFO_SHEET, TABLE_SHEET
from parindex.setfile.excel_problems import (
    MSG_EMPTY_CELL,
    MSG_LEAF_NEEDS_RULE,
    MSG_MISSING_INFO,
    ExcelProblem,
)
from parindex.setfile.excel_table import MSG_NO_CODE
from parindex.setfile.excel_tree import MSG_BAD_CHOICE, MSG_BAD_STT, MSG_PARENT_MISSING, MSG_RULE_SYNTAX
from tests.setfile.test_excel_samples import DEMO_SETS, open_workbook, rich_set

# -- helpers --------------------------------------------------------------------------------------------


def edited(data: bytes, change: Callable[[Workbook], None]) -> bytes:
    workbook = open_workbook(data)
    change(workbook)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def row_of(sheet: Worksheet, code: str) -> int:
    return next(cell.row for cell in sheet["A"] if cell.value == code)


def set_cell(code: str, column: int, value: str | float | None) -> Callable[[Workbook], None]:
    def change(workbook: Workbook) -> None:
        sheet = workbook[TABLE_SHEET]
        sheet.cell(row_of(sheet, code), column).value = value

    return change


def problems_of(data: bytes, **kwargs: object) -> list[str]:
    criteria_set, problems = check_criteria_set_xlsx(data, **kwargs)  # type: ignore[arg-type]
    assert criteria_set is None
    return [str(problem) for problem in problems]


PLAIN_HEADER = ("TT", "Nội dung tiêu chí", "Điểm tối đa", "Cách chấm điểm", "Tài liệu kiểm chứng")


def plain_template(rows: Sequence[Sequence[object]], header: Sequence[str] = PLAIN_HEADER) -> Workbook:
    """A province's own table: a merged title block, a header on row 4, no machine columns, no info sheet."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Phụ lục"
    sheet["A1"] = "PHỤ LỤC I"
    sheet.merge_cells("A1:D1")
    sheet["A2"] = "BỘ TIÊU CHÍ XÁC ĐỊNH CHỈ SỐ CCHC CẤP XÃ"
    sheet.merge_cells("A2:D2")
    sheet.append([])
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    return workbook


def saved(workbook: Workbook) -> bytes:
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


KWARGS = {"name": "Bộ tiêu chí cấp xã", "year": 2025, "group": "xa"}

# -- round trips ------------------------------------------------------------------------------------------


def assert_round_trip(criteria_set: CriteriaSet) -> None:
    again = criteria_set_from_xlsx(criteria_set_to_xlsx(criteria_set))

    assert again == criteria_set
    assert dump_criteria_set(again) == dump_criteria_set(criteria_set)


def test_a_set_using_every_feature_comes_back_unchanged() -> None:
    assert_round_trip(rich_set())


@pytest.mark.parametrize("path", DEMO_SETS, ids=[path.name for path in DEMO_SETS])
def test_each_demo_set_comes_back_unchanged(path: Path) -> None:
    assert_round_trip(load_criteria_set(path))


def test_a_maximum_with_more_digits_than_a_float_comes_back_exact() -> None:
    def third() -> Decimal:  # a new object each time: a shared one would make the YAML dump use an alias
        return Decimal("0.3333333333333333333333333333")

    leaf = Node("1.1", "Một phần ba", third(), rule=ManualRule(third()))

    assert_round_trip(CriteriaSet("Bộ", 2025, "so", (Node("1", "Lĩnh vực", third(), (leaf,)),)))


DOTTED_SECTION_CODES = """
name: "Bộ có mã điểm thưởng dạng T.1"
year: 2025
group: so
criteria:
  - {code: "1", title: "Lĩnh vực", max: 1, rule: {type: binary}}
bonus:
  cap: 2
  criteria:
    - {code: "T.1", title: "Sáng kiến", max: 1, rule: {type: binary}}
    - code: "T.2"
      title: "Giải thưởng"
      max: 1
      children:
        - {code: "T.2.1", title: "Cấp tỉnh", max: 1, rule: {type: binary}}
penalty:
  cap: 1
  criteria:
    - {code: "P.1", title: "Chậm", max: 1, rule: {type: count, per_item: 0.5}}
"""


def test_bonus_and_penalty_codes_such_as_t_1_come_back_unchanged() -> None:
    assert_round_trip(parse_criteria_set(DOTTED_SECTION_CODES))


def test_the_workbook_can_be_read_from_a_path(tmp_path: Path) -> None:
    target = tmp_path / "bo.xlsx"
    target.write_bytes(criteria_set_to_xlsx(rich_set()))

    assert criteria_set_from_xlsx(target) == criteria_set_from_xlsx(str(target)) == rich_set()


def test_wording_edited_in_the_scoring_column_becomes_the_published_guidance() -> None:
    data = edited(criteria_set_to_xlsx(rich_set()), set_cell("2.4", 4, "Điểm do Bộ công bố quy đổi"))

    assert criteria_set_from_xlsx(data).node("2.4").guidance == "Điểm do Bộ công bố quy đổi"


def test_numbers_typed_as_vietnamese_text_are_read() -> None:
    data = edited(criteria_set_to_xlsx(rich_set()), set_cell("1.1.2", 3, "1,25"))

    assert criteria_set_from_xlsx(data) == rich_set()


def test_a_rule_type_written_alone_is_read_as_that_rule() -> None:
    data = edited(criteria_set_to_xlsx(rich_set()), set_cell("2.5", 6, "manual"))

    assert criteria_set_from_xlsx(data).node("2.5").rule == ManualRule(Decimal(10))


def test_name_year_and_group_given_when_importing_override_the_information_sheet() -> None:
    criteria_set = criteria_set_from_xlsx(criteria_set_to_xlsx(rich_set()), name="Bộ mới", year=2026, group="so")

    assert (criteria_set.name, criteria_set.year, criteria_set.group) == ("Bộ mới", 2026, "so")


# -- a province's plain template -------------------------------------------------------------------------

PROVINCE_ROWS: list[list[object]] = [
    ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", 3],
    ["1.", "Kế hoạch CCHC", 2],
    ["1.1.", "Ban hành kế hoạch", "0,5", "Có: 0,5 điểm; không: 0", "Kế hoạch CCHC năm"],
    ["1.2.", "Thực hiện kế hoạch", 1.5, "Hoàn thành 100%: 1,5 điểm"],
    ["2.", "Báo cáo CCHC", 1, "Đủ, đúng hạn: 1 điểm"],
    [],
    ["II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "7"],
    ["1", "Công khai TTHC", 4],
    ["a)", "Công khai trên cổng dịch vụ công", 2],
    ["b)", "Niêm yết tại bộ phận một cửa", 2],
    ["2", "Giải quyết hồ sơ đúng hạn", 3, "Tỷ lệ đúng hạn × 3"],
    [None, "(tính trên hồ sơ tiếp nhận trong năm)"],
    [None, "TỔNG CỘNG", 10],
    ["B", "ĐIỂM THƯỞNG (tối đa 1 điểm)"],
    ["1", "Có sáng kiến được công nhận", 1],
    ["C", "ĐIỂM TRỪ", 2],
    ["1", "Chậm gửi báo cáo", "0,5", "Mỗi lần chậm trừ 0,5 điểm"],
    [None, "Ghi chú: các tiêu chí chấm theo hướng dẫn của Sở Nội vụ."],
]


def province_template() -> bytes:
    workbook = plain_template(PROVINCE_ROWS)
    workbook.active.merge_cells("A15:A16")  # type: ignore[union-attr]  # STT of "2" spans its continuation line
    return saved(workbook)


def test_a_plain_province_template_becomes_a_set_of_manual_rules() -> None:
    criteria_set = criteria_set_from_xlsx(province_template(), **KWARGS)  # type: ignore[arg-type]

    codes = [node.code for _, node in criteria_set.walk()]
    assert codes == ["1", "1.1", "1.1.1", "1.1.2", "1.2", "2", "2.1", "2.1.a", "2.1.b", "2.2", "T1", "TR1"]
    assert {type(leaf.rule) for leaf in criteria_set.all_leaves} == {ManualRule}
    assert criteria_set.node("1.1.1").maximum == Decimal("0.5")
    assert criteria_set.node("1.1.1").guidance == "Có: 0,5 điểm; không: 0"
    assert criteria_set.node("1.1.1").evidence == "Kế hoạch CCHC năm"
    assert criteria_set.node("2.2").title == "Giải quyết hồ sơ đúng hạn (tính trên hồ sơ tiếp nhận trong năm)"
    assert criteria_set.max_points == 10
    assert criteria_set.bonus is not None
    assert criteria_set.bonus.cap == 1
    assert criteria_set.penalty is not None
    assert criteria_set.penalty.cap == 2
    assert criteria_set.node("TR1").guidance == "Mỗi lần chậm trừ 0,5 điểm"
    assert (criteria_set.name, criteria_set.year, criteria_set.group) == ("Bộ tiêu chí cấp xã", 2025, "xa")


def test_roman_fields_keep_children_already_numbered_under_them() -> None:
    rows = [["I", "Lĩnh vực một", 2], ["1.1", "Tiêu chí", 2], ["II", "Lĩnh vực hai", 1], ["2.1", "Tiêu chí", 1]]

    criteria_set = criteria_set_from_xlsx(saved(plain_template(rows)), **KWARGS)  # type: ignore[arg-type]

    assert [node.code for _, node in criteria_set.walk()] == ["1", "1.1", "2", "2.1"]


def test_template_codes_with_capital_letters_are_kept() -> None:
    rows = [["1", "Lĩnh vực", 1], ["1.1", "Tiêu chí", 1], ["", "ĐIỂM THƯỞNG (tối đa 2 điểm)"], ["T.1", "Sáng kiến", 2]]

    criteria_set = criteria_set_from_xlsx(saved(plain_template(rows)), **KWARGS)  # type: ignore[arg-type]

    assert criteria_set.bonus is not None
    assert [node.code for node in criteria_set.bonus.criteria] == ["T.1"]


def test_an_imported_template_exports_and_comes_back_unchanged() -> None:
    assert_round_trip(criteria_set_from_xlsx(province_template(), **KWARGS))  # type: ignore[arg-type]


def test_a_plain_template_without_name_year_and_group_says_what_to_give() -> None:
    assert problems_of(province_template()) == [
        f"Thông tin chung của bộ tiêu chí: {MSG_MISSING_INFO.format(label='Tên bộ tiêu chí', key='name')}",
        f"Thông tin chung của bộ tiêu chí: {MSG_MISSING_INFO.format(label='Năm', key='year')}",
        f"Thông tin chung của bộ tiêu chí: {MSG_MISSING_INFO.format(label='Nhóm đơn vị (mã)', key='group')}",
    ]


def test_a_template_total_that_differs_from_the_fields_is_reported_on_the_total_row() -> None:
    rows: list[list[object]] = [["1", "Lĩnh vực", 2], ["1.1", "Tiêu chí", 2], [None, "Tổng cộng", 3]]

    assert problems_of(saved(plain_template(rows)), **KWARGS) == [
        "Trang “Phụ lục”, dòng 7: các lĩnh vực cộng lại 2 điểm nhưng dòng “TỔNG CỘNG” ghi 3 điểm"
    ]


# -- bad input -----------------------------------------------------------------------------------------------


def test_a_sum_mismatch_names_the_row_and_the_criterion() -> None:
    data = criteria_set_to_xlsx(rich_set())
    row = row_of(open_workbook(data)[TABLE_SHEET], "1.1")

    assert problems_of(edited(data, set_cell("1.1", 3, 10.05))) == [
        f"Trang “Bộ tiêu chí”, dòng {row}, tiêu chí “1.1”: "
        "các tiêu chí con cộng lại 10,5 điểm nhưng điểm tối đa là 10,05"
    ]


def test_problems_carry_the_sheet_row_and_code() -> None:
    data = edited(criteria_set_to_xlsx(rich_set()), set_cell("1.1", 3, 10.05))

    _, problems = check_criteria_set_xlsx(data)

    assert isinstance(problems[0], ExcelProblem)
    assert (problems[0].sheet, problems[0].code) == (TABLE_SHEET, "1.1")
    assert problems[0].row == row_of(open_workbook(data)[TABLE_SHEET], "1.1")


def test_a_missing_header_column_is_named() -> None:
    header = ("STT", "Nội dung", "Cách chấm điểm")
    data = saved(plain_template([["1", "Lĩnh vực", "chấm tay"]], header=header))

    assert problems_of(data, **KWARGS) == [f"Trang “Phụ lục”: {MSG_MISSING_COLUMNS.format(columns='“Điểm tối đa”')}"]


def test_an_unknown_rule_in_the_machine_column_is_reported() -> None:
    data = criteria_set_to_xlsx(rich_set())
    row = row_of(open_workbook(data)[TABLE_SHEET], "2.5")

    assert problems_of(edited(data, set_cell("2.5", 6, "{type: magic}"))) == [
        f"Trang “Bộ tiêu chí”, dòng {row}, tiêu chí “2.5”: "
        + MSG_UNKNOWN_RULE.format(type="magic", known=", ".join(RULE_TYPES))
    ]


def test_a_rule_cell_that_is_not_yaml_is_reported_once() -> None:
    data = criteria_set_to_xlsx(rich_set())

    problems = problems_of(edited(data, set_cell("2.5", 6, "{type: manual")))

    row = row_of(open_workbook(data)[TABLE_SHEET], "2.5")
    assert problems == [
        f"Trang “Bộ tiêu chí”, dòng {row}, tiêu chí “2.5”: "
        + MSG_RULE_SYNTAX.format(column="Cách chấm (máy đọc)", problem="bảng {…} chưa được đóng hoặc thiếu dấu phẩy")
    ]


def test_a_leaf_without_a_rule_says_to_write_one() -> None:
    data = criteria_set_to_xlsx(rich_set())
    row = row_of(open_workbook(data)[TABLE_SHEET], "2.5")

    assert problems_of(edited(data, set_cell("2.5", 6, None))) == [
        f"Trang “Bộ tiêu chí”, dòng {row}, tiêu chí “2.5”: {MSG_LEAF_NEEDS_RULE.format(column='Cách chấm (máy đọc)')}"
    ]


def test_an_empty_maximum_is_an_empty_cell() -> None:
    data = criteria_set_to_xlsx(rich_set())
    row = row_of(open_workbook(data)[TABLE_SHEET], "2.5")

    assert problems_of(edited(data, set_cell("2.5", 3, None))) == [
        f"Trang “Bộ tiêu chí”, dòng {row}, tiêu chí “2.5”: {MSG_EMPTY_CELL.format(column='Điểm tối đa')}"
    ]


def test_a_wrong_choice_in_a_machine_column_is_reported() -> None:
    data = edited(criteria_set_to_xlsx(rich_set()), set_cell("2.5", 7, "Có lẽ"))

    assert problems_of(data)[0].endswith(
        MSG_BAD_CHOICE.format(column="Không áp dụng", value="Có lẽ", choices="Có, Không hoặc để trống")
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"STT;Noi dung;Diem toi da\n1;Linh vuc;10\n", MSG_NOT_XLSX),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), MSG_OLD_XLS),
        (b"", MSG_NOT_XLSX),
    ],
    ids=["csv", "xls", "empty"],
)
def test_a_file_that_is_not_xlsx_gets_a_clear_message(content: bytes, message: str) -> None:
    with pytest.raises(CriteriaSetError) as raised:
        criteria_set_from_xlsx(content)

    assert [str(problem) for problem in raised.value.problems] == [f"Tệp: {message}"]


def test_a_truncated_or_foreign_zip_is_not_xlsx() -> None:
    truncated = criteria_set_to_xlsx(rich_set())[:2000]
    foreign = BytesIO()
    with zipfile.ZipFile(foreign, "w") as archive:
        archive.writestr("readme.txt", "không phải bảng tính")

    assert problems_of(truncated) == [f"Tệp: {MSG_NOT_XLSX}"]
    assert problems_of(foreign.getvalue()) == [f"Tệp: {MSG_NOT_XLSX}"]


def test_a_missing_file_is_reported(tmp_path: Path) -> None:
    problems = problems_of(tmp_path / "khong-co.xlsx")  # type: ignore[arg-type]

    assert problems == [f"Tệp: {MSG_UNREADABLE.format(error='No such file or directory')}"]


def test_a_duplicate_code_is_reported_with_both_rows() -> None:
    data = criteria_set_to_xlsx(rich_set())
    sheet = open_workbook(data)[TABLE_SHEET]
    first, second = row_of(sheet, "2.4"), row_of(sheet, "2.5")

    problems = problems_of(edited(data, set_cell("2.5", 1, "2.4")))

    assert f"Trang “Bộ tiêu chí”, dòng {second}, tiêu chí “2.4”: mã “2.4” trùng với tiêu chí ở dòng {first}" in problems


def test_a_child_whose_parent_row_is_missing_is_reported() -> None:
    rows = [["1", "Lĩnh vực", 1], ["1.1", "Tiêu chí", 1], ["1.2.3", "Tiêu chí lạc", 1]]

    problems = problems_of(saved(plain_template(rows)), **KWARGS)

    assert problems == [f"Trang “Phụ lục”, dòng 7, tiêu chí “1.2.3”: {MSG_PARENT_MISSING.format(parent='1.2')}"]


def test_an_unreadable_stt_and_points_without_stt_are_reported() -> None:
    rows: list[list[object]] = [
        ["1", "Lĩnh vực", 2],
        ["1.1", "Tiêu chí", 1],
        ["(*)", "Tiêu chí lạ", 1],
        [None, "Không số", 1],
    ]

    assert problems_of(saved(plain_template(rows)), **KWARGS) == [
        "Trang “Phụ lục”, dòng 5, tiêu chí “1”: các tiêu chí con cộng lại 1 điểm nhưng điểm tối đa là 2",
        f"Trang “Phụ lục”, dòng 7: {MSG_BAD_STT.format(stt='(*)')}",
        f"Trang “Phụ lục”, dòng 8: {MSG_NO_CODE.format(column='Điểm tối đa')}",
    ]


def test_information_sheet_problems_name_the_row_in_its_words() -> None:
    def change(workbook: Workbook) -> None:
        info = workbook[INFO_SHEET]
        info["B4"] = "hai nghìn"
        info["B7"] = 7
        info["B8"] = "Làm tròn lên"

    problems = problems_of(edited(criteria_set_to_xlsx(rich_set()), change))

    choices = "Làm tròn hoặc Cắt bỏ"
    assert problems == [
        "Trang “Thông tin”, dòng 4: “Năm” phải là một năm từ 2000 đến 2100, không phải “hai nghìn”",
        "Trang “Thông tin”, dòng 7: “Số chữ số thập phân khi công bố” phải là số nguyên từ 0 đến 4, không phải “7”",
        f"Trang “Thông tin”, dòng 8: {MSG_BAD_INFO_CHOICE.format(label='Cách làm tròn', value='Làm tròn lên', choices=choices)}",
    ]


def test_bands_out_of_order_point_at_the_band_table() -> None:
    def change(workbook: Workbook) -> None:
        workbook[INFO_SHEET]["B15"] = 95

    problems = problems_of(edited(criteria_set_to_xlsx(rich_set()), change))

    assert problems == [
        "Trang “Thông tin”, dòng 13: các ngưỡng xếp loại phải giảm dần (ngưỡng cao nhất trước) và không trùng nhau"
    ]


def test_problems_are_set_problems_the_callers_already_show() -> None:
    _, problems = check_criteria_set_xlsx(b"")

    assert all(isinstance(problem, SetProblem) for problem in problems)
