"""The self-assessment report: the PDF and Excel downloads, and the head's upload of the signed copy.

Who: the unit's own officer and head, and Sở Nội vụ (organizer), the admin and the council, who see every
unit; another unit's people get 404 (assessments_visible_to), anonymous users the login page. Appraisers
get 403 for now: they read the unit's answers and evidence on their own screen, and the report adds
nothing for them but the signed copy, which is a document of the registry they can already open. Widen
READERS if Sở Nội vụ wants them to have the files too.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_POST

from parindex.accounts.models import Role
from parindex.assessments.models import Assessment
from parindex.assessments.reports.content import SelfAssessmentReport, self_assessment_report
from parindex.assessments.reports.forms import SignedReportForm
from parindex.assessments.reports.pdf import report_pdf
from parindex.assessments.reports.services import SignedReportRefused, assessment_attach_signed_report
from parindex.assessments.reports.xlsx import report_xlsx
from parindex.assessments.selectors import UNIT_ROLES, assessments_visible_to
from parindex.core.permissions import role_required

READERS = (*UNIT_ROLES, Role.ORGANIZER, Role.ADMIN, Role.COUNCIL)
PDF_TYPE = "application/pdf"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MSG_ATTACHED = "Đã đính kèm báo cáo tự đánh giá đã ký “{name}”."


def _visible(request: HttpRequest, pk: int) -> Assessment:
    # Another unit's assessment is "not found": its existence is not the user's to know.
    return get_object_or_404(assessments_visible_to(request.user), pk=pk)


def _report(request: HttpRequest, pk: int) -> SelfAssessmentReport:
    return self_assessment_report(_visible(request, pk))


def _attachment(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    disposition = content_disposition_header(as_attachment=True, filename=filename)
    assert disposition is not None  # always a header for an attachment
    response["Content-Disposition"] = disposition
    response["X-Content-Type-Options"] = "nosniff"
    # A unit's figures before appraisal are not public: no shared cache may keep a copy.
    patch_cache_control(response, private=True, no_store=True)
    return response


@role_required(*READERS)
@require_GET
def report_pdf_view(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    return _attachment(report_pdf(report), f"{report.filename_stem}.pdf", PDF_TYPE)


@role_required(*READERS)
@require_GET
def report_xlsx_view(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    return _attachment(report_xlsx(report), f"{report.filename_stem}.xlsx", XLSX_TYPE)


@role_required(Role.UNIT_HEAD)
@require_POST
def signed_report_upload(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _visible(request, pk)
    if getattr(request.user, "unit_id", None) != assessment.unit_id:
        raise Http404
    form = SignedReportForm(request.POST, request.FILES)
    if not form.is_valid():
        for error in form.errors.get("file", []):
            messages.error(request, str(error))
    else:
        try:
            document = assessment_attach_signed_report(
                actor=request.user, assessment=assessment, uploaded_file=form.cleaned_data["file"]
            )
        except SignedReportRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, MSG_ATTACHED.format(name=document.original_name))
    return redirect(reverse("assessments:self_assessment", args=[assessment.pk]) + "#bao-cao")
