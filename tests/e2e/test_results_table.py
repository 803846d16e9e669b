"""The ranked table in the browser: sorted by the keyboard alone (Vietnamese order of names: Đ right after D),
filtered by a name typed without diacritics and by band; the council's order is what the HTML holds."""

import pytest
from playwright.sync_api import Page, expect

from tests.cycle import make_period
from tests.e2e.test_whole_cycle import sign_in
from tests.factories import UnitFactory, UnitGroupFactory
from tests.results.test_query_counts import _appraised_directly

pytestmark = pytest.mark.e2e

NAMES = ("Sở Y tế", "Sở Đối ngoại", "Sở Tư pháp", "Sở Giáo dục và Đào tạo")


def test_the_council_sorts_and_filters_the_ranked_table_with_the_keyboard(page: Page, live_server, organizer, council):
    group = UnitGroupFactory.create(code="so", name="Sở, ban, ngành")
    period = make_period(organizer, [UnitFactory.create(group=group, name=name) for name in NAMES])
    _appraised_directly(period, organizer)
    sign_in(page, live_server.url, "hoidong")
    page.goto(f"{live_server.url}/hoi-dong/{period.pk}/so/")
    names = page.get_by_test_id("results-table").locator("tbody tr:visible td[data-testid=unit]")

    header = page.get_by_role("button", name="Đơn vị")
    header.focus()
    page.keyboard.press("Enter")

    expect(names).to_have_text(["Sở Đối ngoại", "Sở Giáo dục và Đào tạo", "Sở Tư pháp", "Sở Y tế"])
    expect(page.get_by_role("columnheader", name="Đơn vị")).to_have_attribute("aria-sort", "ascending")
    page.keyboard.press("Space")
    expect(names).to_have_text(["Sở Y tế", "Sở Tư pháp", "Sở Giáo dục và Đào tạo", "Sở Đối ngoại"])

    page.get_by_label("Lọc theo tên đơn vị").fill("doi ngoai")
    expect(names).to_have_text(["Sở Đối ngoại"])
    expect(page.get_by_role("status").filter(has_text="Đang hiển thị")).to_have_text("Đang hiển thị 1/4 đơn vị")

    page.get_by_role("button", name="Bỏ lọc").click()
    expect(names).to_have_count(4)
    band = page.get_by_test_id("results-table").locator("tbody tr td[data-testid=band]").first.inner_text()
    page.get_by_label("Lọc theo xếp loại").select_option(band)
    for cell in page.get_by_test_id("results-table").locator("tbody tr:visible td[data-testid=band]").all():
        expect(cell).to_have_text(band)
