import pytest

from parindex.accounts.models import Role
from parindex.appraisals.services import assignment_create
from tests.cycle import assessment_of, make_period, submit_self_assessment
from tests.factories import UserFactory


@pytest.fixture
def period(organizer, unit_a, unit_b):
    return make_period(organizer, [unit_a, unit_b])


@pytest.fixture
def assessment_a(period, unit_a):
    return assessment_of(period, unit_a)


@pytest.fixture
def assessment_b(period, unit_b):
    return assessment_of(period, unit_b)


@pytest.fixture
def submitted_a(officer_a, head_a, assessment_a):
    return submit_self_assessment(officer_a, head_a, assessment_a)


@pytest.fixture
def appraiser_field_1(period, organizer, appraiser):
    """The cast's appraiser, assigned field 1 for every unit of the period."""
    assignment_create(actor=organizer, period=period, appraiser=appraiser, field_code="1")
    return appraiser


@pytest.fixture
def appraiser_from_a(unit_a):
    """An appraiser who comes from unit A (Sở Tư pháp): never to appraise it."""
    return UserFactory(username="thamdinh_stp", full_name="Lê Thị Tư Pháp", role=Role.APPRAISER, unit=unit_a)
