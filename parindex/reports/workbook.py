"""The period's results workbook: one sheet per group in the layout provinces publish.

    KẾT QUẢ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025            (title rows)
    STT | Đơn vị | per field: Điểm, Chỉ số TP (%) | Tổng điểm | Điểm tối đa áp dụng | Chỉ số (%) | Xếp hạng | Xếp loại
    …one row per ranked unit…
    Trung bình của nhóm (n đơn vị)

The figures are council.selectors.group_results' (the approved snapshot once the council approved, the
engine's live figures before), at the set's rounding: numeric cells holding exactly what the results page
prints, with a number format of the set's places. Written by openpyxl in write-only mode (rows streamed to
the file, constant memory) because a national year has thousands of units; bench/results_workbook.py keeps
it within 2× of bare write-only openpyxl.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from parindex.council.selectors import GroupResults, ResultRow
from parindex.engine import Rounding
from parindex.reports.figures import places_format
from parindex.setfile.excel_layout import FONT_NAME

TITLE = "KẾT QUẢ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}"
PROVISIONAL = "Số liệu tạm tính từ kết quả thẩm định, chưa được Hội đồng thông qua"
DECIDED = "(Kèm theo Quyết định số {number} ngày {date})"
AVERAGE_LABEL = "Trung bình của nhóm ({units} đơn vị)"
NOT_RANKED = "Chưa đủ điều kiện xếp hạng (chưa thẩm định xong): {names}"
EMPTY = "Chưa có đơn vị nào thẩm định xong."
# Where things are; the tests read the sheets back by these.
TITLE_ROW, GROUP_ROW, STATUS_ROW = 1, 2, 3
HEADER_ROW = 5  # two header rows: the field's title above its "Điểm" and "Chỉ số TP (%)"
FIRST_DATA_ROW = HEADER_ROW + 2
STT, UNIT = 1, 2
FIRST_FIELD = 3  # each field takes two columns: points, then component index
FIELD_SUBHEADERS = ("Điểm", "Chỉ số TP (%)")
TAIL_HEADERS = ("Tổng điểm", "Điểm tối đa áp dụng", "Chỉ số (%)", "Xếp hạng", "Xếp loại")
PROGRESS_EVERY = 200  # rows between two progress reports

Progress = Callable[[int, int], None]
# openpyxl's write-only worksheet: its stubs lack the page set-up and merged cells it does have at run time.
Sheet = Any  # (rows written, rows in all)


def tail_columns(field_count: int) -> dict[str, int]:
    first = FIRST_FIELD + 2 * field_count
    return {"points": first, "maximum": first + 1, "index": first + 2, "rank": first + 3, "band": first + 4}


def sheet_title(name: str, taken: set[str]) -> str:
    """Excel allows 31 characters and none of []:*?/\\ in a sheet's name, and no two alike."""
    clean = "".join(" " if char in "[]:*?/\\" else char for char in name).strip()[:31] or "Nhóm"
    title, n = clean, 2
    while title.lower() in taken:
        suffix = f" ({n})"
        title, n = clean[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title.lower())
    return title


class _Styles:
    """Named styles: registered once in the workbook, so each cell refers to one instead of carrying its
    own font, border and alignment (what keeps a styled write-only workbook near the bare one's speed)."""

    def __init__(self, workbook: Workbook, places: Iterable[int]) -> None:
        thin = Side(style="thin", color="808080")
        border = Border(left=thin, right=thin, top=thin, bottom=thin)
        font, bold = Font(name=FONT_NAME, size=11), Font(name=FONT_NAME, size=11, bold=True)
        center = Alignment(horizontal="center", vertical="center", wrap_text=True)
        left = Alignment(vertical="center", wrap_text=True)
        right = Alignment(horizontal="right", vertical="center")

        probe_sheet = workbook.create_sheet("probe")
        probe: Any = WriteOnlyCell(probe_sheet)

        def add(name: str, **attributes: Any) -> Any:
            workbook.add_named_style(NamedStyle(name=name, **attributes))
            probe.style = name
            return probe._style

        self.title = add("pi_title", font=Font(name=FONT_NAME, size=14, bold=True), alignment=center)
        self.subtitle = add("pi_subtitle", font=Font(name=FONT_NAME, size=12, italic=True), alignment=center)
        fill = PatternFill("solid", fgColor="D9D9D9")
        self.header = add("pi_header", font=bold, alignment=center, border=border, fill=fill)
        self.text = add("pi_text", font=font, alignment=left, border=border)
        self.center = add("pi_center", font=font, alignment=center, border=border)
        self.bold_text = add("pi_bold_text", font=bold, alignment=left, border=border)
        self.note = add("pi_note", font=Font(name=FONT_NAME, size=11, italic=True))
        self.number: dict[tuple[int, bool], Any] = {}
        for count in sorted(set(places)):
            for strong in (False, True):
                self.number[(count, strong)] = add(
                    f"pi_number_{count}{'_bold' if strong else ''}",
                    font=bold if strong else font,
                    alignment=right,
                    border=border,
                    number_format=places_format(count),
                )
        workbook.remove(probe_sheet)


def _cell(sheet: Sheet, value: Any, style: Any) -> Any:
    cell: Any = WriteOnlyCell(sheet, value=value)
    # The style's array, shared: setting a named style by name costs a lookup per cell (a third of the time
    # for a national year); a write-only cell is written once and never restyled, so sharing is safe.
    cell._style = style
    return cell


def _placed(cells: list[Any], row_index: int) -> Any:
    """What openpyxl's write-only append does with each value, for rows made only of styled cells (every row
    here): give each cell its place. openpyxl's own version first tries each cell as a plain value and only
    takes it as a cell once that fails with an error message it formats — half the writer's time on a
    national year. The workbook tests read every figure back, so a change in openpyxl cannot go unseen."""
    for column, cell in enumerate(cells, start=1):
        if cell is not None:
            cell.column, cell.row = column, row_index
            yield cell


def _number(value: Decimal | None, rounding: Rounding) -> float | None:
    """The figure as the results page shows it, as an Excel number. A value rounded to the set's few places
    (an index ≤ 100, points ≤ 1000) has far fewer than 15 significant digits, so its float prints back
    exactly: Excel holds the very figure the page prints."""
    return None if value is None else float(rounding.apply(value))


def _heading(results: GroupResults) -> str:
    approval = results.approval
    if approval is None:
        return PROVISIONAL
    return DECIDED.format(number=approval.decision_number, date=f"{approval.decision_date:%d/%m/%Y}")


def _data_row(sheet: Sheet, styles: _Styles, results: GroupResults, stt: int, row: ResultRow) -> list:
    rounding = results.rounding
    number = styles.number[(rounding.places, False)]
    cells = [_cell(sheet, stt, styles.center), _cell(sheet, row.unit_name, styles.text)]
    for component in row.component_list:
        cells.append(_cell(sheet, _number(component.points, rounding), number))
        cells.append(_cell(sheet, _number(component.index, rounding), number))
    cells += [
        _cell(sheet, _number(row.points, rounding), number),
        _cell(sheet, _number(row.maximum, rounding), number),
        _cell(sheet, _number(row.index, rounding), styles.number[(rounding.places, True)]),
        _cell(sheet, row.rank, styles.center),
        _cell(sheet, row.band, styles.center),
    ]
    return cells


def _average_row(sheet: Sheet, styles: _Styles, results: GroupResults) -> list:
    averages, rounding = results.averages, results.rounding
    assert averages is not None
    number = styles.number[(rounding.places, True)]
    label = AVERAGE_LABEL.format(units=averages.units)
    cells = [_cell(sheet, None, styles.bold_text), _cell(sheet, label, styles.bold_text)]
    for value in averages.field_list:
        # The group's mean is of component indices (engine.group_average): no mean of the field's points.
        cells += [_cell(sheet, None, number), _cell(sheet, _number(value, rounding), number)]
    cells += [
        _cell(sheet, _number(averages.points, rounding), number),
        _cell(sheet, None, number),
        _cell(sheet, _number(averages.index, rounding), number),
        _cell(sheet, None, styles.center),
        _cell(sheet, None, styles.center),
    ]
    return cells


def _write_sheet(sheet: Sheet, styles: _Styles, results: GroupResults, progress: Callable[[int], None]) -> None:
    fields = results.fields
    last_column = tail_columns(len(fields))["band"]
    widths = [6.0, 40.0] + [9.0, 10.0] * len(fields) + [10.0, 10.0, 10.0, 8.0, 12.0]
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    last = get_column_letter(last_column)
    for line in (TITLE_ROW, GROUP_ROW, STATUS_ROW):
        sheet.merged_cells.add(f"A{line}:{last}{line}")
    sheet.freeze_panes = f"C{FIRST_DATA_ROW}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW + 1}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)

    year = results.criteria_set.year
    sheet.append([_cell(sheet, TITLE.format(year=year), styles.title)])
    sheet.append([_cell(sheet, results.group.name.upper(), styles.title)])
    sheet.append([_cell(sheet, _heading(results), styles.subtitle)])
    sheet.append([])
    top = [_cell(sheet, "STT", styles.header), _cell(sheet, "Đơn vị", styles.header)]
    below = [_cell(sheet, None, styles.header), _cell(sheet, None, styles.header)]
    for index, node in enumerate(fields):
        top += [_cell(sheet, f"{node.code}. {node.title}", styles.header), _cell(sheet, None, styles.header)]
        below += [_cell(sheet, text, styles.header) for text in FIELD_SUBHEADERS]
        start = get_column_letter(FIRST_FIELD + 2 * index)
        following = get_column_letter(FIRST_FIELD + 2 * index + 1)
        sheet.merged_cells.add(f"{start}{HEADER_ROW}:{following}{HEADER_ROW}")
    for offset, text in enumerate(TAIL_HEADERS):
        top.append(_cell(sheet, text, styles.header))
        below.append(_cell(sheet, None, styles.header))
        letter = get_column_letter(tail_columns(len(fields))["points"] + offset)
        sheet.merged_cells.add(f"{letter}{HEADER_ROW}:{letter}{HEADER_ROW + 1}")
    sheet.merged_cells.add(f"A{HEADER_ROW}:A{HEADER_ROW + 1}")
    sheet.merged_cells.add(f"B{HEADER_ROW}:B{HEADER_ROW + 1}")
    sheet.append(top)
    sheet.append(below)
    for stt, result in enumerate(results.rows, start=1):
        sheet.append(_data_row(sheet, styles, results, stt, result))
        progress(1)
    if results.averages is not None and results.rows:
        sheet.append(_average_row(sheet, styles, results))
    if not results.rows:
        sheet.append([_cell(sheet, None, styles.note), _cell(sheet, EMPTY, styles.note)])
    if results.not_ready:
        names = "; ".join(assessment.unit.name for assessment in results.not_ready)
        sheet.append([])
        sheet.append([_cell(sheet, None, styles.note), _cell(sheet, NOT_RANKED.format(names=names), styles.note)])


def results_workbook(all_results: Sequence[GroupResults], *, progress: Progress | None = None) -> bytes:
    """The workbook of every group given, in that order. `progress(done, total)` is told every few hundred
    rows (the background job turns it into a percentage)."""
    workbook = Workbook(write_only=True)
    styles = _Styles(workbook, {results.rounding.places for results in all_results} or {2})
    total = sum(len(results.rows) for results in all_results) or 1
    done = 0

    def advance(rows: int) -> None:
        nonlocal done
        done += rows
        if progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
            progress(done, total)

    taken: set[str] = set()
    for results in all_results:
        sheet = workbook.create_sheet(sheet_title(results.group.name, taken))
        sheet._values_to_row = _placed
        _write_sheet(sheet, styles, results, advance)
    if not all_results:
        workbook.create_sheet("Kết quả").append([EMPTY])
    workbook.properties.title = TITLE.format(year=all_results[0].criteria_set.year) if all_results else ""
    workbook.properties.creator = "parindex"
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
