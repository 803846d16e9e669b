from parindex.accounts.models import Role
from parindex.notifications.selectors import council_members, organizers, users_of_unit
from tests.factories import UserFactory


def test_users_of_unit_are_its_officers_and_head_by_default(unit_a, officer_a, head_a, officer_b, organizer):
    assert list(users_of_unit(unit_a)) == [officer_a, head_a]


def test_users_of_unit_can_be_narrowed_to_some_roles(unit_a, officer_a, head_a):
    assert list(users_of_unit(unit_a, roles=(Role.UNIT_HEAD,))) == [head_a]
    assert list(users_of_unit(unit_a.pk, roles=[Role.UNIT_OFFICER])) == [officer_a]


def test_organizers_and_council_members(organizer, council, appraiser, officer_a):
    assert list(organizers()) == [organizer]
    assert list(council_members()) == [council]


def test_deactivated_accounts_are_left_out(unit_a, officer_a, organizer, council):
    UserFactory.create(username="daumoi_cu", role=Role.UNIT_OFFICER, unit=unit_a, is_active=False)
    UserFactory.create(username="tochuc_cu", role=Role.ORGANIZER, is_active=False)
    UserFactory.create(username="hoidong_cu", role=Role.COUNCIL, is_active=False)

    assert list(users_of_unit(unit_a)) == [officer_a]
    assert list(organizers()) == [organizer]
    assert list(council_members()) == [council]
