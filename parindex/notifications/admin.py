from django.contrib import admin

from parindex.notifications.models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """Read-only, for support ("did the head get the e-mail?"): notifications are made only by notify()."""

    list_display = ("created_at", "recipient", "kind", "title", "read_at", "email_sent_at")
    list_filter = ("kind", "created_at")
    search_fields = ("title", "recipient__username", "recipient__full_name", "dedupe_key")
    list_select_related = ("recipient",)
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
