from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "parindex.reports"
    verbose_name = "Báo cáo, xuất tệp"
