"""In headless Chromium, with the real CSP: the officer uploads a signed PDF with its metadata, sees it in
the registry with its signature check, previews it, and deletes a document uploaded by mistake."""

import pytest
from playwright.sync_api import FilePayload, Page, expect

from parindex.evidence.models import EvidenceDocument
from tests.evidence import documents
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.e2e


@pytest.fixture
def signed_pdf():
    return documents.sign(documents.pdf("Ke hoach kiem tra CCHC"), documents.make_pki())


def _sign_in(page: Page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()


def test_the_officer_uploads_previews_and_deletes(page: Page, live_server, officer_a, assessment_a, signed_pdf):
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    _sign_in(page, live_server, "daumoi_a")
    page.goto(f"{live_server.url}/danh-gia/{assessment_a.pk}/tai-lieu/")

    page.get_by_label("Tệp tài liệu").set_input_files(
        files=FilePayload(name="Kế hoạch kiểm tra CCHC.pdf", mimeType="application/pdf", buffer=signed_pdf)
    )
    page.get_by_label("Số, ký hiệu").fill("7/KH-STP")
    page.get_by_label("Ngày ban hành").fill("15/01/2025")
    page.get_by_label("Cơ quan ban hành").fill("Sở Tư pháp")
    page.get_by_role("button", name="Tải lên").click()

    expect(page.get_by_text("Đã tải lên “Kế hoạch kiểm tra CCHC.pdf”.")).to_be_visible()
    document = EvidenceDocument.objects.get()
    row = page.get_by_test_id(f"document-{document.pk}")
    expect(row).to_contain_text("7/KH-STP")
    expect(row).to_contain_text("ngày 15/01/2025")
    expect(row.locator("[data-signature=untrusted]")).to_be_visible()
    expect(row).to_contain_text("UBND TỈNH THỬ NGHIỆM")

    with page.expect_popup() as popup:
        row.get_by_role("link", name="Xem").click()
    expect(popup.value).to_have_url(f"{live_server.url}/tai-lieu/{document.pk}/xem/")

    page.on("dialog", lambda dialog: dialog.accept())  # data-confirm asks before deleting
    row.get_by_role("button", name="Xóa").click()
    expect(page.get_by_text("Đã xóa tài liệu “Kế hoạch kiểm tra CCHC.pdf”.")).to_be_visible()
    assert not EvidenceDocument.objects.exists()
    assert errors == []
