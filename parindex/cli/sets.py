"""Loading criteria-set files for the commands, with every problem of every file in Vietnamese."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from parindex.cli.errors import CliError, describe_os_error
from parindex.engine import CriteriaSet
from parindex.setfile import CriteriaSetError, load_criteria_set

MSG_SET_INVALID = "Bộ tiêu chí {path} không dùng được:"
MSG_SET_PROBLEM = "  - {problem}"
MSG_DUPLICATE_GROUP = (
    "Hai bộ tiêu chí cùng nhóm đơn vị “{group}”: {first} và {second}. Mỗi nhóm chỉ chấm theo một bộ tiêu chí."
)


def _missing_file(path: str) -> str | None:
    target = Path(path)
    try:
        if not target.exists():
            return describe_os_error(path, FileNotFoundError())
        if target.is_dir():
            return describe_os_error(path, IsADirectoryError())
    except OSError as exc:
        return describe_os_error(path, exc)
    return None


def load_set(path: str) -> CriteriaSet:
    """One criteria set; raises CliError listing every problem of the file."""
    missing = _missing_file(path)
    if missing is not None:
        raise CliError([MSG_SET_INVALID.format(path=path), MSG_SET_PROBLEM.format(problem=missing)])
    try:
        return load_criteria_set(path)
    except CriteriaSetError as exc:
        lines = [MSG_SET_INVALID.format(path=path)]
        lines += [MSG_SET_PROBLEM.format(problem=problem) for problem in exc.problems]
        raise CliError(lines) from None


def load_sets(paths: Sequence[str]) -> list[tuple[str, CriteriaSet]]:
    """Every set, in the order given; problems of all files (and groups used twice) are reported together."""
    loaded: list[tuple[str, CriteriaSet]] = []
    lines: list[str] = []
    for path in paths:
        try:
            loaded.append((path, load_set(path)))
        except CliError as exc:
            lines += exc.lines
    first_path: dict[str, str] = {}
    for path, criteria_set in loaded:
        if criteria_set.group in first_path:
            lines.append(
                MSG_DUPLICATE_GROUP.format(group=criteria_set.group, first=first_path[criteria_set.group], second=path)
            )
        else:
            first_path[criteria_set.group] = path
    if lines:
        raise CliError(lines)
    return loaded
