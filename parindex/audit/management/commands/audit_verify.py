from typing import Any

from django.core.management.base import BaseCommand, CommandError

from parindex.audit.models import AuditEvent
from parindex.audit.services import audit_verify_chain


class Command(BaseCommand):
    help = "Kiểm tra tính toàn vẹn của chuỗi mã băm trong nhật ký hệ thống (dùng cho lịch chạy định kỳ)."

    def handle(self, *args: Any, **options: Any) -> None:
        problems = audit_verify_chain()
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(f"Nhật ký hệ thống có {len(problems)} lỗi toàn vẹn.")
        self.stdout.write(f"Nhật ký hệ thống toàn vẹn ({AuditEvent.objects.count()} sự kiện).")
