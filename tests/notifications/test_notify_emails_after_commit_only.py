import pytest
from django.core import mail
from django.db import transaction

from parindex.notifications.models import Kind, Notification
from parindex.notifications.services import notify


class Rollback(Exception):
    pass


def _notify(recipients):
    return notify(
        recipients=recipients,
        kind=Kind.SUBMITTED,
        title="Sở Tư pháp đã chốt điểm tự đánh giá",
        body="Thủ trưởng đơn vị đã chốt điểm tự đánh giá năm 2025.",
        link="/thong-bao/",
    )


def _notify_and_roll_back(recipients):
    try:
        with transaction.atomic():
            _notify(recipients)
            raise Rollback
    except Rollback:
        pass


def test_it_creates_one_notification_per_recipient_in_one_insert(officer_a, head_a, django_assert_num_queries):
    with django_assert_num_queries(1):
        created = _notify([officer_a, head_a])

    assert [n.recipient for n in created] == [officer_a, head_a]
    assert all(n.pk for n in created)
    assert Notification.objects.filter(kind=Kind.SUBMITTED, read_at=None).count() == 2


def test_it_emails_only_once_the_transaction_commits(
    officer_a_with_email, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        (notification,) = _notify([officer_a_with_email])
        assert mailoutbox == []
        assert notification.email_sent_at is None

    assert len(callbacks) == 1
    assert [message.to for message in mailoutbox] == [["daumoi.a@sotuphap.example.gov.vn"]]
    notification.refresh_from_db()
    assert notification.email_sent_at is not None


def test_it_emails_nobody_when_the_transaction_rolls_back(
    officer_a_with_email, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        _notify_and_roll_back([officer_a_with_email])

    assert callbacks == []
    assert mailoutbox == []
    assert not Notification.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_it_emails_after_a_real_commit_and_not_after_a_real_rollback(officer_a_with_email):
    _notify_and_roll_back([officer_a_with_email])
    assert mail.outbox == []

    with transaction.atomic():
        _notify([officer_a_with_email])
        assert mail.outbox == []

    assert len(mail.outbox) == 1
    assert Notification.objects.get().email_sent_at is not None


def test_it_sends_nothing_when_asked_for_in_app_only(
    officer_a_with_email, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notify(recipients=[officer_a_with_email], kind=Kind.INFO, title="Chỉ trong hệ thống", body="", email=False)

    assert callbacks == []
    assert mailoutbox == []
    assert Notification.objects.get().email_sent_at is None
