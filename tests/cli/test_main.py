"""The `parindex` program itself: Vietnamese help and usage errors, subcommand registration, and the safety net
that turns an unexpected error into one Vietnamese line (exit 1) instead of a traceback."""

from __future__ import annotations

import argparse
import errno
import sys
import types
from collections.abc import Callable
from pathlib import Path

import pytest

from parindex.cli import main as cli_main
from parindex.cli import parser, score
from tests.cli.helpers import SO_SET, Run


def test_the_help_is_in_vietnamese(run: Callable[..., Run]) -> None:
    result = run("-h")

    assert result.status == 0
    assert result.out.startswith("Cách dùng: parindex")
    assert "score" in result.out
    assert "check" in result.out
    assert parser.HELP_HELP in result.out
    assert "usage:" not in result.out
    assert "show this help" not in result.out


def test_the_score_help_explains_the_options_in_vietnamese(run: Callable[..., Run]) -> None:
    result = run("score", "--help")

    assert result.status == 0
    assert result.out.startswith("Cách dùng: parindex score")
    assert "tùy chọn:" in result.out
    assert "--full-precision" in result.out
    assert "Ví dụ:" in result.out


def test_the_version_is_shown(run: Callable[..., Run]) -> None:
    result = run("--version")

    assert result.status == 0
    assert result.out.startswith("parindex ")


def test_a_missing_option_is_said_in_vietnamese(run: Callable[..., Run]) -> None:
    result = run("score", "--criteria", SO_SET)

    assert result.status == 2
    assert "parindex score: lỗi: thiếu tham số bắt buộc: --scores" in result.err_lines
    assert "Xem hướng dẫn: parindex score -h" in result.err_lines


def test_no_command_is_a_usage_error(run: Callable[..., Run]) -> None:
    result = run()

    assert result.status == 2
    assert "parindex: lỗi: thiếu tham số bắt buộc: LỆNH" in result.err_lines


def test_an_unknown_command_is_named(run: Callable[..., Run]) -> None:
    result = run("scor")

    assert result.status == 2
    # Other subcommands may follow 'check' in the list of choices.
    assert "parindex: lỗi: LỆNH: không có lựa chọn 'scor' (chọn một trong: 'score', 'check'" in result.err


@pytest.mark.parametrize(
    ("english", "vietnamese"),
    [
        ("unrecognized arguments: --foo", "không hiểu tham số: --foo"),
        ("argument --out: expected one argument", "tùy chọn --out cần một giá trị"),
        ("something argparse may say one day", "something argparse may say one day"),
    ],
)
def test_argparse_messages_are_translated(english: str, vietnamese: str) -> None:
    assert parser.translate(english) == vietnamese


def test_a_subcommand_is_added_with_one_line(run: Callable[..., Run], monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("parindex_test_hello")

    def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
        command = subparsers.add_parser("hello", help="chào")
        command.set_defaults(handler=lambda args: print("xin chào") or 0)

    module.register = register  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setattr(cli_main, "COMMANDS", (*cli_main.COMMANDS, module.__name__))

    result = run("hello")

    assert result.status == 0
    assert result.out == "xin chào\n"


def broken(*args: object, **kwargs: object) -> None:
    raise RuntimeError("hỏng\nở đây")


def test_an_unexpected_error_is_one_vietnamese_line_and_status_1(
    run: Callable[..., Run], so_csv: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(cli_main.DEBUG_VARIABLE, raising=False)
    monkeypatch.setattr(score, "compute_results", broken)
    out = tmp_path / "kq.xlsx"

    result = run("score", "--criteria", SO_SET, "--scores", so_csv, "--out", out)

    assert result.status == 1
    assert result.err_lines == [cli_main.MSG_UNEXPECTED.format(kind="RuntimeError", error="hỏng ở đây")]
    assert "Traceback" not in result.err
    assert not out.exists()


def test_parindex_debug_lets_developers_see_the_traceback(
    run: Callable[..., Run], so_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cli_main.DEBUG_VARIABLE, "1")
    monkeypatch.setattr(score, "compute_results", broken)

    with pytest.raises(RuntimeError, match="hỏng"):
        run("score", "--criteria", SO_SET, "--scores", so_csv)


def test_an_interruption_writes_nothing_and_exits_130(
    run: Callable[..., Run], so_csv: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(score, "compute_results", interrupted)
    out = tmp_path / "kq.csv"

    result = run("score", "--criteria", SO_SET, "--scores", so_csv, "--out", out)

    assert result.status == 130
    assert result.err_lines == [cli_main.MSG_INTERRUPTED]
    assert not out.exists()


def test_a_failed_write_leaves_no_partial_file(
    run: Callable[..., Run], so_csv: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from parindex.cli import errors, writers

    def failing_save(self: object, filename: str) -> None:
        Path(filename).write_bytes(b"PK half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writers.Workbook, "save", failing_save)
    out = tmp_path / "kq.xlsx"

    result = run("score", "--criteria", SO_SET, "--scores", so_csv, "--out", out)

    assert result.status == 2
    assert result.err_lines == [errors.MSG_DISK_FULL.format(path=out)]
    assert list(tmp_path.iterdir()) == [so_csv]
