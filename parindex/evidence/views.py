"""Evidence screens: a unit's registry (list and upload), metadata edit, delete, download, preview, and the
citation fragment the self-assessment page embeds.

Every object is looked up through a visibility selector: another unit's document or assessment is a 404,
never a 403, so its existence is not revealed. Changes are the unit's own officer and head's only.
"""

from __future__ import annotations

import json
import unicodedata
from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_http_methods, require_POST

from parindex.accounts.models import Role
from parindex.assessments.models import Assessment, Stage
from parindex.core.permissions import role_required
from parindex.evidence import files
from parindex.evidence.forms import CitationForm, EvidenceMetadataForm, EvidenceUploadForm
from parindex.evidence.models import Citation, EvidenceDocument
from parindex.evidence.rules import (
    CITABLE_STAGES,
    document_stage,
    evidence_locked_reason,
    is_unit_member,
    upload_stage,
)
from parindex.evidence.selectors import (
    citations_visible_to,
    documents_visible_to,
    evidence_assessments_visible_to,
    leaf_citations,
    registry_choices,
    registry_documents,
)
from parindex.evidence.services import (
    EvidenceRefused,
    citation_add,
    citation_remove,
    evidence_delete,
    evidence_update_metadata,
    evidence_upload,
)
from parindex.periods.models import Phase
from parindex.periods.selectors import DeadlineBook

EVERY_ROLE = tuple(Role.values)
UNIT_ROLES = (Role.UNIT_OFFICER, Role.UNIT_HEAD)
MSG_ONLY_THE_UNIT = "Chỉ cán bộ đầu mối và thủ trưởng của đơn vị được thay đổi tài liệu kiểm chứng."
MSG_UPLOADED = "Đã tải lên “{name}”."
MSG_UPLOADED_SUPPLEMENTARY = "Đã tải lên “{name}” (tài liệu bổ sung khi giải trình)."
MSG_UPDATED = "Đã cập nhật thông tin tài liệu “{name}”."
MSG_DELETED = "Đã xóa tài liệu “{name}”."
MSG_NO_SUCH_DOCUMENT = "Không tìm thấy tài liệu này trong danh mục của hồ sơ."
# The posted id is not in this assessment's registry (another unit's, or deleted meanwhile): never say which.
MSG_NOT_IN_REGISTRY = "Tài liệu đã chọn không có trong danh mục tài liệu của hồ sơ này."
MSG_MISSING_FILE = "Không tìm thấy tệp của tài liệu trên máy chủ lưu trữ."
PREVIEWABLE = frozenset({files.PDF.content_type, files.JPEG.content_type, files.PNG.content_type})


def _visible_assessment(request: HttpRequest, assessment_id: int) -> Assessment:
    return get_object_or_404(evidence_assessments_visible_to(request.user), pk=assessment_id)


def _visible_document(request: HttpRequest, pk: int) -> EvidenceDocument:
    return get_object_or_404(documents_visible_to(request.user), pk=pk)


@role_required(*EVERY_ROLE)
@require_http_methods(["GET", "POST"])
def registry(request: HttpRequest, assessment_id: int) -> HttpResponse:
    """The unit's documents for the period; its officer and head upload here while a stage is open."""
    assessment = _visible_assessment(request, assessment_id)
    book = DeadlineBook.load(assessment.period)
    now = timezone.now()
    can_edit = is_unit_member(request.user, assessment)
    stage, locked_reason = upload_stage(assessment, book, now)
    if request.method == "POST" and not can_edit:
        raise PermissionDenied(MSG_ONLY_THE_UNIT)
    form = None
    if can_edit and stage is not None:
        form = EvidenceUploadForm(request.POST, request.FILES) if request.method == "POST" else EvidenceUploadForm()
    if request.method == "POST":
        if form is None:
            messages.error(request, locked_reason)
            return redirect("evidence:registry", assessment_id=assessment.pk)
        if form.is_valid():
            try:
                document = evidence_upload(
                    actor=request.user,
                    assessment=assessment,
                    uploaded_file=form.cleaned_data["file"],
                    number=form.cleaned_data["number"],
                    issued_on=form.cleaned_data["issued_on"],
                    issuer=form.cleaned_data["issuer"],
                    summary=form.cleaned_data["summary"],
                    supplementary=stage == Stage.EXPLANATION,
                    now=now,
                )
            except EvidenceRefused as refusal:
                form.add_error("file", str(refusal))
            else:
                message = MSG_UPLOADED_SUPPLEMENTARY if document.supplementary else MSG_UPLOADED
                messages.success(request, message.format(name=document.original_name))
                return redirect("evidence:registry", assessment_id=assessment.pk)
    documents = registry_documents(assessment)
    for document in documents:
        # Shown per row: the service would refuse the others anyway.
        document.can_change = (  # type: ignore[attr-defined]
            can_edit and not evidence_locked_reason(assessment, document_stage(document.supplementary), book, now)
        )
    return render(
        request,
        "evidence/registry.html",
        {
            "assessment": assessment,
            "documents": documents,
            "form": form,
            "can_edit": can_edit,
            "upload_stage": stage,
            "locked_reason": locked_reason,
            "max_size": files.format_bytes(settings.EVIDENCE_MAX_UPLOAD_BYTES),
            "deadline": book.deadline(
                Phase.EXPLANATION if stage == Stage.EXPLANATION else Phase.SELF_ASSESSMENT, assessment.unit_id
            ),
        },
    )


@role_required(*UNIT_ROLES)
@require_http_methods(["GET", "POST"])
def document_edit(request: HttpRequest, pk: int) -> HttpResponse:
    document = _visible_document(request, pk)
    if not is_unit_member(request.user, document.assessment):
        raise PermissionDenied(MSG_ONLY_THE_UNIT)
    form = EvidenceMetadataForm.for_document(document, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            evidence_update_metadata(actor=request.user, document=document, **form.cleaned_data)
        except EvidenceRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, MSG_UPDATED.format(name=document.original_name))
            return redirect("evidence:registry", assessment_id=document.assessment_id)
    locked_reason = evidence_locked_reason(
        document.assessment,
        document_stage(document.supplementary),
        DeadlineBook.load(document.assessment.period),
        timezone.now(),
    )
    context = {"document": document, "assessment": document.assessment, "form": form, "locked_reason": locked_reason}
    return render(request, "evidence/edit.html", context)


@role_required(*UNIT_ROLES)
@require_POST
def document_delete(request: HttpRequest, pk: int) -> HttpResponse:
    document = _visible_document(request, pk)
    name = document.original_name
    try:
        evidence_delete(actor=request.user, document=document)
    except EvidenceRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, MSG_DELETED.format(name=name))
    return redirect("evidence:registry", assessment_id=document.assessment_id)


def ascii_filename(name: str) -> str:
    """The fallback for clients that ignore filename*: "Kế hoạch đợt 1.pdf" → "Ke hoach dot 1.pdf"."""
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    text = stem.replace("đ", "d").replace("Đ", "D")
    text = "".join(char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))
    text = "".join(char if char.isascii() and (char.isalnum() or char in " .-()[]") else "_" for char in text)
    if not text.strip(" ._"):
        text = "tai-lieu"  # nothing readable left (a name in another script)
    return f"{text.strip()}.{extension}" if extension else text.strip()


def content_disposition(disposition: str, name: str) -> str:
    """RFC 6266 with the RFC 5987 UTF-8 form, plus a plain ASCII name for old clients."""
    return f"{disposition}; filename=\"{ascii_filename(name)}\"; filename*=UTF-8''{quote(name, safe='')}"


def _file_response(document: EvidenceDocument, disposition: str) -> FileResponse:
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404(MSG_MISSING_FILE) from None
    response = FileResponse(handle, content_type=document.content_type)
    response["Content-Disposition"] = content_disposition(disposition, document.original_name)
    response["X-Content-Type-Options"] = "nosniff"
    # Evidence is not public: no shared cache may keep a copy.
    response["Cache-Control"] = "private, no-store"
    return response


@role_required(*EVERY_ROLE)
@require_http_methods(["GET", "HEAD"])
def document_download(request: HttpRequest, pk: int) -> FileResponse:
    return _file_response(_visible_document(request, pk), "attachment")


@role_required(*EVERY_ROLE)
@require_http_methods(["GET", "HEAD"])
@xframe_options_sameorigin
def document_preview(request: HttpRequest, pk: int) -> FileResponse:
    """PDFs and images shown in the browser (a page may frame it); Word and Excel files are downloaded."""
    document = _visible_document(request, pk)
    if document.content_type not in PREVIEWABLE:
        raise Http404(MSG_NO_SUCH_DOCUMENT)
    response = _file_response(document, "inline")
    # Whatever the file holds (a PDF with JavaScript, an SVG trick), it runs in a unique origin without
    # scripts, forms or access to this site's cookies.
    response["Content-Security-Policy"] = "sandbox; frame-ancestors 'self'"
    return response


# --- Citations: the fragment evidence/_citations.html, for the self-assessment and explanation pages ------


def _citations_fragment(
    request: HttpRequest, assessment: Assessment, code: str, stage: str, *, error: str = ""
) -> HttpResponse:
    now = timezone.now()
    readonly = not is_unit_member(request.user, assessment) or bool(
        evidence_locked_reason(assessment, stage, DeadlineBook.load(assessment.period), now)
    )
    return render(
        request,
        "evidence/_citations.html",
        {
            "assessment": assessment,
            "code": code,
            "stage": stage,
            "citations": leaf_citations(assessment, code, stage),
            "documents": [] if readonly else registry_choices(assessment),
            "readonly": readonly,
            "error": error,
        },
    )


def _after_citation_change(
    request: HttpRequest, assessment: Assessment, code: str, stage: str, error: str
) -> HttpResponse:
    if request.htmx:  # type: ignore[attr-defined]
        response = _citations_fragment(request, assessment, code, stage, error=error)
        # The page around the fragment (progress, "without evidence") listens for this.
        count = Citation.objects.filter(assessment=assessment, code=code, stage=stage).count()
        response["HX-Trigger"] = json.dumps(
            {"pi:citations-changed": {"code": code, "stage": stage, "count": count}}, ensure_ascii=True
        )
        return response
    # Without JavaScript the form posted as a whole page: back to the registry, with the outcome.
    if error:
        messages.error(request, error)
    return redirect(reverse("evidence:registry", args=[assessment.pk]))


@role_required(*EVERY_ROLE)
@require_http_methods(["GET", "POST"])
def leaf_citations_view(request: HttpRequest, assessment_id: int, stage: str, code: str) -> HttpResponse:
    """GET: the leaf's citations (fragment). POST (the unit): cite a document of the registry, then the same."""
    assessment = _visible_assessment(request, assessment_id)
    if stage not in CITABLE_STAGES:
        raise Http404(MSG_NO_SUCH_DOCUMENT)
    if request.method == "GET":
        return _citations_fragment(request, assessment, code, stage)
    if not is_unit_member(request.user, assessment):
        raise PermissionDenied(MSG_ONLY_THE_UNIT)
    form = CitationForm(request.POST)
    error = ""
    if not form.is_valid():
        error = " ".join(str(message) for messages_ in form.errors.values() for message in messages_)
    else:
        # Only this assessment's registry is searched: another unit's document id is simply not found.
        document = EvidenceDocument.objects.filter(assessment=assessment, pk=form.cleaned_data["document"]).first()
        if document is None:
            error = MSG_NOT_IN_REGISTRY
        else:
            try:
                citation_add(
                    actor=request.user,
                    document=document,
                    code=code,
                    stage=stage,
                    locator=form.cleaned_data["locator"],
                    assessment=assessment,
                )
            except EvidenceRefused as refusal:
                error = str(refusal)
    return _after_citation_change(request, assessment, code, stage, error)


@role_required(*UNIT_ROLES)
@require_POST
def citation_remove_view(request: HttpRequest, pk: int) -> HttpResponse:
    citation = get_object_or_404(citations_visible_to(request.user), pk=pk)
    assessment = citation.assessment
    error = ""
    try:
        citation_remove(actor=request.user, citation=citation)
    except EvidenceRefused as refusal:
        error = str(refusal)
    return _after_citation_change(request, assessment, citation.code, citation.stage, error)
