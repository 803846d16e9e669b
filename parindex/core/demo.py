"""Demonstration data for `manage.py demo_setup`: one made-up province ("Tỉnh Minh Họa"), its units and one
account per role. Idempotent: what already exists (matched by code or username) is left as it is.

Department names follow the provincial structure after the 2025 reorganisation. Commune and ward names are
plausible names in the style of the July 2025 two-tier arrangement of a northern delta province; they
describe no real province's list.
"""

from __future__ import annotations

import datetime
import importlib
from dataclasses import dataclass
from typing import Any, Protocol

from django.db import transaction

from parindex.accounts.models import Role, User
from parindex.accounts.services import user_create
from parindex.organization.models import Unit, UnitGroup
from parindex.organization.services import unit_create, unit_group_create

DEMO_PROVINCE = "Tỉnh Minh Họa"
# The same for every demo account; long and uncommon enough for the password validators.
DEMO_PASSWORD = "parindex-demo-2025"
DEMO_URL = "http://127.0.0.1:8000"

DEMO_GROUPS = (
    ("so", "Sở, ban, ngành", 10),
    ("huyen", "UBND cấp huyện", 20),
    ("xa", "UBND cấp xã, phường, đặc khu", 30),
    ("phong", "Phòng chuyên môn", 40),
)

_DEPARTMENTS_FROM = datetime.date(2020, 1, 1)
DEMO_DEPARTMENTS = (
    ("VPUB", "Văn phòng Ủy ban nhân dân tỉnh", "VP UBND tỉnh"),
    ("SNV", "Sở Nội vụ", "Sở Nội vụ"),
    ("STP", "Sở Tư pháp", "Sở Tư pháp"),
    ("STC", "Sở Tài chính", "Sở Tài chính"),
    ("SCT", "Sở Công Thương", "Sở Công Thương"),
    ("SNNMT", "Sở Nông nghiệp và Môi trường", "Sở NN&MT"),
    ("SXD", "Sở Xây dựng", "Sở Xây dựng"),
    ("SKHCN", "Sở Khoa học và Công nghệ", "Sở KH&CN"),
    ("SGDDT", "Sở Giáo dục và Đào tạo", "Sở GD&ĐT"),
    ("SYT", "Sở Y tế", "Sở Y tế"),
    ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", "Sở VHTT&DL"),
    ("SDTTG", "Sở Dân tộc và Tôn giáo", "Sở DT&TG"),
    ("SNGV", "Sở Ngoại vụ", "Sở Ngoại vụ"),
    ("TTRT", "Thanh tra tỉnh", "Thanh tra tỉnh"),
)

# District-level People's Committees were abolished on 01/07/2025; they stay for the years before.
_DISTRICTS_TO = datetime.date(2025, 6, 30)
DEMO_DISTRICTS = (
    ("H01", "UBND thành phố Phủ Lý", "TP Phủ Lý"),
    ("H02", "UBND thị xã Duy Tiên", "TX Duy Tiên"),
    ("H03", "UBND thị xã Kim Bảng", "TX Kim Bảng"),
    ("H04", "UBND huyện Thanh Liêm", "Thanh Liêm"),
    ("H05", "UBND huyện Bình Lục", "Bình Lục"),
    ("H06", "UBND huyện Lý Nhân", "Lý Nhân"),
)

_COMMUNES_FROM = datetime.date(2025, 7, 1)
DEMO_COMMUNES = (
    "Phường Phủ Lý",
    "Phường Phù Vân",
    "Phường Châu Sơn",
    "Phường Liêm Tuyền",
    "Phường Hà Nam",
    "Phường Duy Tiên",
    "Phường Duy Tân",
    "Phường Đồng Văn",
    "Phường Duy Hà",
    "Phường Tiên Sơn",
    "Phường Lê Hồ",
    "Phường Nguyễn Úy",
    "Phường Lý Thường Kiệt",
    "Phường Kim Thanh",
    "Phường Tam Chúc",
    "Phường Kim Bảng",
    "Xã Liêm Hà",
    "Xã Tân Thanh",
    "Xã Thanh Bình",
    "Xã Thanh Lâm",
    "Xã Thanh Liêm",
    "Xã Bình Mỹ",
    "Xã Bình Lục",
    "Xã Bình Giang",
    "Xã Bình An",
    "Xã Bình Sơn",
    "Xã Lý Nhân",
    "Xã Bắc Lý",
    "Xã Nam Xang",
    "Xã Trần Thương",
    "Xã Vĩnh Trụ",
    "Xã Nhân Hà",
    "Xã Nam Lý",
    "Xã Hòa Hậu",
    "Xã Công Lý",
    "Xã Tiến Thắng",
    "Xã Mỹ Thọ",
    "Xã Ngọc Sơn",
    "Xã Liêm Cần",
    "Xã Đồng Hóa",
)


class Writer(Protocol):
    """Where progress goes: a management command's stdout, or any text stream."""

    def write(self, msg: str) -> Any: ...


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    full_name: str
    position: str
    unit_code: str | None = None
    is_staff: bool = False


DEMO_ACCOUNTS = (
    DemoAccount("quantri", Role.ADMIN, "Nguyễn Văn Quản", "Quản trị hệ thống", is_staff=True),
    DemoAccount("sonoivu", Role.ORGANIZER, "Trần Thị Thu Hà", "Trưởng phòng Cải cách hành chính, Sở Nội vụ"),
    DemoAccount("thamdinh1", Role.APPRAISER, "Lê Minh Tuấn", "Phó Giám đốc Sở Tư pháp"),
    DemoAccount("thamdinh2", Role.APPRAISER, "Phạm Thị Lan", "Trưởng phòng, Sở Khoa học và Công nghệ"),
    DemoAccount("hoidong", Role.COUNCIL, "Hoàng Văn Thắng", "Phó Chủ tịch UBND tỉnh, Chủ tịch Hội đồng"),
    DemoAccount("daumoi.stp", Role.UNIT_OFFICER, "Đỗ Thị Hương", "Chuyên viên Văn phòng Sở", "STP"),
    DemoAccount("thutruong.stp", Role.UNIT_HEAD, "Vũ Đức Anh", "Giám đốc Sở Tư pháp", "STP"),
    DemoAccount("daumoi.phuly", Role.UNIT_OFFICER, "Ngô Thị Mai", "Công chức Văn phòng – Thống kê", "X01"),
    DemoAccount("thutruong.phuly", Role.UNIT_HEAD, "Bùi Văn Long", "Chủ tịch UBND phường Phủ Lý", "X01"),
)


def _ensure_groups() -> tuple[dict[str, UnitGroup], int]:
    groups, created = {}, 0
    for code, name, ordering in DEMO_GROUPS:
        group = UnitGroup.objects.filter(code=code).first()
        if group is None:
            group = unit_group_create(actor=None, code=code, name=name, ordering=ordering)
            created += 1
        groups[code] = group
    return groups, created


def _ensure_units(groups: dict[str, UnitGroup]) -> int:
    wanted: list[dict[str, Any]] = []
    for code, name, short_name in DEMO_DEPARTMENTS:
        wanted.append(
            {"code": code, "name": name, "short_name": short_name, "group": groups["so"]}
            | {"active_from": _DEPARTMENTS_FROM}
        )
    for code, name, short_name in DEMO_DISTRICTS:
        wanted.append(
            {"code": code, "name": name, "short_name": short_name, "group": groups["huyen"]}
            | {"active_from": _DEPARTMENTS_FROM, "active_to": _DISTRICTS_TO}
        )
    for number, name in enumerate(DEMO_COMMUNES, start=1):
        short_name = name.removeprefix("Phường ").removeprefix("Xã ")
        wanted.append(
            {"code": f"X{number:02d}", "name": name, "short_name": short_name, "group": groups["xa"]}
            | {"active_from": _COMMUNES_FROM}
        )
    existing = set(Unit.objects.filter(code__in=[unit["code"] for unit in wanted]).values_list("code", flat=True))
    created = 0
    for unit in wanted:
        if unit["code"] not in existing:
            unit_create(actor=None, **unit)
            created += 1
    return created


def _ensure_accounts() -> int:
    created = 0
    for account in DEMO_ACCOUNTS:
        if User.objects.filter(username=account.username).exists():
            continue
        user_create(
            actor=None,
            username=account.username,
            password=DEMO_PASSWORD,
            role=account.role,
            unit=Unit.objects.get(code=account.unit_code) if account.unit_code else None,
            full_name=account.full_name,
            position=account.position,
            is_staff=account.is_staff,
            is_superuser=account.is_staff,
        )
        created += 1
    return created


def load_demo_criteria_sets(stdout: Writer) -> None:
    """HOOK for the criteria app: load the demonstration criteria sets (parindex/demo/sets).

    Contract: `parindex.criteria.services.criteria_set_load_demo(*, stdout)` loads them idempotently and writes
    what it did to `stdout`. Until that function exists this does nothing, so demo_setup already works.
    """
    try:
        criteria_services = importlib.import_module("parindex.criteria.services")
    except ModuleNotFoundError as error:
        if error.name != "parindex.criteria.services":
            raise  # a real import error inside the criteria app must not be hidden
        criteria_services = None
    load = getattr(criteria_services, "criteria_set_load_demo", None)
    if load is None:
        stdout.write("Bộ tiêu chí minh họa: chưa có chức năng nạp (ứng dụng bộ tiêu chí chưa sẵn sàng), bỏ qua.\n")
        return
    load(stdout=stdout)


def demo_setup(*, stdout: Writer) -> dict[str, int]:
    """Create the demo province; return how many groups, units and accounts were created this time."""
    with transaction.atomic():
        groups, groups_created = _ensure_groups()
        units_created = _ensure_units(groups)
        accounts_created = _ensure_accounts()
    stdout.write(
        f"{DEMO_PROVINCE}: tạo mới {groups_created} nhóm đơn vị, {units_created} đơn vị, "
        f"{accounts_created} tài khoản (đã có sẵn thì giữ nguyên).\n"
    )
    from parindex.indices.demo import demo_indices

    demo_indices(stdout=stdout)  # the province's national indices: illustrative figures, not official
    load_demo_criteria_sets(stdout)
    from parindex.demo.cycle import demo_cycle
    from parindex.demo.history import demo_history

    demo_cycle(stdout=stdout)
    demo_history(stdout=stdout)  # the departments' published 2024: last year's figures for 2025
    return {"groups": groups_created, "units": units_created, "accounts": accounts_created}


def demo_accounts_table() -> str:
    """The demo accounts as a plain-text table, for the terminal."""
    units = {unit.code: unit.name for unit in Unit.objects.filter(code__in={a.unit_code for a in DEMO_ACCOUNTS})}
    rows = [("Tên đăng nhập", "Vai trò", "Đơn vị", "Mật khẩu")]
    for account in DEMO_ACCOUNTS:
        unit = units.get(account.unit_code, "") if account.unit_code else "—"
        rows.append((account.username, str(Role(account.role).label), unit, DEMO_PASSWORD))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)
