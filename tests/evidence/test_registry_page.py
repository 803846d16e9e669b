"""The registry page: each document with its citations, signature, size, hash and uploader; a bounded
number of queries whatever the number of documents."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from parindex.assessments.models import State
from parindex.evidence.models import Citation, EvidenceDocument, SignatureStatus
from tests.evidence import documents
from tests.evidence.helpers import cite, registry_url, set_state, upload


def test_the_page_shows_each_document_with_its_citations_and_checks(client, officer_a, assessment_a):
    plan = upload(officer_a, assessment_a, "Kế hoạch CCHC 2025.pdf", number="45/KH-UBND", issuer="UBND tỉnh")
    cite(officer_a, plan, "1.2", "mục II.2")
    cite(officer_a, plan, "1.1", "trang 3")
    client.force_login(officer_a)
    response = client.get(registry_url(assessment_a))
    page = response.content.decode()
    assert response.status_code == 200
    assert "45/KH-UBND" in page
    assert "UBND tỉnh" in page
    assert "Kế hoạch CCHC 2025.pdf" in page
    assert page.index("<strong>1.1</strong>: trang 3") < page.index("<strong>1.2</strong>: mục II.2")  # set order
    assert plan.sha256[:12] in page
    assert 'data-signature="unsigned"' in page
    assert officer_a.get_full_name() in page
    assert reverse("evidence:download", args=[plan.pk]) in page
    assert reverse("evidence:preview", args=[plan.pk]) in page
    assert reverse("evidence:edit", args=[plan.pk]) in page
    assert reverse("evidence:delete", args=[plan.pk]) not in page  # cited: no delete button
    assert response.context["form"] is not None


def test_viewers_see_the_registry_without_the_forms(client, officer_a, organizer, assessment_a):
    plan = upload(officer_a, assessment_a)
    client.force_login(organizer)
    response = client.get(registry_url(assessment_a))
    page = response.content.decode()
    assert response.status_code == 200
    assert response.context["form"] is None
    assert reverse("evidence:download", args=[plan.pk]) in page
    assert reverse("evidence:edit", args=[plan.pk]) not in page
    assert 'data-testid="upload-form"' not in page


def test_after_submission_the_unit_sees_why_the_registry_is_read_only(client, officer_a, assessment_a):
    upload(officer_a, assessment_a)
    set_state(assessment_a, State.SUBMITTED)
    client.force_login(officer_a)
    page = client.get(registry_url(assessment_a)).content.decode()
    assert "Thủ trưởng đơn vị đã chốt kết quả tự đánh giá. Danh mục tài liệu chỉ để xem." in page
    assert 'data-testid="upload-form"' not in page
    assert "bi-pencil" not in page


def test_another_unit_gets_404_and_no_role_403(client, officer_b, no_role_user, assessment_a):
    client.force_login(officer_b)
    assert client.get(registry_url(assessment_a)).status_code == 404
    client.force_login(no_role_user)
    assert client.get(registry_url(assessment_a)).status_code == 403


def _fill(assessment, officer, count, start=0):
    """Rows made directly: the page reads the table, not the files."""
    for number in range(start, start + count):
        document = EvidenceDocument.objects.create(
            assessment=assessment,
            file=f"evidence/2025/01/{number:032x}.pdf",
            original_name=f"Tài liệu {number}.pdf",
            content_type="application/pdf",
            size=1000 + number,
            sha256=f"{number:064x}",
            number=f"{number}/QĐ-UBND",
            uploaded_by=officer,
            signature_status=SignatureStatus.UNTRUSTED,
            signer="UBND TỈNH",
        )
        for code in ("1.1", "1.2"):
            Citation.objects.create(
                document=document, assessment=assessment, code=code, stage="self", created_by=officer
            )


def _queries(client, assessment):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(registry_url(assessment)).status_code == 200
    return len(queries)


@pytest.mark.parametrize("user_fixture", ["officer_a", "organizer"])
def test_the_number_of_queries_does_not_grow_with_the_documents(
    client, request, officer_a, assessment_a, django_assert_max_num_queries, user_fixture
):
    client.force_login(request.getfixturevalue(user_fixture))
    _fill(assessment_a, officer_a, 3)
    few = _queries(client, assessment_a)
    _fill(assessment_a, officer_a, 27, start=3)  # 30 now
    with django_assert_max_num_queries(15):
        many = _queries(client, assessment_a)
    assert many == few


def test_a_real_upload_round_trip_shows_on_the_page(client, officer_a, assessment_a):
    client.force_login(officer_a)
    client.post(registry_url(assessment_a), {"file": SimpleUploadedFile("Báo cáo.docx", documents.docx())})
    assert "Báo cáo.docx" in client.get(registry_url(assessment_a)).content.decode()
