"""`parindex criteria-to-excel` and `criteria-from-excel`: a set to Excel and back, and clear refusals.

The commands are run through their own parser and handlers, the way parindex.cli.main runs them, so these
tests do not depend on the command being listed there.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pytest

from parindex.cli import criteria_excel
from parindex.cli.errors import CliError
from parindex.cli.parser import VietnameseParser
from parindex.setfile import dump_criteria_set, load_criteria_set, parse_criteria_set
from tests.setfile.test_excel_samples import RICH_SET_YAML


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    """Status, standard output and error lines as `parindex ARGS…` gives them."""
    parser: argparse.ArgumentParser = VietnameseParser(prog="parindex")
    criteria_excel.register(parser.add_subparsers(dest="command", required=True))
    parsed = parser.parse_args([str(arg) for arg in args])
    try:
        status = parsed.handler(parsed)
    except CliError as exc:
        print(*exc.lines, sep="\n", file=sys.stderr)
        status = exc.exit_status
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def rich_yaml(tmp_path: Path) -> Path:
    path = tmp_path / "bo.yaml"
    path.write_text(RICH_SET_YAML, encoding="utf-8")
    return path


def test_a_set_goes_to_excel_and_back_to_the_same_yaml(
    capsys: pytest.CaptureFixture[str], rich_yaml: Path, tmp_path: Path
) -> None:
    workbook, again = tmp_path / "bo.xlsx", tmp_path / "lai.yaml"

    to_excel = run(capsys, "criteria-to-excel", rich_yaml, workbook)
    from_excel = run(capsys, "criteria-from-excel", workbook, again)

    assert to_excel == (0, criteria_excel.MSG_WROTE.format(path=workbook, leaves=13, total="100") + "\n", "")
    assert from_excel[0] == 0
    assert again.read_text(encoding="utf-8") == dump_criteria_set(parse_criteria_set(RICH_SET_YAML))


def test_name_year_and_group_can_be_given_for_a_template(
    capsys: pytest.CaptureFixture[str], rich_yaml: Path, tmp_path: Path
) -> None:
    workbook, again = tmp_path / "bo.xlsx", tmp_path / "lai.yaml"
    run(capsys, "criteria-to-excel", rich_yaml, workbook)

    status, _, _ = run(
        capsys, "criteria-from-excel", workbook, again, "--name", "Bộ mới", "--year", 2026, "--group", "so"
    )

    criteria_set = load_criteria_set(again)
    assert status == 0
    assert (criteria_set.name, criteria_set.year, criteria_set.group) == ("Bộ mới", 2026, "so")


def test_a_bad_workbook_lists_its_problems_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    workbook, out = tmp_path / "hong.xlsx", tmp_path / "ra.yaml"
    workbook.write_bytes(b"not a workbook")

    status, output, errors = run(capsys, "criteria-from-excel", workbook, out)

    assert (status, output) == (2, "")
    assert errors.splitlines() == [
        criteria_excel.MSG_INVALID_XLSX.format(path=workbook),
        "  - Tệp: tệp không phải là bảng tính Excel (.xlsx) hoặc đã bị hỏng",
        criteria_excel.MSG_NOTHING_WRITTEN,
    ]
    assert not out.exists()


def test_an_output_with_the_wrong_suffix_is_refused_before_any_work(
    capsys: pytest.CaptureFixture[str], rich_yaml: Path, tmp_path: Path
) -> None:
    status, _, errors = run(capsys, "criteria-to-excel", rich_yaml, tmp_path / "bo.csv")

    assert status == 2
    assert errors.splitlines() == [
        criteria_excel.MSG_SUFFIX.format(path=tmp_path / "bo.csv", suffix=".xlsx", given=".csv")
    ]
