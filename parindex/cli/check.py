"""`parindex check SET.yaml …`: validate criteria-set files and say what is wrong, all of it at once."""

from __future__ import annotations

import argparse
import sys

from parindex.cli.errors import CliError
from parindex.cli.sets import load_set
from parindex.engine.text import num
from parindex.setfile.advice import criteria_set_warnings

HELP = "kiểm tra tệp bộ tiêu chí (YAML)"
DESCRIPTION = (
    "Kiểm tra một hay nhiều tệp bộ tiêu chí: in mọi lỗi của từng tệp (mã tiêu chí, dòng, lỗi gì), "
    "hoặc số tiêu chí thành phần và tổng điểm của tệp hợp lệ. Trả về mã 2 nếu có tệp không hợp lệ."
)
HELP_FILES = "tệp bộ tiêu chí (.yaml), có thể nhiều tệp"

MSG_VALID = "{path}: hợp lệ: {leaves} tiêu chí thành phần, tổng điểm {total} (nhóm {group}, năm {year})"
MSG_WARNINGS = "{path}: {count} cảnh báo (không chặn việc sử dụng, nên rà soát):"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("check", help=HELP, description=DESCRIPTION)
    parser.add_argument("files", nargs="+", metavar="BỘ_TIÊU_CHÍ.yaml", help=HELP_FILES)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    status = 0
    for path in args.files:
        try:
            criteria_set = load_set(path)
        except CliError as exc:
            for line in exc.lines:
                print(line, file=sys.stderr)
            status = exc.exit_status
            continue
        print(
            MSG_VALID.format(
                path=path,
                leaves=len(criteria_set.leaves),
                total=num(criteria_set.maximum),
                group=criteria_set.group,
                year=criteria_set.year,
            )
        )
        warnings = criteria_set_warnings(criteria_set)
        if warnings:
            print(MSG_WARNINGS.format(path=path, count=len(warnings)))
            for warning in warnings:
                print(f"  - {warning}")
    return status
