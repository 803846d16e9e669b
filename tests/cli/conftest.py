"""Fixtures of the command-line tests: an in-process runner, scores files and small criteria sets.

No database: the command line is pure Python.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from parindex.cli.main import main
from tests.cli.helpers import SO_HEADER, SO_ROWS, TINY_SET, Run, write_csv_file


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """Run `parindex ARGS…` in this process; arguments may be paths."""

    def run_command(*args: object) -> Run:
        status = main([str(arg) for arg in args])
        captured = capsys.readouterr()
        return Run(status, captured.out, captured.err)

    return run_command


@pytest.fixture
def so_csv(tmp_path: Path) -> Path:
    return write_csv_file(tmp_path / "diem.csv", [SO_HEADER, *SO_ROWS])


@pytest.fixture
def make_set(tmp_path: Path) -> Callable[..., Path]:
    """A small set (one field of 3 points: 1.1 manual 0..2, 1.2 Có/Không 1) with the given group and rounding."""

    def make(group: str = "xa", *, places: int = 2, mode: str = "half_up", allow_na: bool = False) -> Path:
        path = tmp_path / f"{group}-{mode}-{places}.yaml"
        text = TINY_SET.format(group=group, places=places, mode=mode, allow_na="true" if allow_na else "false")
        path.write_text(text, encoding="utf-8")
        return path

    return make
