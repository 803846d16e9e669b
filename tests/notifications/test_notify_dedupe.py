import pytest

from parindex.notifications.models import Kind, Notification
from parindex.notifications.services import notify

KEY = "deadline:7:self_assessment:12:2025-12-15:3"


def _remind(recipients, *, dedupe_key=KEY):
    return notify(recipients=recipients, kind=Kind.DEADLINE_SOON, title="Còn 3 ngày", body="", dedupe_key=dedupe_key)


def test_it_notifies_each_person_once_per_key(officer_a, head_a):
    first = _remind([officer_a])
    second = _remind([officer_a, head_a])
    third = _remind([officer_a, head_a])

    assert [n.recipient for n in first] == [officer_a]
    assert [n.recipient for n in second] == [head_a]
    assert third == []
    assert Notification.objects.filter(dedupe_key=KEY).count() == 2


def test_it_checks_the_key_in_one_query_whatever_the_number_of_recipients(
    officer_a, head_a, officer_b, django_assert_max_num_queries
):
    _remind([officer_a])

    # One SELECT of who has the key, one INSERT, and two savepoints (taken and released): the second lets a
    # unique-key clash from a concurrent run be handled without losing the caller's transaction.
    with django_assert_max_num_queries(6):
        created = _remind([officer_a, head_a, officer_b])

    assert {n.recipient for n in created} == {head_a, officer_b}


def test_a_different_key_is_a_different_notification(officer_a):
    _remind([officer_a], dedupe_key="deadline:7:self_assessment:12:2025-12-15:3")
    _remind([officer_a], dedupe_key="deadline:7:self_assessment:12:2025-12-15:1")

    assert Notification.objects.filter(recipient=officer_a).count() == 2


def test_notifications_without_a_key_are_never_deduplicated(officer_a):
    notify(recipients=[officer_a], kind=Kind.INFO, title="Một", body="")
    notify(recipients=[officer_a], kind=Kind.INFO, title="Một", body="")

    assert Notification.objects.filter(recipient=officer_a).count() == 2


def test_the_database_itself_refuses_a_second_row_with_the_same_key(officer_a, make_notification):
    from django.db import IntegrityError, transaction

    make_notification(officer_a, dedupe_key=KEY)

    with pytest.raises(IntegrityError), transaction.atomic():
        make_notification(officer_a, dedupe_key=KEY)


def test_a_row_inserted_between_the_check_and_the_insert_is_skipped_not_an_error(
    officer_a, head_a, make_notification, monkeypatch
):
    # What a second copy of the daily job running at the same moment on PostgreSQL looks like: the key is
    # not there when checked, and there when inserted.
    from parindex.notifications import services

    make_notification(officer_a, dedupe_key=KEY)
    monkeypatch.setattr(services, "_recipients_with_key", lambda dedupe_key, recipient_ids: set())

    created = _remind([officer_a, head_a])

    assert [n.recipient for n in created] == [head_a]
    assert all(n.pk for n in created)
    assert Notification.objects.filter(dedupe_key=KEY).count() == 2


def test_inactive_accounts_are_not_notified(officer_a, head_a):
    head_a.is_active = False
    head_a.save(update_fields=["is_active"])

    created = notify(recipients=[officer_a, head_a], kind=Kind.INFO, title="Thử", body="")

    assert [n.recipient for n in created] == [officer_a]
