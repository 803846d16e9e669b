"""The head attaches the signed self-assessment report to the submission.

Decision (issue 3, PAR_INDEX.md §4 step 4 "the head submits with the signed self-assessment report"): the
signed copy does NOT gate submission. The report is produced by the system from the answers, so the head
can print and sign it only once the officer has marked the assessment complete; a head who signs on paper
and scans, or whose digital-signature token is with the clerk, must not miss the deadline for it. So the
head may submit without it, and attach it before (state COMPLETED) or after (state SUBMITTED) submitting;
until it is there the self-assessment screen says "Chưa có báo cáo đã ký", and Sở Nội vụ sees it missing.
Once the assessment has moved on to appraisal the submission's record is closed: no more attaching.

The file gets the checks of every evidence upload (parindex.evidence.files: the real type sniffed from its
first bytes, the size limit counted on the bytes read, SHA-256; parindex.evidence.signatures: pyHanko's
offline signature check) and becomes a document of the unit's evidence registry. It is stored here rather
than by evidence_upload because that service refuses any change once the head has submitted (the
registry is frozen with the submission), and attaching just after submitting is exactly what is allowed.
"""

from __future__ import annotations

from typing import Any
from uuid import uuid4

from django.conf import settings
from django.core.files import File
from django.db import IntegrityError, transaction

from parindex.accounts.models import Role
from parindex.assessments.models import Assessment, State
from parindex.audit.services import audit_record
from parindex.evidence import files
from parindex.evidence.models import EvidenceDocument, SignatureStatus
from parindex.evidence.signatures import NOTE_TOO_LARGE, check_pdf_signatures, load_trust_roots

MSG_ONLY_THE_HEAD = "Chỉ thủ trưởng {unit} được đính kèm báo cáo tự đánh giá đã ký."
MSG_WRONG_STATE = (
    "Chỉ đính kèm được báo cáo đã ký khi hồ sơ đã hoàn thành hoặc đã chốt, chưa vào thẩm định "
    "(trạng thái hiện tại: “{state}”)."
)
MSG_NOT_PDF = "Báo cáo đã ký phải là tệp PDF (bản ký số, hoặc bản scan có chữ ký và dấu); “{name}” không phải tệp PDF."
MSG_JUST_UPLOADED = "Tệp này vừa được tải lên. Hãy tải lại trang để xem báo cáo đã ký."
SIGNED_REPORT_SUMMARY = "Báo cáo kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {year} (bản đã ký)"

ATTACHABLE_STATES = (State.COMPLETED, State.SUBMITTED)


class SignedReportRefused(Exception):
    """The signed copy is not attached; the message says why, in Vietnamese."""


def signed_report_allowed(actor: Any, assessment: Assessment) -> bool:
    """Whether the form is offered: the unit's own head, in a state that takes the signed copy."""
    return _refusal(actor, assessment) == ""


def _refusal(actor: Any, assessment: Assessment) -> str:
    if not (
        getattr(actor, "is_authenticated", False)
        and getattr(actor, "role", "") == Role.UNIT_HEAD
        and actor.unit_id == assessment.unit_id
    ):
        return MSG_ONLY_THE_HEAD.format(unit=assessment.unit.name)
    if assessment.state not in ATTACHABLE_STATES:
        return MSG_WRONG_STATE.format(state=State(assessment.state).label)
    return ""


def _checked(uploaded_file: File) -> tuple[str, files.Measure]:
    """The evidence registry's checks on the file; SignedReportRefused with their message."""
    name = files.clean_filename(uploaded_file.name or "")
    max_bytes = settings.EVIDENCE_MAX_UPLOAD_BYTES
    try:
        if files.extension_of(name) not in files.PDF.extensions:
            raise files.FileRefused(MSG_NOT_PDF.format(name=name))
        if uploaded_file.size is not None and uploaded_file.size > max_bytes:
            raise files.FileRefused(files.MSG_TOO_LARGE.format(name=name, limit=files.format_bytes(max_bytes)))
        measured = files.measure(uploaded_file.chunks(), name=name, max_bytes=max_bytes)
        files.check_content(uploaded_file, name=name, kind=files.PDF)
    except files.FileRefused as refusal:
        raise SignedReportRefused(str(refusal)) from None
    return name, measured


def _signature(uploaded_file: File, size: int) -> dict[str, Any]:
    limit = settings.EVIDENCE_SIGNATURE_CHECK_MAX_BYTES
    if size > limit:
        return {
            "signature_status": SignatureStatus.NOT_CHECKED,
            "signature_detail": NOTE_TOO_LARGE.format(limit=files.format_bytes(limit)),
        }
    check = check_pdf_signatures(uploaded_file, trust_roots=load_trust_roots(settings.EVIDENCE_TRUST_ROOTS_DIR))
    return {
        "signature_status": check.status,
        "signer": check.signer,
        "signed_at": check.signed_at,
        "signature_detail": check.detail,
    }


def _snapshot(document: EvidenceDocument | None) -> dict[str, Any] | None:
    if document is None:
        return None
    return {
        "document_id": document.pk,
        "original_name": document.original_name,
        "sha256": document.sha256,
        "size": document.size,
        "signature_status": document.signature_status,
        "signer": document.signer,
    }


def assessment_attach_signed_report(*, actor: Any, assessment: Assessment, uploaded_file: File) -> EvidenceDocument:
    """Attach the report as the head signed it (replacing an earlier copy, which stays in the registry)."""
    refusal = _refusal(actor, assessment)
    if refusal:
        raise SignedReportRefused(refusal)
    name, measured = _checked(uploaded_file)
    previous = assessment.signed_report
    # The same bytes already in the registry (a retried upload, or a copy already given as evidence): that
    # document is the signed report, nothing new is stored.
    existing = EvidenceDocument.objects.filter(assessment=assessment, sha256=measured.sha256).first()
    if existing is not None and previous is not None and existing.pk == previous.pk:
        return existing
    # The signature check reads the whole file: before the transaction, which holds SQLite's write lock.
    signature = _signature(uploaded_file, measured.size) if existing is None else {}
    stored_name = "" if existing is not None else _store(uploaded_file, name)
    try:
        with transaction.atomic():
            if existing is not None:
                document = existing
            else:
                document = EvidenceDocument.objects.create(
                    assessment=assessment,
                    file=stored_name,
                    original_name=name,
                    content_type=files.PDF.content_type,
                    size=measured.size,
                    sha256=measured.sha256,
                    issuer=assessment.unit.name,
                    summary=SIGNED_REPORT_SUMMARY.format(year=assessment.period.year),
                    uploaded_by=actor,
                    **signature,
                )
            # Conditional on the state, like every transition: a submission that moved on to appraisal
            # meanwhile takes no more attachments.
            linked = Assessment.objects.filter(pk=assessment.pk, state__in=ATTACHABLE_STATES).update(
                signed_report=document
            )
            if not linked:
                assessment.refresh_from_db()
                raise SignedReportRefused(MSG_WRONG_STATE.format(state=State(assessment.state).label))
            audit_record(
                actor=actor,
                action="assessment.signed_report_attached",
                target=assessment,
                summary=f"{assessment.unit.name}: đính kèm báo cáo tự đánh giá đã ký “{document.original_name}” "
                f"({SignatureStatus(document.signature_status).label.lower()})",
                before={"signed_report": _snapshot(previous)},
                after={"signed_report": _snapshot(document)},
            )
    except IntegrityError:
        # The same file stored a moment ago by a second click: the unique (assessment, sha256) caught it.
        _discard(stored_name)
        raise SignedReportRefused(MSG_JUST_UPLOADED) from None
    except BaseException:
        _discard(stored_name)
        raise
    assessment.signed_report = document
    return document


def _store(uploaded_file: File, name: str) -> str:
    """Under a random name, as every evidence file: the uploaded name may carry path tricks or clash."""
    field = EvidenceDocument._meta.get_field("file")
    uploaded_file.seek(0)
    return str(
        field.storage.save(field.generate_filename(None, f"{uuid4().hex}{files.extension_of(name)}"), uploaded_file)
    )


def _discard(stored_name: str) -> None:
    if stored_name:
        EvidenceDocument._meta.get_field("file").storage.delete(stored_name)
