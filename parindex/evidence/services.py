"""Writes on evidence: upload into a unit's registry, edit its metadata, delete it, cite it from a leaf.

Every change is one transaction with its audit event. A refused change raises EvidenceRefused with a
Vietnamese message (module constants below) and leaves nothing behind: a file is checked completely
(size, SHA-256, real type, zip structure, duplicate) before it is stored, and a stored file whose row
could not be written is removed again.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from uuid import uuid4

from django.conf import settings
from django.core.files import File
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.formats import date_format

from parindex.assessments.models import Assessment, Stage
from parindex.audit.services import audit_record, model_snapshot
from parindex.evidence import files
from parindex.evidence.models import Citation, EvidenceDocument, SignatureStatus
from parindex.evidence.rules import (
    CITABLE_STAGES,
    REASON_STAGE_NOT_CITABLE,
    document_stage,
    evidence_locked_reason,
    is_unit_member,
)
from parindex.evidence.signatures import NOTE_TOO_LARGE, check_pdf_signatures, load_trust_roots
from parindex.periods.selectors import DeadlineBook

MSG_NOT_UNIT_MEMBER = "Chỉ cán bộ đầu mối và thủ trưởng của {unit} được thay đổi tài liệu kiểm chứng của đơn vị."
MSG_LOCKED = "{reason} Không thay đổi được tài liệu kiểm chứng."
MSG_DUPLICATE = (
    "Tệp “{name}” trùng hoàn toàn với tài liệu đã có trong danh mục: “{existing}” (tải lên lúc {uploaded_at}). "
    "Không cần tải lên lại: hãy trích dẫn tài liệu đã có."
)
MSG_FUTURE_DATE = "Ngày ban hành {date} ở sau ngày hôm nay."
MSG_DOCUMENT_IS_SIGNED_REPORT = (
    "Tài liệu “{document}” là báo cáo tự đánh giá đã ký của đơn vị: không xóa được. Nếu cần thay, thủ trưởng "
    "tải lên bản đã ký mới ở màn hình tự đánh giá."
)
MSG_DOCUMENT_CITED = (
    "Tài liệu “{document}” đang được trích dẫn ở tiêu chí {codes}: hãy bỏ các trích dẫn đó trước khi xóa."
)
MSG_OTHER_ASSESSMENT = (
    "Tài liệu “{document}” không thuộc danh mục tài liệu của hồ sơ này: "
    "chỉ trích dẫn được tài liệu của chính đơn vị trong kỳ đánh giá."
)
MSG_UNKNOWN_CODE = "Bộ tiêu chí không có tiêu chí “{code}”."
MSG_NOT_A_LEAF = "Tiêu chí “{code}” có tiêu chí con: chỉ trích dẫn tài liệu ở tiêu chí thành phần."
MSG_STAGE_NOT_CITABLE = REASON_STAGE_NOT_CITABLE
MSG_ALREADY_CITED = "Tài liệu “{document}” đã được trích dẫn ở tiêu chí {code}."
MSG_TEXT_TOO_LONG = "{field} dài quá {limit} ký tự."

FIELD_LIMITS = {"number": ("Số, ký hiệu", 100), "issuer": ("Cơ quan ban hành", 255), "locator": ("Trang hoặc mục", 100)}


class EvidenceRefused(Exception):
    """The change is not made; the message says why, in Vietnamese."""


def _require_member(actor: Any, assessment: Assessment) -> None:
    if not is_unit_member(actor, assessment):
        raise EvidenceRefused(MSG_NOT_UNIT_MEMBER.format(unit=assessment.unit.name))


def _require_open(assessment: Assessment, stage: str, now: dt.datetime) -> None:
    reason = evidence_locked_reason(assessment, stage, DeadlineBook.load(assessment.period), now)
    if reason:
        raise EvidenceRefused(MSG_LOCKED.format(reason=reason))


def _clean_text(field: str, value: str) -> str:
    value = " ".join(value.split()) if field != "summary" else value.strip()
    if field in FIELD_LIMITS:
        label, limit = FIELD_LIMITS[field]
        if len(value) > limit:
            raise EvidenceRefused(MSG_TEXT_TOO_LONG.format(field=label, limit=limit))
    return value


def _clean_metadata(
    *, number: str, issued_on: dt.date | None, issuer: str, summary: str, now: dt.datetime
) -> dict[str, Any]:
    if issued_on is not None and issued_on > timezone.localdate(now):
        raise EvidenceRefused(MSG_FUTURE_DATE.format(date=issued_on.strftime("%d/%m/%Y")))
    return {
        "number": _clean_text("number", number),
        "issued_on": issued_on,
        "issuer": _clean_text("issuer", issuer),
        "summary": _clean_text("summary", summary),
    }


def _describe(document: EvidenceDocument) -> str:
    return f"{document.number} – {document.original_name}" if document.number else document.original_name


def _duplicate_message(name: str, existing: EvidenceDocument) -> str:
    return MSG_DUPLICATE.format(
        name=name,
        existing=_describe(existing),
        uploaded_at=date_format(timezone.localtime(existing.uploaded_at), "SHORT_DATETIME_FORMAT"),
    )


def _snapshot(document: EvidenceDocument) -> dict[str, Any]:
    return model_snapshot(document, exclude=("signature_detail",))


def evidence_upload(
    *,
    actor: Any,
    assessment: Assessment,
    uploaded_file: File,
    number: str = "",
    issued_on: dt.date | None = None,
    issuer: str = "",
    summary: str = "",
    supplementary: bool = False,
    now: dt.datetime | None = None,
) -> EvidenceDocument:
    """Add a file to the unit's registry for the period. `supplementary` for the explanation round."""
    now = now or timezone.now()
    _require_member(actor, assessment)
    _require_open(assessment, document_stage(supplementary), now)
    metadata = _clean_metadata(number=number, issued_on=issued_on, issuer=issuer, summary=summary, now=now)

    name = files.clean_filename(uploaded_file.name or "")
    max_bytes = settings.EVIDENCE_MAX_UPLOAD_BYTES
    try:
        kind = files.kind_of(name)
        # The declared size first (free), then the bytes actually read.
        if uploaded_file.size is not None and uploaded_file.size > max_bytes:
            raise files.FileRefused(files.MSG_TOO_LARGE.format(name=name, limit=files.format_bytes(max_bytes)))
        measured = files.measure(uploaded_file.chunks(), name=name, max_bytes=max_bytes)
        files.check_content(uploaded_file, name=name, kind=kind)
    except files.FileRefused as refusal:
        raise EvidenceRefused(str(refusal)) from None

    existing = EvidenceDocument.objects.filter(assessment=assessment, sha256=measured.sha256).first()
    if existing is not None:
        raise EvidenceRefused(_duplicate_message(name, existing))

    signature = _check_signatures(uploaded_file, kind=kind, size=measured.size)

    # A random name: the uploaded one may carry path tricks, clash with another unit's, or reveal content.
    field = EvidenceDocument._meta.get_field("file")
    storage = field.storage
    uploaded_file.seek(0)
    stored_name = storage.save(field.generate_filename(None, f"{uuid4().hex}{files.extension_of(name)}"), uploaded_file)
    try:
        with transaction.atomic():
            document = EvidenceDocument.objects.create(
                assessment=assessment,
                file=stored_name,
                original_name=name,
                content_type=kind.content_type,
                size=measured.size,
                sha256=measured.sha256,
                uploaded_by=actor,
                supplementary=supplementary,
                **metadata,
                **signature,
            )
            audit_record(
                actor=actor,
                action="evidence.uploaded",
                target=document,
                summary=f"{assessment.unit.name}: tải lên tài liệu “{_describe(document)}”"
                + (" (tài liệu bổ sung khi giải trình)" if supplementary else ""),
                after=_snapshot(document),
            )
    except IntegrityError:
        storage.delete(stored_name)
        # The same file, uploaded a moment ago by a colleague: the unique constraint caught the race.
        existing = EvidenceDocument.objects.filter(assessment=assessment, sha256=measured.sha256).first()
        if existing is None:
            raise
        raise EvidenceRefused(_duplicate_message(name, existing)) from None
    except BaseException:
        storage.delete(stored_name)
        raise
    return document


def _check_signatures(uploaded_file: File, *, kind: files.Kind, size: int) -> dict[str, Any]:
    if kind is not files.PDF:
        return {"signature_status": SignatureStatus.NOT_CHECKED}
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


def evidence_update_metadata(
    *,
    actor: Any,
    document: EvidenceDocument,
    number: str,
    issued_on: dt.date | None,
    issuer: str,
    summary: str,
    now: dt.datetime | None = None,
) -> EvidenceDocument:
    """Correct what the registry says about a document (số hiệu, ngày ban hành, cơ quan, trích yếu)."""
    now = now or timezone.now()
    assessment = document.assessment
    _require_member(actor, assessment)
    _require_open(assessment, document_stage(document.supplementary), now)
    metadata = _clean_metadata(number=number, issued_on=issued_on, issuer=issuer, summary=summary, now=now)
    before = {key: getattr(document, key) for key in metadata}
    if before == metadata:
        return document
    with transaction.atomic():
        EvidenceDocument.objects.filter(pk=document.pk).update(**metadata)
        for key, value in metadata.items():
            setattr(document, key, value)
        audit_record(
            actor=actor,
            action="evidence.updated",
            target=document,
            summary=f"{assessment.unit.name}: sửa thông tin tài liệu “{_describe(document)}”",
            before=before,
            after=metadata,
        )
    return document


def evidence_delete(*, actor: Any, document: EvidenceDocument, now: dt.datetime | None = None) -> None:
    """Remove a document no leaf cites, while its stage is open. The file goes once the deletion commits."""
    now = now or timezone.now()
    assessment = document.assessment
    _require_member(actor, assessment)
    _require_open(assessment, document_stage(document.supplementary), now)
    _refuse_if_kept(document)
    storage, stored_name = document.file.storage, document.file.name
    snapshot = _snapshot(document)
    try:
        with transaction.atomic():
            audit_record(
                actor=actor,
                action="evidence.deleted",
                target=document,
                summary=f"{assessment.unit.name}: xóa tài liệu “{_describe(document)}”",
                before=snapshot,
            )
            # PROTECT on Citation.document: a citation added meanwhile fails this delete, and it rolls back.
            document.delete()
            # Only after the commit: a rolled-back deletion must not lose the file.
            transaction.on_commit(lambda: storage.delete(stored_name))
    except ProtectedError:
        # A citation (or the signed report) added meanwhile: say which, as if it had been there before.
        _refuse_if_kept(document)
        raise


def _refuse_if_kept(document: EvidenceDocument) -> None:
    """A document something still holds on to (a leaf's citation, the unit's signed report) is not deleted."""
    if Assessment.objects.filter(signed_report=document).exists():
        raise EvidenceRefused(MSG_DOCUMENT_IS_SIGNED_REPORT.format(document=_describe(document)))
    codes = sorted(set(Citation.objects.filter(document=document).values_list("code", flat=True)))
    if codes:
        raise EvidenceRefused(MSG_DOCUMENT_CITED.format(document=_describe(document), codes=", ".join(codes)))


def _leaf_problem(assessment: Assessment, code: str) -> str:
    nodes = assessment.criteria_set.nodes_by_code
    if code not in nodes:
        return MSG_UNKNOWN_CODE.format(code=code)
    if not nodes[code].is_leaf:
        return MSG_NOT_A_LEAF.format(code=code)
    return ""


def _citation_snapshot(citation: Citation) -> dict[str, Any]:
    return {
        "document_id": citation.document_id,
        "code": citation.code,
        "stage": citation.stage,
        "locator": citation.locator,
    }


def citation_add(
    *,
    actor: Any,
    document: EvidenceDocument,
    code: str,
    stage: str,
    locator: str = "",
    assessment: Assessment | None = None,
    now: dt.datetime | None = None,
) -> Citation:
    """A leaf of the assessment cites a document of the same registry, at a page or section.

    `assessment` is the assessment being answered (the page the user is on); when given, a document of any
    other registry is refused, whoever the actor is.
    """
    now = now or timezone.now()
    if assessment is not None and document.assessment_id != assessment.pk:
        raise EvidenceRefused(MSG_OTHER_ASSESSMENT.format(document=_describe(document)))
    assessment = document.assessment
    _require_member(actor, assessment)
    if stage not in CITABLE_STAGES:
        raise EvidenceRefused(MSG_STAGE_NOT_CITABLE)
    problem = _leaf_problem(assessment, code)
    if problem:
        raise EvidenceRefused(problem)
    _require_open(assessment, stage, now)
    locator = _clean_text("locator", locator)
    refusal = EvidenceRefused(MSG_ALREADY_CITED.format(document=_describe(document), code=code))
    if Citation.objects.filter(document=document, assessment=assessment, code=code, stage=stage).exists():
        raise refusal
    try:
        with transaction.atomic():
            citation = Citation.objects.create(
                document=document,
                assessment=assessment,
                code=code,
                stage=stage,
                locator=locator,
                created_by=actor,
            )
            audit_record(
                actor=actor,
                action="citation.added",
                target=citation,
                summary=f"{assessment.unit.name}, {Stage(stage).label}, tiêu chí {code}: "
                f"trích dẫn “{_describe(document)}”" + (f", {locator}" if locator else ""),
                after=_citation_snapshot(citation),
            )
    except IntegrityError:
        raise refusal from None  # the same citation added a moment ago (a double click)
    return citation


def citation_remove(*, actor: Any, citation: Citation, now: dt.datetime | None = None) -> None:
    """A leaf no longer cites the document (the document stays in the registry)."""
    now = now or timezone.now()
    assessment = citation.assessment
    _require_member(actor, assessment)
    _require_open(assessment, citation.stage, now)
    snapshot = _citation_snapshot(citation)
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="citation.removed",
            target=citation,
            summary=f"{assessment.unit.name}, {Stage(citation.stage).label}, tiêu chí {citation.code}: "
            f"bỏ trích dẫn “{_describe(citation.document)}”",
            before=snapshot,
        )
        citation.delete()
