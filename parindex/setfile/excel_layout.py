"""The Excel layout of a criteria set, shared by the export and the import.

Two sheets. "Bộ tiêu chí" is the table as provinces publish it (STT | Nội dung | Điểm tối đa | Cách chấm điểm |
Tài liệu kiểm chứng), followed on the right by the columns a program needs to read the set back without loss.
"Thông tin" holds the set's settings as label / value rows and the bands. Every title and label lives here, so
the writer and the reader cannot drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import yaml

from parindex.engine.numbers import plain
from parindex.engine.rules import Rule
from parindex.engine.rules.base import fold
from parindex.engine.tree import SectionKind
from parindex.setfile.build import SOURCES
from parindex.setfile.yamlio import read_yaml

TABLE_SHEET = "Bộ tiêu chí"
INFO_SHEET = "Thông tin"
FONT_NAME = "Times New Roman"  # Nghị định 30/2020; LibreOffice shows it with Liberation Serif, same metrics


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    width: float
    #: folded header texts that also name this column in a province's own template
    aliases: tuple[str, ...] = ()
    machine: bool = False


CODE = Column("code", "STT", 8, ("stt", "so tt", "so thu tu", "tt", "ma"))
TITLE = Column("title", "Nội dung (tiêu chí, tiêu chí thành phần)", 58, ("noi dung", "tieu chi", "linh vuc"))
MAXIMUM = Column("max", "Điểm tối đa", 10, ("diem toi da", "diem chuan", "thang diem", "diem"))
GUIDANCE = Column(
    "guidance", "Cách chấm điểm", 48, ("cach cham", "huong dan cham", "cach tinh diem", "phuong phap cham")
)
EVIDENCE = Column("evidence", "Tài liệu kiểm chứng", 34, ("tai lieu kiem chung", "tai lieu", "minh chung"))
RULE = Column("rule", "Cách chấm (máy đọc)", 52, ("cach cham (may doc)",), machine=True)
ALLOW_NA = Column("allow_na", "Không áp dụng", 12, ("khong ap dung",), machine=True)
SOURCE = Column("source", "Nguồn", 22, ("nguon",), machine=True)
CAPPED = Column("capped", "Cộng dồn có trần", 12, ("cong don co tran",), machine=True)

PUBLISHED_COLUMNS = (CODE, TITLE, MAXIMUM, GUIDANCE, EVIDENCE)
MACHINE_COLUMNS = (RULE, ALLOW_NA, SOURCE, CAPPED)
COLUMNS = PUBLISHED_COLUMNS + MACHINE_COLUMNS
REQUIRED_COLUMNS = (CODE, TITLE, MAXIMUM, GUIDANCE)
MACHINE_CAPTION = "Phần dành cho phần mềm (máy đọc): cần để nhập lại tệp, không in"

TOTAL_TITLE = "TỔNG CỘNG"
TOTAL_WORDS = ("tong cong", "tong so diem", "tong diem")  # or the single word "Tổng"
SECTION_TITLES = {"bonus": "ĐIỂM THƯỞNG", "penalty": "ĐIỂM TRỪ"}
#: folded beginnings of a section header row's text (after an optional "B." or "II." number)
SECTION_WORDS = {"bonus": ("diem thuong", "diem cong"), "penalty": ("diem tru",)}

YES = "Có"
NO = "Không"
_SOURCE_WORDS = {
    "unit": "Đơn vị tự chấm",
    "survey": "Điều tra xã hội học",
    "directives": "Nhiệm vụ UBND tỉnh giao",
    "organizer": "Sở Nội vụ chấm",
    "external": "Số liệu cơ quan khác công bố",
}
#: every source the file format knows, a new one shown by its code until it is given words here
SOURCE_LABELS: Mapping[str, str] = {code: _SOURCE_WORDS.get(code, code) for code in SOURCES}
ROUNDING_LABELS: Mapping[str, str] = {"half_up": "Làm tròn", "truncate": "Cắt bỏ"}
SURVEY_LABELS: Mapping[str, str] = {"points": "Tính như điểm thường", "optional": "Không bắt buộc"}
GROUP_LABELS: Mapping[str, str] = {
    "so": "Sở, ban, ngành",
    "huyen": "UBND cấp huyện",
    "xa": "UBND cấp xã, phường, đặc khu",
    "phong": "Phòng chuyên môn",
}


@dataclass(frozen=True)
class InfoRow:
    """One label / value row of the "Thông tin" sheet."""

    key: str
    label: str
    hint: str = ""


INFO_ROWS = (
    InfoRow("name", "Tên bộ tiêu chí"),
    InfoRow("year", "Năm"),
    InfoRow("group", "Nhóm đơn vị (mã)", "so: sở, ban, ngành; huyen: UBND cấp huyện; xa: UBND cấp xã; phong: phòng"),
    InfoRow("max_points", "Tổng điểm tối đa", "Để trống nếu không kiểm tra tổng điểm các lĩnh vực"),
    InfoRow("places", "Số chữ số thập phân khi công bố", "Từ 0 đến 4"),
    InfoRow("mode", "Cách làm tròn", "Làm tròn (86,925 → 86,93) hoặc Cắt bỏ (86,929 → 86,92)"),
    InfoRow("allow_na", "Mặc định được chọn “không áp dụng”", "Có hoặc Không; từng tiêu chí có thể ghi khác"),
    InfoRow(
        "survey",
        "Điều tra xã hội học",
        "Tính như điểm thường; hoặc Không bắt buộc: đơn vị không có kết quả điều tra được quy đổi về thang đầy đủ",
    ),
    InfoRow("source_note", "Ghi chú nguồn"),
)
INFO_TITLE = "THÔNG TIN BỘ TIÊU CHÍ"
BAND_NAME_TITLE = "Xếp loại"
BAND_MIN_TITLE = "Từ (%)"


def folded(value: object) -> str:
    """A cell's text as compared with titles and labels: no case, no diacritics, single spaces."""
    return fold(str(value)) if value is not None else ""


def label_to_code(value: object, labels: Mapping[str, str]) -> str | None:
    """The code of a label (or of the code itself), matched without case or diacritics."""
    text = folded(value)
    for code, label in labels.items():
        if text in (fold(code), fold(label)):
            return code
    return None


def yes_no(value: object) -> bool | None:
    """True for Có, False for Không, None for anything else (the caller says what is wrong)."""
    text = folded(value)
    if text in ("co", "true"):
        return True
    if text in ("khong", "false"):
        return False
    return None


def points_format(value: Decimal) -> str:
    """An Excel number format that shows exactly the decimals the value has: 1 · 0.5 · 10.25."""
    exponent = plain(value).as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return "0." + "0" * places if places else "0"


def excel_number(value: Decimal) -> int | float | str:
    """The value as Excel stores it; as text ("0,333…") when a float would lose digits (Excel keeps 15)."""
    normal = plain(value)
    if normal == normal.to_integral_value() and abs(normal) < 10**15:
        return int(normal)
    as_float = float(normal)
    if Decimal(repr(as_float)) == normal:
        return as_float
    return format(normal, "f").replace(".", ",")  # the Vietnamese decimal comma: never read as grouping


# -- where a row belongs: the tree from the codes ------------------------------------------------------


class ParentMissing(Exception):
    def __init__(self, parent: str) -> None:
        super().__init__(parent)
        self.parent = parent


def parent_code(code: str, earlier: Container[str], kind: SectionKind) -> str | None:
    """The code of the row above that `code` belongs under, or None for a top-level row.

    "1.2.3" belongs under "1.2", which must be an earlier row (else ParentMissing). In the bonus and penalty
    parts a dotted code none of whose beginnings is an earlier code is top-level, for sets that number those
    parts "T.1", "T.2", "P.1"; among the main criteria such a code is a missing parent.
    """
    parent, dot, _ = code.rpartition(".")
    if not dot:
        return None
    if parent in earlier:
        return parent
    beginnings = [code[:position] for position, char in enumerate(code) if char == "."]
    if kind != "criteria" and not any(beginning in earlier for beginning in beginnings):
        return None
    raise ParentMissing(parent)


# -- the machine-readable rule cell: a one-line YAML flow mapping ---------------------------------------


class _FlowDumper(yaml.SafeDumper):
    """Writes what parindex's YAML reader reads back: exact decimals, and on / yes / no left unquoted.

    The reader takes only true / false as booleans (YAML 1.2), so the rule keys `on`, `yes`, `no` need no
    quotes; PyYAML's writer would quote them because YAML 1.1 reads them as booleans.
    """


_BOOL_TAG = "tag:yaml.org,2002:bool"
_FlowDumper.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL_TAG]
    for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
}
_FlowDumper.add_implicit_resolver(_BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def _represent_decimal(dumper: _FlowDumper, value: Decimal) -> yaml.Node:
    text = format(plain(value), "f")
    return dumper.represent_scalar("tag:yaml.org,2002:float" if "." in text else "tag:yaml.org,2002:int", text)


def _represent_date(dumper: _FlowDumper, value: date) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())


_FlowDumper.add_representer(Decimal, _represent_decimal)
_FlowDumper.add_representer(date, _represent_date)


def rule_to_cell(rule: Rule) -> str:
    """The rule as one line, e.g. `{type: tiers, on: percent, tiers: [{min: 100, points: 1}]}`."""
    data: dict[str, Any] = {"type": rule.type_name, **rule.params()}
    text = yaml.dump(
        data, Dumper=_FlowDumper, default_flow_style=True, allow_unicode=True, sort_keys=False, width=1_000_000
    )
    return text.strip()


def rule_from_cell(text: str) -> Any:
    """The rule's data from its cell; raises yaml.YAMLError on broken syntax."""
    return read_yaml(text)
