"""A background export in a real browser: the progress page refreshes itself (htmx polling, no inline script,
nothing refused by the Content Security Policy) until the file is ready, then the download works."""

import pytest
from playwright.sync_api import Page, expect

from parindex.reports.models import ExportJob
from parindex.reports.services import export_run
from tests.council.conftest import appraised, approved, head_b, scenario, unit_c, unit_d  # noqa: F401 (fixtures)
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.e2e


def _watch_for_problems(page: Page) -> list[str]:
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on(
        "console",
        lambda message: (
            problems.append(message.text)
            if message.type == "error" or "Content Security Policy" in message.text
            else None
        ),
    )
    return problems


def test_the_progress_page_follows_the_job_and_offers_the_file(
    page: Page,
    live_server,
    settings,
    organizer,
    approved,  # noqa: F811
):
    settings.PARINDEX_EXPORTS_IN_PROCESS = False  # the test runs the job itself, while the page watches
    problems = _watch_for_problems(page)
    page.goto(f"{live_server.url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(organizer.username)
    page.get_by_label("Mật khẩu").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.locator("#pi-nav").get_by_role("link", name="Báo cáo", exact=True).click()

    page.get_by_role("button", name="Bảng tổng hợp kết quả (Excel, mỗi nhóm một trang tính)").first.click()
    status = page.get_by_test_id("job-status")
    expect(status).to_contain_text("Đang chờ")
    expect(page.get_by_test_id("download")).to_have_count(0)

    job = ExportJob.objects.get()
    assert export_run(job_id=job.pk, worker="e2e") is True
    download_link = page.get_by_test_id("download")
    expect(download_link).to_be_visible(timeout=10_000)  # the next poll (every 2 s) brings it
    with page.expect_download() as download:
        download_link.click()
    job.refresh_from_db()
    assert download.value.suggested_filename == job.filename
    assert problems == []
