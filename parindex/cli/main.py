"""`parindex` on the command line: the parser, its subcommands and the top-level error handling.

A subcommand is a module with `register(subparsers)`: it adds its parser and sets `handler`, a function
taking the parsed arguments and returning the exit status. Adding a subcommand is one line in COMMANDS.

Exit status: 0 done; 2 bad input (every problem printed, in Vietnamese, saying where); 1 an unexpected
error (one Vietnamese line, no traceback; PARINDEX_DEBUG=1 re-raises it for developers); 130 interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from importlib import metadata
from typing import TextIO, cast

from parindex.cli.errors import CliError
from parindex.cli.parser import VietnameseParser

COMMANDS: tuple[str, ...] = (
    "parindex.cli.score",
    "parindex.cli.check",
    "parindex.cli.criteria_excel",
)

DEBUG_VARIABLE = "PARINDEX_DEBUG"

PROG = "parindex"
DESCRIPTION = "Chấm điểm Chỉ số cải cách hành chính (Chỉ số CCHC) từ bộ tiêu chí và bảng điểm."
HELP_COMMANDS = "lệnh cần chạy"
HELP_VERSION = "hiện phiên bản rồi thoát"
EPILOG = "Xem hướng dẫn của từng lệnh: parindex LỆNH -h (ví dụ: parindex score -h)."

MSG_UNEXPECTED = (
    "Lỗi không mong đợi của phần mềm ({kind}: {error}); dữ liệu của bạn không bị thay đổi. "
    "Hãy báo cho người quản trị kèm lệnh đã chạy; chạy lại với PARINDEX_DEBUG=1 để xem chi tiết."
)
MSG_INTERRUPTED = "Đã dừng theo yêu cầu (Ctrl+C); không ghi tệp kết quả."

Handler = Callable[[argparse.Namespace], int]


def _version() -> str:
    try:
        return metadata.version("parindex")
    except metadata.PackageNotFoundError:
        return "dev"


def build_parser() -> argparse.ArgumentParser:
    parser = VietnameseParser(prog=PROG, description=DESCRIPTION, epilog=EPILOG)
    parser.add_argument("--version", action="version", version=f"{PROG} {_version()}", help=HELP_VERSION)
    subparsers = parser.add_subparsers(dest="command", metavar="LỆNH", title=HELP_COMMANDS, required=True)
    for name in COMMANDS:
        importlib.import_module(name).register(subparsers)
    return parser


def _debugging() -> bool:
    return os.environ.get(DEBUG_VARIABLE, "").strip().lower() not in {"", "0", "false", "no"}


def _use_utf8(stream: TextIO) -> None:
    """Vietnamese text on a console whose encoding is not UTF-8 (a Windows code page) must not crash."""
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
    reconfigure = getattr(stream, "reconfigure", None)
    if encoding != "utf8" and reconfigure is not None:
        with contextlib.suppress(ValueError, OSError):  # an exotic stream: leave it as it is
            reconfigure(encoding="utf-8", errors="replace")


def _exit_status(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def _silence_stdout() -> None:
    """After the reader of a pipe went away (`parindex score … | head`), avoid a second error at exit."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit status (the console script passes it to sys.exit)."""
    _use_utf8(sys.stdout)
    _use_utf8(sys.stderr)
    try:
        parser = build_parser()
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:  # -h, --version, or a usage error already printed by the parser
            return _exit_status(exc.code)
        handler = cast(Handler, args.handler)
        return handler(args)
    except CliError as exc:
        for line in exc.lines:
            print(line, file=sys.stderr)
        return exc.exit_status
    except KeyboardInterrupt:
        print(MSG_INTERRUPTED, file=sys.stderr)
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return 1
    except Exception as exc:
        if _debugging():
            raise
        error = " ".join(str(exc).split())
        print(MSG_UNEXPECTED.format(kind=type(exc).__name__, error=error), file=sys.stderr)
        return 1
