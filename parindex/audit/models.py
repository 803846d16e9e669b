"""The audit log: append-only, and tamper-evident through a SHA-256 hash chain.

Each event stores the hash of the event before it (`prev_hash`) and its own `hash`, computed over a canonical
JSON of its fields plus `prev_hash`. Editing, inserting or deleting a row in the database therefore breaks the
chain at that point, which `audit_verify_chain()` finds. The ORM refuses updates and deletes outright; on
PostgreSQL a trigger refuses them too (migration 0002), so only someone who can alter the table can tamper,
and even then the chain shows it.
"""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

GENESIS_HASH = "0" * 64

AUDIT_EVENT_IMMUTABLE = _("Nhật ký hệ thống chỉ được ghi thêm; không được sửa hoặc xóa sự kiện đã ghi.")
AUDIT_EVENT_NOT_FROM_SERVICE = _("Sự kiện nhật ký chỉ được tạo qua audit_record().")


class AuditLogImmutableError(Exception):
    """Raised on any attempt to change or remove an audit event through the ORM."""


def _refuse(message: Any = AUDIT_EVENT_IMMUTABLE) -> NoReturn:
    raise AuditLogImmutableError(str(message))


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    # Bulk paths bypass Model.save()/delete(), so they are closed here as well.
    def update(self, **kwargs: Any) -> int:
        _refuse()

    def delete(self) -> tuple[int, dict[str, int]]:
        _refuse()

    def bulk_update(self, objs: Any, fields: Any, batch_size: int | None = None) -> int:
        _refuse()

    def bulk_create(self, objs: Any, *args: Any, **kwargs: Any) -> list[AuditEvent]:
        # bulk_create would skip the chain; events are written one at a time by audit_record().
        _refuse(AUDIT_EVENT_NOT_FROM_SERVICE)


class AuditEvent(models.Model):
    at = models.DateTimeField(_("thời điểm"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,  # an account with history is deactivated, never deleted
        null=True,
        blank=True,
        related_name="audit_events",
        verbose_name=_("người thực hiện"),
        help_text=_("Để trống khi hệ thống tự thực hiện."),
    )
    action = models.CharField(_("hành động"), max_length=100, db_index=True)
    target_type = models.CharField(_("loại đối tượng"), max_length=100, blank=True)
    target_id = models.CharField(_("mã đối tượng"), max_length=64, blank=True)
    summary = models.TextField(_("tóm tắt"), blank=True)
    before = models.JSONField(_("trước khi thay đổi"), null=True, blank=True)
    after = models.JSONField(_("sau khi thay đổi"), null=True, blank=True)
    # Unique prev_hash: two events can never follow the same one, so even a failure of the chain lock
    # could not fork the chain; the second writer would get an IntegrityError instead.
    prev_hash = models.CharField(_("mã băm sự kiện trước"), max_length=64, unique=True)
    hash = models.CharField(_("mã băm"), max_length=64, unique=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ("-id",)
        verbose_name = _("sự kiện nhật ký")
        verbose_name_plural = _("nhật ký hệ thống")
        indexes = (models.Index(fields=["target_type", "target_id"], name="audit_target_idx"),)

    def __str__(self) -> str:
        return f"#{self.pk} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            _refuse()
        if not self.hash:
            _refuse(AUDIT_EVENT_NOT_FROM_SERVICE)
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        _refuse()
