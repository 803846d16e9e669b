"""`parindex score` with CSV files: the figures, ranks, bands, rounding and the summary on stderr.

Expected figures for sets/so.yaml (fields 1: 30 points, 2: 30, 3: 40 with "không áp dụng" allowed; bonus cap 3,
penalty cap 5), worked out by hand:

- Sở Tài chính: 10+10+10 | 10+10+10 | 16+12+8+3 = 99; bonus T.2 = 2 → min(100, 101) = 100; index 100.
- Sở Y tế: 3.1 (16 points) not applicable → scored out of 84. 10+10+10 | 9 (9/10) + 10 + 7,5 (Tốt) |
  9,6 (8/10 × 12) + 6 (75% × 8) + 3,5 = 75,6 → 75,6 ÷ 84 = 90,00 %. Fields 100; 26,5/30 = 88,33; 19,1/24 = 79,58.
- Sở Nội vụ: 0 (Không) +10+10 | 30 | 16 + 6 + 8 + 2 = 82; bonus 2 + 2 = 4, capped at 3 → 85; penalty 7 × 1 capped
  at the leaf's 5 → 80,00 (exactly the Khá threshold). Fields 66,67; 100; 80.
- Sở Công Thương: 0 + 5 (80 %: second tier) + 10 | 10 + 10 (5 × 2,5 capped at 10) + 10 | 0 (nghiêm trọng) +
  12 + 8 + 4 = 69 → Trung bình. Fields 50; 100; 60.
- Sở Tư pháp: 0 + 5 (85,5 %) + 5 (15/02 after the 31/01 deadline: late) | 5 (1/2) + 2,5 + 10 | 12 (1 violation)
  + 12 + 0 (3.3 empty: not scored) + 4 = 55,5; bonus 2, penalty 2 → 55,5. Fields 33,33; 58,33; 70.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from parindex.cli import score, writers
from tests.cli.helpers import SO_HEADER, SO_ROWS, SO_SET, Run, write_csv_file

EXPECTED_HEADER = ["unit", "group", "points", "max", "index", "rank", "band", "index_1", "index_2", "index_3"]
EXPECTED_ROWS = [
    ["Sở Tài chính", "so", "100.00", "100.00", "100.00", "1", "Tốt", "100.00", "100.00", "97.50"],
    ["Sở Y tế", "so", "75.60", "84.00", "90.00", "2", "Tốt", "100.00", "88.33", "79.58"],
    ["Sở Nội vụ", "so", "80.00", "100.00", "80.00", "3", "Khá", "66.67", "100.00", "80.00"],
    ["Sở Công Thương", "so", "69.00", "100.00", "69.00", "4", "Trung bình", "50.00", "100.00", "60.00"],
    ["Sở Tư pháp", "so", "55.50", "100.00", "55.50", "5", "Yếu", "33.33", "58.33", "70.00"],
]


def test_it_scores_every_unit_and_writes_the_ranked_table_to_stdout(run: Callable[..., Run], so_csv: Path) -> None:
    result = run("score", "--criteria", SO_SET, "--scores", so_csv)

    assert result.status == 0, result.err
    assert result.out_rows == [EXPECTED_HEADER, *EXPECTED_ROWS]


def test_it_writes_a_csv_file_with_a_bom_for_excel(run: Callable[..., Run], so_csv: Path, tmp_path: Path) -> None:
    out = tmp_path / "ket-qua.csv"

    result = run("score", "--criteria", SO_SET, "--scores", so_csv, "--out", out)

    assert result.status == 0, result.err
    assert result.out == ""
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[0] == ",".join(EXPECTED_HEADER)
    assert lines[2] == "Sở Y tế,so,75.60,84.00,90.00,2,Tốt,100.00,88.33,79.58"
    assert score.MSG_WRITTEN.format(path=out) in result.err_lines


def test_it_summarises_on_stderr_and_lists_unscored_criteria(run: Callable[..., Run], so_csv: Path) -> None:
    rows = [SO_HEADER, *SO_ROWS]
    rows[2] = [*rows[2][:3], "", *rows[2][4:11], "", *rows[2][12:]]  # Sở Tư pháp: 1.2.1 and 3.4 left empty too

    result = run("score", "--criteria", SO_SET, "--scores", write_csv_file(so_csv, rows))

    assert result.status == 0, result.err
    assert result.err_lines == [
        "Đã chấm 5 đơn vị nhóm so, chỉ số trung bình 77,10.",  # Tư pháp now 46,5
        "Tiêu chí chưa chấm (tính 0 điểm):",
        "  Sở Tư pháp: chưa chấm 1.2.1, 3.3, 3.4",
    ]


def test_the_summary_gives_the_group_average_index(run: Callable[..., Run], so_csv: Path) -> None:
    result = run("score", "--criteria", SO_SET, "--scores", so_csv)

    # (100 + 90 + 80 + 69 + 55,5) ÷ 5 = 78,9
    assert result.err_lines[0] == "Đã chấm 5 đơn vị nhóm so, chỉ số trung bình 78,90."
    assert "  Sở Tư pháp: chưa chấm 3.3" in result.err_lines


def test_it_reads_semicolons_and_vietnamese_decimal_commas(run: Callable[..., Run], tmp_path: Path) -> None:
    # What Vietnamese Excel writes: ';' between cells because ',' is the decimal separator; and a BOM.
    rows = [[cell.replace(".", ",") if cell[:1].isdigit() else cell for cell in row] for row in SO_ROWS]
    header = [*SO_HEADER]
    assert rows[0][11] == "3,5"
    assert rows[1][3] == "85,5"
    scores = write_csv_file(tmp_path / "diem.csv", [header, *rows], delimiter=";", bom=True)

    result = run("score", "--criteria", SO_SET, "--scores", scores)

    assert result.status == 0, result.err
    assert result.out_rows == [EXPECTED_HEADER, *EXPECTED_ROWS]


def test_it_reads_tab_separated_files(run: Callable[..., Run], tmp_path: Path) -> None:
    scores = write_csv_file(tmp_path / "diem.csv", [SO_HEADER, *SO_ROWS], delimiter="\t")

    result = run("score", "--criteria", SO_SET, "--scores", scores)

    assert result.status == 0, result.err
    assert result.out_rows == [EXPECTED_HEADER, *EXPECTED_ROWS]


def test_bonus_and_penalty_columns_are_optional(run: Callable[..., Run], tmp_path: Path) -> None:
    rows = [row[: 2 + len(SO_HEADER) - 5] for row in [SO_HEADER, *SO_ROWS]]
    assert rows[0][-1] == "3.4"

    result = run("score", "--criteria", SO_SET, "--scores", write_csv_file(tmp_path / "diem.csv", rows))

    assert result.status == 0, result.err
    by_unit = {row[0]: row for row in result.out_rows[1:]}
    assert by_unit["Sở Tài chính"][2:5] == ["99.00", "100.00", "99.00"]  # no bonus
    assert by_unit["Sở Nội vụ"][2:5] == ["82.00", "100.00", "82.00"]  # neither bonus nor penalty
    assert by_unit["Sở Y tế"][2:5] == ["75.60", "84.00", "90.00"]


def test_vietnamese_column_names_are_accepted_for_unit_and_group(run: Callable[..., Run], tmp_path: Path) -> None:
    header = ["Đơn vị", "Nhóm", *SO_HEADER[2:]]

    result = run("score", "--criteria", SO_SET, "--scores", write_csv_file(tmp_path / "d.csv", [header, *SO_ROWS]))

    assert result.status == 0, result.err
    assert result.out_rows[1][0] == "Sở Tài chính"


def test_header_codes_written_with_a_decimal_comma_are_understood(
    run: Callable[..., Run], make_set: Callable[..., Path], tmp_path: Path
) -> None:
    # Vietnamese Excel shows a code typed as the number 1.1 as "1,1" and writes it so in the CSV file.
    rows = [["unit", "group", "1,1", " 1.2 "], ["Xã A", "xa", "1,5", "Có"]]
    scores = write_csv_file(tmp_path / "x.csv", rows, delimiter=";")

    result = run("score", "--criteria", make_set("xa"), "--scores", scores)

    assert result.status == 0, result.err
    assert result.out_rows[1][:5] == ["Xã A", "xa", "2.50", "3.00", "83.33"]
    assert result.err_lines[0] == f"Lưu ý: {scores}, dòng 1, ô C1: ô tiêu đề “1,1” đã hiểu là mã “1.1”"


def test_equal_indices_share_a_rank_and_are_listed_in_vietnamese_order(
    run: Callable[..., Run], make_set: Callable[..., Path], tmp_path: Path
) -> None:
    # Vietnamese order puts Ư before V (a code-point sort would not) and Tân before Tấn.
    rows = [
        ["unit", "group", "1.1", "1.2"],
        ["Xã Vạn Phúc", "xa", "1", "Có"],
        ["Xã Tấn Mỹ", "xa", "0,5", "Không"],
        ["Xã Ưng Hòe", "xa", "1", "Có"],
        ["Xã An Bình", "xa", "2", "Có"],
        ["Xã Tân Thạnh", "xa", "0,5", "Không"],
    ]

    result = run("score", "--criteria", make_set("xa"), "--scores", write_csv_file(tmp_path / "x.csv", rows))

    assert result.status == 0, result.err
    assert [row[:7] for row in result.out_rows[1:]] == [
        ["Xã An Bình", "xa", "3.00", "3.00", "100.00", "1", "Nhóm I"],
        ["Xã Ưng Hòe", "xa", "2.00", "3.00", "66.67", "2", "Nhóm II"],
        ["Xã Vạn Phúc", "xa", "2.00", "3.00", "66.67", "2", "Nhóm II"],
        ["Xã Tân Thạnh", "xa", "0.50", "3.00", "16.67", "4", "Nhóm III"],
        ["Xã Tấn Mỹ", "xa", "0.50", "3.00", "16.67", "4", "Nhóm III"],
    ]


TWO_THIRDS = [["unit", "group", "1.1", "1.2"], ["Xã A", "xa", "1", "Có"], ["Xã B", "xa", "1,5", "Không"]]


def test_it_rounds_half_up_with_the_sets_places(
    run: Callable[..., Run], make_set: Callable[..., Path], tmp_path: Path
) -> None:
    scores = write_csv_file(tmp_path / "x.csv", TWO_THIRDS)

    result = run("score", "--criteria", make_set(mode="half_up"), "--scores", scores)

    # 2/3 = 66,666… → 66,67; 1,5/3 = 50
    assert [row[2:5] for row in result.out_rows[1:]] == [["2.00", "3.00", "66.67"], ["1.50", "3.00", "50.00"]]


def test_it_truncates_when_the_set_says_so(
    run: Callable[..., Run], make_set: Callable[..., Path], tmp_path: Path
) -> None:
    scores = write_csv_file(tmp_path / "x.csv", TWO_THIRDS)

    result = run("score", "--criteria", make_set(mode="truncate"), "--scores", scores)

    assert [row[2:5] for row in result.out_rows[1:]] == [["2.00", "3.00", "66.66"], ["1.50", "3.00", "50.00"]]
    assert result.err_lines[0] == "Đã chấm 2 đơn vị nhóm xa, chỉ số trung bình 58,33."  # 58,333… cut


def test_it_uses_the_sets_number_of_places(
    run: Callable[..., Run], make_set: Callable[..., Path], tmp_path: Path
) -> None:
    scores = write_csv_file(tmp_path / "x.csv", TWO_THIRDS)

    result = run("score", "--criteria", make_set(places=3), "--scores", scores)

    assert result.out_rows[1][2:5] == ["2.000", "3.000", "66.667"]


def test_full_precision_writes_every_digit(
    run: Callable[..., Run], make_set: Callable[..., Path], tmp_path: Path
) -> None:
    scores = write_csv_file(tmp_path / "x.csv", TWO_THIRDS)

    result = run("score", "--criteria", make_set(mode="truncate"), "--scores", scores, "--full-precision")

    assert result.out_rows[1][2:5] == ["2", "3", "66.66666666666666666666666667"]
    assert result.out_rows[2][2:5] == ["1.5", "3", "50"]


def test_a_unit_with_nothing_applicable_has_no_index_rank_or_band(
    run: Callable[..., Run], make_set: Callable[..., Path], tmp_path: Path
) -> None:
    rows = [["unit", "group", "1.1", "1.2"], ["Xã A", "xa", "2", "Có"], ["Xã B", "xa", "KAD", "không áp dụng"]]

    result = run("score", "--criteria", make_set(allow_na=True), "--scores", write_csv_file(tmp_path / "x.csv", rows))

    assert result.status == 0, result.err
    assert result.out_rows[2] == ["Xã B", "xa", "0.00", "0.00", "", "", "", ""]
    assert score.MSG_NOTHING_APPLIES.format(unit="Xã B") in result.err_lines


def test_several_groups_each_use_their_own_set_and_keep_the_order_of_criteria(
    run: Callable[..., Run], make_set: Callable[..., Path], tmp_path: Path
) -> None:
    # Column 1.1 is Có/Không for the departments and points for the communes: each row reads it with its set.
    header = [*SO_HEADER, "1.2"]
    rows = [
        header,
        ["Xã A", "xa", "1", *[""] * (len(SO_HEADER) - 3), "Có"],
        *[[*row, ""] for row in SO_ROWS[:2]],
        ["Xã B", "XA", "2", *[""] * (len(SO_HEADER) - 3), "Có"],
    ]
    scores = write_csv_file(tmp_path / "hai-nhom.csv", rows)

    result = run("score", "--criteria", make_set("xa"), "--criteria", SO_SET, "--scores", scores)

    assert result.status == 0, result.err
    assert result.out_rows == [
        EXPECTED_HEADER,
        ["Xã B", "xa", "3.00", "3.00", "100.00", "1", "Nhóm I", "100.00", "", ""],
        ["Xã A", "xa", "2.00", "3.00", "66.67", "2", "Nhóm II", "66.67", "", ""],
        ["Sở Y tế", "so", "75.60", "84.00", "90.00", "1", "Tốt", "100.00", "88.33", "79.58"],
        ["Sở Tư pháp", "so", "55.50", "100.00", "55.50", "2", "Yếu", "33.33", "58.33", "70.00"],
    ]
    assert result.err_lines[:2] == [
        "Đã chấm 2 đơn vị nhóm xa, chỉ số trung bình 83,33.",
        "Đã chấm 2 đơn vị nhóm so, chỉ số trung bình 72,75.",
    ]
    assert "  Sở Tư pháp (nhóm so): chưa chấm 3.3" in result.err_lines


def test_a_set_with_no_unit_in_the_file_is_mentioned(
    run: Callable[..., Run], make_set: Callable[..., Path], so_csv: Path
) -> None:
    result = run("score", "--criteria", SO_SET, "--criteria", make_set("xa"), "--scores", so_csv)

    assert result.status == 0, result.err
    assert score.MSG_SCORED_NONE.format(group="xa") in result.err_lines
    assert len(result.out_rows) == 6


def test_the_csv_values_are_plain_numbers_with_a_decimal_point() -> None:
    from decimal import Decimal

    assert writers.csv_text(Decimal("1234.50")) == "1234.50"
    assert writers.csv_text(None) == ""
    assert writers.plain(Decimal("1E+2")) == Decimal(100)
    assert writers.csv_text(writers.plain(Decimal("1E+2"))) == "100"
