"""One document proves several criteria: each leaf cites it with its own page or section. Only the unit's
own documents, only leaves, only while the stage is open."""

import pytest

from parindex.assessments.models import State
from parindex.evidence.models import Citation
from parindex.evidence.rules import REASON_NOT_EXPLAINING
from parindex.evidence.services import (
    MSG_ALREADY_CITED,
    MSG_LOCKED,
    MSG_NOT_A_LEAF,
    MSG_NOT_UNIT_MEMBER,
    MSG_OTHER_ASSESSMENT,
    MSG_STAGE_NOT_CITABLE,
    MSG_UNKNOWN_CODE,
    EvidenceRefused,
    citation_remove,
)
from tests.evidence.helpers import cite, set_state, upload


@pytest.fixture
def plan(officer_a, assessment_a):
    return upload(officer_a, assessment_a, "Kế hoạch CCHC 2025.pdf", number="45/KH-UBND")


def refused(**kwargs):
    with pytest.raises(EvidenceRefused) as error:
        cite(**kwargs)
    return str(error.value)


def test_one_document_is_cited_by_two_leaves_with_different_locators(officer_a, assessment_a, plan, audit_mark):
    mark = audit_mark()
    cite(officer_a, plan, "1.1", "trang 3")
    cite(officer_a, plan, "1.2", "mục II.2")
    assert list(
        Citation.objects.order_by("code").values_list("code", "locator", "stage", "document", "assessment")
    ) == [
        ("1.1", "trang 3", "self", plan.pk, assessment_a.pk),
        ("1.2", "mục II.2", "self", plan.pk, assessment_a.pk),
    ]
    assert mark.actions() == ["citation.added", "citation.added"]
    assert mark.events()[1].after == {"document_id": plan.pk, "code": "1.2", "stage": "self", "locator": "mục II.2"}


def test_a_document_of_another_unit_is_never_cited(officer_a, officer_b, assessment_a, assessment_b):
    theirs = upload(officer_b, assessment_b, "Của Sở Y tế.pdf")
    message = refused(actor=officer_a, document=theirs, code="1.1", assessment=assessment_a)
    assert message == MSG_OTHER_ASSESSMENT.format(document="Của Sở Y tế.pdf")
    # Without saying which assessment: the actor is not of the document's unit.
    assert refused(actor=officer_a, document=theirs, code="1.1") == MSG_NOT_UNIT_MEMBER.format(unit="Sở Y tế")
    assert not Citation.objects.exists()


@pytest.mark.parametrize(("code", "message"), [("1", MSG_NOT_A_LEAF), ("2", MSG_NOT_A_LEAF), ("9.9", MSG_UNKNOWN_CODE)])
def test_only_a_leaf_of_the_set_cites(officer_a, plan, code, message):
    assert refused(actor=officer_a, document=plan, code=code) == message.format(code=code)
    assert not Citation.objects.exists()


def test_the_same_citation_twice_is_refused(officer_a, head_a, plan):
    cite(officer_a, plan, "1.1", "trang 3")
    assert refused(actor=head_a, document=plan, code="1.1", locator="trang 4") == MSG_ALREADY_CITED.format(
        document="45/KH-UBND – Kế hoạch CCHC 2025.pdf", code="1.1"
    )


@pytest.mark.parametrize("stage", ["appraisal_1", "appraisal_2", "unknown"])
def test_appraisal_stages_cite_nothing(officer_a, plan, stage):
    assert refused(actor=officer_a, document=plan, code="1.1", stage=stage) == MSG_STAGE_NOT_CITABLE


def test_no_citation_changes_after_submission(officer_a, assessment_a, plan):
    citation = cite(officer_a, plan, "1.1")
    set_state(assessment_a, State.SUBMITTED)
    plan.refresh_from_db()
    locked = MSG_LOCKED.format(reason="Thủ trưởng đơn vị đã chốt kết quả tự đánh giá.")
    assert refused(actor=officer_a, document=plan, code="1.2") == locked
    citation.refresh_from_db()
    with pytest.raises(EvidenceRefused, match="đã chốt"):
        citation_remove(actor=officer_a, citation=citation)
    assert Citation.objects.count() == 1


def test_explanations_cite_while_the_explanation_is_requested(officer_a, assessment_a, plan):
    assert refused(actor=officer_a, document=plan, code="1.1", stage="explanation") == MSG_LOCKED.format(
        reason=REASON_NOT_EXPLAINING.format(state="Đang tự đánh giá")
    )
    set_state(assessment_a, State.EXPLANATION_REQUESTED)
    plan.refresh_from_db()
    supplementary = upload(officer_a, assessment_a, "Bổ sung.pdf", supplementary=True)
    cite(officer_a, plan, "1.1", "trang 5", stage="explanation")
    cite(officer_a, supplementary, "1.1", stage="explanation")
    assert Citation.objects.filter(stage="explanation").count() == 2
    # The self-assessment's citations are what was submitted: closed now.
    assert "đã chốt" in refused(actor=officer_a, document=plan, code="1.2", stage="self")


def test_removing_a_citation_keeps_the_document_and_is_audited(officer_a, plan, audit_mark):
    citation = cite(officer_a, plan, "1.1", "trang 3")
    mark = audit_mark()
    citation_remove(actor=officer_a, citation=citation)
    assert not Citation.objects.exists()
    plan.refresh_from_db()
    assert mark.actions() == ["citation.removed"]
    assert mark.events()[0].before == {"document_id": plan.pk, "code": "1.1", "stage": "self", "locator": "trang 3"}


def test_a_viewer_cannot_cite(organizer, plan):
    assert refused(actor=organizer, document=plan, code="1.1") == MSG_NOT_UNIT_MEMBER.format(unit="Sở Tư pháp")
