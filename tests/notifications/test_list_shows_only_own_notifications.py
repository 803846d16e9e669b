import datetime

from django.utils import timezone

from parindex.notifications.views import PAGE_SIZE


def test_the_list_shows_only_the_users_own_notifications_newest_first(client, officer_a, officer_b, make_notification):
    now = timezone.now()
    make_notification(officer_a, title="Cũ hơn", created_at=now - datetime.timedelta(days=1))
    make_notification(officer_a, title="Mới hơn", created_at=now)
    make_notification(officer_b, title="Của đơn vị khác")
    client.force_login(officer_a)

    response = client.get("/thong-bao/")

    assert response.status_code == 200
    body = response.content.decode()
    assert body.index("Mới hơn") < body.index("Cũ hơn")
    assert "Của đơn vị khác" not in body


def test_unread_notifications_are_highlighted_and_dates_are_vietnamese(client, officer_a, make_notification):
    at = timezone.make_aware(datetime.datetime(2025, 12, 12, 8, 5))
    make_notification(officer_a, title="Chưa đọc", created_at=at)
    make_notification(officer_a, title="Đã đọc", created_at=at, read_at=at)
    client.force_login(officer_a)

    response = client.get("/thong-bao/")

    body = response.content.decode()
    assert body.count('data-testid="notification-unread"') == 1
    assert body.count('data-testid="notification"') == 1
    assert "12/12/2025 08:05" in body


def test_the_list_is_paginated(client, officer_a, make_notification):
    for number in range(PAGE_SIZE + 5):
        make_notification(officer_a, title=f"Thông báo số {number:02d}")
    client.force_login(officer_a)

    first = client.get("/thong-bao/").content.decode()
    second = client.get("/thong-bao/?trang=2").content.decode()

    assert first.count("Thông báo số ") == PAGE_SIZE
    assert second.count("Thông báo số ") == 5
    assert "Trang 1/2" in first
    assert 'href="?trang=2"' in first


def test_a_user_without_notifications_is_told_so(client, no_role_user):
    client.force_login(no_role_user)

    response = client.get("/thong-bao/")

    assert "Bạn chưa có thông báo nào." in response.content.decode()
