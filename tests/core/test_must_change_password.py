from django.urls import reverse

from parindex.core.password_change import MUST_CHANGE_PASSWORD
from tests.factories import TEST_PASSWORD


def test_a_user_with_a_generated_password_is_sent_to_change_it_from_any_page(client, organizer):
    organizer.must_change_password = True
    organizer.save(update_fields=["must_change_password"])
    client.force_login(organizer)
    for url in (reverse("home"), reverse("criteria:list"), reverse("periods:list")):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == reverse("password_change")
    page = client.get(reverse("password_change"), follow=True)
    assert page.status_code == 200
    assert str(MUST_CHANGE_PASSWORD) in page.content.decode()


def test_after_changing_it_every_page_opens_again(client, organizer):
    organizer.must_change_password = True
    organizer.save(update_fields=["must_change_password"])
    client.force_login(organizer)
    client.post(
        reverse("password_change"),
        {
            "old_password": TEST_PASSWORD,
            "new_password1": "mat-khau-moi-cua-to-chuc",
            "new_password2": "mat-khau-moi-cua-to-chuc",
        },
    )
    organizer.refresh_from_db()
    assert not organizer.must_change_password
    assert client.get(reverse("home")).status_code == 200


def test_logging_out_is_always_possible(client, organizer):
    organizer.must_change_password = True
    organizer.save(update_fields=["must_change_password"])
    client.force_login(organizer)
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("home")).status_code == 302  # now anonymous: to the login page
