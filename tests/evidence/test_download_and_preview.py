"""Files leave only through views that check who may see the assessment: as attachments with nosniff and
the Vietnamese name per RFC 5987, or (PDFs and images) inline in a sandbox."""

import pytest
from django.urls import reverse

from parindex.evidence.views import ascii_filename, content_disposition
from tests.evidence import documents
from tests.evidence.helpers import upload

NAME = "Kế hoạch CCHC năm 2025.pdf"
DISPOSITION = (
    'attachment; filename="Ke hoach CCHC nam 2025.pdf"; '
    "filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%20CCHC%20n%C4%83m%202025.pdf"
)


@pytest.fixture
def content():
    return documents.pdf("Ke hoach CCHC nam 2025")


@pytest.fixture
def document(officer_a, assessment_a, content):
    return upload(officer_a, assessment_a, NAME, content)


def download(client, document):
    return client.get(reverse("evidence:download", args=[document.pk]))


def preview(client, document):
    return client.get(reverse("evidence:preview", args=[document.pk]))


def body(response):
    return b"".join(response.streaming_content)


def test_the_unit_downloads_its_document_as_an_attachment_with_its_vietnamese_name(
    client, officer_a, document, content
):
    client.force_login(officer_a)
    response = download(client, document)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == DISPOSITION
    assert response["Cache-Control"] == "private, no-store"
    assert body(response) == content


def test_a_pdf_preview_is_inline_and_sandboxed(client, head_a, document, content):
    client.force_login(head_a)
    response = preview(client, document)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == DISPOSITION.replace("attachment", "inline")
    assert response["Content-Security-Policy"].split(";")[0] == "sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert body(response) == content


def test_an_image_is_previewed_too(client, officer_a, assessment_a):
    image = upload(officer_a, assessment_a, "Ảnh hội nghị.png", documents.png())
    client.force_login(officer_a)
    response = preview(client, image)
    assert (response.status_code, response["Content-Type"]) == (200, "image/png")
    assert response["Content-Disposition"].startswith("inline; ")


def test_word_and_excel_files_are_not_previewed(client, officer_a, assessment_a):
    report = upload(officer_a, assessment_a, "Báo cáo.docx", documents.docx())
    client.force_login(officer_a)
    assert preview(client, report).status_code == 404
    assert download(client, report)["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )


def test_another_unit_gets_404(client, officer_b, document):
    client.force_login(officer_b)
    assert download(client, document).status_code == 404
    assert preview(client, document).status_code == 404


def test_anonymous_visitors_are_sent_to_login(client, document):
    for response in (download(client, document), preview(client, document)):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_a_user_without_a_role_is_refused(client, no_role_user, document):
    client.force_login(no_role_user)
    assert download(client, document).status_code == 403
    assert preview(client, document).status_code == 403


@pytest.mark.parametrize("user_fixture", ["organizer", "admin_user", "council"])
def test_the_organizer_council_and_admin_download(client, request, document, content, user_fixture):
    client.force_login(request.getfixturevalue(user_fixture))
    response = download(client, document)
    assert response.status_code == 200
    assert body(response) == content


def test_an_appraiser_downloads_only_the_evidence_of_units_assigned_to_them(
    client, appraiser, document, content, organizer
):
    from parindex.appraisals.services import assignment_create

    client.force_login(appraiser)
    assert download(client, document).status_code == 404
    assignment_create(actor=organizer, period=document.assessment.period, appraiser=appraiser, field_code="2")
    response = download(client, document)
    assert response.status_code == 200
    assert body(response) == content


def test_a_file_missing_from_storage_is_404_not_500(client, officer_a, document, media_root):
    (media_root / document.file.name).unlink()
    client.force_login(officer_a)
    assert download(client, document).status_code == 404


@pytest.mark.parametrize(
    ("name", "fallback"),
    [
        ("Quyết định số 12/QĐ-UBND.pdf", "Quyet dinh so 12_QD-UBND.pdf"),
        ('Đề án "CCHC"; bản 2.docx', "De an _CCHC__ ban 2.docx"),
        ("Ảnh.png", "Anh.png"),
        ("文件.pdf", "tai-lieu.pdf"),
    ],
)
def test_the_ascii_fallback_name_is_safe_in_a_header(name, fallback):
    assert ascii_filename(name) == fallback
    header = content_disposition("attachment", name)
    header.encode("latin-1")  # a header value must be latin-1 (here plain ASCII)
    assert header.count('"') == 2
