from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "parindex.core"
    verbose_name = "Lõi hệ thống"

    def ready(self) -> None:
        from parindex.core import signals  # noqa: F401  (records the login time for the absolute lifetime)
