import pytest
from django.core.exceptions import ValidationError

from parindex.accounts.models import USER_UNIT_REQUIRED, Role, User
from parindex.accounts.services import user_create
from parindex.audit.models import AuditEvent


def test_it_creates_the_user_and_records_the_event(admin_user, unit_a):
    user = user_create(
        actor=admin_user,
        username="daumoi_moi",
        password="mot-mat-khau-rat-dai",
        role=Role.UNIT_OFFICER,
        unit=unit_a,
        full_name="Cán Bộ Mới",
    )

    event = AuditEvent.objects.get(action="user.created")
    assert event.actor == admin_user
    assert event.target_id == str(user.pk)
    after = event.after or {}
    assert "password" not in after
    assert after["role"] == "unit_officer"


def test_it_refuses_a_weak_password(db):
    with pytest.raises(ValidationError):
        user_create(actor=None, username="yeu", password="12345678", role=Role.ORGANIZER)

    assert not User.objects.filter(username="yeu").exists()


def test_it_refuses_an_officer_without_unit(db):
    with pytest.raises(ValidationError) as error:
        user_create(actor=None, username="lac", password="mot-mat-khau-rat-dai", role=Role.UNIT_OFFICER)

    assert error.value.message_dict["unit"] == [USER_UNIT_REQUIRED]
    assert not AuditEvent.objects.exists()
