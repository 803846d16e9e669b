"""By default the web process makes the file itself, in a thread started once the request's transaction has
committed (never before: the thread would not see the job)."""

import threading

import pytest
from django.db import connections, transaction

from parindex.reports import services
from parindex.reports.models import ExportJob, ExportStatus
from tests.reports.helpers import open_workbook


@pytest.mark.django_db(transaction=True)
def test_the_job_runs_in_a_thread_after_commit(approved, organizer, settings, monkeypatch):
    settings.PARINDEX_EXPORTS_IN_PROCESS = True
    started: list[threading.Thread] = []

    def start(job_id):
        thread = real_start(job_id)
        started.append(thread)
        return thread

    real_start = services.start_in_thread
    monkeypatch.setattr(services, "start_in_thread", start)
    with transaction.atomic():
        job = services.export_request(actor=organizer, kind="workbook", period=approved.period)
        assert started == []  # not before the commit
    assert len(started) == 1
    started[0].join(timeout=60)
    assert not started[0].is_alive()
    connections.close_all()

    job = ExportJob.objects.get(pk=job.pk)
    assert job.status == ExportStatus.DONE, job.error
    assert job.worker.startswith("thread:")
    assert open_workbook(job.file.read()).sheetnames == [approved.group.name]
