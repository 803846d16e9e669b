"""The national indices that rank the province, and their components: the fixed list every import is checked
against (docs/provincial-indices.md). Pure data, no Django: the data migration and the tests read it too.

A component's code is what the import file names in its "Thành phần" column; "tong" is the index itself.
`maximum` is the scale of the published value (PAPI's dimensions are out of 10, its total out of 80).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

TOTAL = "tong"

PAR_INDEX = "par_index"
SIPAS = "sipas"
PAPI = "papi"
PCI = "pci"


@dataclass(frozen=True)
class ComponentSpec:
    code: str
    name: str
    maximum: Decimal | None


@dataclass(frozen=True)
class IndexSpec:
    key: str
    name: str
    publisher: str
    components: tuple[ComponentSpec, ...]  # the total first


def _spec(code: str, name: str, maximum: str | None) -> ComponentSpec:
    return ComponentSpec(code, name, Decimal(maximum) if maximum is not None else None)


CATALOGUE: tuple[IndexSpec, ...] = (
    IndexSpec(
        PAR_INDEX,
        "Chỉ số cải cách hành chính (PAR INDEX)",
        "Bộ Nội vụ",
        (
            _spec(TOTAL, "Chỉ số PAR INDEX", "100"),
            _spec("1", "Công tác chỉ đạo, điều hành cải cách hành chính", "100"),
            _spec("2", "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật tại tỉnh", "100"),
            _spec("3", "Cải cách thủ tục hành chính", "100"),
            _spec("4", "Cải cách tổ chức bộ máy hành chính nhà nước", "100"),
            _spec("5", "Cải cách chế độ công vụ", "100"),
            _spec("6", "Cải cách tài chính công", "100"),
            _spec("7", "Xây dựng và phát triển Chính phủ điện tử, Chính phủ số", "100"),
            _spec("8", "Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội", "100"),
        ),
    ),
    IndexSpec(
        SIPAS,
        "Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)",
        "Bộ Nội vụ",
        (
            _spec(TOTAL, "Chỉ số SIPAS", "100"),
            _spec("1", "Tiếp cận dịch vụ hành chính công", "100"),
            _spec("2", "Thủ tục hành chính", "100"),
            _spec("3", "Công chức trực tiếp giải quyết công việc", "100"),
            _spec("4", "Kết quả cung ứng dịch vụ hành chính công", "100"),
            _spec("5", "Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị", "100"),
        ),
    ),
    IndexSpec(
        PAPI,
        "Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)",
        "UNDP và các đối tác",
        (
            _spec(TOTAL, "Chỉ số PAPI (tổng điểm 8 nội dung)", "80"),
            _spec("1", "Tham gia của người dân ở cấp cơ sở", "10"),
            _spec("2", "Công khai, minh bạch trong việc ra quyết định", "10"),
            _spec("3", "Trách nhiệm giải trình với người dân", "10"),
            _spec("4", "Kiểm soát tham nhũng trong khu vực công", "10"),
            _spec("5", "Thủ tục hành chính công", "10"),
            _spec("6", "Cung ứng dịch vụ công", "10"),
            _spec("7", "Quản trị môi trường", "10"),
            _spec("8", "Quản trị điện tử", "10"),
        ),
    ),
    IndexSpec(
        PCI,
        "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)",
        "Liên đoàn Thương mại và Công nghiệp Việt Nam (VCCI)",
        (
            _spec(TOTAL, "Chỉ số PCI", "100"),
            _spec("1", "Gia nhập thị trường", "10"),
            _spec("2", "Tiếp cận đất đai", "10"),
            _spec("3", "Tính minh bạch", "10"),
            _spec("4", "Chi phí thời gian", "10"),
            _spec("5", "Chi phí không chính thức", "10"),
            _spec("6", "Cạnh tranh bình đẳng", "10"),
            _spec("7", "Tính năng động của chính quyền tỉnh", "10"),
            _spec("8", "Dịch vụ hỗ trợ doanh nghiệp", "10"),
            _spec("9", "Đào tạo lao động", "10"),
            _spec("10", "Thiết chế pháp lý và an ninh trật tự", "10"),
        ),
    ),
)
CATALOGUE_BY_KEY = {spec.key: spec for spec in CATALOGUE}
# What the import's "Chỉ số" column may say for each index, folded (no case, no diacritics, no spaces).
INDEX_ALIASES = {
    PAR_INDEX: ("par_index", "parindex", "par index", "chi so cai cach hanh chinh", "chi so cchc"),
    SIPAS: ("sipas",),
    PAPI: ("papi",),
    PCI: ("pci",),
}


def catalogue_write(component_model: Any) -> None:
    """Create the catalogue's components that are missing, in `component_model`: the data migration passes its
    historical model, catalogue_install() the current one (after a flush), so both write the same rows."""
    for spec in CATALOGUE:
        for position, component in enumerate(spec.components):
            component_model.objects.get_or_create(
                index=spec.key,
                code=component.code,
                defaults={"name": component.name, "ordering": position, "maximum": component.maximum},
            )
