"""factory-boy factories for the Django models. Every user has the password TEST_PASSWORD."""

from __future__ import annotations

import datetime
import functools

import factory
from django.contrib.auth.hashers import make_password

from parindex.accounts.models import Role, User
from parindex.organization.models import Unit, UnitGroup

TEST_PASSWORD = "mat-khau-kiem-thu-2025"


@functools.cache
def _test_password_hash() -> str:
    # Argon2 is deliberately slow; hash the shared test password once per run, not once per user.
    return make_password(TEST_PASSWORD)


class UnitGroupFactory(factory.django.DjangoModelFactory[UnitGroup]):
    class Meta:
        model = UnitGroup
        django_get_or_create = ("code",)

    code = "so"
    name = "Sở, ban, ngành"
    ordering = 10


class UnitFactory(factory.django.DjangoModelFactory[Unit]):
    class Meta:
        model = Unit

    code = factory.Sequence(lambda n: f"U{n:03d}")
    name = factory.Sequence(lambda n: f"Sở Thử nghiệm số {n}")
    short_name = ""
    group = factory.SubFactory(UnitGroupFactory)
    active_from = datetime.date(2020, 1, 1)


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"nguoidung{n}")
    full_name = factory.Sequence(lambda n: f"Người Dùng {n}")
    role = Role.ORGANIZER
    unit = None
    password = factory.LazyFunction(_test_password_hash)
