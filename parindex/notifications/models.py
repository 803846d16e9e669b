"""In-app notifications, each optionally e-mailed once. Written only through parindex.notifications.services."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    PHASE_OPENED = "phase_opened", _("Mở giai đoạn")
    SUBMITTED = "submitted", _("Đã chốt, gửi")
    EXPLANATION_REQUESTED = "explanation_requested", _("Yêu cầu giải trình")
    DEADLINE_SOON = "deadline_soon", _("Sắp đến hạn")
    RESULTS_PUBLISHED = "results_published", _("Công bố kết quả")
    INFO = "info", _("Thông tin")


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("người nhận"),
    )
    kind = models.CharField(_("loại"), max_length=30, choices=Kind.choices, default=Kind.INFO)
    title = models.CharField(_("tiêu đề"), max_length=255)
    body = models.TextField(_("nội dung"), blank=True)
    # Always a path on this site ("/tu-danh-gia/12/"): the e-mail prefixes PARINDEX_BASE_URL, and the
    # "open" view refuses to redirect anywhere else.
    link = models.CharField(_("đường dẫn"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("thời điểm tạo"), default=timezone.now)
    read_at = models.DateTimeField(_("thời điểm đọc"), null=True, blank=True)
    email_sent_at = models.DateTimeField(_("thời điểm gửi thư"), null=True, blank=True)
    # A reminder carries a key such as "deadline:7:self_assessment:12:2025-12-15:3"; the database refuses a
    # second row with the same key for the same person, so a job run twice never notifies twice.
    dedupe_key = models.CharField(_("khóa chống trùng"), max_length=200, blank=True)

    class Meta:
        ordering = ("-created_at", "-id")
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        constraints = (
            models.UniqueConstraint(
                fields=("recipient", "dedupe_key"),
                condition=~Q(dedupe_key=""),
                name="notification_unique_dedupe_key_per_recipient",
            ),
        )
        indexes = (
            # The list page: one person's notifications, newest first.
            models.Index(fields=("recipient", "-created_at", "-id"), name="notification_recipient_recent"),
            # The navbar badge on every page: count one person's unread rows without reading the rest.
            models.Index(fields=("recipient",), condition=Q(read_at__isnull=True), name="notification_unread"),
        )

    def __str__(self) -> str:
        return self.title

    @property
    def is_read(self) -> bool:
        return self.read_at is not None
