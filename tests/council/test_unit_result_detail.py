"""A unit's detail: per field, criterion and leaf, its own answer beside the final one, the points lost and
why, and the documents it cited."""

from decimal import Decimal

from parindex.council.selectors import unit_result_detail


def _rows(detail):
    return {row.node.code: row for row in detail.rows}


def test_each_leaf_shows_the_self_answer_the_final_answer_and_what_was_lost(appraised):
    detail = unit_result_detail(appraised.assessment("b"))
    rows = _rows(detail)

    explained = rows["1.2"]
    assert (explained.self_raw, explained.self_points) == ("40/40", 3)
    assert (explained.final_raw, explained.final_points, explained.final_round) == ("36/40", Decimal("1.5"), 2)
    assert explained.lost == Decimal("1.5")
    assert explained.why == "Đạt 90% (36/40): mức từ 80% → 1,5 điểm"
    survey = rows["2.2"]
    assert (survey.self_raw, survey.self_points, survey.final_raw, survey.final_round) == ("", None, "70", 1)
    assert survey.lost == Decimal("1.8")
    not_applicable = rows["1.4"]
    assert not_applicable.not_applicable
    assert not_applicable.lost is None
    assert not_applicable.why.startswith("Không áp dụng")


def test_fields_show_their_points_and_component_index(appraised):
    rows = _rows(unit_result_detail(appraised.assessment("b")))

    assert (rows["1"].is_leaf, rows["1"].final_points, rows["1"].maximum, rows["1"].index) == (
        False,
        Decimal("5.5"),
        8,
        Decimal("68.75"),
    )
    assert rows["1"].lost == Decimal("2.5")


def test_the_summary_is_live_before_approval_and_the_snapshot_after(appraised):
    from parindex.council.services import approval_record
    from tests.council.conftest import DECISION_DATE, DECISION_NUMBER

    before = unit_result_detail(appraised.assessment("a"))
    assert before.snapshot is None
    assert before.rank is None
    assert before.index == Decimal("16.9") * 100 / 18

    approval_record(
        actor=appraised.organizer,
        period=appraised.period,
        group=appraised.group,
        decision_number=DECISION_NUMBER,
        decision_date=DECISION_DATE,
    )
    after = unit_result_detail(appraised.assessment("a"))
    assert after.snapshot is not None
    assert (after.rank, after.band, after.index) == (1, "Tốt", before.index)


def test_cited_documents_are_counted_per_leaf(appraised, officer_a):
    from parindex.evidence.models import Citation, EvidenceDocument

    assessment = appraised.assessment("a")
    document = EvidenceDocument.objects.create(
        assessment=assessment,
        file="evidence/ke-hoach.pdf",
        original_name="Kế hoạch CCHC.pdf",
        content_type="application/pdf",
        size=10,
        sha256="0" * 64,
        uploaded_by=officer_a,
    )
    Citation.objects.create(document=document, assessment=assessment, code="1.1", stage="self", created_by=officer_a)

    rows = _rows(unit_result_detail(assessment))

    assert (rows["1.1"].citations, rows["1.2"].citations) == (1, 0)


def test_the_page_shows_the_detail(appraised, client, officer_b):
    client.force_login(officer_b)

    text = client.get(appraised.detail_url("b")).content.decode()

    leaf = text[text.index('data-testid="leaf-1.2"') :]
    assert "40/40" in leaf
    assert "36/40" in leaf
    assert "thẩm định lần 2" in leaf
    assert "Đạt 90% (36/40): mức từ 80% → 1,5 điểm" in leaf
    assert 'data-testid="index">76,11<' in text
