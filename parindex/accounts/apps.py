from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "parindex.accounts"
    verbose_name = "Tài khoản"

    def ready(self) -> None:
        from parindex.accounts import signals  # noqa: F401  (connects the login audit receivers)
