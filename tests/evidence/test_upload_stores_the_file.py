"""An upload through the registry page: the file under an internal name, its hash, type, metadata and the
original Vietnamese name, one audit event."""

import datetime as dt
import hashlib
import re
import unicodedata

import pytest

from parindex.evidence.models import EvidenceDocument, SignatureStatus
from tests.evidence import documents
from tests.evidence.conftest import stored_files
from tests.evidence.helpers import post_upload, registry_url, upload


def test_a_pdf_is_stored_under_an_internal_name_with_its_metadata_hash_and_vietnamese_name(
    client, officer_a, assessment_a, media_root, audit_mark
):
    client.force_login(officer_a)
    content = documents.pdf()
    mark = audit_mark()
    response = post_upload(
        client,
        assessment_a,
        "Kế hoạch CCHC năm 2025.pdf",
        content,
        number="123/KH-UBND",
        issued_on="04/03/2025",
        issuer="UBND tỉnh",
        summary="Kế hoạch cải cách hành chính năm 2025",
    )
    assert response.status_code == 302
    assert response["Location"] == registry_url(assessment_a)
    document = EvidenceDocument.objects.get()
    assert document.original_name == "Kế hoạch CCHC năm 2025.pdf"
    assert (document.number, document.issued_on, document.issuer, document.summary) == (
        "123/KH-UBND",
        dt.date(2025, 3, 4),
        "UBND tỉnh",
        "Kế hoạch cải cách hành chính năm 2025",
    )
    assert document.sha256 == hashlib.sha256(content).hexdigest()
    assert (document.size, document.content_type) == (len(content), "application/pdf")
    assert re.fullmatch(r"evidence/\d{4}/\d{2}/[0-9a-f]{32}\.pdf", document.file.name)
    assert stored_files(media_root) == [document.file.name]
    assert (media_root / document.file.name).read_bytes() == content
    assert (document.assessment, document.uploaded_by, document.supplementary) == (assessment_a, officer_a, False)
    assert document.signature_status == SignatureStatus.UNSIGNED
    assert mark.actions() == ["evidence.uploaded"]
    (event,) = mark.events()
    assert (event.actor, event.target_id) == (officer_a, str(document.pk))
    assert event.after["sha256"] == document.sha256
    assert event.after["original_name"] == "Kế hoạch CCHC năm 2025.pdf"


@pytest.mark.parametrize(
    ("name", "make", "content_type"),
    [
        (
            "Báo cáo quý IV.docx",
            documents.docx,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("Bảng tổng hợp.xlsx", documents.xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("Ảnh hội nghị.jpg", lambda: documents.JPEG, "image/jpeg"),
        ("Ảnh hội nghị.JPEG", lambda: documents.JPEG, "image/jpeg"),
        ("Sơ đồ quy trình.png", documents.png, "image/png"),
    ],
)
def test_word_excel_and_images_are_accepted_with_their_own_type(
    client, officer_a, assessment_a, media_root, name, make, content_type
):
    client.force_login(officer_a)
    content = make()
    assert post_upload(client, assessment_a, name, content).status_code == 302
    document = EvidenceDocument.objects.get()
    assert (document.original_name, document.content_type, document.size) == (name, content_type, len(content))
    extension = name.rsplit(".", 1)[1].lower()
    assert re.fullmatch(rf"evidence/\d{{4}}/\d{{2}}/[0-9a-f]{{32}}\.{extension}", document.file.name)
    assert document.signature_status == SignatureStatus.NOT_CHECKED  # only PDFs carry signatures


def test_a_name_in_decomposed_unicode_is_kept_in_composed_form(officer_a, assessment_a):
    # macOS sends "ế" as "e" + two combining marks; a search for the name typed on Windows must still match.
    decomposed = unicodedata.normalize("NFD", "Quyết định 12.pdf")
    assert decomposed != "Quyết định 12.pdf"
    document = upload(officer_a, assessment_a, decomposed)
    assert document.original_name == "Quyết định 12.pdf"


def test_the_head_of_the_unit_uploads_too(head_a, assessment_a):
    assert upload(head_a, assessment_a).uploaded_by == head_a


def test_the_same_file_may_be_in_two_units_registries(officer_a, officer_b, assessment_a, assessment_b):
    # A provincial decision proves criteria for every department: each keeps its own copy in its registry.
    content = documents.pdf("Quyet dinh cua UBND tinh")
    upload(officer_a, assessment_a, "QĐ 1.pdf", content)
    upload(officer_b, assessment_b, "QĐ 1.pdf", content)
    assert EvidenceDocument.objects.count() == 2
