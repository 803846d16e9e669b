"""The one error a command raises for bad input, and Vietnamese wording for operating-system errors."""

from __future__ import annotations

import errno
from collections.abc import Iterable

MSG_MORE_PROBLEMS = "… và {count} lỗi khác"
MSG_FILE_NOT_FOUND = "Không tìm thấy tệp {path}"
MSG_IS_DIRECTORY = "Đường dẫn {path} là một thư mục, không phải tệp"
MSG_NO_PERMISSION = "Không có quyền đọc/ghi tệp {path} (tệp có đang mở trong Excel không?)"
MSG_DISK_FULL = "Không còn chỗ trống trên ổ đĩa để ghi tệp {path}"
MSG_OS_ERROR = "Không đọc/ghi được tệp {path} ({reason})"

#: How many problems are printed before the rest are only counted.
PROBLEM_LIMIT = 50


class CliError(Exception):
    """Bad input: every line is a Vietnamese message saying where and what; the command exits with status 2."""

    exit_status = 2

    def __init__(self, lines: Iterable[str]) -> None:
        self.lines = list(lines)
        super().__init__("\n".join(self.lines))


def capped(lines: list[str], limit: int = PROBLEM_LIMIT) -> list[str]:
    """At most `limit` lines, then "… và N lỗi khác" for the rest."""
    if len(lines) <= limit:
        return lines
    return [*lines[:limit], MSG_MORE_PROBLEMS.format(count=len(lines) - limit)]


def describe_os_error(path: object, exc: OSError) -> str:
    """An OSError in Vietnamese: the system's own text is English (or the machine's locale)."""
    if isinstance(exc, FileNotFoundError) or exc.errno == errno.ENOENT:
        return MSG_FILE_NOT_FOUND.format(path=path)
    if isinstance(exc, IsADirectoryError) or exc.errno == errno.EISDIR:
        return MSG_IS_DIRECTORY.format(path=path)
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM):
        return MSG_NO_PERMISSION.format(path=path)
    if exc.errno == errno.ENOSPC:
        return MSG_DISK_FULL.format(path=path)
    return MSG_OS_ERROR.format(path=path, reason=exc.strerror or exc)
