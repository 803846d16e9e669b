"""`parindex check`: every problem of every criteria-set file, or a one-line summary of a valid one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from parindex.cli import check
from tests.cli.helpers import SO_SET, Run

DEMO_SETS = Path(__file__).resolve().parents[2] / "parindex" / "demo" / "sets"


def test_a_valid_set_is_summarised(run: Callable[..., Run]) -> None:
    result = run("check", SO_SET)

    assert result.status == 0
    assert result.out.splitlines() == [f"{SO_SET}: hợp lệ: 10 tiêu chí thành phần, tổng điểm 100 (nhóm so, năm 2025)"]
    assert result.err == ""


def test_every_file_is_checked_and_any_problem_gives_status_2(run: Callable[..., Run], tmp_path: Path) -> None:
    invalid = tmp_path / "sai.yaml"
    invalid.write_text(SO_SET.read_text(encoding="utf-8").replace("max: 30", "max: 31.5"), encoding="utf-8")
    missing = tmp_path / "khong-co.yaml"

    result = run("check", invalid, SO_SET, missing)

    assert result.status == 2
    assert result.out.splitlines() == [
        check.MSG_VALID.format(path=SO_SET, leaves=10, total="100", group="so", year=2025)
    ]
    assert result.err_lines == [
        f"Bộ tiêu chí {invalid} không dùng được:",
        "  - Tiêu chí “1” (dòng 13): các tiêu chí con cộng lại 30 điểm nhưng điểm tối đa là 31,5",
        "  - Tiêu chí “2” (dòng 24): các tiêu chí con cộng lại 30 điểm nhưng điểm tối đa là 31,5",
        f"Bộ tiêu chí {missing} không dùng được:",
        f"  - Không tìm thấy tệp {missing}",
    ]


def test_check_needs_at_least_one_file(run: Callable[..., Run]) -> None:
    result = run("check")

    assert result.status == 2
    assert "parindex check: lỗi: thiếu tham số bắt buộc: BỘ_TIÊU_CHÍ.yaml" in result.err_lines


@pytest.mark.skipif(not DEMO_SETS.is_dir(), reason="no demo sets in this checkout")
def test_the_demo_sets_are_valid(run: Callable[..., Run]) -> None:
    paths = sorted(DEMO_SETS.glob("*.yaml"))

    result = run("check", *paths)

    assert result.status == 0, result.err
    assert len(result.out.splitlines()) == len(paths)


def test_warnings_are_listed_after_a_valid_summary_without_failing(run: Callable[..., Run], tmp_path: Path) -> None:
    path = tmp_path / "canh-bao.yaml"
    path.write_text(
        'name: "Thử"\nyear: 2025\ngroup: so\ncriteria:\n'
        '  - {code: "1", title: A, max: 1, rule: {type: tiers, on: percent, tiers: [{min: 100, points: 0.5}]}}\n',
        encoding="utf-8",
    )

    result = run("check", path)

    assert result.status == 0
    assert result.out.splitlines()[1:] == [
        check.MSG_WARNINGS.format(path=path, count=1),
        "  - Tiêu chí “1”: theo cách chấm, điểm cao nhất đạt được là 0,5, thấp hơn điểm tối đa 1: "
        "kiểm tra lại nếu không cố ý",
    ]
