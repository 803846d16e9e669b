import pytest

from tests.cycle import assessment_of, make_period


@pytest.fixture
def period(organizer, unit_a, unit_b):
    return make_period(organizer, [unit_a, unit_b])


@pytest.fixture
def assessment_a(period, unit_a):
    return assessment_of(period, unit_a)


@pytest.fixture
def assessment_b(period, unit_b):
    return assessment_of(period, unit_b)
