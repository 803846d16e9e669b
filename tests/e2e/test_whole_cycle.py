"""The whole yearly cycle in a real browser, each role doing its part through its own screens:
the organizer opens the period → the officer answers, uploads and cites evidence → the head submits →
the appraiser appraises and asks for an explanation → the unit explains → round 2 → the council approves →
the published results show the ranking."""

import io
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from parindex.assessments.models import Answer, Stage, State
from parindex.criteria.models import CriteriaSetVersion
from parindex.demo.cycle import _play
from tests.cycle import assessment_of, cycle_set
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.e2e


def sign_in(page: Page, base: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_test_id("current-user")).to_be_visible()


def moment(days: int) -> str:
    return (timezone.localtime() + timedelta(days=days)).strftime("%d/%m/%Y %H:%M")


def small_pdf() -> bytes:
    # A real one-page PDF with its cross-reference table, as the evidence checks want.
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def test_the_whole_cycle(
    page: Page, live_server, organizer, appraiser, council, officer_a, head_a, unit_a, unit_b, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    base = live_server.url
    version = cycle_set(organizer, unit_a.group)

    # -- Sở Nội vụ opens the period and assigns the appraiser ---------------------------------------------
    sign_in(page, base, "tochuc")
    page.goto(f"{base}/ky-danh-gia/tao/?nam=2025")
    page.get_by_label(unit_a.group.name).select_option(str(version.pk))
    labels = ["Tự đánh giá", "Thẩm định lần 1", "Giải trình", "Thẩm định lần 2", "Hội đồng đánh giá", "Công bố kết quả"]
    for position, label in enumerate(labels, start=1):
        page.get_by_label(f"{position}. {label}").fill(moment(10 * position))
    page.get_by_role("button", name="Tạo kỳ đánh giá").click()
    page.get_by_label(unit_a.name).check()
    page.get_by_label(unit_b.name).check()
    page.get_by_role("button", name="Thêm các đơn vị đã chọn").click()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Mở kỳ đánh giá").click()
    expect(page.get_by_test_id("current-phase")).to_have_text("Tự đánh giá")
    period_url = page.url
    page.goto(period_url + "phan-cong/")
    for field in ("1", "2"):
        form = page.get_by_test_id("assignment-form")
        form.get_by_label("Thành viên Tổ thẩm định").select_option(index=1)
        form.get_by_label("Lĩnh vực").select_option(value=field)
        form.get_by_role("button", name="Phân công").click()
    from parindex.appraisals.models import Assignment

    assert sorted(Assignment.objects.values_list("field_code", flat=True)) == ["1", "2"]

    from parindex.periods.models import Period

    period = Period.objects.get()
    assessment = assessment_of(period, unit_a)
    _play(assessment_of(period, unit_b), "reappraised", organizer)  # the other unit of the group, by the services

    # -- the officer answers, uploads and cites evidence; the head submits ------------------------------------
    sign_in(page, base, "daumoi_a")
    page.goto(f"{base}/danh-gia/{assessment.pk}/tai-lieu/")
    pdf = tmp_path / "Kế hoạch CCHC năm 2025.pdf"
    pdf.write_bytes(small_pdf())
    page.get_by_label("Tệp").set_input_files(pdf)
    page.get_by_label("Số, ký hiệu").fill("12/KH-STP")
    page.get_by_role("button", name="Tải lên").click()
    expect(page.get_by_text("12/KH-STP").first).to_be_visible()

    page.goto(f"{base}/danh-gia/{assessment.pk}/tu-danh-gia/")
    answers = {"1.1": ("choice", "Có"), "2.1": ("choice", "Tốt")}
    for code, (_, label) in answers.items():
        page.get_by_test_id(f"leaf-{code}").get_by_text(label, exact=True).click()
        expect(page.get_by_test_id(f"leaf-{code}").locator("[data-save-state]")).to_have_text("Đã lưu")
    leaf = page.get_by_test_id("leaf-1.2")
    leaf.get_by_label("Số đạt").fill("37")
    leaf.get_by_label("Tổng số").fill("40")
    expect(leaf.locator("[data-save-state]")).to_have_text("Đã lưu")
    page.get_by_test_id("leaf-1.3").get_by_label("Ngày thực hiện").fill("10/12/2025")
    expect(page.get_by_test_id("leaf-1.3").locator("[data-save-state]")).to_have_text("Đã lưu")
    page.get_by_test_id("leaf-1.4").get_by_label("Không áp dụng").check()
    expect(page.get_by_test_id("leaf-1.4").locator("[data-save-state]")).to_have_text("Đã lưu")
    citations = page.get_by_test_id("citations-self-1.1")
    citations.get_by_label("Trang hoặc mục").fill("trang 2")
    citations.get_by_role("button", name="Trích dẫn").click()
    expect(page.get_by_test_id("citations-self-1.1").get_by_test_id("citation")).to_contain_text("trang 2")
    expect(page.locator('[data-progress="answered"]')).to_have_text("5")
    page.get_by_role("button", name="Đánh dấu hoàn thành").click()
    sign_in(page, base, "thutruong_a")
    page.goto(f"{base}/danh-gia/{assessment.pk}/tu-danh-gia/")
    page.get_by_role("button", name="Chốt và gửi thẩm định").click()
    expect(page.get_by_test_id("assessment-state")).to_have_text("Đã chốt, chờ thẩm định")

    # -- the appraiser: accept, correct with a request for explanation, close round 1 ----------------------------
    sign_in(page, base, "thamdinh")
    page.goto(f"{base}/tham-dinh/")
    page.get_by_role("link", name=unit_a.name).click()
    for code in ("1.1", "1.3", "1.4", "2.1"):
        page.get_by_test_id(f"leaf-{code}").get_by_role("button", name="Chấp nhận điểm tự chấm").click()
    leaf = page.get_by_test_id("leaf-1.2")
    leaf.get_by_label("Số đạt").fill("30")
    leaf.get_by_label("Nhận xét của thẩm định").fill("Báo cáo chỉ thể hiện 30 nhiệm vụ hoàn thành.")
    leaf.get_by_label("Yêu cầu đơn vị giải trình").check()
    expect(leaf.locator("[data-save-state]")).to_have_text("Đã lưu")
    page.get_by_role("button", name="Kết thúc thẩm định lần 1").click()
    expect(page.get_by_test_id("assessment-state")).to_have_text("Chờ giải trình")

    # -- the unit explains ------------------------------------------------------------------------------------------
    sign_in(page, base, "daumoi_a")
    page.goto(f"{base}/danh-gia/{assessment.pk}/giai-trinh/")
    expect(page.get_by_test_id("request-1.2")).to_contain_text("30 nhiệm vụ")
    leaf = page.get_by_test_id("leaf-1.2")
    leaf.get_by_label("Nội dung giải trình").fill("7 nhiệm vụ đã hoàn thành trong tháng 12, có báo cáo bổ sung.")
    expect(leaf.locator("[data-save-state]")).to_have_text("Đã lưu")
    page.get_by_role("button", name="Gửi giải trình").click()
    assessment.refresh_from_db()
    assert assessment.state == State.EXPLAINED

    # -- round 2 ------------------------------------------------------------------------------------------------------
    sign_in(page, base, "thamdinh")
    page.goto(f"{base}/tham-dinh/{assessment.pk}/")
    leaf = page.get_by_test_id("leaf-1.2")
    leaf.get_by_label("Số đạt").fill("37")
    expect(leaf.locator("[data-save-state]")).to_have_text("Đã lưu")
    page.get_by_role("button", name="Kết thúc thẩm định lần 2").click()
    expect(page.get_by_test_id("assessment-state")).to_have_text("Đã thẩm định lần 2")
    assert Answer.objects.get(assessment=assessment, code="1.2", stage=Stage.APPRAISAL_2).raw == "37/40"

    # -- the council: a member reads the ranked table and comments; Sở Nội vụ records the approval and publishes ----
    sign_in(page, base, "hoidong")
    page.goto(f"{base}/hoi-dong/")
    page.get_by_test_id(f"group-{period.pk}-{unit_a.group.code}").get_by_role("link").first.click()
    expect(page.get_by_test_id("group-status")).to_have_text("Chờ thông qua")
    expect(page.get_by_test_id("results-table").get_by_test_id("unit")).to_have_count(2)
    page.get_by_label("Ý kiến").fill("Đề nghị các đơn vị rà soát lại tỷ lệ hoàn thành nhiệm vụ.")
    page.get_by_role("button", name="Gửi ý kiến").click()
    expect(page.get_by_test_id("comments")).to_contain_text("rà soát lại tỷ lệ")

    sign_in(page, base, "tochuc")
    results_url = f"{base}/hoi-dong/{period.pk}/{unit_a.group.code}/"
    page.goto(results_url)
    page.get_by_label("Số quyết định").fill("123/QĐ-UBND")
    page.get_by_label("Ngày quyết định").fill("26/01/2026")
    page.get_by_role("button", name="Thông qua và chốt số liệu").click()
    expect(page.get_by_test_id("decision")).to_contain_text("123/QĐ-UBND")
    page.get_by_role("button", name="Công bố kết quả").click()
    expect(page.get_by_test_id("group-status")).to_have_text("Đã công bố")
    assessment.refresh_from_db()
    assert assessment.state == State.PUBLISHED

    # -- the unit reads its published result and its rank ---------------------------------------------------------
    sign_in(page, base, "daumoi_a")
    page.goto(f"{base}/thong-bao/")
    page.get_by_role("button", name="Công bố kết quả Chỉ số CCHC năm 2025").first.click()
    expect(page.get_by_test_id("assessment-state")).to_have_text("Đã công bố")
    expect(page.get_by_test_id("rank")).to_have_text(re.compile(r"^[12]\b"))
    page.goto(results_url)
    ranks = page.get_by_test_id("results-table").get_by_test_id("rank")
    expect(ranks).to_have_count(2)
    expect(ranks.first).to_contain_text("1")
    assert CriteriaSetVersion.objects.filter(pk=version.pk).exists()
