from django.contrib.auth.hashers import identify_hasher

from parindex.accounts.services import user_create


def test_a_new_password_is_hashed_with_argon2(db):
    user = user_create(actor=None, username="moi", password="mot-mat-khau-rat-dai", role="organizer")

    user.refresh_from_db()
    assert user.password.startswith("argon2$")
    assert identify_hasher(user.password).algorithm == "argon2"
    assert user.check_password("mot-mat-khau-rat-dai")


def test_a_changed_password_is_hashed_with_argon2(organizer):
    organizer.set_password("mat-khau-moi-cung-dai")
    organizer.save()

    organizer.refresh_from_db()
    assert identify_hasher(organizer.password).algorithm == "argon2"
