"""The report's content: every figure is the engine's, rounded by the set's rule; answers, notes and evidence as
the unit gave them."""

import datetime as dt
from decimal import Decimal

import pytest

from parindex.assessments.models import Stage
from parindex.assessments.reports.content import (
    ANSWER_MISSING,
    ANSWER_NOT_APPLICABLE,
    Figure,
    date_in_words,
    index_figure,
    points_figure,
    self_assessment_report,
)
from parindex.assessments.services import answer_save_self, assessment_mark_completed, assessment_submit
from parindex.engine import Rounding, parse_answers, score_unit
from parindex.evidence.models import Citation, EvidenceDocument

# 1.1 Có → 2; 1.2 37/40 = 92,5% → 1,5; 1.3 sent 16/12 after the 15/12 deadline → 0,5; 1.4 not applicable;
# 2.1 "Đạt" = 50% of 4 → 2. Total 6 of an applicable 18 (20 less 1.4's 2): index 33,33.
ANSWERS = {"1.1": "Có", "1.2": "37/40", "1.3": "16/12/2025", "1.4": "KAD", "2.1": "Đạt"}


def answer_all(officer, assessment, answers=ANSWERS, notes=None):
    for code, raw in answers.items():
        note = (notes or {}).get(code, "")
        answer_save_self(actor=officer, assessment=assessment, code=code, raw=raw, note=note, expected_version=None)


def known(figure: Figure | None) -> Figure:
    assert figure is not None
    return figure


def leaf(report, code):
    return next(row for row in report.rows if row.code == code)


def test_the_figures_are_the_engines_at_the_sets_rounding(officer_a, assessment_a):
    answer_all(officer_a, assessment_a)
    report = self_assessment_report(assessment_a)

    criteria_set = assessment_a.criteria_set
    score = score_unit(criteria_set, parse_answers(criteria_set, ANSWERS)[0])
    rounding = criteria_set.rounding
    assert report.total.value == rounding.apply(score.points) == Decimal("6")
    assert report.applicable_maximum.value == score.maximum == Decimal("18")
    assert known(report.index).value == rounding.apply(score.index) == Decimal("33.33")
    assert known(report.index).text == "33,33"
    for field in report.fields:
        node = score.node(field.code)
        assert field.points.value == rounding.apply(node.points)
        assert field.applicable_maximum.value == node.maximum
        assert known(field.index).value == rounding.apply(node.index)
    for code in ("1.1", "1.2", "1.3", "2.1"):
        assert leaf(report, code).points.value == rounding.apply(score.node(code).points)
    assert [(field.code, field.points.text, known(field.index).text) for field in report.fields] == [
        ("1", "4", "50,00"),  # 2 + 1,5 + 0,5 of an applicable 8 (1.4 out, 1.5 not answered yet)
        ("2", "2", "20,00"),
    ]


def test_each_leaf_has_its_answer_points_and_the_engines_explanation(officer_a, assessment_a):
    answer_all(officer_a, assessment_a, notes={"1.2": "Báo cáo quý IV, trang 3"})
    report = self_assessment_report(assessment_a)

    row = leaf(report, "1.2")
    assert (row.answer, row.points.text, row.maximum.text) == ("37/40", "1,5", "3")
    assert row.explanation == "Đạt 92,5% (37/40): mức từ 80% → 1,5 điểm"
    assert row.note == "Báo cáo quý IV, trang 3"
    assert (leaf(report, "1.1").answer, leaf(report, "1.1").points.text) == ("Có", "2")
    assert leaf(report, "1.3").points.text == "0,5"


def test_a_not_applicable_leaf_says_so_and_leaves_the_maximum(officer_a, assessment_a):
    answer_all(officer_a, assessment_a)
    report = self_assessment_report(assessment_a)

    row = leaf(report, "1.4")
    assert row.answer == ANSWER_NOT_APPLICABLE
    assert row.not_applicable
    assert row.points is None
    assert [(item.code, item.maximum.text) for item in report.not_applicable] == [("1.4", "2")]


def test_leaves_scored_by_others_are_listed_not_self_scored(officer_a, assessment_a):
    report = self_assessment_report(assessment_a)

    assert [item.code for item in report.not_self_scored] == ["1.5", "2.2"]
    row = leaf(report, "2.2")
    assert not row.self_scored
    assert row.points is None
    assert row.explanation == "Điểm lấy từ kết quả điều tra xã hội học, đơn vị không tự chấm."


def test_unanswered_leaves_are_named_and_the_report_is_a_draft(officer_a, assessment_a):
    answer_all(officer_a, assessment_a, {"1.1": "Có"})
    report = self_assessment_report(assessment_a)

    assert report.draft
    assert report.unanswered == ("1.2", "1.3", "1.4", "2.1")
    assert leaf(report, "1.2").answer == ANSWER_MISSING


def test_cited_documents_give_number_date_summary_and_page(officer_a, assessment_a):
    answer_all(officer_a, assessment_a)
    document = EvidenceDocument.objects.create(
        assessment=assessment_a,
        file="evidence/2025/01/ke-hoach.pdf",
        original_name="Kế hoạch CCHC 2025.pdf",
        content_type="application/pdf",
        size=1000,
        sha256="a" * 64,
        number="12/KH-STP",
        issued_on=dt.date(2025, 1, 15),
        summary="Kế hoạch cải cách hành chính năm 2025",
        uploaded_by=officer_a,
    )
    unnumbered = EvidenceDocument.objects.create(
        assessment=assessment_a,
        file="evidence/2025/01/anh.png",
        original_name="Ảnh chụp bảng niêm yết.png",
        content_type="image/png",
        size=10,
        sha256="b" * 64,
        uploaded_by=officer_a,
    )
    for cited, locator in ((document, "trang 3"), (unnumbered, "")):
        Citation.objects.create(
            document=cited, assessment=assessment_a, code="1.1", stage=Stage.SELF, locator=locator, created_by=officer_a
        )

    texts = [ref.text for ref in leaf(self_assessment_report(assessment_a), "1.1").evidence]

    assert texts == [
        "Số 12/KH-STP ngày 15/01/2025: Kế hoạch cải cách hành chính năm 2025 (trang 3)",
        "Ảnh chụp bảng niêm yết.png",
    ]


def test_the_heading_facts_and_the_signer(officer_a, head_a, assessment_a):
    answer_all(officer_a, assessment_a)
    assessment_mark_completed(actor=officer_a, assessment=assessment_a)
    report = self_assessment_report(assessment_a, today=dt.date(2026, 1, 5))

    assert report.title == "BÁO CÁO KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025"
    assert (report.unit_name, report.period_name) == ("Sở Tư pháp", "Kỳ đánh giá Chỉ số CCHC năm 2025")
    assert report.criteria_set_name == "Bộ tiêu chí sở, ban, ngành năm 2025 (kiểm thử)"
    assert not report.draft
    assert report.head_name == "Vũ Đức Thủ Trưởng"  # the unit's one head account
    assert report.filename_stem == "bao-cao-tu-danh-gia-SA-2025"
    assessment_submit(actor=head_a, assessment=assessment_a)
    assert self_assessment_report(assessment_a).head_name == "Vũ Đức Thủ Trưởng"  # who submitted


def test_the_report_reads_in_a_few_queries(officer_a, assessment_a, django_assert_max_num_queries):
    answer_all(officer_a, assessment_a)
    with django_assert_max_num_queries(6):
        self_assessment_report(assessment_a)


@pytest.mark.parametrize(
    ("day", "words"),
    [
        (dt.date(2026, 11, 25), "ngày 25 tháng 11 năm 2026"),
        (dt.date(2026, 1, 5), "ngày 05 tháng 01 năm 2026"),  # Nghị định 30: a 0 before days < 10, months 1 and 2
        (dt.date(2026, 2, 28), "ngày 28 tháng 02 năm 2026"),
        (dt.date(2026, 3, 9), "ngày 09 tháng 3 năm 2026"),
    ],
)
def test_the_date_in_words(day, words):
    assert date_in_words(day) == words


def test_points_drop_trailing_zeros_and_indices_keep_the_places():
    assert points_figure(Decimal("1.5"), Rounding(2)).text == "1,5"
    assert points_figure(Decimal("1234.5"), Rounding(2)).text == "1.234,5"
    assert points_figure(Decimal("2.000"), Rounding(2)).text == "2"
    assert known(index_figure(Decimal("86.915"), Rounding(2))).text == "86,92"
    assert known(index_figure(Decimal("86.915"), Rounding(2, "truncate"))).text == "86,91"
    assert known(index_figure(Decimal("100"), Rounding(3))).text == "100,000"
    truncated = points_figure(Decimal("0.3333333"), Rounding(2, "truncate"))
    assert (truncated.value, truncated.text) == (Decimal("0.33"), "0,33")
