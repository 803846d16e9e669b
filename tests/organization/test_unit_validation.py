import datetime

import pytest
from django.core.exceptions import ValidationError

from parindex.organization.models import (
    UNIT_ACTIVE_TO_BEFORE_FROM,
    UNIT_MERGED_BEFORE_ACTIVE,
    UNIT_MERGED_INTO_ITSELF,
    UNIT_MERGED_INTO_WITHOUT_DATE,
    UNIT_MERGED_ON_WITHOUT_TARGET,
)
from tests.factories import UnitFactory

D = datetime.date


def _errors(unit):
    with pytest.raises(ValidationError) as error:
        unit.full_clean()
    return error.value.message_dict


def test_a_plain_unit_is_valid(db):
    UnitFactory.create().full_clean()


def test_active_to_before_active_from_is_rejected(db):
    unit = UnitFactory.build(group=UnitFactory.create().group, active_from=D(2025, 7, 1), active_to=D(2025, 6, 30))

    assert _errors(unit)["active_to"] == [UNIT_ACTIVE_TO_BEFORE_FROM]


def test_active_to_on_active_from_is_a_one_day_unit(db):
    UnitFactory.build(group=UnitFactory.create().group, active_from=D(2025, 7, 1), active_to=D(2025, 7, 1)).full_clean()


def test_a_merger_date_needs_the_unit_merged_into(db):
    unit = UnitFactory.create(active_from=D(2020, 1, 1))
    unit.merged_on = D(2025, 7, 1)

    assert _errors(unit)["merged_into"] == [UNIT_MERGED_ON_WITHOUT_TARGET]


def test_the_unit_merged_into_needs_a_merger_date(db):
    unit, target = UnitFactory.create(), UnitFactory.create()
    unit.merged_into = target

    assert _errors(unit)["merged_on"] == [UNIT_MERGED_INTO_WITHOUT_DATE]


def test_a_unit_cannot_merge_into_itself(db):
    unit = UnitFactory.create(active_from=D(2020, 1, 1))
    unit.merged_into = unit
    unit.merged_on = D(2025, 7, 1)

    assert _errors(unit)["merged_into"] == [UNIT_MERGED_INTO_ITSELF]


def test_a_merger_before_the_unit_existed_is_rejected(db):
    unit, target = UnitFactory.create(active_from=D(2025, 7, 1)), UnitFactory.create()
    unit.merged_into, unit.merged_on = target, D(2025, 1, 1)

    assert _errors(unit)["merged_on"] == [UNIT_MERGED_BEFORE_ACTIVE]


def test_a_valid_merger(db):
    unit, target = UnitFactory.create(active_from=D(2020, 1, 1)), UnitFactory.create()
    unit.merged_into, unit.merged_on = target, D(2025, 7, 1)

    unit.full_clean()


def test_unit_codes_are_unique(db):
    UnitFactory.create(code="STP")

    assert "code" in _errors(UnitFactory.build(code="STP", group=UnitFactory.create().group))
