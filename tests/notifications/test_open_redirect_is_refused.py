import pytest

from parindex.notifications.views import NOTIFICATION_LINK_REFUSED


@pytest.mark.parametrize(
    "link", ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)", "/\t/evil.example"]
)
def test_a_link_off_the_site_is_never_followed(client, officer_a, make_notification, link):
    # notify() refuses such links; a row changed behind its back must still not make an open redirect.
    notification = make_notification(officer_a, link=link)
    client.force_login(officer_a)

    response = client.post(f"/thong-bao/{notification.pk}/doc/", follow=True)

    assert response.redirect_chain == [("/thong-bao/", 302)]
    assert str(NOTIFICATION_LINK_REFUSED) in response.content.decode()
    notification.refresh_from_db()
    assert notification.read_at is not None
