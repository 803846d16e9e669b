from django.apps import AppConfig


class CouncilConfig(AppConfig):
    name = "parindex.council"
    verbose_name = "Hội đồng đánh giá"
