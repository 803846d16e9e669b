"""Import of units (đơn vị được đánh giá) from an Excel sheet.

Layout (the template from `unit_import_template()` has it, with a guide sheet): one header row, found by its
titles wherever it is, then one unit per row:

    Mã đơn vị* | Tên đơn vị* | Tên viết tắt | Nhóm* | Hoạt động từ ngày* | Hoạt động đến ngày
    | Sáp nhập vào (mã đơn vị) | Ngày sáp nhập

- "Nhóm" is a group's code or its name ("so" or "Sở, ban, ngành"), without regard to case or diacritics.
- Dates are day first: a date cell, or text dd/mm/yyyy.
- A code already in the system updates that unit (name, short name, group, dates, merger); a new code adds one.
  An empty cell clears an optional value; a column left out of the sheet leaves that value as it is.
- "Sáp nhập vào" names a unit already in the system or anywhere in the same file; the unit merged into must
  be active on the merger date, and mergers cannot go round in a circle.

All or nothing: every row is checked first and every problem is listed (`Dòng 7, cột “Nhóm”: …`); only a file
without a single problem is saved, in one transaction with one audit event per unit added or changed.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from parindex.audit.services import audit_record, model_snapshot
from parindex.engine.rules.base import fold
from parindex.organization.models import UNIT_MERGED_INTO_ITSELF, Unit, UnitGroup
from parindex.organization.sheets import (
    CREATED,
    MSG_REQUIRED,
    UNCHANGED,
    UPDATED,
    Column,
    ImportedRow,
    ImportResult,
    RowErrors,
    SheetError,
    SheetRow,
    as_clause,
    cell_date,
    sheet_read,
    template_workbook,
)
from parindex.vn import format_date, sort_key

UNIT_COLUMNS: tuple[Column, ...] = (
    Column(
        "code",
        "Mã đơn vị",
        required=True,
        help="Mã duy nhất của đơn vị. Mã đã có trong hệ thống thì dòng này cập nhật đơn vị đó; mã mới thì thêm đơn vị.",
        example="STP",
        width=14,
    ),
    Column("name", "Tên đơn vị", required=True, help="Tên đầy đủ của đơn vị.", example="Sở Tư pháp", width=40),
    Column("short_name", "Tên viết tắt", help="Không bắt buộc.", example="STP", width=16),
    Column(
        "group",
        "Nhóm",
        required=True,
        aliases=("Nhóm đơn vị",),
        help="Mã nhóm hoặc tên nhóm đơn vị (xem danh sách bên dưới).",
        example="so",
        width=22,
    ),
    Column(
        "active_from",
        "Hoạt động từ ngày",
        required=True,
        help="Ngày đơn vị bắt đầu hoạt động, dạng dd/mm/yyyy (ngày trước, tháng sau).",
        example="01/01/2020",
        is_date=True,
        width=16,
    ),
    Column(
        "active_to",
        "Hoạt động đến ngày",
        help="Ngày cuối cùng đơn vị còn hoạt động (giải thể); để trống nếu đơn vị vẫn đang hoạt động.",
        example="",
        is_date=True,
        width=16,
    ),
    Column(
        "merged_into",
        "Sáp nhập vào (mã đơn vị)",
        help="Mã của đơn vị mà đơn vị này được sáp nhập vào (đã có trong hệ thống hoặc ở một dòng khác của tệp).",
        example="SNNMT",
        width=18,
    ),
    Column(
        "merged_on",
        "Ngày sáp nhập",
        help="Từ ngày này đơn vị không còn hoạt động độc lập; bắt buộc khi có “Sáp nhập vào”.",
        example="01/03/2025",
        is_date=True,
        width=16,
    ),
)
_COLUMN_TITLES = {column.key: column.title for column in UNIT_COLUMNS}
# Model fields (and their attnames in audit snapshots) → the sheet column that holds them.
_FIELD_COLUMNS = {
    "code": "code",
    "name": "name",
    "short_name": "short_name",
    "group": "group",
    "group_id": "group",
    "active_from": "active_from",
    "active_to": "active_to",
    "merged_into": "merged_into",
    "merged_into_id": "merged_into",
    "merged_on": "merged_on",
}

MSG_UNKNOWN_GROUP = "nhóm “{value}” không có trong hệ thống"
MSG_DUPLICATE_CODE = "mã “{code}” đã có ở dòng {first} của tệp"
MSG_UNKNOWN_MERGE_TARGET = "không có đơn vị mã “{code}” trong hệ thống hay trong tệp"
MSG_MERGE_CYCLE = "các đơn vị sáp nhập vòng tròn vào nhau: {chain}"
MSG_MERGE_TARGET_INACTIVE = "đơn vị “{code}” không hoạt động vào ngày sáp nhập {date}"
MSG_CONCURRENT_CHANGE = (
    "Trong lúc nhập, danh sách đơn vị vừa được người khác thay đổi; chưa có gì được lưu. Hãy tải tệp lên lại."
)

# The id a unit is given, while the file is checked, for "merged into a unit that is new in this file": that
# unit has no id before it is saved, and Unit.clean() needs to see that a unit merged into is there.
_NOT_YET_SAVED = -1


@dataclass
class _Planned:
    row: SheetRow
    unit: Unit
    before: dict[str, Any] | None  # the unit as it was in the database; None for a new unit
    target_code: str = ""


def units_import_xlsx(*, actor: Any, content: bytes) -> ImportResult:
    """Add and update units from an .xlsx file (see the module doc); nothing is saved unless every row is right."""
    try:
        sheet = sheet_read(content, UNIT_COLUMNS)
    except SheetError as error:
        return ImportResult(errors=error.problems)
    existing = {unit.code: unit for unit in Unit.objects.select_related("group", "merged_into")}
    errors = RowErrors(UNIT_COLUMNS)
    plans = _read_rows(sheet.rows, present=sheet.present, existing=existing, errors=errors)
    _check_mergers(plans, existing=existing, errors=errors)
    _check_models(plans, errors=errors)
    if errors:
        return ImportResult(errors=errors.sorted())
    try:
        return ImportResult(rows=_save(actor=actor, plans=plans, existing=existing))
    except IntegrityError:
        return ImportResult(errors=[MSG_CONCURRENT_CHANGE])


def _group_lookup() -> dict[str, UnitGroup]:
    groups = list(UnitGroup.objects.all())
    lookup = {fold(group.name): group for group in groups}
    lookup.update({fold(group.code): group for group in groups})  # a code wins over a name that reads the same
    return lookup


def _date(row: SheetRow, key: str, errors: RowErrors) -> datetime.date | None:
    try:
        return cell_date(row.values.get(key))
    except ValueError as error:
        errors.add(row.number, key, str(error))
        return None


def _read_rows(
    rows: list[SheetRow], *, present: frozenset[str], existing: dict[str, Unit], errors: RowErrors
) -> dict[str, _Planned]:
    groups = _group_lookup()
    plans: dict[str, _Planned] = {}
    for row in rows:
        code = row.text("code")
        if not code:
            errors.add(row.number, "code", MSG_REQUIRED)
        elif code in plans:
            errors.add(row.number, "code", MSG_DUPLICATE_CODE.format(code=code, first=plans[code].row.number))
            continue
        name = row.text("name")
        if not name:
            errors.add(row.number, "name", MSG_REQUIRED)
        group_text = row.text("group")
        group = groups.get(fold(group_text))
        if not group_text:
            errors.add(row.number, "group", MSG_REQUIRED)
        elif group is None:
            errors.add(row.number, "group", MSG_UNKNOWN_GROUP.format(value=group_text))
        active_from = _date(row, "active_from", errors)
        if active_from is None and not errors.has_column(row.number, "active_from"):
            errors.add(row.number, "active_from", MSG_REQUIRED)
        if not code:
            continue

        unit = existing.get(code) or Unit(code=code)
        before = model_snapshot(unit) if unit.pk is not None else None
        unit.name = name
        if group is not None:
            unit.group = group
        unit.active_from = active_from  # type: ignore[assignment]  # None only on a row already in error
        if "short_name" in present:
            unit.short_name = row.text("short_name")
        if "active_to" in present:
            unit.active_to = _date(row, "active_to", errors)
        if "merged_on" in present:
            unit.merged_on = _date(row, "merged_on", errors)
        plan = _Planned(row=row, unit=unit, before=before)
        if "merged_into" in present:
            plan.target_code = row.text("merged_into")
            if not plan.target_code:
                unit.merged_into = None
        elif unit.merged_into_id is not None:
            plan.target_code = unit.merged_into.code  # type: ignore[union-attr]
        plans[code] = plan
    return plans


def _check_mergers(plans: dict[str, _Planned], *, existing: dict[str, Unit], errors: RowErrors) -> None:
    """Point each unit at the unit it merged into, and check that one exists, is another unit, was active on
    the merger date, and that no chain of mergers comes back to where it started."""

    def unit_of(code: str) -> Unit | None:
        return plans[code].unit if code in plans else existing.get(code)

    def next_code(code: str) -> str:
        if code in plans:
            return plans[code].target_code
        successor = existing[code].merged_into if code in existing else None
        return successor.code if successor is not None else ""

    for code, plan in plans.items():
        target_code, number, unit = plan.target_code, plan.row.number, plan.unit
        if not target_code:
            continue
        if target_code == code:
            errors.add(number, "merged_into", as_clause(UNIT_MERGED_INTO_ITSELF))
            plan.target_code = ""
            continue
        target = unit_of(target_code)
        if target is None:
            errors.add(number, "merged_into", MSG_UNKNOWN_MERGE_TARGET.format(code=target_code))
            plan.target_code = ""
            continue
        if target.pk is None:
            unit.merged_into_id = _NOT_YET_SAVED
        else:
            unit.merged_into = target
        chain = [code, target_code]
        while (following := next_code(chain[-1])) and following not in chain:
            chain.append(following)
        if following == code:
            errors.add(number, "merged_into", MSG_MERGE_CYCLE.format(chain=" → ".join([*chain, code])))
            continue
        merged_on = unit.merged_on
        if merged_on is not None and target.active_from is not None and not _active_on(target, merged_on):
            errors.add(
                number, "merged_into", MSG_MERGE_TARGET_INACTIVE.format(code=target_code, date=format_date(merged_on))
            )


def _active_on(unit: Unit, date: datetime.date) -> bool:
    # The same rule as selectors.units_active_on, on values not yet saved.
    return (
        unit.active_from <= date
        and (unit.active_to is None or unit.active_to >= date)
        and (unit.merged_on is None or unit.merged_on > date)
    )


def _check_models(plans: dict[str, _Planned], *, errors: RowErrors) -> None:
    """Unit's own rules (field lengths, dates in order, a merger needs both its unit and its date, a unique code)."""
    for plan in plans.values():
        number = plan.row.number
        # A column already reported is not reported twice in the model's words ("this field cannot be null").
        reported = errors.columns_of(number)
        excluded = {"group", "merged_into"} | {name for name, key in _FIELD_COLUMNS.items() if key in reported}
        try:
            plan.unit.full_clean(exclude=excluded)
        except ValidationError as error:
            errors.add_validation_error(number, error, _FIELD_COLUMNS, skip=reported)


def _in_merger_order(plans: dict[str, _Planned]) -> list[_Planned]:
    """Units merged into come before the units merged into them, so every unit is saved after its target."""
    ordered: list[_Planned] = []
    placed: set[str] = set()

    def place(code: str) -> None:
        if code in placed:
            return
        placed.add(code)
        target = plans[code].target_code
        if target in plans:
            place(target)
        ordered.append(plans[code])

    for code in plans:
        place(code)
    return ordered


def _changed_columns(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    keys = [_FIELD_COLUMNS[name] for name in after if name in _FIELD_COLUMNS and before.get(name) != after[name]]
    return [column.title for column in UNIT_COLUMNS if column.key in keys]


def _save(*, actor: Any, plans: dict[str, _Planned], existing: dict[str, Unit]) -> list[ImportedRow]:
    done: list[ImportedRow] = []
    with transaction.atomic():
        for plan in _in_merger_order(plans):
            unit = plan.unit
            if plan.target_code:
                target = plans[plan.target_code].unit if plan.target_code in plans else existing[plan.target_code]
                unit.merged_into = target  # saved by now: targets come first
            if plan.before is None:
                unit.save()
                after = model_snapshot(unit)
                audit_record(
                    actor=actor,
                    action="unit.imported_created",
                    target=unit,
                    summary=f"Thêm đơn vị “{unit.name}” ({unit.code}) từ tệp Excel.",
                    after=after,
                )
                done.append(ImportedRow(row=plan.row.number, key=unit.code, name=unit.name, status=CREATED))
                continue
            after = model_snapshot(unit)
            changed = _changed_columns(plan.before, after)
            if not changed:
                done.append(ImportedRow(row=plan.row.number, key=unit.code, name=unit.name, status=UNCHANGED))
                continue
            unit.save()
            audit_record(
                actor=actor,
                action="unit.imported_updated",
                target=unit,
                summary=f"Cập nhật đơn vị “{unit.name}” ({unit.code}) từ tệp Excel: {', '.join(changed)}.",
                before=plan.before,
                after=after,
            )
            done.append(
                ImportedRow(row=plan.row.number, key=unit.code, name=unit.name, status=UPDATED, changed=changed)
            )
    return sorted(done, key=lambda row: row.row)


def unit_import_template() -> bytes:
    """The .xlsx to fill in: the empty "Đơn vị" sheet and a guide with the groups that exist today."""
    groups = sorted(UnitGroup.objects.all(), key=lambda group: (group.ordering, sort_key(group.name)))
    return template_workbook(
        sheet_title="Đơn vị",
        columns=UNIT_COLUMNS,
        guide_title="Hướng dẫn",
        guide_lines=(
            "HƯỚNG DẪN NHẬP DANH SÁCH ĐƠN VỊ",
            "Mỗi dòng của trang “Đơn vị” là một đơn vị; các cột tô màu cam là bắt buộc.",
            "Mã đơn vị đã có trong hệ thống thì dòng đó cập nhật đơn vị; mã mới thì thêm đơn vị mới.",
            "Ô để trống xóa giá trị cũ (ví dụ bỏ ngày kết thúc hoạt động); bỏ hẳn một cột không bắt buộc thì "
            "giá trị cũ của cột đó được giữ nguyên.",
            "Ngày ghi theo dạng dd/mm/yyyy (ngày trước, tháng sau), ví dụ 01/07/2025.",
            "Tệp chỉ được lưu khi mọi dòng đều đúng; nếu có lỗi, hệ thống liệt kê từng lỗi kèm số dòng và tên cột.",
        ),
        lists=(("Các nhóm đơn vị (mã — tên)", [(group.code, group.name) for group in groups]),),
    )
