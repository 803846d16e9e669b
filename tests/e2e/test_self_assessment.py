"""The commune officer's screen in a real browser: answers computed at once, saved on a bad connection,
a second editor told instead of overwritten."""

import pytest
from playwright.sync_api import Browser, Page, expect

from parindex.assessments.models import Answer
from tests.cycle import assessment_of, make_period
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.e2e


def sign_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()


@pytest.fixture
def screen_url(live_server, organizer, unit_a, unit_b):
    period = make_period(organizer, [unit_a, unit_b])
    return f"{live_server.url}/danh-gia/{assessment_of(period, unit_a).pk}/tu-danh-gia/"


def test_answers_are_computed_at_once_and_survive_a_reload(page: Page, live_server, officer_a, screen_url):
    sign_in(page, live_server.url, "daumoi_a")
    page.goto(screen_url)
    leaf = page.get_by_test_id("leaf-1.2")
    leaf.get_by_label("Số đạt").fill("37")
    leaf.get_by_label("Tổng số").fill("40")
    expect(leaf.locator("[data-explanation]")).to_have_text("Đạt 92,5% (37/40): mức từ 80% → 1,5 điểm")
    expect(leaf.locator("[data-save-state]")).to_have_text("Đã lưu")
    expect(page.locator('[data-progress="answered"]')).to_have_text("1")

    page.get_by_test_id("leaf-1.1").get_by_text("Có", exact=True).click()
    expect(page.get_by_test_id("leaf-1.1").locator("[data-save-state]")).to_have_text("Đã lưu")
    expect(page.locator('[data-progress="points"]')).to_have_text("3,5")

    page.reload()
    expect(page.get_by_test_id("leaf-1.2").get_by_label("Số đạt")).to_have_value("37")
    expect(page.get_by_test_id("leaf-1.1").locator("[data-points]")).to_have_text("2 điểm")


def test_a_refused_value_stays_with_the_rules_message(page: Page, live_server, officer_a, screen_url):
    sign_in(page, live_server.url, "daumoi_a")
    page.goto(screen_url)
    leaf = page.get_by_test_id("leaf-1.4")
    leaf.get_by_label("Số lượng").fill("1,5")
    expect(leaf.locator("[data-save-state]")).to_contain_text("“1,5” không phải là số nguyên không âm")
    expect(leaf.get_by_label("Số lượng")).to_have_value("1,5")
    assert not Answer.objects.filter(code="1.4").exists()


def test_nothing_typed_offline_is_lost(page: Page, live_server, officer_a, screen_url):
    sign_in(page, live_server.url, "daumoi_a")
    page.goto(screen_url)
    page.context.set_offline(True)
    leaf = page.get_by_test_id("leaf-2.1")
    leaf.get_by_text("Đạt", exact=True).click()
    expect(leaf.locator("[data-save-state]")).to_contain_text("Chưa lưu được")
    expect(page.locator("[data-save-summary]")).to_have_text("Còn 1 thay đổi chưa lưu — sẽ tự thử lại")
    assert not Answer.objects.filter(code="2.1").exists()

    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    expect(leaf.locator("[data-save-state]")).to_have_text("Đã lưu")
    expect(page.locator("[data-save-summary]")).to_have_text("Mọi thay đổi đã được lưu")
    assert Answer.objects.get(code="2.1").raw == "Đạt"


def test_an_edit_made_before_the_tab_closed_is_sent_when_the_page_opens_again(
    page: Page, live_server, officer_a, screen_url
):
    sign_in(page, live_server.url, "daumoi_a")
    page.goto(screen_url)
    context = page.context
    context.set_offline(True)
    page.get_by_test_id("leaf-1.1").get_by_text("Không", exact=True).click()
    expect(page.locator("[data-save-summary]")).to_have_text("Còn 1 thay đổi chưa lưu — sẽ tự thử lại")
    page.close()  # the tab is closed before the connection comes back
    assert not Answer.objects.filter(code="1.1").exists()

    context.set_offline(False)
    again = context.new_page()
    again.goto(screen_url)  # the edit kept in localStorage is put back into the form and sent
    expect(again.get_by_test_id("leaf-1.1").locator("[data-save-state]")).to_have_text("Đã lưu")
    expect(again.get_by_test_id("leaf-1.1").get_by_label("Không")).to_be_checked()
    assert Answer.objects.get(code="1.1").raw == "Không"


def test_two_people_on_one_leaf_the_second_is_told_not_overwritten(
    browser: Browser, live_server, officer_a, head_a, screen_url
):
    officer, head = browser.new_page(), browser.new_page()
    for page, username in ((officer, "daumoi_a"), (head, "thutruong_a")):
        sign_in(page, live_server.url, username)
        page.goto(screen_url)
    officer.get_by_test_id("leaf-1.1").get_by_text("Có", exact=True).click()
    expect(officer.get_by_test_id("leaf-1.1").locator("[data-save-state]")).to_have_text("Đã lưu")

    head.get_by_test_id("leaf-1.1").get_by_text("Không", exact=True).click()
    conflict = head.get_by_test_id("leaf-1.1").locator("[data-conflict]")
    expect(conflict).to_be_visible()
    expect(conflict).to_contain_text("Đỗ Thị Đầu Mối đã lưu câu trả lời khác")
    expect(conflict.locator("[data-conflict-answer]")).to_have_text("Có")
    assert Answer.objects.get(code="1.1").raw == "Có"

    conflict.get_by_role("button", name="Giữ câu trả lời của tôi").click()
    expect(head.get_by_test_id("leaf-1.1").locator("[data-save-state]")).to_have_text("Đã lưu")
    assert Answer.objects.get(code="1.1").raw == "Không"
