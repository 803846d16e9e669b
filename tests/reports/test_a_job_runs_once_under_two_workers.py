"""Two `manage.py run_exports` workers, as two processes on one SQLite file (the default deployment), take
jobs off one queue: each job is run by exactly one of them, none is lost. The claim is a conditional UPDATE
(queued → running), which SQLite's and PostgreSQL's write locks make atomic without SELECT … FOR UPDATE."""

import os
import subprocess
import sys
from pathlib import Path

JOBS = 200
ROOT = Path(__file__).resolve().parents[2]
SETUP = f"""
from parindex.accounts.models import User
from parindex.reports.models import ExportJob
user = User.objects.create(username="sonoivu", role="organizer")
# A period that does not exist: each job fails at once with its message, so the two workers race densely.
ExportJob.objects.bulk_create(ExportJob(kind="workbook", params={{"period": 987654}}, requested_by=user)
                              for _ in range({JOBS}))
"""
REPORT = """
from parindex.reports.models import ExportJob
for job in ExportJob.objects.order_by("pk"):
    print("JOB", job.pk, job.status, job.worker)
"""


def _manage(env, *args, **kwargs):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True, **kwargs
    )


def test_two_workers_run_every_job_exactly_once(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'queue.sqlite3'}", "PYTHONPATH": str(ROOT)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    _manage(env, "migrate", "-v0")
    _manage(env, "shell", "-c", SETUP)
    workers = [
        subprocess.Popen(
            [sys.executable, "manage.py", "run_exports", "--once", "--worker", name],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("worker-1", "worker-2")
    ]
    outputs = [worker.communicate(timeout=120) for worker in workers]
    assert [worker.returncode for worker in workers] == [0, 0], outputs
    lines = _manage(env, "shell", "-c", REPORT).stdout.splitlines()
    rows = [line.split()[1:] for line in lines if line.startswith("JOB ")]

    assert len(rows) == JOBS
    assert {row[1] for row in rows} == {"failed"}  # every job finished (with its message), none left queued
    assert {row[2] for row in rows} <= {"worker-1", "worker-2"}
    done = [int(output.split("Đã xử lý ")[1].split()[0]) for output, _ in outputs]
    assert sum(done) == JOBS  # each job counted by one worker only: never run twice
    by_worker = {name: sum(row[2] == name for row in rows) for name in ("worker-1", "worker-2")}
    assert sorted(by_worker.values()) == sorted(done)
