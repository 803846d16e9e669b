from parindex.accounts.views import PASSWORD_CHANGED
from parindex.audit.models import AuditEvent
from tests.factories import TEST_PASSWORD

NEW_PASSWORD = "mat-khau-moi-cua-to-chuc"


def test_the_password_change_page_is_in_vietnamese(client, organizer):
    client.force_login(organizer)

    body = client.get("/doi-mat-khau/").content.decode()

    assert "Đổi mật khẩu" in body
    assert "Mật khẩu cũ" in body


def test_it_changes_the_password_keeps_the_session_and_audits(client, organizer):
    client.force_login(organizer)

    response = client.post(
        "/doi-mat-khau/",
        {"old_password": TEST_PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )

    assert str(PASSWORD_CHANGED) in response.content.decode()
    assert response.context["user"].is_authenticated
    organizer.refresh_from_db()
    assert organizer.check_password(NEW_PASSWORD)
    assert AuditEvent.objects.filter(action="auth.password_changed", actor=organizer).count() == 1


def test_it_refuses_a_wrong_old_password(client, organizer):
    client.force_login(organizer)

    response = client.post(
        "/doi-mat-khau/",
        {"old_password": "khong-dung", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert response.status_code == 200
    assert "Mật khẩu cũ không chính xác" in response.content.decode()
    organizer.refresh_from_db()
    assert organizer.check_password(TEST_PASSWORD)
