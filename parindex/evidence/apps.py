from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "parindex.evidence"
    verbose_name = "Tài liệu kiểm chứng"
