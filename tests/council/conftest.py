import datetime

import pytest

from parindex.accounts.models import Role
from parindex.council.services import approval_record, results_publish
from tests.council.scenario import NAMES, Scenario
from tests.cycle import make_period
from tests.factories import UnitFactory, UserFactory

DECISION_NUMBER = "123/QĐ-HĐĐG"
DECISION_DATE = datetime.date(2025, 11, 26)


@pytest.fixture
def unit_c(unit_a):
    return UnitFactory.create(code="SC", name=NAMES["c"], group=unit_a.group)


@pytest.fixture
def unit_d(unit_a):
    return UnitFactory.create(code="SD", name=NAMES["d"], group=unit_a.group)


@pytest.fixture
def head_b(unit_b):
    return UserFactory.create(username="thutruong_b", full_name="Lý Văn Bình", role=Role.UNIT_HEAD, unit=unit_b)


def _people(unit, key):
    officer = UserFactory.create(username=f"daumoi_{key}", role=Role.UNIT_OFFICER, unit=unit)
    head = UserFactory.create(username=f"thutruong_{key}", role=Role.UNIT_HEAD, unit=unit)
    return officer, head


@pytest.fixture
def scenario(organizer, unit_a, unit_b, unit_c, unit_d, officer_a, head_a, officer_b, head_b):
    """Four departments of one group, every self-assessment submitted, none appraised yet."""
    assert unit_a.group_id == unit_b.group_id  # the cast's two departments share the "so" group
    units = {"a": unit_a, "b": unit_b, "c": unit_c, "d": unit_d}
    period = make_period(organizer, list(units.values()))
    people = {"a": (officer_a, head_a), "b": (officer_b, head_b), "c": _people(unit_c, "c"), "d": _people(unit_d, "d")}
    built = Scenario(period=period, organizer=organizer, units=units, people=people)
    for key in units:
        built.submit(key)
    return built


@pytest.fixture
def appraised(scenario):
    for key in scenario.units:
        scenario.appraise(key)
    return scenario


@pytest.fixture
def approved(appraised):
    approval_record(
        actor=appraised.organizer,
        period=appraised.period,
        group=appraised.group,
        decision_number=DECISION_NUMBER,
        decision_date=DECISION_DATE,
    )
    return appraised


@pytest.fixture
def published(approved):
    results_publish(actor=approved.organizer, period=approved.period, group=approved.group)
    return approved
