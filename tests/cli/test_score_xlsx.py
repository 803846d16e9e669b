"""`parindex score` with Excel files: typed cells in, a formatted workbook with three sheets out."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from parindex.cli import results, scoresheet, writers
from tests.cli.helpers import SO_HEADER, SO_SET, Run, write_csv_file, write_xlsx_file
from tests.cli.test_score_csv import EXPECTED_HEADER, EXPECTED_ROWS

# The rows of tests/cli/helpers.py as Excel holds them: numbers, true/false, date cells, percentages.
XLSX_ROWS: list[list[object]] = [
    ["Sở Y tế", "so", "Có", 1, "đúng hạn", "9/10", 4, "Tốt", "KAD", 8, 75, 3.5],
    ["Sở Tư pháp", "so", False, 85.5, datetime(2025, 2, 15), "1/2", 1, "Xuất sắc", 1, 10, None, 4, "Có", None, 2],
    ["Sở Nội vụ", "so", "Không", 100, "đúng hạn", "10/10", 4, "Xuất sắc", 0, 5, 100, 2, True, 3, 7],
    ["Sở Tài chính", "so", "Có", 100, datetime(2025, 1, 20), "10/10", 4.0, "xuat_sac", 0, 10, 100, 3, None, 2],
    ["Sở Công Thương", "so", "Không", 0.8, "đúng hạn", "10/10", 5, "Xuất sắc", "nghiêm trọng", 10, 100, 4],
]
PERCENT_CELLS = {"D2": "0%", "D6": "0.0%"}  # 1 shown as 100 %, 0.8 as 80,0 %


def test_it_reads_typed_excel_cells(run: Callable[..., Run], tmp_path: Path) -> None:
    scores = write_xlsx_file(tmp_path / "diem.xlsx", [SO_HEADER, *XLSX_ROWS], PERCENT_CELLS)

    result = run("score", "--criteria", SO_SET, "--scores", scores)

    assert result.status == 0, result.err
    assert result.out_rows == [EXPECTED_HEADER, *EXPECTED_ROWS]


def test_it_reads_the_first_worksheet_and_skips_empty_rows(run: Callable[..., Run], tmp_path: Path) -> None:
    path = tmp_path / "diem.xlsx"
    workbook = openpyxl.Workbook()
    first = workbook.active
    assert first is not None
    rows: list[list[object]] = [list(SO_HEADER), XLSX_ROWS[0], [], [None, None], XLSX_ROWS[1]]
    for row in rows:
        first.append(row)
    first["D2"].number_format = "0%"
    other = workbook.create_sheet("Ghi chú")
    other.append(["unit", "group"])
    workbook.active = 1
    workbook.save(path)

    result = run("score", "--criteria", SO_SET, "--scores", path)

    assert result.status == 0, result.err
    assert [row[0] for row in result.out_rows[1:]] == ["Sở Y tế", "Sở Tư pháp"]


def test_error_rows_are_the_rows_excel_shows(run: Callable[..., Run], tmp_path: Path) -> None:
    bad = ["Sở Nội vụ", "so", "Có lẽ", 100, "đúng hạn", "10/10", 4, "Tốt", 0, 5, 100, 2]
    scores = write_xlsx_file(tmp_path / "diem.xlsx", [SO_HEADER, XLSX_ROWS[0], [], bad], PERCENT_CELLS)

    result = run("score", "--criteria", SO_SET, "--scores", scores)

    assert result.status == 2
    assert f"{scores}, dòng 4 (Sở Nội vụ), cột “1.1” (ô C4): “Có lẽ” không phải là Có hoặc Không" in result.err_lines


NUMBERED_SET = """\
name: "Bộ tiêu chí có mã là số"
year: 2025
group: so
criteria:
  - {code: "1", title: "Lĩnh vực một", max: 40, rule: {type: binary}}
  - code: "2"
    title: "Lĩnh vực hai"
    max: 60
    children:
      - {code: "2.1", title: "Một", max: 20, rule: {type: manual}}
      - {code: "2.10", title: "Mười", max: 40, rule: {type: manual}}
"""


@pytest.fixture
def numbered_set(tmp_path: Path) -> Path:
    path = tmp_path / "so-ma-so.yaml"
    path.write_text(NUMBERED_SET, encoding="utf-8")
    return path


def test_whole_number_header_cells_are_codes(run: Callable[..., Run], tmp_path: Path, numbered_set: Path) -> None:
    scores = write_xlsx_file(tmp_path / "d.xlsx", [["unit", "group", 1, "2.1", "2.10"], ["Sở A", "so", "Có", 10, 30]])

    result = run("score", "--criteria", numbered_set, "--scores", scores)

    assert result.status == 0, result.err
    assert result.out_rows[1][:5] == ["Sở A", "so", "80.00", "100.00", "80.00"]
    assert not any(line.startswith("Lưu ý") for line in result.err_lines)


def test_a_decimal_number_header_is_read_as_its_code_with_a_note(
    run: Callable[..., Run], tmp_path: Path, numbered_set: Path
) -> None:
    numbered_set.write_text(NUMBERED_SET.replace('"2.10", title: "Mười"', '"2.2", title: "Hai"'))
    rows = [["unit", "group", "1", 2.1, "2.2"], ["Sở A", "so", "Có", 10, 30]]
    scores = write_xlsx_file(tmp_path / "d.xlsx", rows)

    result = run("score", "--criteria", numbered_set, "--scores", scores)

    assert result.status == 0, result.err
    note = scoresheet.MSG_NUMBER_HEADER.format(number="2.1", code="2.1")
    assert result.err_lines[0] == f"Lưu ý: {scores}, dòng 1, ô D1: {note}"


def test_a_number_header_that_lost_its_trailing_zero_is_explained(
    run: Callable[..., Run], tmp_path: Path, numbered_set: Path
) -> None:
    # Typed 2.10 in a number cell, Excel keeps 2.1; here the set has no 2.1, so the column cannot be guessed.
    numbered_set.write_text(NUMBERED_SET.replace('"2.1", title: "Một", max: 20', '"2.9", title: "Chín", max: 20'))
    scores = write_xlsx_file(tmp_path / "d.xlsx", [["unit", "group", "1", "2.9", 2.1], ["Sở A", "so", "Có", 10, 30]])
    out = tmp_path / "kq.xlsx"

    result = run("score", "--criteria", numbered_set, "--scores", scores, "--out", out)

    assert result.status == 2
    unknown = scoresheet.MSG_UNKNOWN_COLUMN.format(code="2.1", groups="so")
    note = scoresheet.MSG_NUMBER_HEADER.format(number="2.1", code="2.1")
    assert f"{scores}, dòng 1, ô E1: {unknown}; {note}" in result.err_lines
    assert not out.exists()


def test_a_number_header_matching_two_codes_is_refused(
    run: Callable[..., Run], tmp_path: Path, numbered_set: Path
) -> None:
    scores = write_xlsx_file(tmp_path / "d.xlsx", [["unit", "group", "1", 2.1, "2.10"], ["Sở A", "so", "Có", 1, 3]])

    result = run("score", "--criteria", numbered_set, "--scores", scores)

    assert result.status == 2
    problem = scoresheet.MSG_NUMBER_HEADER_AMBIGUOUS.format(number="2.1", code="2.1")
    assert f"{scores}, dòng 1, ô D1: {problem}" in result.err_lines


def test_a_fraction_excel_turned_into_a_date_is_explained(run: Callable[..., Run], tmp_path: Path) -> None:
    row = [*XLSX_ROWS[2][:5], datetime(2025, 5, 4), *XLSX_ROWS[2][6:]]
    scores = write_xlsx_file(tmp_path / "diem.xlsx", [SO_HEADER, row])

    result = run("score", "--criteria", SO_SET, "--scores", scores)

    assert result.status == 2
    problem = "“04/05/2025” không phải là tỷ lệ hợp lệ: cần dạng số đạt/tổng số, ví dụ 45/50"
    expected = f"{scores}, dòng 2 (Sở Nội vụ), cột “2.1” (ô F2): {problem}{scoresheet.MSG_EXCEL_DATE_HINT}"
    assert expected in result.err_lines


# -- the workbook written -------------------------------------------------------------------------------------


@pytest.fixture
def workbook(run: Callable[..., Run], so_csv: Path, tmp_path: Path) -> openpyxl.Workbook:
    out = tmp_path / "ket-qua.xlsx"
    result = run("score", "--criteria", SO_SET, "--scores", so_csv, "--out", out)
    assert result.status == 0, result.err
    assert result.out == ""
    return openpyxl.load_workbook(out)


def values(sheet: object) -> list[list[object]]:
    return [[cell.value for cell in row] for row in sheet.iter_rows()]  # type: ignore[attr-defined]


def test_the_workbook_has_the_results_the_averages_and_the_weakest_criteria(workbook: openpyxl.Workbook) -> None:
    assert workbook.sheetnames == [writers.SHEET_RESULTS, writers.SHEET_AVERAGES, writers.SHEET_WEAKEST]
    assert workbook.sheetnames == ["Kết quả", "Trung bình nhóm", "Tiêu chí mất điểm"]


def test_the_results_sheet_holds_numbers_formatted_with_the_sets_places(workbook: openpyxl.Workbook) -> None:
    sheet = workbook["Kết quả"]

    assert values(sheet) == [
        EXPECTED_HEADER,
        ["Sở Tài chính", "so", 100, 100, 100, 1, "Tốt", 100, 100, 97.5],
        ["Sở Y tế", "so", 75.6, 84, 90, 2, "Tốt", 100, 88.33, 79.58],
        ["Sở Nội vụ", "so", 80, 100, 80, 3, "Khá", 66.67, 100, 80],
        ["Sở Công Thương", "so", 69, 100, 69, 4, "Trung bình", 50, 100, 60],
        ["Sở Tư pháp", "so", 55.5, 100, 55.5, 5, "Yếu", 33.33, 58.33, 70],
    ]
    assert sheet["C3"].data_type == "n"
    assert {sheet.cell(3, column).number_format for column in (3, 4, 5, 8, 9, 10)} == {"#,##0.00"}
    assert sheet["F3"].number_format == "0"
    assert sheet["A3"].number_format == "General"


def test_the_results_sheet_has_a_bold_frozen_header_and_fitting_columns(workbook: openpyxl.Workbook) -> None:
    sheet = workbook["Kết quả"]

    assert all(cell.font.b for cell in sheet[1])
    assert not sheet["A2"].font.b
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].width >= len("Sở Công Thương")
    assert sheet.column_dimensions["G"].width >= len("Trung bình")


def test_the_averages_sheet_gives_each_groups_means(workbook: openpyxl.Workbook) -> None:
    sheet = workbook["Trung bình nhóm"]

    # points (100 + 75,6 + 80 + 69 + 55,5) ÷ 5 = 76,02; index 78,9; field 1 (100 + 100 + 66,67 + 50 + 33,33) ÷ 5 = 70;
    # field 2 (100 + 88,33 + 100 + 100 + 58,33) ÷ 5 = 89,33; field 3 (97,5 + 79,58 + 80 + 60 + 70) ÷ 5 = 77,42
    assert values(sheet) == [
        [*writers.AVERAGE_COLUMNS, "Chỉ số lĩnh vực 1", "Chỉ số lĩnh vực 2", "Chỉ số lĩnh vực 3"],
        ["so", "Bộ tiêu chí thử nghiệm nhóm sở", 5, 76.02, 78.9, 70, 89.33, 77.42],
    ]
    assert sheet["D2"].number_format == "#,##0.00"
    assert sheet.freeze_panes == "A2"


def test_the_weakest_criteria_sheet_lists_where_points_were_lost_most_first(workbook: openpyxl.Workbook) -> None:
    sheet = workbook["Tiêu chí mất điểm"]

    rows = values(sheet)
    assert rows[0] == list(writers.WEAKEST_COLUMNS)
    assert rows[0] == [
        "Nhóm",
        "Mã",
        "Nội dung",
        "Điểm tối đa",
        "Tổng điểm bị mất",
        "Số đơn vị mất điểm",
        "Tên các đơn vị",
    ]
    assert rows[1:5] == [
        ["so", "1.1", "Ban hành kế hoạch", 10, 30, 3, "Sở Công Thương, Sở Nội vụ, Sở Tư pháp"],
        ["so", "3.1", "Vi phạm", 16, 20, 2, "Sở Công Thương, Sở Tư pháp"],  # Sở Y tế: not applicable
        ["so", "1.2.1", "Tỷ lệ hoàn thành", 10, 10, 2, "Sở Công Thương, Sở Tư pháp"],
        ["so", "3.3", "Điều tra", 8, 10, 2, "Sở Tư pháp, Sở Y tế"],  # Sở Tư pháp's empty cell counts in full
    ]
    assert [row[1] for row in rows[5:]] == ["3.2", "2.2", "2.1", "1.2.2", "3.4", "2.3"]
    assert sheet["E2"].number_format == "#,##0.00"


def test_the_weakest_criteria_are_limited_per_group(
    run: Callable[..., Run], so_csv: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(results, "WEAKEST_LIMIT", 3)
    out = tmp_path / "kq.xlsx"

    run("score", "--criteria", SO_SET, "--scores", so_csv, "--out", out)

    assert [row[1] for row in values(openpyxl.load_workbook(out)["Tiêu chí mất điểm"])] == ["Mã", "1.1", "3.1", "1.2.1"]


def test_the_number_format_follows_the_sets_places(
    run: Callable[..., Run], make_set: Callable[..., Path], tmp_path: Path
) -> None:
    scores = write_csv_file(tmp_path / "x.csv", [["unit", "group", "1.1", "1.2"], ["Xã A", "xa", "1", "Có"]])
    out = tmp_path / "kq.xlsx"

    run("score", "--criteria", make_set(places=3), "--scores", scores, "--out", out)

    sheet = openpyxl.load_workbook(out)["Kết quả"]
    assert sheet["E2"].value == 66.667
    assert sheet["E2"].number_format == "#,##0.000"
    assert writers.number_format(0) == "#,##0"


def test_excel_gets_the_truncated_value_because_it_cannot_truncate(
    run: Callable[..., Run], make_set: Callable[..., Path], tmp_path: Path
) -> None:
    scores = write_csv_file(tmp_path / "x.csv", [["unit", "group", "1.1", "1.2"], ["Xã A", "xa", "1", "Có"]])
    out = tmp_path / "kq.xlsx"

    run("score", "--criteria", make_set(mode="truncate"), "--scores", scores, "--out", out)
    truncated = openpyxl.load_workbook(out)["Kết quả"]["E2"].value
    run("score", "--criteria", make_set(mode="truncate"), "--scores", scores, "--out", out, "--full-precision")
    full = openpyxl.load_workbook(out)["Kết quả"]["E2"].value

    assert truncated == 66.66
    assert full == pytest.approx(66.6666666666667)
