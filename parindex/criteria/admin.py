from django.contrib import admin

from parindex.criteria.models import CriteriaSetVersion


@admin.register(CriteriaSetVersion)
class CriteriaSetVersionAdmin(admin.ModelAdmin):
    """Read-only here: sets are uploaded, cloned and issued through the organizer's screens, with audit events."""

    list_display = ("name", "year", "group", "version", "status", "leaf_count", "created_at")
    list_filter = ("year", "group", "status")
    search_fields = ("name",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
