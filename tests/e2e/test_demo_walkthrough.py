"""What the README promises a new user: with the demo data of `make run`, each demo account plays its part and
one group goes through the end of the cycle in the browser. Phường Phủ Lý explains the two criteria it was
asked about → the appraiser re-appraises them → the communes' group is ready; the council member comments →
Sở Nội vụ records the approval and publishes → Phủ Lý's people read their published result and rank.

The slowest browser test (it builds the whole demo province first), kept because it is the README's own walk."""

import io
import re

import pytest
from playwright.sync_api import Page, expect

from parindex.assessments.models import Assessment, State
from parindex.core.demo import DEMO_PASSWORD, demo_setup
from parindex.demo.cycle import DEMO_PERIOD_NAME

pytestmark = pytest.mark.e2e


def sign_in(page: Page, base: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_test_id("current-user")).to_be_visible()


def test_a_new_user_takes_the_communes_through_council_and_publication(page: Page, live_server, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    demo_setup(stdout=io.StringIO())
    base = live_server.url
    phu_ly = Assessment.objects.select_related("period").get(unit__name="Phường Phủ Lý", period__name=DEMO_PERIOD_NAME)
    period = phu_ly.period
    results_url = f"{base}/hoi-dong/{period.pk}/xa/"

    # -- the commune officer answers the appraisers' requests -------------------------------------------------------
    sign_in(page, base, "daumoi.phuly")
    page.goto(f"{base}/danh-gia/{phu_ly.pk}/giai-trinh/")
    requests = page.locator('[data-testid^="request-"]')
    expect(requests).to_have_count(2)
    for code in ("1.3", "1.4"):
        leaf = page.get_by_test_id(f"leaf-{code}")
        leaf.get_by_label("Nội dung giải trình").fill("Đã bổ sung báo cáo kết quả thực hiện có xác nhận.")
        expect(leaf.locator("[data-save-state]")).to_have_text("Đã lưu")
    page.get_by_role("button", name="Gửi giải trình").click()
    expect(page.get_by_text("Đã gửi giải trình").first).to_be_visible()

    # -- round 2 by the appraiser of fields 1–4 ---------------------------------------------------------------------
    sign_in(page, base, "thamdinh1")
    page.goto(f"{base}/tham-dinh/{phu_ly.pk}/")
    ratio = page.get_by_test_id("leaf-1.3")
    ratio.locator('[id$="-value"]').fill("5")
    ratio.locator('[id$="-second"]').fill("6")
    expect(ratio.locator("[data-save-state]")).to_have_text("Đã lưu")
    count = page.get_by_test_id("leaf-1.4")
    count.locator('[id$="-value"]').fill("4")
    expect(count.locator("[data-save-state]")).to_have_text("Đã lưu")
    page.get_by_role("button", name="Kết thúc thẩm định lần 2").click()
    expect(page.get_by_test_id("assessment-state")).to_have_text("Đã thẩm định lần 2")

    # -- the council member reads the communes' table and comments ------------------------------------------------
    sign_in(page, base, "hoidong")
    page.goto(f"{base}/hoi-dong/")
    expect(page.get_by_test_id(f"group-{period.pk}-xa").get_by_test_id("status")).to_have_text("Chờ thông qua")
    page.goto(results_url)
    expect(page.get_by_test_id("results-table").get_by_test_id("unit")).to_have_count(40)
    page.get_by_label("Ý kiến").fill("Thống nhất kết quả; đề nghị các xã còn yếu về chuyển đổi số khắc phục.")
    page.get_by_role("button", name="Gửi ý kiến").click()
    expect(page.get_by_test_id("comments")).to_contain_text("chuyển đổi số")

    # -- Sở Nội vụ records the approval and publishes ----------------------------------------------------------------
    sign_in(page, base, "sonoivu")
    page.goto(results_url)
    page.get_by_label("Số quyết định").fill("45/QĐ-UBND")
    page.get_by_label("Ngày quyết định").fill("20/01/2026")
    page.get_by_role("button", name="Thông qua và chốt số liệu").click()
    expect(page.get_by_test_id("decision")).to_contain_text("45/QĐ-UBND")
    page.get_by_role("button", name="Công bố kết quả").click()
    expect(page.get_by_test_id("group-status")).to_have_text("Đã công bố")

    # -- Phủ Lý's head reads the published result -------------------------------------------------------------------
    sign_in(page, base, "thutruong.phuly")
    page.goto(f"{base}/hoi-dong/ket-qua/{phu_ly.pk}/")
    expect(page.get_by_test_id("assessment-state")).to_have_text("Đã công bố")
    expect(page.get_by_test_id("rank")).to_have_text(re.compile(r"^\d+\b"))
    phu_ly.refresh_from_db()
    assert phu_ly.state == State.PUBLISHED
