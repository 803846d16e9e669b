from parindex.notifications.models import Notification
from parindex.notifications.services import notification_mark_read, notifications_mark_all_read
from parindex.notifications.views import NOTIFICATIONS_ALL_READ


def test_opening_a_notification_marks_it_read_and_goes_to_its_page(client, officer_a, make_notification):
    notification = make_notification(officer_a, link="/tu-danh-gia/12/")
    client.force_login(officer_a)

    response = client.post(f"/thong-bao/{notification.pk}/doc/")

    assert response.status_code == 302
    assert response["Location"] == "/tu-danh-gia/12/"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_opening_a_notification_without_a_link_returns_to_the_list(client, officer_a, make_notification):
    notification = make_notification(officer_a)
    client.force_login(officer_a)

    response = client.post(f"/thong-bao/{notification.pk}/doc/")

    assert response["Location"] == "/thong-bao/"


def test_opening_needs_a_post_so_a_link_cannot_mark_anything(client, officer_a, make_notification):
    notification = make_notification(officer_a)
    client.force_login(officer_a)

    response = client.get(f"/thong-bao/{notification.pk}/doc/")

    assert response.status_code == 405
    notification.refresh_from_db()
    assert notification.read_at is None


def test_reading_again_keeps_the_first_reading_time(officer_a, make_notification):
    notification = make_notification(officer_a)
    first = notification_mark_read(user=officer_a, notification=notification).read_at

    stale = Notification.objects.get(pk=notification.pk)
    stale.read_at = None  # a second tab that loaded the list before the first click
    notification_mark_read(user=officer_a, notification=stale)

    notification.refresh_from_db()
    assert notification.read_at == first


def test_mark_all_read_marks_only_the_users_own(client, officer_a, officer_b, make_notification):
    make_notification(officer_a)
    make_notification(officer_a)
    others = make_notification(officer_b)
    client.force_login(officer_a)

    response = client.post("/thong-bao/doc-tat-ca/", follow=True)

    assert response.redirect_chain == [("/thong-bao/", 302)]
    assert str(NOTIFICATIONS_ALL_READ) in response.content.decode()
    assert not Notification.objects.filter(recipient=officer_a, read_at=None).exists()
    others.refresh_from_db()
    assert others.read_at is None


def test_the_mark_all_service_says_how_many_were_unread(officer_a, make_notification):
    make_notification(officer_a)
    make_notification(officer_a)

    assert notifications_mark_all_read(user=officer_a) == 2
    assert notifications_mark_all_read(user=officer_a) == 0
