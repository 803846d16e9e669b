import logging

from parindex.notifications.models import Kind, Notification
from parindex.notifications.services import notify
from tests.notifications.email_backends import REFUSED_ADDRESS_MARK


def _notify(recipients):
    return notify(recipients=recipients, kind=Kind.RESULTS_PUBLISHED, title="Đã công bố kết quả", body="")


def test_a_mail_server_that_is_down_is_logged_and_the_notification_stays(
    settings, officer_a_with_email, django_capture_on_commit_callbacks, caplog
):
    settings.EMAIL_BACKEND = "tests.notifications.email_backends.DownBackend"

    with (
        caplog.at_level(logging.ERROR, logger="parindex.notifications"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        created = _notify([officer_a_with_email])

    notification = Notification.objects.get()
    assert created == [notification]
    assert notification.email_sent_at is None
    assert any("e-mail" in record.getMessage().lower() for record in caplog.records)


def test_one_refused_address_does_not_stop_the_others(
    settings, officer_a_with_email, head_a_with_email, django_capture_on_commit_callbacks, mailoutbox, caplog
):
    settings.EMAIL_BACKEND = "tests.notifications.email_backends.RefusingBackend"
    officer_a_with_email.email = f"{REFUSED_ADDRESS_MARK}@sotuphap.example.gov.vn"
    officer_a_with_email.save(update_fields=["email"])

    with (
        caplog.at_level(logging.ERROR, logger="parindex.notifications"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        _notify([officer_a_with_email, head_a_with_email])

    assert [message.to for message in mailoutbox] == [[head_a_with_email.email]]
    assert Notification.objects.get(recipient=officer_a_with_email).email_sent_at is None
    assert Notification.objects.get(recipient=head_a_with_email).email_sent_at is not None
    (record,) = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert str(officer_a_with_email.pk) in record.getMessage()
    assert record.exc_info is not None


def test_the_callers_commit_never_sees_an_email_failure(
    settings, officer_a_with_email, django_capture_on_commit_callbacks, monkeypatch
):
    # Even a bug in the mailing code itself (not just a failing server) must not reach the caller.
    from parindex.notifications import services

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    def broken(notification, *, connection):
        raise RuntimeError("lỗi dựng thư")

    monkeypatch.setattr(services, "_email_message", broken)

    with django_capture_on_commit_callbacks(execute=True):
        _notify([officer_a_with_email])

    assert Notification.objects.get().email_sent_at is None
