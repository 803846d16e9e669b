"""The commune officer's screen on the machines they have: a 1366×768 laptop, a phone, the keyboard alone."""

import pytest
from playwright.sync_api import Browser, Page, expect

from parindex.assessments.models import Answer
from tests.cycle import assessment_of, make_period
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.e2e


@pytest.fixture
def screen_url(live_server, organizer, unit_a, unit_b):
    period = make_period(organizer, [unit_a, unit_b])
    return f"{live_server.url}/danh-gia/{assessment_of(period, unit_a).pk}/tu-danh-gia/"


def sign_in(page: Page, base: str) -> None:
    page.goto(f"{base}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("daumoi_a")
    page.get_by_label("Mật khẩu").fill(TEST_PASSWORD)
    page.get_by_label("Mật khẩu").press("Enter")


def no_horizontal_scroll(page: Page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (390, 844)])
def test_the_screen_fits_a_laptop_and_a_phone(browser: Browser, live_server, officer_a, screen_url, width, height):
    page = browser.new_page(viewport={"width": width, "height": height})
    sign_in(page, live_server.url)
    page.goto(screen_url)
    assert no_horizontal_scroll(page)
    leaf = page.get_by_test_id("leaf-1.2")
    leaf.scroll_into_view_if_needed()
    leaf.get_by_label("Số đạt").fill("40")
    leaf.get_by_label("Tổng số").fill("40")
    expect(leaf.locator("[data-save-state]")).to_have_text("Đã lưu")
    expect(page.locator('[data-progress="answered"]')).to_have_text("1")


def test_the_screen_works_with_the_keyboard_alone(page: Page, live_server, officer_a, screen_url):
    sign_in(page, live_server.url)
    page.goto(screen_url)
    first_choice = page.get_by_test_id("leaf-1.1").get_by_label("Có", exact=True)
    first_choice.focus()
    page.keyboard.press("Space")  # a radio is chosen with the space bar
    expect(page.get_by_test_id("leaf-1.1").locator("[data-save-state]")).to_have_text("Đã lưu")
    for _ in range(4):  # Tab leaves the group of choices; the note comes next
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "note":
            break
    assert page.evaluate("document.activeElement.id") == "f-1.1-note"
    with page.expect_response(lambda response: response.url.endswith("/luu/")) as saved:
        page.keyboard.type("Kế hoạch số 12/KH-STP")  # saved a moment after typing stops
    assert saved.value.json()["status"] == "saved"
    answer = Answer.objects.get(code="1.1")
    assert (answer.raw, answer.note) == ("Có", "Kế hoạch số 12/KH-STP")
