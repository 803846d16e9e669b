"""Saying where a problem is in an Excel file: the sheet, the row and the criterion, in the sheet's own words.

SetBuilder checks the data read from the workbook and speaks of YAML keys (“max”, “year”) and lines. Every
mapping handed to it carries its Excel row as its line, and here its problems are told again in the words of
the sheet (“Điểm tối đa”, “Năm”) with the sheet and row, e.g.
`Trang “Bộ tiêu chí”, dòng 14, tiêu chí “1.2”: các tiêu chí con cộng lại 10,05 điểm nhưng điểm tối đa là 10,5`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from parindex.setfile.build import (
    MSG_BOTH_CHILDREN_AND_RULE,
    MSG_EMPTY_LIST,
    MSG_MISSING_KEY,
    MSG_NEITHER_CHILDREN_NOR_RULE,
    MSG_TOTAL,
    SECTION_NAMES,
)
from parindex.setfile.excel_layout import (
    BAND_MIN_TITLE,
    BAND_NAME_TITLE,
    COLUMNS,
    INFO_ROWS,
    MAXIMUM,
    RULE,
    TOTAL_TITLE,
)
from parindex.setfile.problems import SetProblem

MSG_EMPTY_CELL = "cột “{column}” để trống"
MSG_LEAF_NEEDS_RULE = (
    "tiêu chí không có tiêu chí con ở các dòng dưới thì cần cách chấm ở cột “{column}”, ví dụ {{type: manual}}"
)
MSG_PARENT_HAS_RULE = "tiêu chí có tiêu chí con ở các dòng dưới thì để trống cột “{column}”"
MSG_NO_CRITERIA = "bảng không có tiêu chí nào dưới dòng tiêu đề"
MSG_EMPTY_SECTION = "phần này không có tiêu chí nào"
MSG_NO_CAP = "không rõ mức tối đa của phần này: ghi “(tối đa N điểm)” hoặc số điểm ở cột “{column}”"
MSG_MISSING_INFO = "chưa có “{label}”: ghi ở trang “Thông tin” hoặc cho biết khi nhập tệp ({key})"
GENERAL_INFO = "Thông tin chung của bộ tiêu chí"

_NODE_WORDS: Mapping[str, str] = {column.key: column.title for column in COLUMNS}
_INFO_WORDS: Mapping[str, str] = {row.key: row.label for row in INFO_ROWS}
_SECTION_WORDS: Mapping[str, str] = {"cap": "mức tối đa"}
_BAND_WORDS: Mapping[str, str] = {"name": BAND_NAME_TITLE, "min": BAND_MIN_TITLE}
_SECTION_SUBJECTS = {"bonus": "phần điểm thưởng", "penalty": "phần điểm trừ"}
_TOTAL_TAIL = re.compile(r"nhưng max_points là (.+)$")


@dataclass(frozen=True)
class ExcelProblem(SetProblem):
    """A problem with the sheet and row it is on; `where` already names them, so `line` stays empty."""

    sheet: str | None = None
    row: int | None = None


def excel_problem(
    message: str, sheet: str | None, row: int | None = None, code: str | None = None, *, fallback: str = "Tệp"
) -> ExcelProblem:
    parts = [f"Trang “{sheet}”"] if sheet else []
    if row is not None:
        parts.append(f"dòng {row}")
    if code is not None:
        parts.append(f"tiêu chí “{code}”")
    return ExcelProblem(", ".join(parts) or fallback, message, None, code, sheet, row)


def _cells_in_words(message: str, words: Mapping[str, str]) -> str:
    """A key's message in the sheet's words; a missing key is an empty cell there."""
    for key, title in words.items():
        if message == MSG_MISSING_KEY.format(key=key):
            return MSG_EMPTY_CELL.format(column=title)
    return _in_words(message, words)


def _in_words(message: str, words: Mapping[str, str]) -> str:
    for key, title in words.items():
        message = message.replace(f"“{key}”", f"“{title}”")
    return message


@dataclass
class ProblemLocator:
    table_sheet: str
    info_sheet: str | None
    info_rows: Mapping[str, int]  # info key → its row on the info sheet
    band_rows: list[int]
    band_header_row: int | None
    total_row: int | None  # the TỔNG CỘNG row, when it gave max_points

    def locate(self, problem: SetProblem) -> ExcelProblem:
        if problem.code is not None or problem.where.startswith("Tiêu chí"):
            return excel_problem(self._node_message(problem.message), self.table_sheet, problem.line, problem.code)
        for kind, name in SECTION_NAMES.items():
            if problem.where == name:
                return self._section_problem(kind, problem)
        return self._set_problem(problem)

    def _node_message(self, message: str) -> str:
        if message == MSG_NEITHER_CHILDREN_NOR_RULE:
            return MSG_LEAF_NEEDS_RULE.format(column=RULE.title)
        if message == MSG_BOTH_CHILDREN_AND_RULE:
            return MSG_PARENT_HAS_RULE.format(column=RULE.title)
        return _cells_in_words(message, _NODE_WORDS)

    def _section_problem(self, kind: str, problem: SetProblem) -> ExcelProblem:
        message = problem.message
        if message == MSG_MISSING_KEY.format(key="cap"):
            message = MSG_NO_CAP.format(column=MAXIMUM.title)
        elif message == MSG_EMPTY_LIST.format(key="criteria"):
            message = MSG_EMPTY_SECTION
        where = excel_problem(_in_words(message, _SECTION_WORDS), self.table_sheet, problem.line)
        subject = _SECTION_SUBJECTS[kind]
        return ExcelProblem(f"{where.where}, {subject}", where.message, None, None, self.table_sheet, problem.line)

    def _set_problem(self, problem: SetProblem) -> ExcelProblem:
        message = problem.message
        if problem.where == "Tệp":
            return excel_problem(message, None)
        if message == MSG_EMPTY_LIST.format(key="criteria"):
            return excel_problem(MSG_NO_CRITERIA, self.table_sheet)
        for key in ("name", "year", "group"):
            if message == MSG_MISSING_KEY.format(key=key):
                return self._info_problem(MSG_MISSING_INFO.format(label=_INFO_WORDS[key], key=key), None)
        if message.startswith(MSG_TOTAL.split("{")[0]):
            return self._total_problem(message)
        if problem.where.startswith("Xếp loại thứ "):
            position = int(problem.where.removeprefix("Xếp loại thứ "))
            return self._info_problem(_cells_in_words(message, _BAND_WORDS), self.band_rows[position - 1])
        if problem.where == "Khóa “bands”":
            return self._info_problem(message, self.band_header_row)
        mentioned = [key for key in _INFO_WORDS if f"“{key}”" in message]
        row = self.info_rows.get(mentioned[0]) if mentioned else None
        return self._info_problem(_in_words(message, _INFO_WORDS), row)

    def _info_problem(self, message: str, row: int | None) -> ExcelProblem:
        return excel_problem(message, self.info_sheet, row, fallback=GENERAL_INFO)

    def _total_problem(self, message: str) -> ExcelProblem:
        if self.total_row is not None:
            text = _TOTAL_TAIL.sub(rf"nhưng dòng “{TOTAL_TITLE}” ghi \1 điểm", message)
            return excel_problem(text, self.table_sheet, self.total_row)
        text = _TOTAL_TAIL.sub(rf"nhưng “{_INFO_WORDS['max_points']}” là \1", message)
        return self._info_problem(text, self.info_rows.get("max_points"))
