"""Importing the province's national results: a CSV or Excel file, every row checked with its row and column
named in Vietnamese, nothing saved when any row is wrong, and a year re-imported replacing the old one, audited."""

from decimal import Decimal

import pytest

from parindex.audit.models import AuditEvent
from parindex.indices.catalogue import TOTAL
from parindex.indices.models import IndexResult
from parindex.indices.services import indices_import
from tests.indices.helpers import HEADER, PAPI_2023, PAPI_2024, csv_file, xlsx_file

pytestmark = pytest.mark.django_db


def _stored(index="papi"):
    return {
        (result.year, result.component.code): (result.value, result.national_rank, result.tier)
        for result in IndexResult.objects.filter(component__index=index).select_related("component")
    }


def test_a_csv_file_is_imported_with_values_ranks_and_tiers(organizer):
    outcome = indices_import(actor=organizer, filename="papi.csv", content=PAPI_2024)
    assert outcome.ok
    assert [(year.index, year.year, year.rows, year.replaced) for year in outcome.years] == [("papi", 2024, 3, 0)]
    assert _stored()[(2024, TOTAL)] == (Decimal("43.52"), 12, "Nhóm trung bình cao")
    assert _stored()[(2024, "8")] == (Decimal("3.95"), 18, "")


def test_an_excel_file_with_number_cells_and_names_is_imported(organizer):
    content = xlsx_file(
        ("PCI", 2024, "tong", 67.1, 15, "Khá"),
        ("pci", 2024, "Tính minh bạch", 6.25, None, None),
        ("PAR INDEX", 2024, "tong", "86,92", 20, "Nhóm B"),
    )
    outcome = indices_import(actor=organizer, filename="ket-qua.xlsx", content=content)
    assert outcome.ok, outcome.errors
    assert _stored("pci")[(2024, "3")] == (Decimal("6.25"), None, "")
    assert _stored("par_index")[(2024, TOTAL)][0] == Decimal("86.92")


def test_every_bad_row_is_named_with_its_column_and_nothing_is_saved(organizer):
    content = csv_file(
        "PAPI;2024;tong;43,52;12;",
        "PAPX;2024;tong;43,52;;",
        "PAPI;20x4;1;5;;",
        "PAPI;2024;9;5;;",
        "PAPI;2024;2;11;;",
        "PAPI;2024;3;năm;0;",
        "PAPI;2024;tong;44;;",
        "PCI;2024;4;;;",
    )
    outcome = indices_import(actor=organizer, filename="papi.csv", content=content)
    assert outcome.errors == [
        "Dòng 3, cột “Chỉ số”: “PAPX” không phải là PAR INDEX, SIPAS, PAPI hay PCI",
        "Dòng 4, cột “Năm”: “20x4” không phải là năm hợp lệ (từ 2000 đến 2100)",
        "Dòng 5, cột “Thành phần”: chỉ số Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI) "
        "không có thành phần “9” (xem danh mục thành phần)",
        "Dòng 6, cột “Giá trị”: giá trị 11 nằm ngoài thang điểm từ 0 đến 10",
        "Dòng 7, cột “Giá trị”: “năm” không phải là số",
        "Dòng 7, cột “Xếp hạng”: “0” không phải là thứ hạng hợp lệ (số nguyên từ 1 đến 100)",
        "Dòng 8, cột “Thành phần”: Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI) năm 2024, "
        "thành phần “tong” đã có ở dòng 2",
        "Dòng 9, cột “Giá trị”: không được để trống",
    ]
    assert not IndexResult.objects.exists()
    assert not AuditEvent.objects.filter(action="indices.year_imported").exists()


def test_re_importing_a_year_replaces_it_and_leaves_other_years_alone(organizer):
    indices_import(actor=organizer, filename="2023.csv", content=PAPI_2023)
    indices_import(actor=organizer, filename="2024.csv", content=PAPI_2024)
    corrected = csv_file("PAPI;2024;tong;43,60;11;Nhóm trung bình cao")
    outcome = indices_import(actor=organizer, filename="2024-dinh-chinh.csv", content=corrected)
    assert [(year.year, year.rows, year.replaced) for year in outcome.years] == [(2024, 1, 3)]
    stored = _stored()
    assert stored[(2024, TOTAL)] == (Decimal("43.60"), 11, "Nhóm trung bình cao")
    assert (2024, "1") not in stored  # replaced with the file, not merged into it
    assert stored[(2023, TOTAL)][0] == Decimal("42.10")
    event = AuditEvent.objects.filter(action="indices.year_imported").order_by("-pk")[0]
    assert "PAPI năm 2024" in event.summary
    assert "thay thế 3 dòng đã có" in event.summary
    assert event.before is not None
    assert event.before["tong"] == ["43.52", 12, "Nhóm trung bình cao"]
    assert event.after == {"tong": ["43.6", 11, "Nhóm trung bình cao"]}
    assert AuditEvent.objects.filter(action="indices.year_imported").count() == 3


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("ket-qua.pdf", b"%PDF-1.4", "Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv)."),
        ("ket-qua.csv", b"", "Chưa chọn tệp để nhập."),
        ("ket-qua.csv", "Chỉ số;Năm\nPAPI;2024".encode(), "Không tìm thấy dòng tiêu đề"),
        ("ket-qua.csv", "Chỉ số;Năm;Thành phần;Giá trị\nPAPI;2024;tong;43".encode("utf-16"), "UTF-8"),
        ("ket-qua.xlsx", b"not a zip", "không phải là tệp Excel"),
        ("ket-qua.csv", csv_file(), "không có dòng dữ liệu"),
    ],
)
def test_a_file_that_cannot_be_read_says_why(organizer, filename, content, message):
    outcome = indices_import(actor=organizer, filename=filename, content=content)
    assert len(outcome.errors) == 1
    assert message in outcome.errors[0]
    assert not IndexResult.objects.exists()


def test_a_comma_separated_file_with_decimal_points_reads_too(organizer):
    content = csv_file(
        'SIPAS,2024,tong,85.5,10,"Tốt, ổn định"',
        header=HEADER.replace(";", ",").replace("Nhóm, xếp loại", '"Nhóm, xếp loại"'),
    )
    outcome = indices_import(actor=organizer, filename="sipas.csv", content=content)
    assert outcome.ok, outcome.errors
    assert _stored("sipas")[(2024, TOTAL)] == (Decimal("85.5"), 10, "Tốt, ổn định")


def test_a_database_emptied_since_the_migration_gets_its_catalogue_back_on_import(organizer):
    """manage.py flush (and the test runner between browser tests) removes what the data migration wrote."""
    from parindex.indices.models import IndexComponent

    IndexComponent.objects.all().delete()

    outcome = indices_import(actor=organizer, filename="papi.csv", content=PAPI_2024)

    assert outcome.ok, outcome.errors
    assert IndexComponent.objects.filter(index="papi").count() == 9  # the total and its 8 dimensions
    assert _stored()[(2024, TOTAL)] == (Decimal("43.52"), 12, "Nhóm trung bình cao")
