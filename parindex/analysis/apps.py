from django.apps import AppConfig


class AnalysisConfig(AppConfig):
    name = "parindex.analysis"
    verbose_name = "Phân tích kết quả"
