"""Writes of the exports: asking for a file, and running the job that makes it.

A job is run by exactly one worker: `export_claim` moves it from queued to running with one conditional
UPDATE, which only one of several workers racing for it can win (SQLite has no SELECT … FOR UPDATE). By
default the web process runs it itself in a thread started after the request's transaction commits
(settings.PARINDEX_EXPORTS_IN_PROCESS); dedicated workers run `manage.py run_exports` instead, or as well.
"""

from __future__ import annotations

import logging
import os
import threading
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.utils import timezone

from parindex.audit.services import audit_record
from parindex.council.selectors import group_results
from parindex.organization.models import UnitGroup
from parindex.periods.models import Period, PeriodGroup
from parindex.reports.models import ExportJob, ExportKind, ExportStatus
from parindex.reports.selectors import may_export, period_groups

logger = logging.getLogger(__name__)

MSG_NOT_ALLOWED = "Chỉ Sở Nội vụ, Hội đồng và quản trị hệ thống được xuất báo cáo tổng hợp."
MSG_KIND_UNKNOWN = "Loại báo cáo không hợp lệ."
MSG_GROUP_NEEDED = "Cần chọn nhóm đơn vị cho báo cáo này."
MSG_GROUP_NOT_IN_PERIOD = "Nhóm đơn vị đã chọn không có trong kỳ đánh giá này."
MSG_FAILED = "Không tạo được tệp do lỗi hệ thống; đề nghị thử lại hoặc báo quản trị hệ thống."
MSG_PERIOD_GONE = "Kỳ đánh giá hoặc nhóm đơn vị của yêu cầu này không còn tồn tại."
MSG_INTERRUPTED = "Tiến trình tạo tệp bị gián đoạn (máy chủ khởi động lại?); đề nghị yêu cầu xuất lại."
# A job still "running" this long after it started lost its worker (a restart, a killed process): the largest
# export takes seconds. It is marked failed, never queued again: a worker that is only slow must not have its
# job run a second time beside it.
STALE_AFTER = timedelta(minutes=30)
PER_GROUP = (ExportKind.COUNCIL_REPORT, ExportKind.ANNEX)


class ExportRefused(Exception):
    pass


def export_request(*, actor: Any, kind: str, period: Period, group: UnitGroup | None = None) -> ExportJob:
    """Queue a file; the caller's transaction commits it and (by default) a thread then makes it."""
    if not may_export(actor):
        raise ExportRefused(MSG_NOT_ALLOWED)
    if kind not in ExportKind.values:
        raise ExportRefused(MSG_KIND_UNKNOWN)
    params: dict[str, int] = {"period": period.pk}
    if kind in PER_GROUP:
        if group is None:
            raise ExportRefused(MSG_GROUP_NEEDED)
        if not PeriodGroup.objects.filter(period=period, group=group).exists():
            raise ExportRefused(MSG_GROUP_NOT_IN_PERIOD)
        params["group"] = group.pk
    with transaction.atomic():
        job = ExportJob.objects.create(kind=kind, params=params, requested_by=actor)
        audit_record(
            actor=actor,
            action="export.requested",
            target=job,
            summary=f"Yêu cầu xuất {job.get_kind_display()} · {period.name}",
            after={"kind": kind, **params},
        )
        if settings.PARINDEX_EXPORTS_IN_PROCESS:
            transaction.on_commit(lambda: start_in_thread(job.pk))
    return job


def start_in_thread(job_id: int) -> threading.Thread:
    thread = threading.Thread(target=_run_in_thread, args=(job_id,), name=f"export-{job_id}", daemon=True)
    thread.start()
    return thread


def _run_in_thread(job_id: int) -> None:
    try:
        export_run(job_id=job_id, worker=f"thread:{os.getpid()}:{threading.get_ident()}")
    finally:
        connection.close()  # the thread's own connection: nobody else will close it


def export_claim(*, job_id: int, worker: str) -> bool:
    """Take the job if it is still queued. True for exactly one caller, however many race for it."""
    taken = ExportJob.objects.filter(pk=job_id, status=ExportStatus.QUEUED).update(
        status=ExportStatus.RUNNING, worker=worker[:100], started_at=timezone.now(), progress=1
    )
    return taken == 1


def export_claim_next(*, worker: str) -> int | None:
    """The oldest queued job, claimed; None when the queue is empty. A job another worker takes between
    our read and our update is skipped for the next one."""
    while True:
        job_id = (
            ExportJob.objects.filter(status=ExportStatus.QUEUED)
            .order_by("created_at", "pk")
            .values_list("pk", flat=True)
            .first()
        )
        if job_id is None:
            return None
        if export_claim(job_id=job_id, worker=worker):
            return job_id


def export_fail_stale(*, now: Any = None) -> int:
    """Mark the jobs whose worker died as failed, with a message saying so; the number of them."""
    limit = (now or timezone.now()) - STALE_AFTER
    return ExportJob.objects.filter(status=ExportStatus.RUNNING, started_at__lt=limit).update(
        status=ExportStatus.FAILED, error=MSG_INTERRUPTED, finished_at=timezone.now()
    )


def _progress(job_id: int, percent: int) -> None:
    ExportJob.objects.filter(pk=job_id, status=ExportStatus.RUNNING).update(progress=max(1, min(99, percent)))


def export_run(*, job_id: int, worker: str) -> bool:
    """Claim and run the job; False when another worker has it (or had it). A failure is kept on the job
    with a message for its requester; the traceback goes to the log."""
    if not export_claim(job_id=job_id, worker=worker):
        return False
    execute_claimed(job_id)
    return True


def execute_claimed(job_id: int) -> None:
    job = ExportJob.objects.get(pk=job_id)
    try:
        content, filename = _build(job)
    except (Period.DoesNotExist, UnitGroup.DoesNotExist, PeriodGroup.DoesNotExist):
        _fail(job, MSG_PERIOD_GONE)
        return
    except Exception:
        logger.exception("export %s (%s) failed", job.pk, job.kind)
        _fail(job, MSG_FAILED)
        return
    job.file.save(filename, ContentFile(content), save=False)
    ExportJob.objects.filter(pk=job.pk).update(
        file=job.file.name, filename=filename, status=ExportStatus.DONE, progress=100, finished_at=timezone.now()
    )


def _fail(job: ExportJob, message: str) -> None:
    ExportJob.objects.filter(pk=job.pk).update(status=ExportStatus.FAILED, error=message, finished_at=timezone.now())


def _build(job: ExportJob) -> tuple[bytes, str]:
    from parindex.reports import pdf, workbook

    period = Period.objects.get(pk=job.params["period"])
    year = period.year
    if job.kind == ExportKind.WORKBOOK:
        groups = period_groups(period)
        all_results = []
        for position, period_group in enumerate(groups, start=1):
            all_results.append(group_results(period, period_group.group))
            _progress(job.pk, 40 * position // max(len(groups), 1))
        content = workbook.results_workbook(
            all_results, progress=lambda done, total: _progress(job.pk, 40 + 55 * done // total)
        )
        return content, f"ket-qua-chi-so-cchc-{year}-ky-{period.pk}.xlsx"
    group = UnitGroup.objects.get(pk=job.params["group"])
    results = group_results(period, group)
    _progress(job.pk, 20)

    def step(percent: int) -> None:
        _progress(job.pk, percent)

    if job.kind == ExportKind.COUNCIL_REPORT:
        return pdf.council_report_pdf(results, step), f"bao-cao-trinh-hoi-dong-{year}-{group.code}.pdf"
    if job.kind == ExportKind.ANNEX:
        return pdf.annex_pdf(results, step), f"phu-luc-ket-qua-{year}-{group.code}.pdf"
    raise ValueError(f"unknown export kind {job.kind!r}")
