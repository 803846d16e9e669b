"""Daily job (cron): remind people 3 days and 1 day before a phase's deadline. Safe to run again."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from parindex.notifications.reminders import (
    PROVIDER_MODULE,
    PROVIDER_NAME,
    deadline_reminders_send,
    reminder_provider,
)

NO_PROVIDER = f"Chưa có nguồn hạn chót ({PROVIDER_MODULE}.{PROVIDER_NAME}): không có gì để nhắc."
SUMMARY = (
    "Nhắc hạn: {notifications} thông báo mới cho {reminders} lượt nhắc; "
    "{already_sent} lượt đã nhắc trước đó; {ignored} lượt không đúng ngày nhắc."
)
FAILED = "{failed} lượt nhắc không gửi được; xem nhật ký lỗi."


class Command(BaseCommand):
    help = (
        "Gửi thông báo nhắc hạn (còn 3 ngày, còn 1 ngày) cho từng giai đoạn. Chạy mỗi ngày; chạy lại không gửi trùng."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        provider = reminder_provider()
        if provider is None:
            self.stdout.write(NO_PROVIDER)
            return
        run = deadline_reminders_send(now=timezone.now(), provider=provider)
        self.stdout.write(
            SUMMARY.format(
                notifications=run.notifications,
                reminders=run.reminders,
                already_sent=run.already_sent,
                ignored=run.ignored,
            )
        )
        if run.failed:
            # A non-zero exit, so cron's mail (or the monitoring) notices.
            raise CommandError(FAILED.format(failed=run.failed))
