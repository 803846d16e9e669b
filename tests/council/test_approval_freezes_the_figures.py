"""At approval the figures are computed once by the engine and frozen: what the council approved is what
is shown and published, whatever happens to the answer rows afterwards."""

import pytest

from parindex.assessments.models import Answer, Stage, State
from parindex.audit.models import AuditEvent
from parindex.council.models import Approval, ResultSnapshot
from parindex.council.selectors import group_results
from parindex.council.services import MSG_ALREADY_APPROVED, CouncilRefused, approval_record
from tests.council.conftest import DECISION_DATE, DECISION_NUMBER
from tests.council.scenario import expected_ranking


def test_approval_writes_a_snapshot_per_unit_equal_to_the_engine(appraised):
    events_before = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first()
    approval = approval_record(
        actor=appraised.organizer,
        period=appraised.period,
        group=appraised.group,
        decision_number=DECISION_NUMBER,
        decision_date=DECISION_DATE,
    )

    snapshots = list(ResultSnapshot.objects.filter(approval=approval).order_by("rank", "pk"))
    expected = expected_ranking(appraised.criteria_set)
    assert [(s.unit_name, s.rank, s.points, s.maximum, s.index, s.band) for s in snapshots] == [
        (row.key, row.rank, row.score.points, row.score.maximum, row.score.index, row.band or "") for row in expected
    ]
    # Stored exactly, every digit: 16,9 ÷ 18 × 100 at the engine's 28 digits.
    reread = ResultSnapshot.objects.get(pk=snapshots[0].pk)
    assert reread.index == expected[0].score.index
    assert str(reread.index) == "93.88888888888888888888888889"
    assert reread.components["1"] == {"points": "7.8", "maximum": "8", "index": "97.5"}
    assert {s.prior_state for s in snapshots} == {State.APPRAISED, State.REAPPRAISED}
    assert {appraised.assessment(key).state for key in appraised.units} == {State.APPROVED}
    assert (approval.decision_number, approval.decision_date) == (DECISION_NUMBER, DECISION_DATE)

    events = list(AuditEvent.objects.filter(id__gt=events_before).order_by("id").values_list("action", flat=True))
    assert events == ["assessment.approved"] * 4 + ["council.approved"]
    recorded = AuditEvent.objects.get(action="council.approved").after
    assert recorded is not None
    assert recorded["decision_number"] == DECISION_NUMBER
    assert recorded["results"]["SA"] == {"rank": 1, "index": "93.88888888888888888888888889", "band": "Tốt"}


def test_changing_an_answer_row_afterwards_does_not_change_the_figures_shown(approved, client, organizer):
    client.force_login(organizer)
    before = client.get(approved.results_url).content.decode()
    assert "93,89" in before

    # Behind the services' back: a final answer of Sở Tư pháp rewritten in the table itself.
    Answer.objects.filter(assessment=approved.assessment("a"), code="2.1", stage=Stage.APPRAISAL_1).update(
        raw="Chưa đạt"
    )

    results = group_results(approved.period, approved.group)
    assert results.frozen
    assert results.rows[0].unit_name == "Sở Tư pháp"
    assert str(results.rows[0].points) == "16.9"
    after = client.get(approved.results_url).content.decode()
    assert "93,89" in after
    detail = client.get(approved.detail_url("a")).content.decode()
    assert 'data-testid="index">93,89<' in detail


def test_a_group_is_approved_once(approved):
    with pytest.raises(CouncilRefused) as refused:
        approval_record(
            actor=approved.organizer,
            period=approved.period,
            group=approved.group,
            decision_number="999/QĐ",
            decision_date=DECISION_DATE,
        )

    assert refused.value.problems == [MSG_ALREADY_APPROVED.format(number=DECISION_NUMBER)]
    assert Approval.objects.count() == 1
