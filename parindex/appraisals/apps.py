from django.apps import AppConfig


class AppraisalsConfig(AppConfig):
    name = "parindex.appraisals"
    verbose_name = "Thẩm định"
