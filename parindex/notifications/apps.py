from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "parindex.notifications"
    verbose_name = "Thông báo"
