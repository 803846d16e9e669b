from django.contrib import admin

from parindex.audit.admin import AuditedModelAdmin
from parindex.organization.models import Unit, UnitGroup


@admin.register(UnitGroup)
class UnitGroupAdmin(AuditedModelAdmin):
    list_display = ("name", "code", "ordering")
    search_fields = ("name", "code")
    ordering = ("ordering", "name")


@admin.register(Unit)
class UnitAdmin(AuditedModelAdmin):
    list_display = ("name", "code", "short_name", "group", "active_from", "active_to", "merged_into", "merged_on")
    list_filter = ("group",)
    search_fields = ("name", "short_name", "code")
    list_select_related = ("group", "merged_into")
    autocomplete_fields = ("merged_into",)
    fieldsets = (
        (None, {"fields": ("code", "name", "short_name", "group")}),
        ("Thời gian hoạt động", {"fields": ("active_from", "active_to")}),
        ("Sáp nhập", {"fields": ("merged_into", "merged_on")}),
    )
