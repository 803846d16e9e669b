from django.apps import AppConfig


class IndicesConfig(AppConfig):
    name = "parindex.indices"
    verbose_name = "Chỉ số của tỉnh"
