"""A new account's first password: generated, shown once on the result page, stored only as a hash, never in
the audit log; the user must choose their own at the first sign-in. An update never touches a password."""

import json

from django.contrib.auth.hashers import identify_hasher
from django.urls import reverse

from parindex.accounts.imports import PASSWORD_ALPHABET, PASSWORD_LENGTH
from parindex.accounts.models import User
from parindex.accounts.views import MUST_CHANGE_PASSWORD
from parindex.audit.models import AuditEvent
from tests.accounts.conftest import USER_IMPORT_URL
from tests.organization.xlsx_files import USER_HEADER, upload, xlsx


def _import_new_account(client, organizer):
    client.force_login(organizer)
    response = upload(client, USER_IMPORT_URL, xlsx([["moi", "Người Mới", "appraiser"]], header=USER_HEADER))
    (row,) = response.context["result"].rows
    return response, row.initial_password


def test_a_new_account_gets_a_random_password_shown_on_the_result_page(client, organizer):
    response, password = _import_new_account(client, organizer)

    assert len(password) == PASSWORD_LENGTH
    assert set(password) <= set(PASSWORD_ALPHABET)
    page = response.content.decode()
    assert f'data-testid="initial-password">{password}<' in page
    assert "chỉ hiện một lần trên trang này" in page


def test_two_accounts_get_different_passwords(client, organizer):
    client.force_login(organizer)
    rows = [["mot", "Một", "appraiser"], ["hai", "Hai", "appraiser"]]

    response = upload(client, USER_IMPORT_URL, xlsx(rows, header=USER_HEADER))

    first, second = (row.initial_password for row in response.context["result"].rows)
    assert first != second


def test_the_password_is_stored_only_as_an_argon2_hash(client, organizer):
    _response, password = _import_new_account(client, organizer)

    user = User.objects.get(username="moi")
    assert password not in user.password
    assert identify_hasher(user.password).algorithm == "argon2"
    assert user.check_password(password)


def test_the_password_appears_nowhere_in_the_audit_log(client, organizer):
    _response, password = _import_new_account(client, organizer)

    (event,) = AuditEvent.objects.filter(action="user.imported_created")
    stored = json.dumps([event.summary, event.before, event.after], ensure_ascii=False)
    assert password not in stored
    assert "password" not in (event.after or {})


def test_the_result_page_is_never_cached(client, organizer):
    response, _password = _import_new_account(client, organizer)

    assert "no-store" in response["Cache-Control"]


def test_the_first_sign_in_leads_to_the_password_change_which_clears_the_mark(client, organizer):
    _response, password = _import_new_account(client, organizer)
    client.logout()
    user = User.objects.get(username="moi")
    assert user.must_change_password

    response = client.post(reverse("login"), {"username": "moi", "password": password}, follow=True)

    assert response.redirect_chain[-1] == (reverse("password_change"), 302)
    assert str(MUST_CHANGE_PASSWORD) in response.content.decode()
    response = client.post(
        reverse("password_change"),
        {
            "old_password": password,
            "new_password1": "mat-khau-rieng-cua-toi-2025",
            "new_password2": "mat-khau-rieng-cua-toi-2025",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert not user.must_change_password


def test_an_ordinary_sign_in_goes_where_it_was_going(client, officer_a):
    from tests.factories import TEST_PASSWORD

    response = client.post(reverse("login"), {"username": "daumoi_a", "password": TEST_PASSWORD})

    assert response.status_code == 302
    assert response["Location"] != reverse("password_change")


def test_an_update_never_changes_the_password(client, organizer, officer_a):
    password_hash = officer_a.password
    client.force_login(organizer)

    response = upload(
        client, USER_IMPORT_URL, xlsx([["daumoi_a", "Tên Mới", "unit_officer", "SA"]], header=USER_HEADER)
    )

    (row,) = response.context["result"].rows
    assert (row.status, row.initial_password) == ("updated", "")
    officer_a.refresh_from_db()
    assert officer_a.password == password_hash
    assert not officer_a.must_change_password
