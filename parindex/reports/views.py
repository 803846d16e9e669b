"""The exports' pages: what may be exported, a job's progress (polled by htmx) and its download, and a unit's
detailed scoring sheet (small: made during the request).

Who may have what is decided in reports.selectors; these views only ask.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_POST

from parindex.core.permissions import role_required
from parindex.council.selectors import rank_visible_to
from parindex.reports.forms import ExportForm
from parindex.reports.models import ExportJob, ExportStatus
from parindex.reports.selectors import (
    EXPORTERS,
    UNIT_SHEET_READERS,
    exportable_periods,
    job_subject,
    jobs_visible_to,
    unit_sheet_assessments_visible_to,
)
from parindex.reports.services import ExportRefused, export_request
from parindex.reports.unit_sheet import filename as unit_sheet_filename
from parindex.reports.unit_sheet import unit_sheet_xlsx

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
RECENT_JOBS = 20
MSG_QUEUED = "Đã nhận yêu cầu; tệp đang được tạo, trang này tự cập nhật tiến độ."
MSG_NOT_READY = "Tệp chưa tạo xong."


def _private(response: HttpResponseBase) -> HttpResponseBase:
    response["X-Content-Type-Options"] = "nosniff"
    # Figures before publication are not public: no shared cache may keep a copy.
    patch_cache_control(response, private=True, no_store=True)
    return response


def _index(request: HttpRequest, *, status: int = 200) -> HttpResponse:
    context = {
        "periods": exportable_periods(),
        "jobs": list(jobs_visible_to(request.user)[:RECENT_JOBS]),
    }
    return render(request, "reports/index.html", context, status=status)


@role_required(*EXPORTERS)
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    return _index(request)


@role_required(*EXPORTERS)
@require_POST
def export(request: HttpRequest) -> HttpResponse:
    form = ExportForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return _index(request, status=400)
    try:
        job = export_request(
            actor=request.user,
            kind=form.cleaned_data["kind"],
            period=form.cleaned_data["period"],
            group=form.cleaned_data["group"],
        )
    except ExportRefused as refused:
        messages.error(request, str(refused))
        return _index(request, status=400)
    messages.success(request, MSG_QUEUED)
    return redirect("reports:job", pk=job.pk)


def _job(request: HttpRequest, pk: int) -> ExportJob:
    # Another person's job is "not found": what they export is not the user's to know.
    return get_object_or_404(jobs_visible_to(request.user), pk=pk)


@role_required(*EXPORTERS)
@require_GET
def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = _job(request, pk)
    if getattr(request, "htmx", False):
        response = render(request, "reports/_job_status.html", {"job": job})
    else:
        response = render(request, "reports/job.html", {"job": job, "subject": job_subject(job)})
    patch_cache_control(response, no_store=True)  # polled: always the state of now
    return response


@role_required(*EXPORTERS)
@require_GET
def job_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    job = _job(request, pk)
    if job.status != ExportStatus.DONE or not job.file:
        messages.info(request, MSG_NOT_READY)
        return redirect("reports:job", pk=job.pk)
    return _private(FileResponse(job.file.open("rb"), as_attachment=True, filename=job.filename))


@role_required(*UNIT_SHEET_READERS)
@require_GET
def unit_sheet(request: HttpRequest, pk: int) -> HttpResponseBase:
    # Another unit's sheet, or one's own before the appraisal is done, is "not found".
    assessment = get_object_or_404(unit_sheet_assessments_visible_to(request.user), pk=pk)
    content = unit_sheet_xlsx(assessment, show_rank=rank_visible_to(request.user, assessment))
    response = HttpResponse(content, content_type=XLSX_TYPE)
    disposition = content_disposition_header(as_attachment=True, filename=unit_sheet_filename(assessment))
    assert disposition is not None  # always a header for an attachment
    response["Content-Disposition"] = disposition
    return _private(response)
