"""Background exports: asked for on the reports page, made by one worker, followed on a page polled by htmx,
downloaded by the requester only; bad requests answered in Vietnamese."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from parindex.audit.models import AuditEvent
from parindex.reports.models import ExportJob, ExportKind, ExportStatus
from parindex.reports.services import (
    MSG_GROUP_NEEDED,
    MSG_GROUP_NOT_IN_PERIOD,
    MSG_INTERRUPTED,
    MSG_NOT_ALLOWED,
    STALE_AFTER,
    ExportRefused,
    export_claim,
    export_fail_stale,
    export_request,
    export_run,
)
from tests.factories import UnitGroupFactory
from tests.reports.helpers import open_workbook, pdf_text


def _messages(response):
    return [str(message) for message in response.context["messages"]]


def _ask(client, user, **data):
    client.force_login(user)
    return client.post("/bao-cao/xuat/", data)


def test_asking_queues_a_job_and_sends_the_requester_to_its_page(client, organizer, approved):
    response = _ask(client, organizer, kind="workbook", period=approved.period.pk)
    job = ExportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/bao-cao/tep/{job.pk}/"
    assert (job.kind, job.status, job.requested_by, job.params) == (
        ExportKind.WORKBOOK,
        ExportStatus.QUEUED,
        organizer,
        {"period": approved.period.pk},
    )
    assert AuditEvent.objects.filter(action="export.requested").count() == 1
    page = client.get(response["Location"])
    assert 'hx-trigger="every 2s"' in page.content.decode()
    assert "Đang chờ" in page.content.decode()


def test_a_job_run_makes_the_file_and_the_page_offers_the_download(client, organizer, approved):
    _ask(client, organizer, kind="workbook", period=approved.period.pk)
    job = ExportJob.objects.get()
    assert export_run(job_id=job.pk, worker="test") is True
    job.refresh_from_db()
    assert (job.status, job.progress, job.error) == (ExportStatus.DONE, 100, "")
    assert job.filename == f"ket-qua-chi-so-cchc-2025-ky-{approved.period.pk}.xlsx"

    partial = client.get(f"/bao-cao/tep/{job.pk}/", headers={"HX-Request": "true"}).content.decode()
    assert "hx-trigger" not in partial  # finished: the page stops asking
    assert f'href="/bao-cao/tep/{job.pk}/tai-ve/"' in partial
    download = client.get(f"/bao-cao/tep/{job.pk}/tai-ve/")
    assert download.status_code == 200
    assert "no-store" in download["Cache-Control"]
    book = open_workbook(b"".join(download.streaming_content))
    assert book.sheetnames == [approved.group.name]


@pytest.mark.parametrize(("kind", "words"), [("council_report", "BÁO CÁO"), ("annex", "Phụ lục")])
def test_the_pdfs_are_made_in_the_background_too(client, organizer, approved, kind, words):
    _ask(client, organizer, kind=kind, period=approved.period.pk, group=approved.group.pk)
    job = ExportJob.objects.get()
    export_run(job_id=job.pk, worker="test")
    job.refresh_from_db()
    assert job.status == ExportStatus.DONE, job.error
    text = pdf_text(job.file.read())
    assert words in text
    assert "Sở Tư pháp" in text


def test_a_download_before_the_file_is_ready_goes_back_to_the_progress_page(client, organizer, approved):
    _ask(client, organizer, kind="workbook", period=approved.period.pk)
    job = ExportJob.objects.get()
    response = client.get(f"/bao-cao/tep/{job.pk}/tai-ve/")
    assert response.status_code == 302
    assert response["Location"] == f"/bao-cao/tep/{job.pk}/"


def test_only_the_requester_opens_the_job_and_its_file(client, organizer, council, admin_user, approved):
    _ask(client, organizer, kind="workbook", period=approved.period.pk)
    job = ExportJob.objects.get()
    export_run(job_id=job.pk, worker="test")
    for other in (council, admin_user):
        client.force_login(other)
        assert client.get(f"/bao-cao/tep/{job.pk}/").status_code == 404
        assert client.get(f"/bao-cao/tep/{job.pk}/tai-ve/").status_code == 404


def test_units_and_appraisers_may_not_export(client, approved, appraiser):
    officer, head = approved.people["a"]
    for user in (officer, head, appraiser):
        response = _ask(client, user, kind="workbook", period=approved.period.pk)
        assert response.status_code == 403
        assert client.get("/bao-cao/").status_code == 403
    assert not ExportJob.objects.exists()
    with pytest.raises(ExportRefused, match=MSG_NOT_ALLOWED):
        export_request(actor=officer, kind="workbook", period=approved.period)


def test_anonymous_visitors_are_sent_to_sign_in(client, approved):
    for url in ("/bao-cao/", "/bao-cao/tep/1/", "/bao-cao/tep/1/tai-ve/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/dang-nhap/")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "bang-tinh"}, "Loại báo cáo không hợp lệ."),
        ({"kind": "workbook", "period": "987654"}, "Kỳ đánh giá không tồn tại."),
        ({"kind": "workbook", "period": ""}, "Cần chọn kỳ đánh giá."),
        ({"kind": "annex", "group": "x"}, "Nhóm đơn vị không tồn tại."),
        ({"kind": "annex"}, MSG_GROUP_NEEDED),
    ],
)
def test_bad_requests_are_answered_in_vietnamese(client, organizer, approved, data, message):
    data = {"period": approved.period.pk, **data}
    response = _ask(client, organizer, **data)
    assert response.status_code == 400
    assert message in _messages(response)
    assert not ExportJob.objects.exists()


def test_a_group_outside_the_period_is_refused(client, organizer, approved):
    other = UnitGroupFactory.create(code="xa", name="UBND cấp xã")
    response = _ask(client, organizer, kind="annex", period=approved.period.pk, group=other.pk)
    assert response.status_code == 400
    assert MSG_GROUP_NOT_IN_PERIOD in _messages(response)


def test_a_job_is_claimed_once(approved, organizer):
    job = export_request(actor=organizer, kind="workbook", period=approved.period)
    assert export_claim(job_id=job.pk, worker="one") is True
    assert export_claim(job_id=job.pk, worker="two") is False
    assert export_run(job_id=job.pk, worker="three") is False
    job.refresh_from_db()
    assert (job.status, job.worker) == (ExportStatus.RUNNING, "one")


def test_run_exports_empties_the_queue(approved, organizer):
    for kind in ("workbook", "annex"):
        export_request(actor=organizer, kind=kind, period=approved.period, group=approved.group)
    call_command("run_exports", "--once", "--worker", "cron")
    assert list(ExportJob.objects.values_list("status", "worker")) == [("done", "cron"), ("done", "cron")]


def test_a_failure_is_kept_on_the_job_with_a_vietnamese_message(approved, organizer, monkeypatch, client):
    from parindex.reports import workbook

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(workbook, "results_workbook", broken)
    job = export_request(actor=organizer, kind="workbook", period=approved.period)
    export_run(job_id=job.pk, worker="test")
    job.refresh_from_db()
    assert job.status == ExportStatus.FAILED
    assert job.error.startswith("Không tạo được tệp")
    client.force_login(organizer)
    assert job.error in client.get(f"/bao-cao/tep/{job.pk}/").content.decode()


def test_the_pages_take_a_fixed_number_of_queries(client, organizer, approved, django_assert_max_num_queries):
    for _ in range(5):
        export_request(actor=organizer, kind="workbook", period=approved.period)
    job = ExportJob.objects.first()
    assert job is not None
    client.force_login(organizer)
    with django_assert_max_num_queries(10):  # session, user, periods, their groups, jobs, bell, …
        assert client.get("/bao-cao/").status_code == 200
    with django_assert_max_num_queries(9):  # … and the period and group the job names
        assert client.get(f"/bao-cao/tep/{job.pk}/").status_code == 200


def test_a_job_whose_worker_died_is_marked_failed_not_run_again(approved, organizer):
    job = export_request(actor=organizer, kind="workbook", period=approved.period)
    export_claim(job_id=job.pk, worker="lost")
    later = timezone.now() + STALE_AFTER + timedelta(minutes=1)
    assert export_fail_stale(now=timezone.now()) == 0  # a running job, but not for long: left alone
    assert export_fail_stale(now=later) == 1
    job.refresh_from_db()
    assert (job.status, job.error) == (ExportStatus.FAILED, MSG_INTERRUPTED)
    assert export_run(job_id=job.pk, worker="next") is False


def test_the_job_page_names_the_period_and_group(client, organizer, approved):
    job = export_request(actor=organizer, kind="annex", period=approved.period, group=approved.group)
    client.force_login(organizer)
    page = client.get(f"/bao-cao/tep/{job.pk}/").content.decode()
    assert f"{approved.period.name} · {approved.group.name}" in page
