"""The self-assessment report: the PDF and Excel downloads.

Who: the unit's own officer and head, and Sở Nội vụ (organizer), the admin and the council, who see every
unit; another unit's people get 404 (assessments_visible_to), anonymous users the login page. Appraisers
get 403 for now: they read the unit's answers and evidence on their own screen, and the report adds
nothing for them but the signed copy, which is a document of the registry they can already open. Widen
READERS if Sở Nội vụ wants them to have the files too.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from parindex.accounts.models import Role
from parindex.assessments.models import Assessment
from parindex.assessments.reports.content import SelfAssessmentReport, self_assessment_report
from parindex.assessments.reports.pdf import report_pdf
from parindex.assessments.reports.xlsx import report_xlsx
from parindex.assessments.selectors import UNIT_ROLES, assessments_visible_to
from parindex.core.permissions import role_required

READERS = (*UNIT_ROLES, Role.ORGANIZER, Role.ADMIN, Role.COUNCIL)
PDF_TYPE = "application/pdf"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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
