"""The real programs: `python -m parindex` and the `parindex` console script, in a child process.

These prove the exit statuses a shell script or a scheduled job sees, and that no traceback reaches the user.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from tests.cli.helpers import SO_HEADER, SO_ROWS, SO_SET, write_csv_file

REPO = Path(__file__).resolve().parents[2]


def child_env() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "PARINDEX_DEBUG"}
    env["LC_ALL"] = "C"  # a bare server locale must not break Vietnamese output
    return env


def run_child(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(arg) for arg in args],
        cwd=REPO,
        env=child_env(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_python_m_parindex_scores_a_file(tmp_path: Path) -> None:
    scores = write_csv_file(tmp_path / "diem.csv", [SO_HEADER, *SO_ROWS], delimiter=";", bom=True)
    out = tmp_path / "ket-qua.xlsx"

    child = run_child(sys.executable, "-m", "parindex", "score", "--criteria", SO_SET, "--scores", scores, "--out", out)

    assert child.returncode == 0, child.stderr
    assert "Đã chấm 5 đơn vị nhóm so" in child.stderr
    assert "Traceback" not in child.stderr
    assert openpyxl.load_workbook(out)["Kết quả"]["A2"].value == "Sở Tài chính"


def test_python_m_parindex_refuses_bad_input_with_status_2(tmp_path: Path) -> None:
    rows = [SO_HEADER, *SO_ROWS]
    rows[1] = ["Sở Y tế", "so", "Có lẽ", *rows[1][3:]]
    scores = write_csv_file(tmp_path / "diem.csv", rows)
    out = tmp_path / "ket-qua.csv"

    child = run_child(sys.executable, "-m", "parindex", "score", "--criteria", SO_SET, "--scores", scores, "--out", out)

    assert child.returncode == 2
    assert f"{scores}, dòng 2 (Sở Y tế), cột “1.1” (ô C2): “Có lẽ” không phải là Có hoặc Không" in child.stderr
    assert "Traceback" not in child.stderr
    assert not out.exists()


def test_the_console_script_runs_check_and_reports_problems(tmp_path: Path) -> None:
    script = shutil.which("parindex", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip("the parindex console script is not installed (pip install -e .)")
    broken = tmp_path / "hong.yaml"
    broken.write_text("name: [\n", encoding="utf-8")

    valid = run_child(script, "check", SO_SET)
    invalid = run_child(script, "check", broken)
    usage = run_child(script, "score")

    assert valid.returncode == 0, valid.stderr
    assert "hợp lệ: 10 tiêu chí thành phần, tổng điểm 100" in valid.stdout
    assert invalid.returncode == 2
    assert f"Bộ tiêu chí {broken} không dùng được:" in invalid.stderr
    assert usage.returncode == 2
    assert "lỗi: thiếu tham số bắt buộc" in usage.stderr
    for child in (valid, invalid, usage):
        assert "Traceback" not in child.stderr
