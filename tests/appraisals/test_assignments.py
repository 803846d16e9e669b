import pytest

from parindex.appraisals.models import Assignment
from parindex.appraisals.selectors import appraiser_fields
from parindex.appraisals.services import (
    MSG_CONFLICT_OF_INTEREST,
    MSG_NOT_AN_APPRAISER,
    MSG_UNKNOWN_FIELD,
    assignment_create,
)
from parindex.assessments.selectors import assessments_visible_to
from parindex.assessments.services import TransitionRefused
from parindex.audit.models import AuditEvent


def test_an_appraiser_assigned_a_field_sees_every_units_assessment_but_appraises_only_that_field(
    appraiser_field_1, assessment_a, assessment_b
):
    assert set(assessments_visible_to(appraiser_field_1)) == {assessment_a, assessment_b}
    assert appraiser_fields(appraiser_field_1, assessment_a) == {"1"}
    assert AuditEvent.objects.filter(action="assignment.created").count() == 1


def test_an_assignment_can_be_limited_to_one_unit(period, organizer, appraiser, unit_b, assessment_a, assessment_b):
    assignment_create(actor=organizer, period=period, appraiser=appraiser, field_code="2", unit=unit_b)
    assert list(assessments_visible_to(appraiser)) == [assessment_b]
    assert appraiser_fields(appraiser, assessment_a) == set()


def test_an_appraiser_never_appraises_their_own_unit(
    period, organizer, appraiser_from_a, unit_a, assessment_a, assessment_b
):
    with pytest.raises(TransitionRefused) as error:
        assignment_create(actor=organizer, period=period, appraiser=appraiser_from_a, field_code="1", unit=unit_a)
    assert error.value.problems == [MSG_CONFLICT_OF_INTEREST.format(name="Lê Thị Tư Pháp", unit=unit_a.name)]
    # Assigned a field for every unit, their own unit is still left out.
    assignment_create(actor=organizer, period=period, appraiser=appraiser_from_a, field_code="1")
    assert list(assessments_visible_to(appraiser_from_a)) == [assessment_b]
    assert appraiser_fields(appraiser_from_a, assessment_a) == set()


def test_only_appraisers_and_known_fields(period, organizer, council):
    with pytest.raises(TransitionRefused) as error:
        assignment_create(actor=organizer, period=period, appraiser=council, field_code="9")
    assert error.value.problems == [
        MSG_NOT_AN_APPRAISER.format(name=council.get_full_name()),
        MSG_UNKNOWN_FIELD.format(field="9", scope=""),
    ]
    assert not Assignment.objects.exists()


def test_the_organizer_may_appraise_every_field(organizer, assessment_a):
    assert appraiser_fields(organizer, assessment_a) == {"1", "2"}
