"""The council's analysis in a real browser: every chart is drawn (ECharts, vendored, under the CSP) and its
table alternative shows the same figures as text; nothing is refused by the Content Security Policy."""

import pytest
from playwright.sync_api import Page, expect

from tests.analysis.conftest import appraised, approved, head_b, scenario, unit_c, unit_d  # noqa: F401 (fixtures)
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.e2e


def sign_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_test_id("current-user")).to_be_visible()


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


def test_the_groups_charts_are_drawn_beside_their_tables(page: Page, live_server, approved, council):  # noqa: F811
    problems = _watch_for_problems(page)
    sign_in(page, live_server.url, "hoidong")
    page.goto(f"{live_server.url}/phan-tich/{approved.period.pk}/{approved.group.code}/")

    for chart in ("histogram", "bands", "heatmap", "weakest", "gaps", "trend"):
        box = page.locator(f'[data-chart="{chart}"]')
        expect(box).to_have_attribute("data-chart-ready", "true")
        expect(box.locator("canvas").first).to_be_attached()
        assert box.bounding_box()["height"] > 100  # type: ignore[index]

    heat = page.get_by_test_id("heatmap-table")
    expect(heat.get_by_role("row", name="Sở Tư pháp")).to_contain_text("93,89")
    expect(heat.get_by_role("row", name="Sở Tư pháp")).to_contain_text("97,50")
    expect(page.get_by_test_id("histogram-table")).to_contain_text("80–<85")
    expect(page.get_by_test_id("weakest-table")).to_contain_text("Hài lòng của người dân")
    expect(page.get_by_test_id("gaps-table").get_by_role("row", name="Sở Y tế")).to_contain_text("1,50")
    expect(page.get_by_test_id("trend-table")).to_contain_text("83,25")
    expect(page.get_by_test_id("summary-text")).to_contain_text("Chỉ số CCHC trung bình của nhóm đạt 83,25%")
    assert problems == []


def test_a_units_radar_against_its_group(page: Page, live_server, approved, council):  # noqa: F811
    problems = _watch_for_problems(page)
    sign_in(page, live_server.url, "hoidong")
    page.goto(f"{live_server.url}/phan-tich/don-vi/{approved.assessment('b').pk}/")
    for chart in ("radar", "unit_trend"):
        box = page.locator(f'[data-chart="{chart}"]')
        expect(box).to_have_attribute("data-chart-ready", "true")
        expect(box.locator("canvas").first).to_be_attached()
    table = page.get_by_test_id("radar-table")
    expect(table).to_contain_text("68,75")
    expect(table).to_contain_text("89,06")
    expect(page.get_by_test_id("unit-index")).to_have_text("76,11")
    assert problems == []


def test_the_organizer_edits_the_summary_in_the_browser(page: Page, live_server, approved):  # noqa: F811
    sign_in(page, live_server.url, "tochuc")
    page.goto(f"{live_server.url}/phan-tich/{approved.period.pk}/{approved.group.code}/")
    page.get_by_label("Nhận định trình Hội đồng").fill("Kết luận: cần cải thiện sự hài lòng của người dân.")
    page.get_by_role("button", name="Lưu nhận định").click()
    expect(page.get_by_test_id("summary-text")).to_have_text("Kết luận: cần cải thiện sự hài lòng của người dân.")
    page.get_by_role("button", name="Dùng lại nội dung tự động").click()
    expect(page.get_by_test_id("summary-text")).to_contain_text("Chỉ số CCHC trung bình của nhóm đạt 83,25%")
