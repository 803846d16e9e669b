"""Every refused upload: a clear Vietnamese message naming the file, nothing stored, no audit event."""

import datetime as dt
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.formats import date_format

from parindex.assessments.models import State
from parindex.evidence import files
from parindex.evidence.models import EvidenceDocument
from parindex.evidence.services import (
    MSG_DUPLICATE,
    MSG_LOCKED,
    MSG_NOT_UNIT_MEMBER,
    EvidenceRefused,
    evidence_upload,
)
from parindex.periods.models import Phase, PhaseDeadline
from tests.cycle import deadline_of
from tests.evidence import documents
from tests.evidence.conftest import stored_files
from tests.evidence.helpers import post_upload, set_state, upload


@pytest.fixture
def nothing_saved(media_root, audit_mark):
    mark = audit_mark()
    yield
    assert not EvidenceDocument.objects.exists()
    assert stored_files(media_root) == []
    assert mark.actions() == []


def refusal(actor, assessment, name, content, **kwargs):
    with pytest.raises(EvidenceRefused) as error:
        upload(actor, assessment, name, content, **kwargs)
    return str(error.value)


@pytest.mark.parametrize("name", ["setup.exe", "Báo cáo.doc", "Bảng.xls", "ghi-chu.txt", "khong-co-duoi"])
def test_an_extension_we_do_not_take_is_refused(officer_a, assessment_a, nothing_saved, name):
    assert refusal(officer_a, assessment_a, name, documents.pdf()) == files.MSG_UNSUPPORTED_EXTENSION.format(name=name)


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("Quyết định.pdf", documents.png(), "PDF"),  # a PNG renamed .pdf
        ("Ảnh.jpg", documents.png(), "ảnh JPG"),
        ("Ảnh.png", documents.JPEG, "ảnh PNG"),
        ("Báo cáo.docx", documents.xlsx(), "Word (.docx)"),  # an Excel file renamed .docx
        ("Bảng.xlsx", documents.docx(), "Excel (.xlsx)"),
        ("Báo cáo.docx", documents.pdf(), "Word (.docx)"),
        ("Bảng.xlsx", b"PK\x03\x04 not really a zip", "Excel (.xlsx)"),
    ],
)
def test_content_that_does_not_match_the_extension_is_refused(
    officer_a, assessment_a, nothing_saved, name, content, kind
):
    extension = "." + name.rsplit(".", 1)[1]
    assert refusal(officer_a, assessment_a, name, content) == files.MSG_NOT_REAL.format(
        name=name, kind=kind, extension=extension
    )


def test_a_plain_zip_renamed_docx_is_not_a_word_file(officer_a, assessment_a, nothing_saved):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "xin chào")
    message = refusal(officer_a, assessment_a, "Hồ sơ.docx", out.getvalue())
    assert message == files.MSG_NOT_REAL.format(name="Hồ sơ.docx", kind="Word (.docx)", extension=".docx")


def test_the_view_shows_the_refusal_on_the_file_field(client, officer_a, assessment_a, nothing_saved):
    client.force_login(officer_a)
    response = post_upload(client, assessment_a, "x.pdf", documents.png(), number="12/QĐ-UBND")
    assert response.status_code == 200
    expected = "Tệp “x.pdf” không phải là tệp PDF thật: nội dung tệp không khớp với phần mở rộng “.pdf”."
    assert response.context["form"].errors["file"] == [expected]
    assert expected in response.content.decode()


def test_a_file_over_the_size_limit_is_refused(settings, officer_a, assessment_a, nothing_saved):
    settings.EVIDENCE_MAX_UPLOAD_BYTES = 500
    content = documents.pdf()
    assert len(content) > 500
    assert refusal(officer_a, assessment_a, "Lớn.pdf", content) == files.MSG_TOO_LARGE.format(
        name="Lớn.pdf", limit="500 byte"
    )


def test_an_empty_file_is_refused(officer_a, assessment_a, nothing_saved):
    assert refusal(officer_a, assessment_a, "Rỗng.pdf", b"") == files.MSG_EMPTY.format(name="Rỗng.pdf")


def unsafe(name, reason):
    return files.MSG_ZIP_UNSAFE.format(name=name, reason=reason)


def test_a_docx_declaring_a_huge_uncompressed_size_is_refused_before_it_is_opened(
    officer_a, assessment_a, nothing_saved
):
    # 3 MB stored as is (ratio 1:1), then the directory is made to claim 250 MB for it: ratio 83:1 passes,
    # the declared total does not.
    bomb = documents.declare_uncompressed_size(
        documents.docx_with({"word/media/image1.bin": b"\x00" * (3 * 1024 * 1024)}, stored=True),
        "word/media/image1.bin",
        250 * 1024 * 1024,
    )
    reason = files.REASON_TOO_BIG_UNCOMPRESSED.format(size="250 MB", limit="200 MB")
    assert refusal(officer_a, assessment_a, "Bom.docx", bomb) == unsafe("Bom.docx", reason)


def test_a_docx_member_with_an_extreme_compression_ratio_is_refused(officer_a, assessment_a, nothing_saved):
    bomb = documents.docx_with({"word/media/zeros.bin": b"\x00" * (4 * 1024 * 1024)})
    info = zipfile.ZipFile(io.BytesIO(bomb)).getinfo("word/media/zeros.bin")
    ratio = int(info.file_size / info.compress_size)
    assert ratio > 100
    reason = files.REASON_RATIO.format(member="word/media/zeros.bin", ratio=ratio, limit=100)
    assert refusal(officer_a, assessment_a, "Bom.docx", bomb) == unsafe("Bom.docx", reason)


@pytest.mark.parametrize(
    "member", ["../../etc/cron.d/x", "word/../../x.xml", "/etc/passwd", "..\\..\\x.xml", "C:\\x.xml"]
)
def test_a_member_path_leaving_the_archive_is_refused(officer_a, assessment_a, nothing_saved, member):
    crafted = documents.docx_with({member: b"<x/>"})
    assert zipfile.ZipFile(io.BytesIO(crafted)).namelist()[-1] == member
    message = refusal(officer_a, assessment_a, "Lạ.docx", crafted)
    assert message == unsafe("Lạ.docx", files.REASON_BAD_PATH.format(member=member))


def test_an_archive_with_too_many_members_is_refused(officer_a, assessment_a, nothing_saved):
    crafted = documents.docx_with({f"word/m/{index}.xml": b"" for index in range(10_001)}, stored=True)
    reason = files.REASON_TOO_MANY_MEMBERS.format(count=10_004, limit=10_000)
    assert refusal(officer_a, assessment_a, "Nhiều.docx", crafted) == unsafe("Nhiều.docx", reason)


def test_a_file_already_in_the_registry_is_refused_with_a_pointer_to_it(officer_a, head_a, assessment_a, audit_mark):
    content = documents.pdf("Ke hoach CCHC")
    first = upload(officer_a, assessment_a, "Kế hoạch.pdf", content, number="45/KH-UBND")
    mark = audit_mark()
    message = refusal(head_a, assessment_a, "Kế hoạch (bản sao).pdf", content)
    assert message == MSG_DUPLICATE.format(
        name="Kế hoạch (bản sao).pdf",
        existing="45/KH-UBND – Kế hoạch.pdf",
        uploaded_at=date_format(timezone.localtime(first.uploaded_at), "SHORT_DATETIME_FORMAT"),
    )
    assert EvidenceDocument.objects.count() == 1
    assert mark.actions() == []


def test_nothing_is_uploaded_after_the_head_submits(officer_a, assessment_a, nothing_saved):
    set_state(assessment_a, State.SUBMITTED)
    assert refusal(officer_a, assessment_a, "Muộn.pdf", documents.pdf()) == MSG_LOCKED.format(
        reason="Thủ trưởng đơn vị đã chốt kết quả tự đánh giá."
    )


def test_nothing_is_uploaded_after_the_self_assessment_deadline(officer_a, assessment_a, nothing_saved):
    deadline = deadline_of(assessment_a.period, Phase.SELF_ASSESSMENT, assessment_a.unit)
    message = refusal(officer_a, assessment_a, "Muộn.pdf", documents.pdf(), now=deadline + dt.timedelta(seconds=1))
    assert message == MSG_LOCKED.format(reason="Đã hết hạn tự đánh giá.")


def test_at_the_deadline_itself_the_upload_still_goes_through(officer_a, assessment_a):
    deadline = deadline_of(assessment_a.period, Phase.SELF_ASSESSMENT, assessment_a.unit)
    assert upload(officer_a, assessment_a, now=deadline).pk


def test_the_page_offers_no_form_after_the_deadline_and_a_post_is_refused(
    client, officer_a, assessment_a, nothing_saved
):
    PhaseDeadline.objects.filter(period=assessment_a.period, phase=Phase.SELF_ASSESSMENT).update(
        deadline=timezone.now() - dt.timedelta(minutes=1)
    )
    client.force_login(officer_a)
    page = client.get(f"/danh-gia/{assessment_a.pk}/tai-lieu/")
    assert page.context["form"] is None
    assert "Đã hết hạn tự đánh giá." in page.content.decode()
    response = post_upload(client, assessment_a, "Muộn.pdf", documents.pdf())
    assert response.status_code == 302
    messages = [str(message) for message in response.wsgi_request._messages]
    assert messages == ["Đã hết hạn tự đánh giá."]


def test_another_units_officer_cannot_upload_into_the_registry(client, officer_b, assessment_a, nothing_saved):
    assert refusal(officer_b, assessment_a, "Lạ.pdf", documents.pdf()) == MSG_NOT_UNIT_MEMBER.format(unit="Sở Tư pháp")
    client.force_login(officer_b)
    assert post_upload(client, assessment_a, "Lạ.pdf", documents.pdf()).status_code == 404


@pytest.mark.parametrize(
    ("user_fixture", "status"),
    [("organizer", 403), ("admin_user", 403), ("council", 403), ("appraiser", 404)],  # not assigned: unseen
)
def test_viewers_of_the_registry_cannot_upload_into_it(
    client, request, assessment_a, nothing_saved, user_fixture, status
):
    client.force_login(request.getfixturevalue(user_fixture))
    assert post_upload(client, assessment_a, "Lạ.pdf", documents.pdf()).status_code == status


def test_a_bad_date_is_a_form_error_and_nothing_is_saved(client, officer_a, assessment_a, nothing_saved):
    client.force_login(officer_a)
    response = post_upload(client, assessment_a, "QĐ.pdf", documents.pdf(), issued_on="2025-03-04")
    assert response.status_code == 200
    assert response.context["form"].errors["issued_on"] == [
        "Ngày ban hành phải viết theo dạng ngày/tháng/năm, ví dụ 15/01/2025."
    ]


def test_a_declared_size_is_not_trusted(settings, officer_a, assessment_a, nothing_saved):
    settings.EVIDENCE_MAX_UPLOAD_BYTES = 500
    lying = SimpleUploadedFile("Nhỏ.pdf", documents.pdf())
    lying.size = 10  # what a crafted request could claim
    with pytest.raises(EvidenceRefused, match="vượt quá dung lượng cho phép"):
        evidence_upload(actor=officer_a, assessment=assessment_a, uploaded_file=lying)
