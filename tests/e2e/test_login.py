import pytest
from playwright.sync_api import Page, expect

from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.e2e


def test_the_organizer_signs_in_through_the_form_and_sees_the_vietnamese_home(page: Page, live_server, organizer):
    page.goto(f"{live_server.url}/")

    expect(page).to_have_url(f"{live_server.url}/dang-nhap/?next=/")
    page.get_by_label("Tên đăng nhập").fill("tochuc")
    page.get_by_label("Mật khẩu").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()

    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Xin chào, Trần Thị Tổ Chức!")
    expect(page.get_by_test_id("current-user")).to_contain_text("Sở Nội vụ (tổ chức đánh giá)")
    expect(page.locator("html")).to_have_attribute("lang", "vi")

    page.get_by_role("button", name="Đăng xuất").click()
    expect(page).to_have_url(f"{live_server.url}/dang-nhap/")
