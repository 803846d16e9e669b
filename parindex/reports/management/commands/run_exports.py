"""Run queued exports in a dedicated worker: `manage.py run_exports` (until stopped) or `--once` (empty the
queue and exit, e.g. from cron). Several may run at once, on several machines: each job is claimed by one."""

from __future__ import annotations

import os
import socket
import time
from typing import Any

from django.core.management.base import BaseCommand

from parindex.reports.services import execute_claimed, export_claim_next, export_fail_stale


class Command(BaseCommand):
    help = "Tạo các tệp báo cáo đang chờ (Excel, PDF) ngoài tiến trình web."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--once", action="store_true", help="Chạy hết hàng đợi rồi dừng.")
        parser.add_argument("--interval", type=float, default=2.0, help="Số giây chờ khi hàng đợi trống.")
        parser.add_argument("--worker", default="", help="Tên tiến trình ghi vào yêu cầu (mặc định: máy:pid).")

    def handle(self, *args: Any, once: bool, interval: float, worker: str, **options: Any) -> None:
        name = worker or f"{socket.gethostname()}:{os.getpid()}"
        done = 0
        stale = export_fail_stale()
        if stale:
            self.stdout.write(f"{stale} yêu cầu bị gián đoạn đã được đánh dấu không thành công.")
        while True:
            job_id = export_claim_next(worker=name)
            if job_id is None:
                if once:
                    break
                time.sleep(interval)
                continue
            execute_claimed(job_id)
            done += 1
        self.stdout.write(f"Đã xử lý {done} yêu cầu xuất tệp.")
