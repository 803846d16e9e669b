"""The demonstration's provincial indices (manage.py demo_setup): four years of MADE-UP figures for Tỉnh Minh
Họa, imported through the real import as CSV and marked illustrative, so every page showing them says they are
not official results; and a few components mapped to the demo departments. Idempotent: once any figures are
stored (illustrative or official) a second run writes nothing, so it adds no audit event either."""

from __future__ import annotations

from typing import Any, Protocol

from parindex.accounts.models import Role, User
from parindex.indices.models import IndexComponent, IndexResult
from parindex.indices.services import component_set_responsible, indices_import
from parindex.organization.models import Unit

DEMO_FILENAME = "so-lieu-minh-hoa-khong-chinh-thuc.csv"
YEARS = (2021, 2022, 2023, 2024)

# index → component → one value per year, then the total's rank per year and tier per year. Invented.
_FIGURES: dict[str, dict[str, tuple[str, ...]]] = {
    "PAR INDEX": {
        "tong": ("84,12", "85,37", "86,05", "87,41"),
        "1": ("88,20", "90,10", "91,30", "92,00"),
        "2": ("80,15", "82,40", "83,00", "85,60"),
        "3": ("86,70", "87,20", "88,90", "89,10"),
        "4": ("85,00", "86,30", "86,10", "88,20"),
        "5": ("79,40", "80,20", "81,70", "83,30"),
        "6": ("83,10", "84,50", "84,90", "86,00"),
        "7": ("76,30", "79,80", "82,60", "85,40"),
        "8": ("82,50", "83,10", "83,90", "84,70"),
    },
    "SIPAS": {"tong": ("82,30", "83,45", "84,10", "85,62")},
    "PAPI": {
        "tong": ("42,35", "42,80", "43,12", "43,96"),
        "1": ("5,10", "5,15", "5,22", "5,31"),
        "2": ("5,35", "5,40", "5,38", "5,52"),
        "3": ("4,20", "4,31", "4,40", "4,47"),
        "4": ("6,80", "6,85", "6,93", "7,02"),
        "5": ("7,35", "7,40", "7,45", "7,51"),
        "6": ("7,60", "7,62", "7,70", "7,75"),
        "7": ("3,45", "3,50", "3,38", "3,42"),
        "8": ("2,50", "2,57", "2,66", "2,96"),
    },
    "PCI": {
        "tong": ("65,10", "66,32", "67,05", "68,41"),
        "1": ("6,80", "6,95", "7,10", "7,22"),
        "2": ("6,40", "6,52", "6,48", "6,60"),
        "3": ("6,10", "6,20", "6,35", "6,50"),
        "4": ("6,90", "7,00", "7,12", "7,15"),
        "5": ("6,30", "6,42", "6,55", "6,70"),
        "6": ("5,50", "5,60", "5,72", "5,80"),
        "7": ("6,20", "6,45", "6,60", "6,82"),
        "8": ("5,90", "6,05", "6,10", "6,30"),
        "9": ("6,00", "6,10", "6,25", "6,40"),
        "10": ("6,70", "6,80", "6,92", "7,05"),
    },
}
_RANKS = {"PAR INDEX": (25, 21, 19, 14), "SIPAS": (30, 27, 24, 20), "PAPI": (28, 24, 20, 15), "PCI": (22, 20, 17, 13)}
_TIERS = {
    "PAR INDEX": ("Nhóm B", "Nhóm B", "Nhóm B", "Nhóm B"),
    "SIPAS": ("", "", "", ""),
    "PAPI": ("Trung bình thấp", "Trung bình cao", "Trung bình cao", "Cao nhất"),
    "PCI": ("Khá", "Khá", "Khá", "Tốt"),
}
# Which demo department answers for which component (a few, to show the mapping).
_RESPONSIBLE = {
    ("par_index", "2"): ("STP",),
    ("par_index", "3"): ("VPUB", "SNV"),
    ("par_index", "6"): ("STC",),
    ("par_index", "7"): ("SKHCN",),
    ("papi", "8"): ("SKHCN",),
    ("papi", "7"): ("SNNMT",),
    ("pci", "2"): ("SNNMT",),
    ("pci", "9"): ("SGDDT",),
    ("pci", "10"): ("STP", "TTRT"),
}


class Writer(Protocol):
    def write(self, msg: str) -> Any: ...


def demo_csv() -> bytes:
    lines = ["Chỉ số;Năm;Thành phần;Giá trị;Xếp hạng;Nhóm, xếp loại"]
    for index, components in _FIGURES.items():
        for position, year in enumerate(YEARS):
            for code, values in components.items():
                rank = str(_RANKS[index][position]) if code == "tong" else ""
                tier = _TIERS[index][position] if code == "tong" else ""
                lines.append(f"{index};{year};{code};{values[position]};{rank};{tier}")
    return ("\n".join(lines) + "\n").encode()


def demo_indices(*, stdout: Writer) -> None:
    organizer = User.objects.filter(role=Role.ORGANIZER).order_by("pk").first()
    if organizer is None:
        stdout.write("Chỉ số của tỉnh: chưa có tài khoản Sở Nội vụ, bỏ qua.\n")
        return
    if IndexResult.objects.filter(illustrative=False).exists():
        # Never mix made-up figures with results someone imported as real.
        stdout.write("Chỉ số của tỉnh: đã có số liệu chính thức, không nạp số liệu minh họa.\n")
        return
    if IndexResult.objects.exists():
        stdout.write("Chỉ số của tỉnh: số liệu minh họa đã có sẵn, giữ nguyên.\n")
        return
    outcome = indices_import(actor=organizer, filename=DEMO_FILENAME, content=demo_csv(), illustrative=True)
    if not outcome.ok:
        raise RuntimeError("; ".join(outcome.errors))
    units = {unit.code: unit for unit in Unit.objects.filter(code__in={c for cs in _RESPONSIBLE.values() for c in cs})}
    for (index, code), unit_codes in _RESPONSIBLE.items():
        component = IndexComponent.objects.get(index=index, code=code)
        if component.responsible_units.exists():
            continue
        chosen = [units[unit_code] for unit_code in unit_codes if unit_code in units]
        component_set_responsible(actor=organizer, component=component, units=chosen)
    stdout.write(
        f"Chỉ số của tỉnh: nạp số liệu MINH HỌA (không chính thức) các năm {YEARS[0]}–{YEARS[-1]} "
        f"cho PAR INDEX, SIPAS, PAPI, PCI.\n"
    )
