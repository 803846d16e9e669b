"""argparse speaking Vietnamese: usage, section titles, -h and the common error messages.

argparse writes its own texts in English; the ones a user meets (a missing option, a wrong choice, an unknown
argument) are translated here, and anything not recognised is shown as argparse wrote it.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from typing import Any, NoReturn

MSG_USAGE_PREFIX = "Cách dùng: "
MSG_ERROR = "{prog}: lỗi: {message}\nXem hướng dẫn: {prog} -h\n"
HELP_HELP = "hiện hướng dẫn này rồi thoát"
TITLE_POSITIONALS = "tham số"
TITLE_OPTIONALS = "tùy chọn"

_TRANSLATIONS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"^the following arguments are required: (.*)$", r"thiếu tham số bắt buộc: \1"),
        (r"^unrecognized arguments: (.*)$", r"không hiểu tham số: \1"),
        (r"^argument (.+?): expected one argument$", r"tùy chọn \1 cần một giá trị"),
        (r"^argument (.+?): expected at least one argument$", r"tùy chọn \1 cần ít nhất một giá trị"),
        (
            r"^argument (.+?): invalid choice: (.+?) \(choose from (.*)\)$",
            r"\1: không có lựa chọn \2 (chọn một trong: \3)",
        ),
        (r"^argument (.+?): ignored explicit argument (.*)$", r"tùy chọn \1 không nhận giá trị \2"),
        (r"^ambiguous option: (.+?) could match (.*)$", r"tùy chọn \1 không rõ, có thể là: \2"),
        (r"^argument (.+?): not allowed with argument (.*)$", r"tùy chọn \1 không dùng cùng \2"),
    )
)


def translate(message: str) -> str:
    for pattern, replacement in _TRANSLATIONS:
        if pattern.match(message):
            return pattern.sub(replacement, message)
    return message


class VietnameseHelpFormatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, MSG_USAGE_PREFIX if prefix is None else prefix)


class VietnameseParser(argparse.ArgumentParser):
    """An ArgumentParser whose help and errors are in Vietnamese; subcommand parsers are of the same class."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", VietnameseHelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = TITLE_POSITIONALS
        self._optionals.title = TITLE_OPTIONALS
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=HELP_HELP)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, MSG_ERROR.format(prog=self.prog, message=translate(message)))
