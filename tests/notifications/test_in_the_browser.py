"""In headless Chromium, with the real CSP: the bell, the list, opening a notification, marking all read."""

import pytest
from playwright.sync_api import Page, expect

from parindex.notifications.models import Kind
from parindex.notifications.services import notify
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.e2e


def _sign_in(page: Page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()


def test_the_officer_follows_the_bell_opens_a_notification_and_marks_the_rest_read(page: Page, live_server, officer_a):
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    notify(recipients=[officer_a], kind=Kind.INFO, title="Thông báo thứ nhất", body="Nội dung một", link="/")
    notify(recipients=[officer_a], kind=Kind.DEADLINE_SOON, title="Còn 3 ngày đến hạn tự đánh giá", body="")

    _sign_in(page, live_server, "daumoi_a")
    expect(page.get_by_test_id("unread-count")).to_have_text("2 chưa đọc")
    page.get_by_test_id("notification-bell").click()

    expect(page).to_have_url(f"{live_server.url}/thong-bao/")
    expect(page.get_by_test_id("notification-unread")).to_have_count(2)
    page.get_by_role("button", name="Thông báo thứ nhất").click()

    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.get_by_test_id("unread-count")).to_have_text("1 chưa đọc")

    page.get_by_test_id("notification-bell").click()
    page.get_by_role("button", name="Đánh dấu tất cả là đã đọc").click()

    expect(page.get_by_text("Đã đánh dấu tất cả thông báo là đã đọc.")).to_be_visible()
    expect(page.get_by_test_id("notification-unread")).to_have_count(0)
    expect(page.get_by_test_id("unread-count")).to_have_count(0)
    assert errors == []
