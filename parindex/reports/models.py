"""A background export (ExportJob): what was asked, by whom, how far it got, and the file it made.

Several workers (the in-process thread after a request, `manage.py run_exports` on other machines) may look
at one queue: a job is taken with a conditional UPDATE (queued → running), so exactly one of them runs it, on
SQLite (where select_for_update does nothing) as on PostgreSQL.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ExportKind(models.TextChoices):
    WORKBOOK = "workbook", _("Bảng tổng hợp kết quả (Excel)")
    COUNCIL_REPORT = "council_report", _("Báo cáo trình Hội đồng (PDF)")
    ANNEX = "annex", _("Phụ lục kết quả kèm theo Quyết định (PDF)")


class ExportStatus(models.TextChoices):
    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang tạo tệp")
    DONE = "done", _("Đã xong")
    FAILED = "failed", _("Không thành công")


class ExportJob(models.Model):
    kind = models.CharField(_("loại tệp"), max_length=32, choices=ExportKind.choices)
    # {"period": id} and, for the per-group PDFs, {"group": id}: what the worker needs to build the file again.
    params = models.JSONField(_("tham số"), default=dict)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("trạng thái"), max_length=16, choices=ExportStatus.choices, default="queued")
    progress = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    file = models.FileField(_("tệp"), upload_to="exports/%Y/%m/", blank=True)
    filename = models.CharField(_("tên tệp tải về"), max_length=200, blank=True)
    error = models.TextField(_("lỗi"), blank=True)
    worker = models.CharField(_("tiến trình thực hiện"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("thời điểm yêu cầu"), auto_now_add=True)
    started_at = models.DateTimeField(_("thời điểm bắt đầu"), null=True, blank=True)
    finished_at = models.DateTimeField(_("thời điểm xong"), null=True, blank=True)

    class Meta:
        ordering = ("-created_at", "-pk")
        verbose_name = _("yêu cầu xuất tệp")
        verbose_name_plural = _("yêu cầu xuất tệp")
        indexes = (models.Index(fields=("status", "created_at"), name="reports_job_queue"),)

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.get_status_display()}"

    @property
    def finished(self) -> bool:
        return self.status in (ExportStatus.DONE, ExportStatus.FAILED)
