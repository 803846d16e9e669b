from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "parindex.portal"
    verbose_name = "Cổng công khai kết quả"
