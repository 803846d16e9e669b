import pytest
from django.core.exceptions import PermissionDenied

from parindex.notifications.services import notification_mark_read


@pytest.mark.parametrize("reader", ["officer_b", "head_a", "organizer", "admin_user", "council"])
def test_nobody_opens_another_persons_notification(client, request, officer_a, make_notification, reader):
    notification = make_notification(officer_a, link="/tu-danh-gia/12/")
    client.force_login(request.getfixturevalue(reader))

    response = client.post(f"/thong-bao/{notification.pk}/doc/")

    assert response.status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_the_service_refuses_to_mark_another_persons_notification(officer_a, officer_b, make_notification):
    notification = make_notification(officer_a)

    with pytest.raises(PermissionDenied):
        notification_mark_read(user=officer_b, notification=notification)
