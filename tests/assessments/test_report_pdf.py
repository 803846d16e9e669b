"""The report's PDF: Nghị định 30's layout, the report's own figures, and Vietnamese text that survives the trip
through the fonts. One PDF is rendered for the whole module (WeasyPrint takes a few seconds)."""

import io
import re
from dataclasses import dataclass
from typing import Any

import pypdf
import pytest
from django.db import connection, transaction

from parindex.accounts.models import Role
from parindex.assessments.models import Stage
from parindex.assessments.reports.content import SelfAssessmentReport, self_assessment_report
from parindex.assessments.reports.pdf import VIETNAMESE_LETTERS, covers_vietnamese, font_path, report_pdf
from parindex.assessments.services import answer_save_self, assessment_mark_completed
from parindex.evidence.models import Citation, EvidenceDocument
from tests.cycle import assessment_of, make_period
from tests.factories import UnitFactory, UnitGroupFactory, UserFactory

VIETNAMESE = "Cải cách hành chính – Ủy ban nhân dân – Đắk Lắk – Quảng Ngãi – Nhiệm vụ"
ANSWERS = {"1.1": "Có", "1.2": "37/40", "1.3": "16/12/2025", "1.4": "KAD", "2.1": "Đạt"}
# Long enough notes to carry the table over to a second page.
LONG_NOTE = "Đơn vị đã ban hành kế hoạch, tổ chức thực hiện và báo cáo kết quả theo đúng hướng dẫn của Sở Nội vụ. " * 4
NOTES = {"1.1": VIETNAMESE, "1.2": LONG_NOTE, "1.3": LONG_NOTE, "2.1": LONG_NOTE}
# Every test here is a database test as far as pytest-django is concerned, so that it sets up the test
# database before the module's fixture writes to it (run alone, the module would otherwise reach the real one).
pytestmark = pytest.mark.django_db

FONT_NAME = re.compile(r"^/[A-Z]{6}\+Liberation-?Serif(-Bold)?(-Italic)?$")


@dataclass(frozen=True)
class Rendered:
    report: SelfAssessmentReport
    pdf: bytes
    pages: list[str]  # each page's text as extracted

    @property
    def text(self) -> str:
        """All the text with every run of white space as one space (lines wrap where the layout wants)."""
        return " ".join(" ".join(self.pages).split())


@pytest.fixture(scope="module")
def rendered(django_db_setup, django_db_blocker):
    """One realistic report, rendered once; the data it was made from is rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        name = str(connection.settings_dict["NAME"])
        assert "memory" in name or "test" in name, f"not a test database: {name}"
        group = UnitGroupFactory.create()
        unit = UnitFactory.create(code="UBND-DL", name=VIETNAMESE, group=group)
        organizer = UserFactory.create(username="tochuc_pdf", role=Role.ORGANIZER)
        officer = UserFactory.create(username="daumoi_pdf", role=Role.UNIT_OFFICER, unit=unit)
        UserFactory.create(username="thutruong_pdf", full_name="Y Niê Thủ Trưởng", role=Role.UNIT_HEAD, unit=unit)
        assessment = assessment_of(make_period(organizer, [unit]), unit)
        for code, raw in ANSWERS.items():
            answer_save_self(
                actor=officer,
                assessment=assessment,
                code=code,
                raw=raw,
                note=NOTES.get(code, ""),
                expected_version=None,
            )
        document = EvidenceDocument.objects.create(
            assessment=assessment,
            file="evidence/ke-hoach.pdf",
            original_name="ke-hoach.pdf",
            content_type="application/pdf",
            size=1,
            sha256="c" * 64,
            number="12/KH-UBND",
            summary="Kế hoạch cải cách hành chính năm 2025",
            uploaded_by=officer,
        )
        Citation.objects.create(
            document=document,
            assessment=assessment,
            code="1.1",
            stage=Stage.SELF,
            locator="trang 3",
            created_by=officer,
        )
        assessment_mark_completed(actor=officer, assessment=assessment)
        report = self_assessment_report(assessment)
        pdf = report_pdf(report)
        transaction.set_rollback(True)
    pages = [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    return Rendered(report, pdf, pages)


def fonts(pdf: bytes) -> dict[str, Any]:
    found = {}
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        resources: Any = page["/Resources"]
        for font in resources["/Font"].values():
            font = font.get_object()
            found[str(font["/BaseFont"])] = font
    return found


def test_vietnamese_text_comes_back_exactly(rendered):
    assert VIETNAMESE in rendered.text  # the unit's name in the opening sentence, and the note of 1.1
    assert rendered.text.count(VIETNAMESE) >= 2
    assert "Kế hoạch cải cách hành chính năm 2025" in rendered.text


def test_every_font_is_liberation_serif_embedded_whole_from_the_system(rendered):
    found = fonts(rendered.pdf)

    assert found, "no font in the PDF"
    assert all(FONT_NAME.match(name) for name in found), sorted(found)  # no DejaVu fallback, no other font
    assert any(name.endswith("Liberation-Serif") or name.endswith("LiberationSerif") for name in found)
    assert any("Bold" in name for name in found)
    for font in found.values():
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor  # the TrueType program is embedded
        assert font.get("/ToUnicode") is not None  # so the text extracts as it was written


def test_the_font_file_used_has_every_vietnamese_letter():
    path = font_path("LiberationSerif-Regular.ttf")
    assert path is not None, "Liberation Serif is missing: apt-get install fonts-liberation2"
    assert covers_vietnamese(path), f"{path} lacks Vietnamese letters: apt-get install fonts-liberation2"
    assert len(VIETNAMESE_LETTERS) == 67  # 12 base letters with marks … and the 5 tones on each of the 12 vowels


def test_the_heading_follows_decree_30(rendered):
    first = " ".join(rendered.pages[0].split())
    for text in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: ……/BC-……",
        VIETNAMESE.upper(),  # the issuing body, in capitals
        f"……, {rendered.report.made_on.strftime('ngày %d')}",
        "BÁO CÁO KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025",
    ):
        assert text in first, text
    assert "Bản nháp" not in rendered.text  # marked complete: the copy to sign


def test_the_signature_block_names_the_head(rendered):
    assert "THỦ TRƯỞNG ĐƠN VỊ (Ký, ghi rõ họ tên, đóng dấu)" in rendered.text
    assert "(Ký, ghi rõ họ tên, đóng dấu) Y Niê Thủ Trưởng" in rendered.text
    assert "Nơi nhận: - Sở Nội vụ (để thẩm định); - Lưu: VT." in rendered.text


def test_the_pdf_prints_the_reports_figures(rendered):
    report, text = rendered.report, rendered.text
    assert "Tổng điểm tự chấm: 6/18 điểm (điểm tối đa của bộ tiêu chí: 20 điểm)" in text
    assert "Chỉ số tự đánh giá: 33,33%" in text
    assert "Tổng cộng 20 18 6 33,33" in text
    assert "1 Công tác chỉ đạo, điều hành CCHC 10 8 4 50,00" in text
    assert "1.2 Tỷ lệ nhiệm vụ hoàn thành 3 37/40 1,5 Đạt 92,5% (37/40): mức từ 80% → 1,5 điểm" in text
    assert "1.4 Kiểm tra CCHC 2 Không áp dụng" in text
    # A narrow column: the number breaks after its hyphen ("12/KH-" / "UBND"), so compare without spaces.
    assert "Số12/KH-UBND:Kếhoạchcảicáchhànhchínhnăm2025(trang3)" in text.replace(" ", "")
    for row in report.rows:
        if row.points is not None:
            assert row.points.text in text


def test_a4_portrait_with_the_header_row_on_every_page_and_page_numbers_from_the_second(rendered):
    reader = pypdf.PdfReader(io.BytesIO(rendered.pdf))
    assert len(reader.pages) >= 2
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    header = "STT Nội dung Điểm tối đa Kết quả thực hiện Điểm tự chấm Cách tính điểm, ghi chú Tài liệu kiểm chứng"
    table_pages = [" ".join(page.split()) for page in rendered.pages if "Cách tính điểm" in page]
    assert len(table_pages) >= 2
    assert all(header in page for page in table_pages)
    for number, page in enumerate(rendered.pages[1:], start=2):
        assert str(number) in page.splitlines(), f"no page number on page {number}"
    assert "1" not in rendered.pages[0].splitlines()  # Nghị định 30: not on the first page
