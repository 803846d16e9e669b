"""The provincial indices page in a real browser: both charts are drawn (ECharts, vendored, under the CSP)
beside their tables, and nothing is refused by the Content Security Policy."""

import pytest
from playwright.sync_api import Page, expect

from parindex.indices.services import indices_import
from tests.factories import TEST_PASSWORD
from tests.indices.helpers import PAPI_2023, PAPI_2024

pytestmark = pytest.mark.e2e


def test_the_index_over_the_years_is_drawn_beside_its_table(page: Page, live_server, organizer, council):
    indices_import(actor=organizer, filename="2023.csv", content=PAPI_2023)
    indices_import(actor=organizer, filename="2024.csv", content=PAPI_2024)
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
    page.goto(f"{live_server.url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("hoidong")
    page.get_by_label("Mật khẩu").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_test_id("current-user")).to_be_visible()
    page.goto(f"{live_server.url}/chi-so-tinh/papi/")
    for kind in ("total", "components"):
        chart = page.locator(f'[data-kind="{kind}"]')
        expect(chart).to_have_attribute("data-rendered", "true")
        expect(chart.locator("canvas").first).to_be_attached()
    expect(page.get_by_test_id("total-table")).to_contain_text("43,52")
    assert problems == []
