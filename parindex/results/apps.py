from django.apps import AppConfig


class ResultsConfig(AppConfig):
    name = "parindex.results"
    verbose_name = "Kết quả qua các năm"
