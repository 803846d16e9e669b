"""Bad input to `parindex score`: exit status 2, a Vietnamese message saying which file, row, unit and column,
and nothing written (an earlier result file is left as it was)."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from parindex.cli import errors, score, scoresheet, sets, tables, writers
from tests.cli.helpers import SO_HEADER, SO_LEAVES, SO_ROWS, SO_SET, Run, write_csv_file, write_xlsx_file


def cell_problem(scores: Path, row: int, unit: str, column: str, cell: str, problem: str) -> str:
    return scoresheet.MSG_AT_CELL.format(
        file=scores, row=row, unit=f" ({unit})" if unit else "", column=column, cell=cell, problem=problem
    )


def header_problem(scores: Path, cell: str, problem: str) -> str:
    return scoresheet.MSG_AT_HEADER.format(file=scores, row=1, cell=cell, problem=problem)


def file_problem(scores: Path, problem: str) -> str:
    return scoresheet.MSG_AT_FILE.format(file=scores, problem=problem)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path / "ket-qua.csv"


@pytest.fixture
def score_file(run: Callable[..., Run], tmp_path: Path, out: Path) -> Callable[..., Run]:
    """Score rows written as CSV (header first) with sets/so.yaml, into `out`."""

    def score_rows(rows: list[list[str]], *extra: object) -> Run:
        scores = write_csv_file(tmp_path / "diem.csv", rows)
        return run("score", "--criteria", SO_SET, *extra, "--scores", scores, "--out", out)

    return score_rows


def rejected(result: Run, out: Path) -> list[str]:
    """The problem lines of a refused run, after checking that it was refused and wrote nothing."""
    assert result.status == 2, result.err
    assert not out.exists()
    assert result.out == ""
    assert "Traceback" not in result.err
    lines = result.err_lines
    if lines[-1] == score.MSG_NOTHING_WRITTEN:
        assert lines[0].startswith("Không chấm được: bảng điểm ")
        return lines[1:-1]
    return lines


def with_cell(row_index: int, code: str, value: str) -> list[list[str]]:
    """The departments' rows with one cell changed (row_index 0 is Sở Y tế, spreadsheet row 2)."""
    rows = [list(SO_HEADER), *(list(row) for row in SO_ROWS)]
    rows[row_index + 1][SO_HEADER.index(code)] = value
    return rows


SCORES = Path("diem.csv")  # replaced by the real path in the assertions below


@pytest.mark.parametrize(
    ("row_index", "code", "value", "cell", "problem"),
    [
        (1, "3.2", "11", "J3", "11 nằm ngoài khoảng cho phép từ 0 đến 10"),
        (1, "1.2.1", "120", "D3", "tỷ lệ 120% nằm ngoài khoảng 0% đến 100%"),
        (1, "3.2", "mười", "J3", "“mười” không phải là số"),
        (1, "3.4", "3,7", "L3", "3,7 điểm không phải là bội số của bước chấm 0,5 điểm"),
        (1, "1.1", "Có lẽ", "C3", "“Có lẽ” không phải là Có hoặc Không"),
        (1, "1.1", "KAD", "C3", "tiêu chí “1.1” không được chấm “không áp dụng”"),
        (1, "2.2", "2,5", "G3", "“2,5” không phải là số nguyên không âm"),
        (1, "2.1", "9/0", "F3", "“9/0”: tổng số (mẫu số) phải lớn hơn 0"),
        (1, "2.3", "Giỏi", "H3", "“Giỏi” không phải là một mức đánh giá; các mức: “Xuất sắc”, “Tốt”, “Hoàn thành”"),
        (
            1,
            "1.2.2",
            "31/02/2025",
            "E3",
            "“31/02/2025” không phải là ngày thực hiện (dd/mm/yyyy), “đúng hạn”, “trễ hạn” hoặc “không thực hiện”",
        ),
        (1, "3.1", "nhiều", "I3", "“nhiều” không phải là số lần vi phạm (số nguyên không âm) hoặc “nghiêm trọng”"),
        (1, "T.1", "KAD", "M3", "tiêu chí “T.1” không được chấm “không áp dụng”"),
    ],
)
def test_a_bad_cell_is_named_by_file_row_unit_and_column(
    score_file: Callable[..., Run],
    out: Path,
    tmp_path: Path,
    row_index: int,
    code: str,
    value: str,
    cell: str,
    problem: str,
) -> None:
    result = score_file(with_cell(row_index, code, value))

    scores = tmp_path / "diem.csv"
    assert rejected(result, out) == [cell_problem(scores, 3, "Sở Tư pháp", code, cell, problem)]


def test_every_bad_cell_is_listed_not_just_the_first(score_file: Callable[..., Run], out: Path, tmp_path: Path) -> None:
    rows = with_cell(0, "1.1", "chưa rõ")
    rows[5][SO_HEADER.index("3.3")] = "101"

    result = score_file(rows)

    scores = tmp_path / "diem.csv"
    assert rejected(result, out) == [
        cell_problem(scores, 2, "Sở Y tế", "1.1", "C2", "“chưa rõ” không phải là Có hoặc Không"),
        cell_problem(scores, 6, "Sở Công Thương", "3.3", "K6", "101 nằm ngoài khoảng cho phép từ 0 đến 100"),
    ]
    assert result.err_lines[0] == score.MSG_PROBLEMS.format(path=scores, count=2)


def test_the_list_of_problems_is_capped(score_file: Callable[..., Run], out: Path, tmp_path: Path) -> None:
    rows = [SO_HEADER] + [[f"Xã {n}", "so", "?", *SO_ROWS[0][3:]] for n in range(60)]

    result = score_file(rows)

    lines = rejected(result, out)
    assert len(lines) == errors.PROBLEM_LIMIT + 1
    assert lines[-1] == errors.MSG_MORE_PROBLEMS.format(count=10) == "… và 10 lỗi khác"
    assert result.err_lines[0] == score.MSG_PROBLEMS.format(path=tmp_path / "diem.csv", count=60)


def test_an_unknown_code_in_the_header_is_refused(score_file: Callable[..., Run], out: Path, tmp_path: Path) -> None:
    rows = [[*SO_HEADER, "9.9"], *([*row, ""] for row in SO_ROWS)]

    result = score_file(rows)

    problem = header_problem(tmp_path / "diem.csv", "P1", "cột “9.9” không có trong bộ tiêu chí nhóm so")
    assert rejected(result, out) == [problem]
    assert problem.endswith("cột “9.9” không có trong bộ tiêu chí nhóm so")


def test_a_parent_code_in_the_header_is_refused(score_file: Callable[..., Run], out: Path, tmp_path: Path) -> None:
    rows = [[*SO_HEADER, "1.2"], *([*row, ""] for row in SO_ROWS)]

    result = score_file(rows)

    assert rejected(result, out) == [
        header_problem(tmp_path / "diem.csv", "P1", scoresheet.MSG_PARENT_COLUMN.format(code="1.2"))
    ]


def test_a_column_given_twice_is_refused(score_file: Callable[..., Run], out: Path, tmp_path: Path) -> None:
    rows = [[*SO_HEADER, "3.4"], *([*row, "1"] for row in SO_ROWS)]

    result = score_file(rows)

    problem = scoresheet.MSG_DUPLICATE_COLUMN.format(code="3.4", first="L1", second="P1")
    assert rejected(result, out) == [header_problem(tmp_path / "diem.csv", "P1", problem)]


def test_data_under_an_empty_header_cell_is_refused(score_file: Callable[..., Run], out: Path, tmp_path: Path) -> None:
    rows = [[*SO_HEADER, ""], *([*row, ""] for row in SO_ROWS)]
    rows[3][-1] = "ghi chú"

    result = score_file(rows)

    problem = scoresheet.MSG_UNNAMED_COLUMN.format(letter="P")
    assert rejected(result, out) == [header_problem(tmp_path / "diem.csv", "P1", problem)]


@pytest.mark.parametrize(
    ("dropped", "problem"),
    [
        ("unit", scoresheet.MSG_MISSING_COLUMN.format(name="unit", what="tên đơn vị")),
        ("group", scoresheet.MSG_MISSING_COLUMN.format(name="group", what="mã nhóm đơn vị: so")),
        ("2.2", "thiếu cột của 1 tiêu chí thành phần trong bộ tiêu chí nhóm so: 2.2"),
    ],
)
def test_a_missing_required_column_is_refused(
    score_file: Callable[..., Run], out: Path, tmp_path: Path, dropped: str, problem: str
) -> None:
    position = SO_HEADER.index(dropped)
    rows = [[cell for index, cell in enumerate(row) if index != position] for row in [SO_HEADER, *SO_ROWS]]

    result = score_file(rows)

    assert rejected(result, out) == [file_problem(tmp_path / "diem.csv", problem)]


def test_all_missing_leaf_columns_are_named_in_one_line(
    score_file: Callable[..., Run], out: Path, tmp_path: Path
) -> None:
    result = score_file([["unit", "group", "1.1"], ["Sở Y tế", "so", "Có"]])

    codes = ", ".join(SO_LEAVES[1:])
    problem = scoresheet.MSG_MISSING_LEAF_COLUMNS.format(count=9, group="so", codes=codes)
    assert rejected(result, out) == [file_problem(tmp_path / "diem.csv", problem)]


def test_an_unknown_group_is_refused(score_file: Callable[..., Run], out: Path, tmp_path: Path) -> None:
    result = score_file(with_cell(2, "group", "huyen"))

    problem = scoresheet.MSG_UNKNOWN_GROUP.format(group="huyen", groups="so")
    assert rejected(result, out) == [cell_problem(tmp_path / "diem.csv", 4, "Sở Nội vụ", "group", "B4", problem)]
    assert problem == "nhóm “huyen” không có trong các bộ tiêu chí đã chọn (--criteria); các nhóm: so"


def test_an_empty_group_is_refused(score_file: Callable[..., Run], out: Path, tmp_path: Path) -> None:
    result = score_file(with_cell(2, "group", " "))

    problem = scoresheet.MSG_EMPTY_GROUP.format(groups="so")
    assert rejected(result, out) == [cell_problem(tmp_path / "diem.csv", 4, "Sở Nội vụ", "group", "B4", problem)]


def test_a_unit_given_twice_in_a_group_is_refused(score_file: Callable[..., Run], out: Path, tmp_path: Path) -> None:
    result = score_file(with_cell(3, "unit", "  sở  y TẾ "))  # the same name but for case and spacing

    problem = scoresheet.MSG_DUPLICATE_UNIT.format(unit="sở y TẾ", first=2, group="so")
    assert rejected(result, out) == [cell_problem(tmp_path / "diem.csv", 5, "sở y TẾ", "unit", "A5", problem)]


def test_an_empty_unit_name_is_refused(score_file: Callable[..., Run], out: Path, tmp_path: Path) -> None:
    result = score_file(with_cell(1, "unit", ""))

    assert rejected(result, out) == [
        cell_problem(tmp_path / "diem.csv", 3, "", "unit", "A3", scoresheet.MSG_EMPTY_UNIT)
    ]
    assert rejected(result, out)[0] == f"{tmp_path / 'diem.csv'}, dòng 3, cột “unit” (ô A3): tên đơn vị trống"


def test_a_cell_of_another_groups_criterion_must_stay_empty(
    run: Callable[..., Run], make_set: Callable[..., Path], tmp_path: Path, out: Path
) -> None:
    rows = [[*SO_HEADER, "1.2"], *([*row, ""] for row in SO_ROWS), ["Xã A", "xa", "1", *[""] * 12, "Có"]]
    rows[1][-1] = "Có"  # Sở Y tế: 1.2 is a criterion of the communes' set only
    scores = write_csv_file(tmp_path / "diem.csv", rows)

    result = run("score", "--criteria", SO_SET, "--criteria", make_set("xa"), "--scores", scores, "--out", out)

    problem = scoresheet.MSG_NOT_IN_GROUP.format(code="1.2", group="so")
    assert rejected(result, out) == [cell_problem(scores, 2, "Sở Y tế", "1.2", "P2", problem)]


def test_a_file_with_only_a_header_is_refused(score_file: Callable[..., Run], out: Path, tmp_path: Path) -> None:
    result = score_file([SO_HEADER])

    assert rejected(result, out) == [file_problem(tmp_path / "diem.csv", scoresheet.MSG_NO_UNITS)]


def test_an_empty_file_is_refused(run: Callable[..., Run], tmp_path: Path, out: Path) -> None:
    scores = tmp_path / "trong.csv"
    scores.write_bytes(b"\xef\xbb\xbf\r\n\r\n")

    result = run("score", "--criteria", SO_SET, "--scores", scores, "--out", out)

    assert rejected(result, out) == [tables.MSG_EMPTY.format(path=scores)]


def test_an_earlier_result_file_is_left_untouched(score_file: Callable[..., Run], out: Path) -> None:
    out.write_text("kết quả lần trước", encoding="utf-8")

    result = score_file(with_cell(0, "1.1", "chưa rõ"))

    assert result.status == 2
    assert out.read_text(encoding="utf-8") == "kết quả lần trước"


# -- files ---------------------------------------------------------------------------------------------------


def test_a_missing_scores_file_is_named(run: Callable[..., Run], tmp_path: Path, out: Path) -> None:
    missing = tmp_path / "khong-co.csv"

    result = run("score", "--criteria", SO_SET, "--scores", missing, "--out", out)

    assert rejected(result, out) == [f"Không tìm thấy tệp {missing}"]


def test_a_folder_given_as_scores_file_is_named(run: Callable[..., Run], tmp_path: Path, out: Path) -> None:
    folder = tmp_path / "thu-muc.csv"
    folder.mkdir()

    result = run("score", "--criteria", SO_SET, "--scores", folder, "--out", out)

    assert rejected(result, out) == [errors.MSG_IS_DIRECTORY.format(path=folder)]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("diem.txt", tables.MSG_UNSUPPORTED.format(path="{path}", suffix=".txt")),
        ("diem", tables.MSG_UNSUPPORTED.format(path="{path}", suffix="diem")),
        ("diem.xls", tables.MSG_OLD_EXCEL),
    ],
)
def test_an_unsupported_scores_file_is_refused(
    run: Callable[..., Run], tmp_path: Path, out: Path, name: str, message: str
) -> None:
    scores = tmp_path / name
    scores.write_text("unit,group\n", encoding="utf-8")

    result = run("score", "--criteria", SO_SET, "--scores", scores, "--out", out)

    assert rejected(result, out) == [message.format(path=scores)]


def test_a_csv_file_not_in_utf8_is_explained(run: Callable[..., Run], tmp_path: Path, out: Path) -> None:
    scores = tmp_path / "diem.csv"
    scores.write_bytes("unit,group\nĐoàn Thanh niên,so\n".encode("cp1258"))  # Excel's "CSV" on Windows

    result = run("score", "--criteria", SO_SET, "--scores", scores, "--out", out)

    assert rejected(result, out) == [tables.MSG_NOT_UTF8.format(path=scores, line=2)]


def test_an_excel_file_named_csv_is_explained(run: Callable[..., Run], tmp_path: Path, out: Path) -> None:
    scores = write_xlsx_file(tmp_path / "diem.csv", [SO_HEADER])

    result = run("score", "--criteria", SO_SET, "--scores", scores, "--out", out)

    assert rejected(result, out) == [tables.MSG_XLSX_AS_CSV.format(path=scores)]


def corrupt_truncated(path: Path) -> None:
    write_xlsx_file(path, [SO_HEADER, *SO_ROWS])
    path.write_bytes(path.read_bytes()[:400])


def corrupt_not_a_zip(path: Path) -> None:
    path.write_bytes(b"day khong phai tep Excel")


def corrupt_broken_xml(path: Path) -> None:
    write_xlsx_file(path, [SO_HEADER, *SO_ROWS])
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"][:-40]
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)


@pytest.mark.parametrize("corrupt", [corrupt_truncated, corrupt_not_a_zip, corrupt_broken_xml])
def test_a_corrupt_excel_file_is_refused(
    run: Callable[..., Run], tmp_path: Path, out: Path, corrupt: Callable[[Path], None]
) -> None:
    scores = tmp_path / "diem.xlsx"
    corrupt(scores)

    result = run("score", "--criteria", SO_SET, "--scores", scores, "--out", out)

    assert rejected(result, out) == [tables.MSG_BAD_XLSX.format(path=scores)]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("ket-qua.pdf", writers.MSG_OUT_SUFFIX.format(path="{path}", suffix=".pdf")),
        ("khong-co/ket-qua.csv", writers.MSG_OUT_FOLDER.format(folder="{folder}", path="{path}")),
    ],
)
def test_an_unusable_result_path_is_refused_before_any_work(
    run: Callable[..., Run], so_csv: Path, tmp_path: Path, name: str, message: str
) -> None:
    target = tmp_path / name

    result = run("score", "--criteria", SO_SET, "--scores", so_csv, "--out", target)

    assert rejected(result, target) == [message.format(path=target, folder=target.parent)]


def test_the_scores_file_is_never_overwritten_by_the_results(run: Callable[..., Run], so_csv: Path) -> None:
    before = so_csv.read_bytes()

    result = run("score", "--criteria", SO_SET, "--scores", so_csv, "--out", so_csv)

    assert result.status == 2
    assert result.err_lines == [writers.MSG_OUT_IS_INPUT.format(path=so_csv)]
    assert so_csv.read_bytes() == before


# -- criteria sets -------------------------------------------------------------------------------------------


def test_a_missing_criteria_file_is_named(run: Callable[..., Run], so_csv: Path, tmp_path: Path, out: Path) -> None:
    missing = tmp_path / "khong-co.yaml"

    result = run("score", "--criteria", missing, "--scores", so_csv, "--out", out)

    assert rejected(result, out) == [
        sets.MSG_SET_INVALID.format(path=missing),
        f"  - Không tìm thấy tệp {missing}",
    ]


def test_a_broken_yaml_file_is_reported_with_its_line(
    run: Callable[..., Run], so_csv: Path, tmp_path: Path, out: Path
) -> None:
    broken = tmp_path / "hong.yaml"
    broken.write_text('name: "x"\nyear: 2025\ngroup: so\ncriteria:\n  - code: "1"\n    title: [dở dang\n')

    result = run("score", "--criteria", broken, "--scores", so_csv, "--out", out)

    lines = rejected(result, out)
    assert lines[0] == f"Bộ tiêu chí {broken} không dùng được:"
    assert len(lines) == 2
    assert lines[1].startswith("  - Tệp, cột ")
    assert "(dòng 7): tệp không đúng cú pháp YAML" in lines[1]


def test_every_problem_of_an_invalid_set_is_listed_one_per_line(
    run: Callable[..., Run], so_csv: Path, tmp_path: Path, out: Path
) -> None:
    invalid = tmp_path / "sai.yaml"
    invalid.write_text(SO_SET.read_text(encoding="utf-8").replace("max: 30", "max: 31"), encoding="utf-8")

    result = run("score", "--criteria", invalid, "--scores", so_csv, "--out", out)

    assert rejected(result, out) == [
        f"Bộ tiêu chí {invalid} không dùng được:",
        "  - Tiêu chí “1” (dòng 13): các tiêu chí con cộng lại 30 điểm nhưng điểm tối đa là 31",
        "  - Tiêu chí “2” (dòng 24): các tiêu chí con cộng lại 30 điểm nhưng điểm tối đa là 31",
    ]


def test_two_sets_of_one_group_are_refused(
    run: Callable[..., Run], so_csv: Path, tmp_path: Path, out: Path, make_set: Callable[..., Path]
) -> None:
    other = make_set("so")

    result = run("score", "--criteria", SO_SET, "--criteria", other, "--scores", so_csv, "--out", out)

    assert rejected(result, out) == [sets.MSG_DUPLICATE_GROUP.format(group="so", first=SO_SET, second=other)]


def test_problems_of_several_sets_are_reported_together(
    run: Callable[..., Run], so_csv: Path, tmp_path: Path, out: Path
) -> None:
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"

    result = run("score", "--criteria", first, "--criteria", second, "--scores", so_csv, "--out", out)

    assert rejected(result, out) == [
        f"Bộ tiêu chí {first} không dùng được:",
        f"  - Không tìm thấy tệp {first}",
        f"Bộ tiêu chí {second} không dùng được:",
        f"  - Không tìm thấy tệp {second}",
    ]
