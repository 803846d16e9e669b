"""Signed PDFs, checked offline with pyHanko at upload. Every PDF here is real: written and signed in the
test with pyHanko's own API and a test certificate made with `cryptography`."""

import datetime as dt
import io

import pytest
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from django.utils import timezone

from parindex.evidence import signatures
from parindex.evidence.models import SignatureStatus
from parindex.evidence.signatures import check_pdf_signatures, load_trust_roots
from tests.evidence import documents
from tests.evidence.helpers import registry_url, upload


@pytest.fixture(scope="module")
def pki():
    return documents.make_pki()


@pytest.fixture(scope="module")
def signed(pki):
    return documents.sign(documents.pdf("Quyet dinh so 123/QD-UBND"), pki)


@pytest.fixture
def trusted(settings, tmp_path, pki):
    roots = tmp_path / "roots"
    roots.mkdir()
    (roots / "ca-thu-nghiem.pem").write_bytes(pki.root_pem())
    (roots / "README.txt").write_text("Chứng thư gốc tin cậy của tỉnh")  # not a certificate: skipped
    settings.EVIDENCE_TRUST_ROOTS_DIR = str(roots)
    return roots


def test_an_intact_signature_without_trust_roots_is_untrusted_with_signer_and_time(officer_a, assessment_a, signed):
    document = upload(officer_a, assessment_a, "QĐ 123 (đã ký).pdf", signed)
    assert document.signature_status == SignatureStatus.UNTRUSTED
    assert document.signer == "UBND TỈNH THỬ NGHIỆM"
    assert document.signed_at is not None
    assert abs(document.signed_at - timezone.now()) < dt.timedelta(minutes=10)
    assert signatures.INTEGRITY_INTACT in document.signature_detail
    assert signatures.TRUST_NO_ROOTS in document.signature_detail


def test_a_document_changed_after_signing_is_invalid(officer_a, assessment_a, signed):
    tampered = documents.tamper(signed, b"Quyet dinh so 123", b"Quyet dinh so 128")
    document = upload(officer_a, assessment_a, "QĐ 123 (bị sửa).pdf", tampered)
    assert document.signature_status == SignatureStatus.INVALID
    assert document.signer == "UBND TỈNH THỬ NGHIỆM"
    assert signatures.INTEGRITY_BROKEN in document.signature_detail


def test_a_page_rewritten_in_an_update_appended_after_signing_is_invalid(officer_a, assessment_a, signed):
    document = upload(officer_a, assessment_a, "QĐ 123 (sửa sau).pdf", documents.modify_after_signing(signed))
    assert document.signature_status == SignatureStatus.INVALID
    assert signatures.INTEGRITY_MODIFIED_AFTER in document.signature_detail


def test_a_pdf_without_signatures_is_accepted_as_unsigned(officer_a, assessment_a):
    document = upload(officer_a, assessment_a, "Bản scan.pdf", documents.pdf("Ban scan"))
    assert document.signature_status == SignatureStatus.UNSIGNED
    assert (document.signer, document.signed_at) == ("", None)
    assert document.signature_detail == signatures.NOTE_UNSIGNED


def test_with_the_test_root_configured_the_signature_is_valid(officer_a, assessment_a, signed, trusted):
    document = upload(officer_a, assessment_a, "QĐ 123 (đã ký).pdf", signed)
    assert document.signature_status == SignatureStatus.VALID
    assert signatures.TRUST_OK in document.signature_detail


def test_a_root_in_der_form_is_read_too(tmp_path, pki, signed):
    (tmp_path / "goc.cer").write_bytes(pki.root.public_bytes(serialization.Encoding.DER))
    roots = load_trust_roots(tmp_path)
    assert len(roots) == 1
    assert check_pdf_signatures(io.BytesIO(signed), trust_roots=roots).status == SignatureStatus.VALID


def test_another_authoritys_root_does_not_make_it_valid(signed):
    other = documents.make_pki("Người khác")
    root = asn1_x509.Certificate.load(other.root.public_bytes(serialization.Encoding.DER))
    check = check_pdf_signatures(io.BytesIO(signed), trust_roots=[root])
    assert check.status == SignatureStatus.UNTRUSTED
    assert "Chưa xác thực được chứng thư (" in check.detail


def test_a_trusted_but_tampered_document_is_still_invalid(signed, pki):
    root = asn1_x509.Certificate.load(pki.root.public_bytes(serialization.Encoding.DER))
    tampered = documents.tamper(signed, b"Quyet dinh so 123", b"Quyet dinh so 128")
    assert check_pdf_signatures(io.BytesIO(tampered), trust_roots=[root]).status == SignatureStatus.INVALID


def test_two_signatures_are_both_reported_and_the_weakest_decides(pki):
    second_signer = documents.make_pki("SỞ NỘI VỤ THỬ NGHIỆM")
    twice = documents.sign(documents.sign(documents.pdf("Hai chu ky"), second_signer), pki, field_name="ChuKySo2")
    root = asn1_x509.Certificate.load(pki.root.public_bytes(serialization.Encoding.DER))
    check = check_pdf_signatures(io.BytesIO(twice), trust_roots=[root])
    assert check.signer == "SỞ NỘI VỤ THỬ NGHIỆM; UBND TỈNH THỬ NGHIỆM"
    assert check.status == SignatureStatus.UNTRUSTED  # the first signer's root is not trusted
    assert check.detail.count("Chữ ký ") == 2


def test_a_pdf_above_the_check_limit_is_stored_not_checked_with_a_note(settings, officer_a, assessment_a, signed):
    settings.EVIDENCE_SIGNATURE_CHECK_MAX_BYTES = 1000
    document = upload(officer_a, assessment_a, "QĐ lớn.pdf", signed)
    assert document.signature_status == SignatureStatus.NOT_CHECKED
    assert document.signature_detail == signatures.NOTE_TOO_LARGE.format(limit="1000 byte")


def test_a_pdf_pyhanko_cannot_read_is_kept_not_checked(officer_a, assessment_a):
    document = upload(officer_a, assessment_a, "Hỏng.pdf", b"%PDF-1.7\n% not really a PDF body\n")
    assert document.signature_status == SignatureStatus.NOT_CHECKED
    assert document.signature_detail.startswith("Không đọc được cấu trúc tệp PDF")


def test_the_registry_page_shows_the_signature_badge_and_signer(client, officer_a, assessment_a, signed):
    upload(officer_a, assessment_a, "QĐ 123 (đã ký).pdf", signed)
    client.force_login(officer_a)
    page = client.get(registry_url(assessment_a)).content.decode()
    assert 'data-signature="untrusted"' in page
    assert "Chữ ký số chưa xác thực được chứng thư" in page
    assert "UBND TỈNH THỬ NGHIỆM" in page
