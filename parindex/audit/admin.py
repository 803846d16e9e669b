from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest

from parindex.audit.models import AuditEvent
from parindex.audit.services import audit_record, model_snapshot


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the log is looked at, never edited, from the admin."""

    list_display = ("id", "at", "actor", "action", "target_type", "target_id", "summary")
    list_filter = ("action", "target_type")
    search_fields = ("summary", "action", "target_id", "actor__username")
    date_hierarchy = "at"
    list_select_related = ("actor",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class AuditedModelAdmin(admin.ModelAdmin):
    """Records every add, change and delete made through the admin in the audit log, with before and after.

    The admin already runs each of these in a transaction, so the event commits with the change.
    """

    def _action(self, obj: models.Model, verb: str) -> str:
        return f"{obj._meta.model_name}.{verb}"

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        before = None
        if change:
            before = model_snapshot(type(obj)._default_manager.get(pk=obj.pk))
        super().save_model(request, obj, form, change)
        verb = "updated" if change else "created"
        audit_record(
            actor=request.user,
            action=self._action(obj, verb),
            target=obj,
            summary=f"{'Sửa' if change else 'Tạo'} {obj._meta.verbose_name} “{obj}” trong trang quản trị.",
            before=before,
            after=model_snapshot(obj),
        )

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        before = model_snapshot(obj)
        target_label = str(obj)
        audit_record(
            actor=request.user,
            action=self._action(obj, "deleted"),
            target=obj,
            summary=f"Xóa {obj._meta.verbose_name} “{target_label}” trong trang quản trị.",
            before=before,
        )
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        for obj in queryset:
            audit_record(
                actor=request.user,
                action=self._action(obj, "deleted"),
                target=obj,
                summary=f"Xóa {obj._meta.verbose_name} “{obj}” trong trang quản trị.",
                before=model_snapshot(obj),
            )
        super().delete_queryset(request, queryset)
