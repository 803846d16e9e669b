from parindex.notifications.models import Kind
from parindex.notifications.services import EMAIL_SUBJECT_PREFIX, notify


def test_the_email_is_vietnamese_with_an_absolute_link_and_an_html_part(
    settings, officer_a_with_email, django_capture_on_commit_callbacks, mailoutbox
):
    settings.PARINDEX_BASE_URL = "https://cchc.tinh.example.gov.vn"

    with django_capture_on_commit_callbacks(execute=True):
        notify(
            recipients=[officer_a_with_email],
            kind=Kind.EXPLANATION_REQUESTED,
            title="Yêu cầu giải trình:\n2 tiêu chí",
            body="Tổ thẩm định yêu cầu giải trình tiêu chí 1.1 & 2.3 <trước hạn>.",
            link="/tu-danh-gia/12/",
        )

    (message,) = mailoutbox
    assert EMAIL_SUBJECT_PREFIX == "[Chỉ số CCHC] "
    assert message.subject == "[Chỉ số CCHC] Yêu cầu giải trình: 2 tiêu chí"
    assert "Kính gửi Đỗ Thị Đầu Mối," in message.body
    assert "Tổ thẩm định yêu cầu giải trình tiêu chí 1.1 & 2.3 <trước hạn>." in message.body
    assert "https://cchc.tinh.example.gov.vn/tu-danh-gia/12/" in message.body
    ((html, mimetype),) = message.alternatives
    assert mimetype == "text/html"
    assert '<a href="https://cchc.tinh.example.gov.vn/tu-danh-gia/12/">' in html
    assert "1.1 &amp; 2.3 &lt;trước hạn&gt;" in html  # escaped in HTML, as typed in plain text


def test_a_notification_without_a_link_points_to_the_notifications_page(
    settings, officer_a_with_email, django_capture_on_commit_callbacks, mailoutbox
):
    settings.PARINDEX_BASE_URL = "https://cchc.tinh.example.gov.vn"

    with django_capture_on_commit_callbacks(execute=True):
        notify(recipients=[officer_a_with_email], kind=Kind.INFO, title="Thử", body="")

    assert "Xem chi tiết: https://cchc.tinh.example.gov.vn/thong-bao/" in mailoutbox[0].body
