"""The head attaches the signed report: the evidence registry's checks on the file, its signature verdict, only
in the states that take it, one audit event; the screen shows it, or that it is missing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from parindex.accounts.models import Role
from parindex.assessments.models import Assessment, State
from parindex.assessments.reports.services import (
    MSG_NOT_PDF,
    MSG_ONLY_THE_HEAD,
    MSG_WRONG_STATE,
    SignedReportRefused,
    assessment_attach_signed_report,
)
from parindex.assessments.services import answer_save_self, assessment_mark_completed, assessment_submit
from parindex.audit.models import AuditEvent
from parindex.evidence import files
from parindex.evidence.models import EvidenceDocument, SignatureStatus
from parindex.evidence.services import MSG_DOCUMENT_IS_SIGNED_REPORT, EvidenceRefused, evidence_delete
from tests.cycle import SELF_ANSWERS
from tests.evidence import documents
from tests.factories import UserFactory

NAME = "Báo cáo tự đánh giá (đã ký).pdf"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files go to a folder of the test's own; no trust root unless a test sets one."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EVIDENCE_TRUST_ROOTS_DIR = ""
    return settings.MEDIA_ROOT


@pytest.fixture
def completed(officer_a, assessment_a):
    for code, raw in SELF_ANSWERS.items():
        answer_save_self(actor=officer_a, assessment=assessment_a, code=code, raw=raw, note="", expected_version=None)
    return assessment_mark_completed(actor=officer_a, assessment=assessment_a)


@pytest.fixture(scope="module")
def pki():
    return documents.make_pki("NGUYỄN VĂN THỦ TRƯỞNG")


@pytest.fixture(scope="module")
def signed(pki):
    return documents.sign(documents.pdf("Bao cao tu danh gia nam 2025"), pki)


def upload_file(content, name=NAME):
    return SimpleUploadedFile(name, content)


def attach(head, assessment, content=None, name=NAME):
    content = documents.pdf("Bao cao tu danh gia") if content is None else content
    return assessment_attach_signed_report(actor=head, assessment=assessment, uploaded_file=upload_file(content, name))


def screen(client, assessment):
    return client.get(reverse("assessments:self_assessment", args=[assessment.pk])).content.decode()


def post(client, assessment, content, name=NAME):
    return client.post(reverse("assessments:signed_report", args=[assessment.pk]), {"file": upload_file(content, name)})


def audit_after(mark):
    return list(AuditEvent.objects.filter(id__gt=mark).exclude(action__startswith="auth.").order_by("id"))


def last_audit_id():
    return AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0


def test_the_head_attaches_the_signed_copy_in_one_audited_step(head_a, completed):
    mark = last_audit_id()
    document = attach(head_a, completed)

    completed.refresh_from_db()
    assert completed.signed_report == document
    assert document.assessment == completed
    assert document.original_name == NAME
    assert document.content_type == "application/pdf"
    assert document.summary == "Báo cáo kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2025 (bản đã ký)"
    assert document.signature_status == SignatureStatus.UNSIGNED  # a scan, or printed and signed by hand
    events = audit_after(mark)
    assert [event.action for event in events] == ["assessment.signed_report_attached"]
    assert events[0].actor == head_a
    assert events[0].before == {"signed_report": None}
    assert events[0].after["signed_report"]["document_id"] == document.pk
    assert events[0].after["signed_report"]["sha256"] == document.sha256


def test_a_digitally_signed_copy_shows_its_signer(head_a, completed, signed):
    document = attach(head_a, completed, signed)
    assert document.signature_status == SignatureStatus.UNTRUSTED  # intact; no trusted root configured here
    assert document.signer == "NGUYỄN VĂN THỦ TRƯỞNG"


def test_with_the_provinces_root_trusted_the_signature_is_valid(settings, tmp_path, head_a, completed, pki, signed):
    roots = tmp_path / "roots"
    roots.mkdir()
    (roots / "ca.pem").write_bytes(pki.root_pem())
    settings.EVIDENCE_TRUST_ROOTS_DIR = str(roots)
    assert attach(head_a, completed, signed).signature_status == SignatureStatus.VALID


def test_a_copy_changed_after_signing_is_attached_and_shown_invalid(head_a, completed, signed):
    tampered = documents.tamper(signed, b"Bao cao tu danh gia", b"Bao cao tu danh gio")
    assert attach(head_a, completed, tampered).signature_status == SignatureStatus.INVALID


def test_the_head_may_attach_just_after_submitting(head_a, completed):
    assessment_submit(actor=head_a, assessment=completed)
    document = attach(head_a, completed)
    assert Assessment.objects.get(pk=completed.pk).signed_report == document


@pytest.mark.parametrize("state", [State.DRAFT, State.APPRAISED, State.PUBLISHED])
def test_other_states_refuse(head_a, completed, state):
    Assessment.objects.filter(pk=completed.pk).update(state=state)
    completed.refresh_from_db()
    with pytest.raises(SignedReportRefused) as refused:
        attach(head_a, completed)
    assert str(refused.value) == MSG_WRONG_STATE.format(state=State(state).label)
    assert not EvidenceDocument.objects.exists()


@pytest.mark.parametrize("who", ["officer", "other_head"])
def test_only_the_units_head_may_attach(officer_a, unit_b, completed, who):
    actor = officer_a if who == "officer" else UserFactory.create(role=Role.UNIT_HEAD, unit=unit_b)
    with pytest.raises(SignedReportRefused) as refused:
        attach(actor, completed)
    assert str(refused.value) == MSG_ONLY_THE_HEAD.format(unit="Sở Tư pháp")
    assert not EvidenceDocument.objects.exists()


def test_a_fake_pdf_is_refused_with_the_evidence_registrys_message(head_a, completed, media_root):
    with pytest.raises(SignedReportRefused) as refused:
        attach(head_a, completed, documents.png(), name="bao-cao.pdf")
    assert str(refused.value) == files.MSG_NOT_REAL.format(name="bao-cao.pdf", kind="PDF", extension=".pdf")
    assert not EvidenceDocument.objects.exists()
    assert not any(path.is_file() for path in media_root.rglob("*"))


def test_another_kind_of_file_is_refused(head_a, completed):
    with pytest.raises(SignedReportRefused) as refused:
        attach(head_a, completed, documents.docx(), name="Báo cáo.docx")
    assert str(refused.value) == MSG_NOT_PDF.format(name="Báo cáo.docx")


def test_a_new_copy_replaces_the_old_which_stays_in_the_registry(head_a, completed):
    first = attach(head_a, completed, documents.pdf("Ban 1"))
    mark = last_audit_id()
    second = attach(head_a, completed, documents.pdf("Ban 2"))

    assert Assessment.objects.get(pk=completed.pk).signed_report == second
    assert EvidenceDocument.objects.filter(pk=first.pk).exists()
    event = audit_after(mark)[0]
    assert (event.before["signed_report"]["document_id"], event.after["signed_report"]["document_id"]) == (
        first.pk,
        second.pk,
    )


def test_the_same_file_again_changes_nothing(head_a, completed):
    content = documents.pdf("Ban duy nhat")
    first = attach(head_a, completed, content)
    mark = last_audit_id()
    assert attach(head_a, completed, content) == first
    assert audit_after(mark) == []
    assert EvidenceDocument.objects.count() == 1


# --- Through the screen -------------------------------------------------------------------------------


def test_the_screen_says_it_is_missing_and_offers_the_head_the_form(client, head_a, completed):
    client.force_login(head_a)
    page = screen(client, completed)
    assert "Chưa có báo cáo đã ký" in page
    assert 'data-testid="signed-report-form"' in page
    assert reverse("assessments:report_pdf", args=[completed.pk]) in page
    assert reverse("assessments:report_xlsx", args=[completed.pk]) in page


def test_the_officer_sees_the_downloads_but_no_upload_form(client, officer_a, completed):
    client.force_login(officer_a)
    page = screen(client, completed)
    assert reverse("assessments:report_pdf", args=[completed.pk]) in page
    assert 'data-testid="signed-report-form"' not in page


def test_after_the_upload_the_screen_shows_the_copy_and_its_signature(client, head_a, completed, signed):
    client.force_login(head_a)
    response = post(client, completed, signed)
    assert response.status_code == 302
    assert response["Location"] == reverse("assessments:self_assessment", args=[completed.pk]) + "#bao-cao"

    page = screen(client, completed)
    document = EvidenceDocument.objects.get()
    assert f"Đã đính kèm báo cáo tự đánh giá đã ký “{NAME}”." in page
    assert "Chưa có báo cáo đã ký" not in page
    assert reverse("evidence:download", args=[document.pk]) in page
    assert 'data-signature="untrusted"' in page
    assert "NGUYỄN VĂN THỦ TRƯỞNG" in page


def test_an_unsigned_scan_is_shown_as_such(client, head_a, completed):
    client.force_login(head_a)
    post(client, completed, documents.pdf("Ban scan"))
    page = screen(client, completed)
    assert 'data-signature="unsigned"' in page
    assert str(SignatureStatus.UNSIGNED.label) in page


def test_a_refused_file_comes_back_as_the_message(client, head_a, completed):
    client.force_login(head_a)
    response = post(client, completed, documents.png(), name="bao-cao.pdf")
    page = client.get(response["Location"]).content.decode()
    message = files.MSG_NOT_REAL.format(name="bao-cao.pdf", kind="PDF", extension=".pdf")
    assert message in page
    assert not EvidenceDocument.objects.exists()


def test_the_officer_may_not_post_it(client, officer_a, completed):
    client.force_login(officer_a)
    assert post(client, completed, documents.pdf()).status_code == 403
    assert not EvidenceDocument.objects.exists()


def test_another_units_head_gets_404(client, completed, unit_b):
    client.force_login(UserFactory.create(username="thutruong_b", role=Role.UNIT_HEAD, unit=unit_b))
    assert post(client, completed, documents.pdf()).status_code == 404


def test_anonymous_users_go_to_the_login_page(client, completed):
    response = post(client, completed, documents.pdf())
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_head_may_submit_without_the_signed_copy_which_stays_missing(client, head_a, completed):
    """The decision in assessments/reports/services.py: the signed copy does not gate submission."""
    assessment_submit(actor=head_a, assessment=completed)
    client.force_login(head_a)
    page = screen(client, completed)
    assert "Chưa có báo cáo đã ký" in page
    assert 'data-testid="signed-report-form"' in page  # still attachable just after


def test_the_signed_copy_is_not_deleted_from_the_registry_and_the_message_says_why(head_a, completed):
    document = attach(head_a, completed)

    with pytest.raises(EvidenceRefused) as refused:
        evidence_delete(actor=head_a, document=document)

    assert str(refused.value) == MSG_DOCUMENT_IS_SIGNED_REPORT.format(document=NAME)
    assert EvidenceDocument.objects.filter(pk=document.pk).exists()
