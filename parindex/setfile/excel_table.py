"""Reading the criteria table of a sheet: where the header is, which rows are criteria, sections and totals.

The header row is found by its titles, not its position, so a province's own template (a title block of any
height, columns in any order) reads as well as parindex's export. Rows come out as they are written; codes and
the tree are worked out by `excel_tree`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from openpyxl.worksheet.worksheet import Worksheet

from parindex.engine.errors import InputError
from parindex.engine.rules.base import read_number
from parindex.engine.tree import SectionKind
from parindex.setfile.excel_layout import (
    COLUMNS,
    MACHINE_COLUMNS,
    MAXIMUM,
    PUBLISHED_COLUMNS,
    REQUIRED_COLUMNS,
    RULE,
    SECTION_WORDS,
    TOTAL_WORDS,
    Column,
    folded,
)

HEADER_SEARCH_ROWS = 40  # a title block is a few rows; a header further down is not a criteria table
MSG_NO_CODE = "dòng có điểm ở cột “{column}” nhưng không có STT"

_ROW_NUMBERING = re.compile(r"^(?:[A-Z]|[IVX]+)(?:\s*[./:)-]\s*|\s+)")  # "B. ", "II/ " before a section title
_CAP = re.compile(r"toi da\s*(\d+(?:[.,]\d+)?)")
_NUMERIC_CODE = re.compile(r"^\d+(?:\.\d+)*\.?$")


def cell_text(value: object) -> str:
    """A cell as text: numbers without a spurious ".0", dates as dd/mm/yyyy, nothing as ""."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


def cell_number(value: object) -> Decimal | object:
    """A number cell (or Vietnamese text such as "0,5") as a Decimal; anything else as it is, for the message."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, str) and not value.strip():
        return None
    try:
        return read_number(value)
    except InputError:
        return value


@dataclass
class TableRow:
    """A criterion's row as written; `code` is filled in once the sheet's numbering is understood."""

    row: int
    stt: str
    title: str
    maximum: object
    guidance: str = ""
    evidence: str = ""
    rule: str = ""
    allow_na: object = None
    source: object = None
    capped: object = None
    code: str = ""


@dataclass
class TableSection:
    kind: SectionKind
    row: int | None = None  # the section's header row; None for the main criteria
    cap: object = None
    rows: list[TableRow] = field(default_factory=list)


@dataclass
class Table:
    sheet_title: str
    header_row: int
    columns: dict[str, int]  # column key → 1-based column index
    sections: list[TableSection]
    total_row: int | None = None
    total: object = None
    problems: list[tuple[int, str]] = field(default_factory=list)  # (row, message) about rows that are no criterion

    @property
    def machine(self) -> bool:
        """Written by parindex (with its machine columns) rather than a province's plain template."""
        return RULE.key in self.columns


def _match_column(text: str) -> Column | None:
    if not text:
        return None
    for column in MACHINE_COLUMNS:  # first, so "Cách chấm (máy đọc)" is not taken for "Cách chấm điểm"
        if text in column.aliases:
            return column
    for column in PUBLISHED_COLUMNS:
        if any(re.match(rf"{re.escape(alias)}\b", text) for alias in column.aliases):
            return column
    return None


def header_columns(sheet: Worksheet, row: int) -> dict[str, int]:
    columns: dict[str, int] = {}
    for cell in sheet[row]:
        column = _match_column(folded(cell.value))
        if column is not None and column.key not in columns and cell.column is not None:
            columns[column.key] = cell.column
    return columns


def find_header(sheet: Worksheet) -> tuple[int | None, dict[str, int]]:
    """The header row and its columns; else None with the columns of the row that came closest."""
    best: dict[str, int] = {}
    for row in range(1, min(sheet.max_row, HEADER_SEARCH_ROWS) + 1):
        columns = header_columns(sheet, row)
        if all(column.key in columns for column in REQUIRED_COLUMNS):
            return row, columns
        if len(columns) > len(best):
            best = columns
    return None, best


def _continuation_rows(sheet: Worksheet, column: int) -> dict[int, int]:
    """Rows whose STT cell is merged into the one above: they continue that criterion's text."""
    rows: dict[int, int] = {}
    for merged in sheet.merged_cells.ranges:
        if merged.min_col <= column <= merged.max_col and merged.max_row > merged.min_row:
            for row in range(merged.min_row + 1, merged.max_row + 1):
                rows[row] = merged.min_row
    return rows


def _section_kind(stt: str, title: str) -> SectionKind | None:
    if _NUMERIC_CODE.match(stt):
        return None  # a numbered criterion, even one titled "Điểm thưởng …"
    text = folded(_ROW_NUMBERING.sub("", title or stt))
    for kind in ("bonus", "penalty"):
        if text.startswith(SECTION_WORDS[kind]):
            return "bonus" if kind == "bonus" else "penalty"
    return None


def _is_total(stt: str, title: str) -> bool:
    if _NUMERIC_CODE.match(stt):
        return False
    text = folded(title or stt)
    return text == "tong" or text.startswith(TOTAL_WORDS)


def _section_cap(text: str, maximum: object) -> object:
    found = _CAP.search(folded(text))
    if found:
        return read_number(found.group(1))
    return cell_number(maximum)


def read_table(sheet: Worksheet, header_row: int, columns: dict[str, int]) -> Table:
    table = Table(sheet.title, header_row, columns, [TableSection("criteria")])
    continuation = _continuation_rows(sheet, columns["code"])
    by_row: dict[int, TableRow] = {}

    def value(row: int, key: str) -> object:
        return sheet.cell(row, columns[key]).value if key in columns else None

    for row in range(header_row + 1, sheet.max_row + 1):
        values = {column.key: value(row, column.key) for column in COLUMNS}
        if all(cell_text(item) == "" for item in values.values()):
            continue
        stt, title = cell_text(values["code"]), cell_text(values["title"])
        if not stt and continuation.get(row) in by_row:
            _continue_row(by_row[continuation[row]], values)
            continue
        kind = _section_kind(stt, title)
        if kind is not None:
            table.sections.append(TableSection(kind, row, _section_cap(f"{stt} {title}", values["max"])))
            continue
        if _is_total(stt, title):
            table.total_row, table.total = row, cell_number(values["max"])
            continue
        if not stt:
            if cell_text(values["max"]):
                table.problems.append((row, MSG_NO_CODE.format(column=MAXIMUM.title)))
            continue  # a note under the table or a line of explanation: not a criterion
        by_row[row] = TableRow(
            row=row,
            stt=stt,
            title=title,
            maximum=cell_number(values["max"]),
            guidance=cell_text(values["guidance"]),
            evidence=cell_text(values["evidence"]),
            rule=cell_text(values["rule"]),
            allow_na=values["allow_na"],
            source=values["source"],
            capped=values["capped"],
        )
        table.sections[-1].rows.append(by_row[row])
    return table


def _continue_row(target: TableRow, values: dict[str, object]) -> None:
    title, guidance, evidence = (cell_text(values[key]) for key in ("title", "guidance", "evidence"))
    if title:
        target.title = f"{target.title} {title}".strip()
    if guidance:
        target.guidance = f"{target.guidance}\n{guidance}".strip()
    if evidence:
        target.evidence = f"{target.evidence}\n{evidence}".strip()
