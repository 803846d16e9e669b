from django.apps import AppConfig


class CriteriaConfig(AppConfig):
    name = "parindex.criteria"
    verbose_name = "Bộ tiêu chí"
