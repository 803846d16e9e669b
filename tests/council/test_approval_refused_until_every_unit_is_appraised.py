import pytest

from parindex.assessments.models import State
from parindex.audit.models import AuditEvent
from parindex.council.models import Approval, ResultSnapshot
from parindex.council.services import (
    MSG_DECISION_DATE_REQUIRED,
    MSG_DECISION_NUMBER_REQUIRED,
    MSG_NOT_READY,
    MSG_ORGANIZER_ONLY,
    CouncilRefused,
    approval_record,
)
from tests.council.conftest import DECISION_DATE, DECISION_NUMBER


def _approve(built, actor=None, **overrides):
    arguments = {"decision_number": DECISION_NUMBER, "decision_date": DECISION_DATE, **overrides}
    return approval_record(actor=actor or built.organizer, period=built.period, group=built.group, **arguments)


def test_approval_is_refused_and_names_the_units_not_yet_appraised(scenario):
    scenario.appraise("a")
    scenario.appraise("c")
    events_before = AuditEvent.objects.count()

    with pytest.raises(CouncilRefused) as refused:
        _approve(scenario)

    # Vietnamese order of names: Sở Đối ngoại before Sở Y tế.
    assert refused.value.problems == [
        MSG_NOT_READY.format(count=2, units="Sở Đối ngoại (Đã chốt, chờ thẩm định), Sở Y tế (Đã chốt, chờ thẩm định)")
    ]
    assert not Approval.objects.exists()
    assert not ResultSnapshot.objects.exists()
    assert scenario.assessment("a").state == State.APPRAISED
    assert AuditEvent.objects.count() == events_before


def test_a_unit_waiting_for_its_explanation_is_not_ready_either(scenario):
    for key in ("a", "c", "d"):
        scenario.appraise(key)
    # Sở Y tế: round 1 closed with an explanation request, nothing more.
    from parindex.appraisals.services import appraisal_accept, appraisal_close_round, appraisal_save
    from tests.council.scenario import ROUND_1_FLAGGED

    assessment = scenario.assessment("b")
    for code in ("1.1", "1.3", "1.4", "2.1"):
        appraisal_accept(actor=scenario.organizer, assessment=assessment, code=code)
    appraisal_save(
        actor=scenario.organizer,
        assessment=assessment,
        code="1.2",
        raw=ROUND_1_FLAGGED["b"]["1.2"],
        note="",
        expected_version=None,
        explanation_requested=True,
    )
    appraisal_close_round(actor=scenario.organizer, assessment=assessment)

    with pytest.raises(CouncilRefused) as refused:
        _approve(scenario)

    assert refused.value.problems == [MSG_NOT_READY.format(count=1, units="Sở Y tế (Chờ giải trình)")]


def test_only_the_organizer_records_an_approval(appraised, council, admin_user):
    for actor in (council, admin_user):
        with pytest.raises(CouncilRefused) as refused:
            _approve(appraised, actor=actor)
        assert refused.value.problems == [MSG_ORGANIZER_ONLY]
    assert not Approval.objects.exists()


def test_the_decision_number_and_date_are_required(appraised):
    with pytest.raises(CouncilRefused) as refused:
        _approve(appraised, decision_number="  ", decision_date=None)

    assert refused.value.problems == [MSG_DECISION_NUMBER_REQUIRED, MSG_DECISION_DATE_REQUIRED]
