"""What a scores file says: the units, their groups and their parsed answers, or every problem with where it is.

Layout: a header row with `unit`, `group` (also accepted: “đơn vị”, “nhóm”) and one column per leaf code of
the criteria sets; then one row per unit. A cell is the leaf's input, parsed by the engine's `parse_answer`
(“KAD” / “không áp dụng”: not applicable; empty: not scored). The main leaves of every group that has a row in
the file need a column; bonus and penalty columns may be left out.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from openpyxl.utils import get_column_letter

from parindex.cli.tables import Row, Table, is_blank
from parindex.engine import CriteriaSet, InputError, parse_answer
from parindex.engine.rules import TimelinessRule
from parindex.engine.rules.base import fold
from parindex.vn import format_date

UNIT_COLUMN = "unit"
GROUP_COLUMN = "group"
UNIT_NAMES = frozenset({"unit", "don vi", "ten don vi"})
GROUP_NAMES = frozenset({"group", "nhom", "nhom don vi"})
CODE_LIST_LIMIT = 30

# Where a problem is: "diem.csv, dòng 3 (Sở Y tế), cột “1.2.1” (ô E3): …"
MSG_AT_HEADER = "{file}, dòng {row}, ô {cell}: {problem}"
MSG_AT_FILE = "{file}: {problem}"
MSG_AT_CELL = "{file}, dòng {row}{unit}, cột “{column}” (ô {cell}): {problem}"

MSG_UNKNOWN_COLUMN = "cột “{code}” không có trong bộ tiêu chí nhóm {groups}"
MSG_PARENT_COLUMN = (
    "cột “{code}” là tiêu chí có tiêu chí con, không chấm trực tiếp: hãy dùng các cột tiêu chí thành phần của nó"
)
MSG_DUPLICATE_COLUMN = "cột “{code}” có hai lần (ô {first} và ô {second})"
MSG_UNNAMED_COLUMN = "cột {letter} có dữ liệu nhưng không có tên ở dòng tiêu đề"
MSG_MISSING_COLUMN = "thiếu cột “{name}” ({what})"
MSG_UNIT_WHAT = "tên đơn vị"
MSG_GROUP_WHAT = "mã nhóm đơn vị: {groups}"
MSG_MISSING_LEAF_COLUMNS = "thiếu cột của {count} tiêu chí thành phần trong bộ tiêu chí nhóm {group}: {codes}"
MSG_MORE_CODES = "… và {count} mã khác"
MSG_NUMBER_HEADER = (
    "ô tiêu đề là số {number}, đã hiểu là mã “{code}”. Excel bỏ số 0 ở cuối số (1.10 thành 1.1): "
    "hãy định dạng dòng tiêu đề là Văn bản (Text) và gõ lại mã"
)
MSG_NUMBER_HEADER_AMBIGUOUS = (
    "ô tiêu đề là số {number}: không rõ là mã “{code}” hay “{code}0” (Excel bỏ số 0 ở cuối số). "
    "Hãy định dạng dòng tiêu đề là Văn bản (Text) và gõ lại mã"
)
MSG_COMMA_HEADER = "ô tiêu đề “{text}” đã hiểu là mã “{code}”"
MSG_NO_UNITS = "không có đơn vị nào: sau dòng tiêu đề cần mỗi đơn vị một dòng"
MSG_EMPTY_UNIT = "tên đơn vị trống"
MSG_EMPTY_GROUP = "mã nhóm đơn vị trống; các nhóm: {groups}"
MSG_UNKNOWN_GROUP = "nhóm “{group}” không có trong các bộ tiêu chí đã chọn (--criteria); các nhóm: {groups}"
MSG_DUPLICATE_UNIT = "đơn vị “{unit}” đã có ở dòng {first} (cùng nhóm {group}); mỗi đơn vị chỉ một dòng"
MSG_NOT_IN_GROUP = "cột “{code}” không có trong bộ tiêu chí nhóm {group}: ô này phải để trống"
MSG_EXCEL_DATE_HINT = " (Excel đã tự đổi ô này thành ngày tháng: hãy định dạng ô là Văn bản (Text) rồi gõ lại)"


@dataclass(frozen=True)
class UnitAnswers:
    unit: str
    group: str
    row: int
    answers: dict[str, Any]


@dataclass
class Scoresheet:
    units: list[UnitAnswers] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # warnings that did not stop scoring


@dataclass(frozen=True)
class Column:
    index: int
    code: str

    @property
    def letter(self) -> str:
        return get_column_letter(self.index + 1)


def cell_text(value: object) -> str:
    """A cell as text, the way a person reads it (3 not 3.0, dates dd/mm/yyyy)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, datetime | date):
        return format_date(value)
    if isinstance(value, time):
        return value.strftime("%H:%M:%S")
    return str(value)


def unit_key(name: str) -> str:
    """Two spellings of one unit name count as the same unit: case, spacing and Unicode form do not matter."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def _join(items: Sequence[str]) -> str:
    return ", ".join(items)


class _Reader:
    def __init__(self, table: Table, sets: Sequence[CriteriaSet]) -> None:
        self.table = table
        self.sets = {criteria_set.group: criteria_set for criteria_set in sets}
        self.result = Scoresheet()
        self.unit_column: Column | None = None
        self.group_column: Column | None = None
        self.code_columns: list[Column] = []

    @property
    def groups(self) -> str:
        return _join(list(self.sets))

    # -- where ------------------------------------------------------------------------------------------

    def header_problem(self, column: Column, problem: str) -> None:
        cell = f"{column.letter}{self.table.header.number}"
        self.result.problems.append(
            MSG_AT_HEADER.format(file=self.table.name, row=self.table.header.number, cell=cell, problem=problem)
        )

    def header_note(self, column: Column, note: str) -> None:
        cell = f"{column.letter}{self.table.header.number}"
        self.result.notes.append(
            MSG_AT_HEADER.format(file=self.table.name, row=self.table.header.number, cell=cell, problem=note)
        )

    def cell_problem(self, row: Row, unit: str, column: Column, problem: str) -> None:
        self.result.problems.append(
            MSG_AT_CELL.format(
                file=self.table.name,
                row=row.number,
                unit=f" ({unit})" if unit else "",
                column=column.code,
                cell=f"{column.letter}{row.number}",
                problem=problem,
            )
        )

    # -- header -----------------------------------------------------------------------------------------

    def known_leaf(self, code: str) -> bool:
        return any(code in s.nodes_by_code and s.node(code).is_leaf for s in self.sets.values())

    def known_node(self, code: str) -> bool:
        return any(code in s.nodes_by_code for s in self.sets.values())

    def header_code(self, column: Column, raw: object) -> str | None:
        """The leaf code a header cell names, or None (with a problem) when it names nothing usable."""
        if isinstance(raw, float) and not raw.is_integer():
            code = repr(raw)
            if self.known_node(code) and self.known_node(code + "0"):
                self.header_problem(column, MSG_NUMBER_HEADER_AMBIGUOUS.format(number=code, code=code))
                return None
            if self.known_node(code):
                self.header_note(column, MSG_NUMBER_HEADER.format(number=code, code=code))
            else:
                problem = MSG_UNKNOWN_COLUMN.format(code=code, groups=self.groups)
                self.header_problem(column, f"{problem}; {MSG_NUMBER_HEADER.format(number=code, code=code)}")
                return None
        else:
            code = cell_text(raw)
            if not self.known_node(code) and "," in code and self.known_node(code.replace(",", ".")):
                # Vietnamese Excel shows 1.1 typed as a number as "1,1" and writes it so in CSV.
                self.header_note(column, MSG_COMMA_HEADER.format(text=code, code=code.replace(",", ".")))
                code = code.replace(",", ".")
        if not self.known_node(code):
            self.header_problem(column, MSG_UNKNOWN_COLUMN.format(code=code, groups=self.groups))
            return None
        if not self.known_leaf(code):
            self.header_problem(column, MSG_PARENT_COLUMN.format(code=code))
            return None
        return code

    def read_header(self) -> None:
        seen: dict[str, Column] = {}
        width = max([len(self.table.header.values)] + [len(row.values) for row in self.table.rows])
        for index in range(width):
            raw = self.table.header.get(index)
            column = Column(index, cell_text(raw))
            if is_blank(raw):
                if any(not is_blank(row.get(index)) for row in self.table.rows):
                    self.header_problem(column, MSG_UNNAMED_COLUMN.format(letter=column.letter))
                continue
            folded = fold(column.code)
            if folded in UNIT_NAMES:
                column = Column(index, UNIT_COLUMN)
            elif folded in GROUP_NAMES:
                column = Column(index, GROUP_COLUMN)
            else:
                code = self.header_code(column, raw)
                if code is None:
                    continue
                column = Column(index, code)
            if column.code in seen:
                first = f"{seen[column.code].letter}{self.table.header.number}"
                second = f"{column.letter}{self.table.header.number}"
                self.header_problem(column, MSG_DUPLICATE_COLUMN.format(code=column.code, first=first, second=second))
                continue
            seen[column.code] = column
            if column.code == UNIT_COLUMN:
                self.unit_column = column
            elif column.code == GROUP_COLUMN:
                self.group_column = column
            else:
                self.code_columns.append(column)
        if self.unit_column is None:
            self.file_problem(MSG_MISSING_COLUMN.format(name=UNIT_COLUMN, what=MSG_UNIT_WHAT))
        if self.group_column is None:
            what = MSG_GROUP_WHAT.format(groups=self.groups)
            self.file_problem(MSG_MISSING_COLUMN.format(name=GROUP_COLUMN, what=what))

    def file_problem(self, problem: str) -> None:
        self.result.problems.append(MSG_AT_FILE.format(file=self.table.name, problem=problem))

    def check_required_columns(self, groups_present: Sequence[str]) -> None:
        present = {column.code for column in self.code_columns}
        for group in groups_present:
            missing = [leaf.code for leaf in self.sets[group].leaves if leaf.code not in present]
            if not missing:
                continue
            codes = missing[:CODE_LIST_LIMIT]
            if len(missing) > CODE_LIST_LIMIT:
                codes.append(MSG_MORE_CODES.format(count=len(missing) - CODE_LIST_LIMIT))
            self.file_problem(MSG_MISSING_LEAF_COLUMNS.format(count=len(missing), group=group, codes=_join(codes)))

    # -- rows -------------------------------------------------------------------------------------------

    def row_group(self, row: Row, unit: str) -> str | None:
        assert self.group_column is not None
        group = cell_text(row.get(self.group_column.index)).lower()
        if not group:
            self.cell_problem(row, unit, self.group_column, MSG_EMPTY_GROUP.format(groups=self.groups))
            return None
        if group not in self.sets:
            self.cell_problem(row, unit, self.group_column, MSG_UNKNOWN_GROUP.format(group=group, groups=self.groups))
            return None
        return group

    def row_answers(self, row: Row, unit: str, criteria_set: CriteriaSet) -> tuple[dict[str, Any], bool]:
        answers: dict[str, Any] = {}
        sound = True
        for column in self.code_columns:
            raw = row.get(column.index)
            node = criteria_set.nodes_by_code.get(column.code)
            if node is None or not node.is_leaf:
                if not is_blank(raw):
                    self.cell_problem(
                        row, unit, column, MSG_NOT_IN_GROUP.format(code=column.code, group=criteria_set.group)
                    )
                    sound = False
                continue
            excel_date = isinstance(raw, datetime | date | time) and not isinstance(node.rule, TimelinessRule)
            if excel_date:
                raw = cell_text(raw)  # said as the user sees it, not as 2025-05-04 00:00:00
            try:
                value = parse_answer(criteria_set, column.code, raw)
            except InputError as exc:
                problem = str(exc)
                if excel_date:
                    problem += MSG_EXCEL_DATE_HINT
                self.cell_problem(row, unit, column, problem)
                sound = False
                continue
            if value is not None:
                answers[column.code] = value
        return answers, sound

    def read_rows(self) -> None:
        assert self.unit_column is not None
        assert self.group_column is not None
        first_row: dict[tuple[str, str], int] = {}
        for row in self.table.rows:
            unit = " ".join(cell_text(row.get(self.unit_column.index)).split())
            sound = True
            if not unit:
                self.cell_problem(row, unit, self.unit_column, MSG_EMPTY_UNIT)
                sound = False
            group = self.row_group(row, unit)
            if group is None:
                continue
            if unit:
                key = (group, unit_key(unit))
                if key in first_row:
                    self.cell_problem(
                        row,
                        unit,
                        self.unit_column,
                        MSG_DUPLICATE_UNIT.format(unit=unit, first=first_row[key], group=group),
                    )
                    sound = False
                else:
                    first_row[key] = row.number
            answers, answers_sound = self.row_answers(row, unit, self.sets[group])
            if sound and answers_sound:
                self.result.units.append(UnitAnswers(unit, group, row.number, answers))

    def groups_present(self) -> list[str]:
        assert self.group_column is not None
        present = {cell_text(row.get(self.group_column.index)).lower() for row in self.table.rows}
        return [group for group in self.sets if group in present]

    def read(self) -> Scoresheet:
        self.read_header()
        if not self.table.rows:
            self.file_problem(MSG_NO_UNITS)
        if self.unit_column is not None and self.group_column is not None:
            self.check_required_columns(self.groups_present())
            self.read_rows()
        return self.result


def read_scoresheet(table: Table, sets: Sequence[CriteriaSet]) -> Scoresheet:
    """Every unit's answers; `problems` lists every bad cell, header and row (scoring must not go on if any)."""
    return _Reader(table, sets).read()
