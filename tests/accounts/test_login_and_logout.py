from django.urls import reverse

from parindex.accounts.forms import LOGIN_INVALID
from parindex.audit.models import AuditEvent
from tests.factories import TEST_PASSWORD


def test_the_login_page_is_in_vietnamese(client, db):
    response = client.get("/dang-nhap/")

    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="vi">' in body
    assert "Đăng nhập" in body
    assert "Tên đăng nhập" in body
    assert "Mật khẩu" in body


def test_a_correct_password_signs_in_and_goes_home(client, organizer):
    response = client.post("/dang-nhap/", {"username": "tochuc", "password": TEST_PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert client.get("/").context["user"] == organizer


def test_a_wrong_password_shows_a_vietnamese_error(client, organizer):
    response = client.post("/dang-nhap/", {"username": "tochuc", "password": "sai-mat-khau"})

    assert response.status_code == 200
    assert str(LOGIN_INVALID) in response.content.decode()
    assert not response.context["user"].is_authenticated


def test_an_inactive_account_cannot_sign_in(client, organizer):
    organizer.is_active = False
    organizer.save()

    response = client.post("/dang-nhap/", {"username": "tochuc", "password": TEST_PASSWORD})

    assert response.status_code == 200
    assert not response.context["user"].is_authenticated


def test_login_follows_a_safe_next_url(client, organizer):
    response = client.post(
        "/dang-nhap/?next=/doi-mat-khau/",
        {"username": "tochuc", "password": TEST_PASSWORD, "next": "/doi-mat-khau/"},
    )

    assert response["Location"] == "/doi-mat-khau/"


def test_login_ignores_a_next_url_to_another_site(client, organizer):
    response = client.post(
        "/dang-nhap/", {"username": "tochuc", "password": TEST_PASSWORD, "next": "https://evil.example/"}
    )

    assert response["Location"] == reverse("home")


def test_logout_is_a_post_and_ends_the_session(client, organizer):
    client.force_login(organizer)

    assert client.get("/dang-xuat/").status_code == 405  # a link or an image tag cannot sign anyone out
    response = client.post("/dang-xuat/")

    assert response.status_code == 302
    assert response["Location"] == reverse("login")
    assert client.get("/")["Location"].startswith("/dang-nhap/")


def test_sign_in_sign_out_and_failures_are_audited(client, organizer):
    client.post("/dang-nhap/", {"username": "tochuc", "password": "sai-mat-khau"})
    client.post("/dang-nhap/", {"username": "tochuc", "password": TEST_PASSWORD})
    client.post("/dang-xuat/")

    actions = list(AuditEvent.objects.order_by("id").values_list("action", "actor_id"))
    assert actions == [
        ("auth.login_failed", None),
        ("auth.logged_in", organizer.pk),
        ("auth.logged_out", organizer.pk),
    ]
    assert "sai-mat-khau" not in str(AuditEvent.objects.values_list("summary", "after"))
