import pytest
from django.core.exceptions import ValidationError

from parindex.accounts.models import USER_UNIT_NOT_ALLOWED, USER_UNIT_REQUIRED, Role
from tests.factories import UserFactory


@pytest.mark.parametrize("role", [Role.UNIT_OFFICER, Role.UNIT_HEAD])
def test_a_unit_role_without_a_unit_is_rejected(db, role):
    user = UserFactory.build(username="khongdonvi", role=role, unit=None)

    with pytest.raises(ValidationError) as error:
        user.full_clean()

    assert error.value.message_dict["unit"] == [USER_UNIT_REQUIRED]


@pytest.mark.parametrize("role", [Role.UNIT_OFFICER, Role.UNIT_HEAD])
def test_a_unit_role_with_a_unit_is_valid(unit_a, role):
    UserFactory.build(username="codonvi", role=role, unit=unit_a).full_clean()


@pytest.mark.parametrize("role", [Role.ADMIN, Role.ORGANIZER, Role.COUNCIL])
def test_a_role_not_tied_to_a_unit_refuses_one(unit_a, role):
    user = UserFactory.build(username="thuadonvi", role=role, unit=unit_a)

    with pytest.raises(ValidationError) as error:
        user.full_clean()

    assert error.value.message_dict["unit"] == [USER_UNIT_NOT_ALLOWED]


def test_an_appraiser_may_name_the_unit_they_come_from_or_none(unit_a):
    UserFactory.build(username="thamdinh_stp", role=Role.APPRAISER, unit=unit_a).full_clean()
    UserFactory.build(username="thamdinh_tudo", role=Role.APPRAISER, unit=None).full_clean()


def test_roles_have_vietnamese_labels():
    assert dict(Role.choices) == {
        "admin": "Quản trị hệ thống",
        "organizer": "Sở Nội vụ (tổ chức đánh giá)",
        "appraiser": "Thành viên Tổ thẩm định",
        "council": "Thành viên Hội đồng",
        "unit_officer": "Cán bộ đầu mối CCHC",
        "unit_head": "Thủ trưởng đơn vị",
    }


def test_full_name_is_the_display_name(officer_a):
    assert officer_a.get_full_name() == "Đỗ Thị Đầu Mối"
    assert str(officer_a) == "Đỗ Thị Đầu Mối"
