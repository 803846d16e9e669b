"""A document leaves the registry only while its stage is open and no leaf cites it; the file goes after
the deletion commits."""

import pytest
from django.urls import reverse

from parindex.assessments.models import State
from parindex.evidence.models import EvidenceDocument
from parindex.evidence.services import MSG_DOCUMENT_CITED, MSG_LOCKED, EvidenceRefused, evidence_delete
from tests.evidence.conftest import stored_files
from tests.evidence.helpers import cite, set_state, upload


def delete_url(document):
    return reverse("evidence:delete", args=[document.pk])


def test_an_uncited_document_is_deleted_with_its_file(
    client, officer_a, assessment_a, media_root, audit_mark, django_capture_on_commit_callbacks
):
    document = upload(officer_a, assessment_a, "Nhầm.pdf")
    assert stored_files(media_root) == [document.file.name]
    client.force_login(officer_a)
    mark = audit_mark()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(delete_url(document))
    assert response.status_code == 302
    assert not EvidenceDocument.objects.exists()
    assert stored_files(media_root) == []
    assert mark.actions() == ["evidence.deleted"]
    assert mark.events()[0].before["original_name"] == "Nhầm.pdf"


def test_the_file_stays_if_the_deletion_does_not_commit(
    officer_a, assessment_a, media_root, django_capture_on_commit_callbacks
):
    document = upload(officer_a, assessment_a)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        evidence_delete(actor=officer_a, document=document)
    assert len(callbacks) == 1  # the file removal waits for the commit
    assert stored_files(media_root) == [document.file.name]


def test_a_cited_document_is_not_deleted(client, officer_a, assessment_a, media_root, audit_mark):
    document = upload(officer_a, assessment_a, "Kế hoạch.pdf", number="12/KH-UBND")
    cite(officer_a, document, "1.2")
    cite(officer_a, document, "1.1")
    mark = audit_mark()
    with pytest.raises(EvidenceRefused) as error:
        evidence_delete(actor=officer_a, document=document)
    assert str(error.value) == MSG_DOCUMENT_CITED.format(document="12/KH-UBND – Kế hoạch.pdf", codes="1.1, 1.2")
    client.force_login(officer_a)
    response = client.post(delete_url(document), follow=True)
    assert str(error.value) in response.content.decode()
    assert EvidenceDocument.objects.count() == 1
    assert stored_files(media_root) == [document.file.name]
    assert mark.actions() == []


def test_nothing_is_deleted_after_submission(officer_a, assessment_a):
    document = upload(officer_a, assessment_a)
    set_state(assessment_a, State.SUBMITTED)
    document.refresh_from_db()
    with pytest.raises(EvidenceRefused) as error:
        evidence_delete(actor=officer_a, document=document)
    assert str(error.value) == MSG_LOCKED.format(reason="Thủ trưởng đơn vị đã chốt kết quả tự đánh giá.")
    assert EvidenceDocument.objects.count() == 1


def test_while_explaining_only_supplementary_documents_can_be_deleted(officer_a, assessment_a):
    original = upload(officer_a, assessment_a, "Gốc.pdf")
    set_state(assessment_a, State.EXPLANATION_REQUESTED)
    supplementary = upload(officer_a, assessment_a, "Bổ sung.pdf", supplementary=True)
    original.refresh_from_db()
    with pytest.raises(EvidenceRefused):
        evidence_delete(actor=officer_a, document=original)
    evidence_delete(actor=officer_a, document=supplementary)
    assert list(EvidenceDocument.objects.values_list("original_name", flat=True)) == ["Gốc.pdf"]


def test_another_units_officer_gets_404(client, officer_a, officer_b, assessment_a):
    document = upload(officer_a, assessment_a)
    client.force_login(officer_b)
    assert client.post(delete_url(document)).status_code == 404
    assert EvidenceDocument.objects.count() == 1


def test_a_get_does_not_delete(client, officer_a, assessment_a):
    document = upload(officer_a, assessment_a)
    client.force_login(officer_a)
    assert client.get(delete_url(document)).status_code == 405
    assert EvidenceDocument.objects.count() == 1
