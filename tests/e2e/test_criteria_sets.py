"""The organizer's criteria-set flow in a real browser: upload with errors, fix, browse, issue, clone, compare."""

import pytest
from playwright.sync_api import Page, expect

from tests.factories import TEST_PASSWORD, UnitGroupFactory

pytestmark = pytest.mark.e2e

GOOD = """name: "Bộ tiêu chí sở, ban, ngành năm 2025"
year: 2025
group: so
max_points: 10
bands: [{name: "Tốt", min: 90}, {name: "Khá", min: 80}]
criteria:
  - code: "1"
    title: "Công tác chỉ đạo, điều hành CCHC"
    max: 10
    children:
      - {code: "1.1", title: "Ban hành kế hoạch CCHC năm", max: 4, rule: {type: binary}}
      - {code: "1.2", title: "Tỷ lệ TTHC giải quyết đúng hạn", max: 6, allow_na: true,
         rule: {type: tiers, on: percent, tiers: [{min: 100, points: 6}, {min: 80, points: 3}]}}
"""


def sign_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()


def test_the_organizer_uploads_fixes_issues_clones_and_compares_a_set(page: Page, live_server, organizer, tmp_path):
    UnitGroupFactory(code="so", name="Sở, ban, ngành")
    base = live_server.url
    sign_in(page, base, "tochuc")
    page.get_by_role("link", name="Bộ tiêu chí").first.click()
    page.get_by_role("link", name="Tải lên bộ tiêu chí").click()

    broken = tmp_path / "bo-tieu-chi.yaml"
    broken.write_text(GOOD.replace("max: 4,", "max: 4.5,"), encoding="utf-8")
    page.get_by_label("Tệp bộ tiêu chí").set_input_files(broken)
    page.get_by_role("button", name="Tải lên và kiểm tra").click()
    problems = page.get_by_test_id("upload-problems")
    expect(problems).to_contain_text("Tệp chưa dùng được: có 1 lỗi cần sửa.")
    expect(problems).to_contain_text(
        "Tiêu chí “1” (dòng 7): các tiêu chí con cộng lại 10,5 điểm nhưng điểm tối đa là 10"
    )

    good = tmp_path / "bo-tieu-chi-da-sua.yaml"
    good.write_text(GOOD, encoding="utf-8")
    page.get_by_label("Tệp bộ tiêu chí").set_input_files(good)
    page.get_by_label("Văn bản ban hành").fill("Quyết định số 12/QĐ-UBND")
    page.get_by_role("button", name="Tải lên và kiểm tra").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bộ tiêu chí sở, ban, ngành năm 2025")
    tree = page.get_by_test_id("criteria-tree")
    expect(tree).to_contain_text("Từ 100%: 6 điểm; từ 80% đến dưới 100%: 3 điểm; dưới 80%: 0 điểm")
    expect(page.get_by_text("Dự thảo", exact=True)).to_be_visible()

    page.get_by_role("button", name="Ban hành bộ tiêu chí").click()
    expect(page.get_by_text("Đã ban hành bộ tiêu chí; từ nay phiên bản này không thay đổi được nữa.")).to_be_visible()

    page.get_by_role("link", name="Nhân bản sang năm khác").click()
    page.get_by_label("Năm đánh giá mới").fill("2026")
    page.get_by_role("button", name="Tạo dự thảo").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bộ tiêu chí sở, ban, ngành năm 2026")

    page.get_by_role("link", name="So sánh với phiên bản khác").click()
    expect(page.get_by_test_id("diff-summary")).to_have_text("Thêm 0 tiêu chí, bỏ 0 tiêu chí, sửa 0 tiêu chí.")
    expect(page.get_by_role("cell", name="Năm", exact=True)).to_be_visible()


def test_a_unit_officer_sees_issued_sets_but_no_upload(page: Page, live_server, organizer, officer_a):
    from parindex.criteria.services import criteria_set_issue, criteria_set_upload

    UnitGroupFactory(code="so", name="Sở, ban, ngành")
    version = criteria_set_upload(actor=organizer, filename="a.yaml", content=GOOD.encode())
    criteria_set_issue(actor=organizer, version=version)
    criteria_set_upload(actor=organizer, filename="b.yaml", content=GOOD.replace("năm 2025", "năm 2025 (sửa)").encode())
    sign_in(page, live_server.url, "daumoi_a")
    page.get_by_role("link", name="Bộ tiêu chí").first.click()
    expect(page.get_by_test_id("criteria-set-list").get_by_role("row")).to_have_count(2)  # header + the issued set
    expect(page.get_by_role("link", name="Tải lên bộ tiêu chí")).to_have_count(0)
