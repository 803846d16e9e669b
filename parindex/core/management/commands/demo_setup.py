from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from parindex.core.demo import DEMO_URL, demo_accounts_table, demo_setup

DEMO_REFUSED_IN_PRODUCTION = (
    "Không chạy demo_setup trên máy chủ thật: lệnh này tạo tài khoản quản trị với mật khẩu công khai. "
    "Nếu thực sự cần, thêm --cho-phep-production."
)


class Command(BaseCommand):
    help = "Tạo dữ liệu minh họa (Tỉnh Minh Họa: nhóm đơn vị, đơn vị, tài khoản mẫu). Chạy lại không tạo trùng."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--cho-phep-production", action="store_true", dest="allow_production")

    def handle(self, *args: Any, **options: Any) -> None:
        if getattr(settings, "PRODUCTION", False) and not options["allow_production"]:
            raise CommandError(DEMO_REFUSED_IN_PRODUCTION)
        demo_setup(stdout=self.stdout)
        self.stdout.write("\nTài khoản minh họa (mật khẩu chỉ được đặt khi tạo tài khoản lần đầu):\n")
        self.stdout.write(demo_accounts_table())
        self.stdout.write(f"\nMở {DEMO_URL} và đăng nhập bằng một trong các tài khoản trên.")
