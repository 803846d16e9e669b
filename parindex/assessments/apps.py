from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "parindex.assessments"
    verbose_name = "Tự đánh giá và thẩm định"
