"""A correction after approval: reopen with a reason (the approved and published results are withdrawn and
kept as history), Sở Nội vụ corrects a final answer with a reason, and the council approves again."""

import datetime
from decimal import Decimal

import pytest

from parindex.assessments.models import Answer, Stage, State
from parindex.audit.models import AuditEvent
from parindex.council.models import Approval, Correction, ResultSnapshot
from parindex.council.selectors import group_results
from parindex.council.services import (
    MSG_BAD_ANSWER,
    MSG_NOT_REOPENED,
    MSG_REASON_REQUIRED,
    MSG_UNKNOWN_LEAF,
    CouncilRefused,
    answer_correct,
    approval_record,
    approval_reopen,
)
from tests.council.scenario import FINAL, expected_ranking

REASON = "Sở Tư pháp chưa gửi kế hoạch CCHC năm; Tổ thẩm định chấm nhầm"


def _reopen(built, reason=REASON):
    return approval_reopen(actor=built.organizer, period=built.period, group=built.group, reason=reason)


def _correct(built, key="a", code="1.1", raw="Không", reason="Không có kế hoạch CCHC năm 2025"):
    return answer_correct(
        actor=built.organizer, assessment=built.assessment(key), code=code, raw=raw, note="Đã xác minh", reason=reason
    )


def test_a_reason_is_required_to_reopen(published):
    with pytest.raises(CouncilRefused) as refused:
        _reopen(published, reason="   ")

    assert refused.value.problems == [MSG_REASON_REQUIRED]
    assert Approval.objects.get().reopened_at is None


def test_reopening_withdraws_the_results_and_puts_every_unit_back_where_it_was(published, client, officer_b):
    last = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first()

    approval = _reopen(published)

    assert approval.reopen_reason == REASON
    assert approval.reopened_at is not None
    assert not ResultSnapshot.objects.filter(superseded_at__isnull=True).exists()
    assert ResultSnapshot.objects.count() == 4  # kept for the history
    states = {key: published.assessment(key).state for key in published.units}
    assert states == {"a": State.APPRAISED, "b": State.REAPPRAISED, "c": State.APPRAISED, "d": State.APPRAISED}
    events = list(AuditEvent.objects.filter(id__gt=last).order_by("id").values_list("action", flat=True))
    assert events == ["assessment.reopened_for_correction"] * 4 + ["council.reopened"]
    assert AuditEvent.objects.get(action="council.reopened").after == {"reason": REASON, "withdrawn": True}
    # Withdrawn: another unit no longer sees the table or Sở Tư pháp's result.
    client.force_login(officer_b)
    assert client.get(published.results_url).status_code == 404
    assert client.get(published.detail_url("a")).status_code == 404


def test_a_final_answer_is_corrected_only_while_reopened(approved):
    with pytest.raises(CouncilRefused) as refused:
        _correct(approved)

    assert refused.value.problems == [MSG_NOT_REOPENED]


def test_a_correction_is_written_as_the_round_2_answer_with_its_reason(approved):
    _reopen(approved)

    correction = _correct(approved)

    answer = Answer.objects.get(assessment=approved.assessment("a"), code="1.1", stage=Stage.APPRAISAL_2)
    assert (answer.raw, answer.note, answer.points) == ("Không", "Đã xác minh", 0)
    assert (correction.raw_before, correction.raw_after, correction.reason) == (
        "Có",
        "Không",
        "Không có kế hoạch CCHC năm 2025",
    )
    event = AuditEvent.objects.filter(action="council.answer_corrected").get()
    assert event.after == {"raw": "Không", "note": "Đã xác minh", "reason": "Không có kế hoạch CCHC năm 2025"}
    assert AuditEvent.objects.filter(action="answer.saved", target_id=str(answer.pk)).exists()


def test_a_correction_needs_a_reason_and_a_known_leaf_and_an_answer_the_engine_accepts(approved):
    _reopen(approved)

    with pytest.raises(CouncilRefused) as refused:
        _correct(approved, reason="")
    assert refused.value.problems == [MSG_REASON_REQUIRED]
    with pytest.raises(CouncilRefused) as refused:
        _correct(approved, code="9.9")
    assert refused.value.problems == [MSG_UNKNOWN_LEAF.format(code="9.9")]
    with pytest.raises(CouncilRefused) as refused:
        _correct(approved, code="1.2", raw="bốn mươi")
    assert refused.value.problems == [MSG_BAD_ANSWER.format(code="1.2", reason="“bốn mươi” không phải là số")]
    assert not Correction.objects.exists()


def test_approving_again_writes_new_snapshots_and_the_history_shows_everything(approved, client, organizer):
    _reopen(approved)
    _correct(approved)

    second = approval_record(
        actor=approved.organizer,
        period=approved.period,
        group=approved.group,
        decision_number="130/QĐ-HĐĐG",
        decision_date=datetime.date(2025, 12, 3),
    )

    corrected = {**FINAL, "a": {**FINAL["a"], "1.1": "Không"}}
    expected = expected_ranking(approved.criteria_set, corrected)
    rows = group_results(approved.period, approved.group).rows
    assert [(row.unit_name, row.rank, row.index) for row in rows] == [
        (want.key, want.rank, want.score.index) for want in expected
    ]
    # Sở Tư pháp loses the 2 points of its plan: 14,9 ÷ 18 = 82,78 %, still first.
    assert (rows[0].unit_name, rows[0].points, rows[0].band) == ("Sở Tư pháp", Decimal("14.9"), "Khá")
    live = ResultSnapshot.objects.filter(superseded_at__isnull=True)
    assert set(live.values_list("approval_id", flat=True)) == {second.pk}
    assert ResultSnapshot.objects.filter(superseded_at__isnull=False).count() == 4

    client.force_login(organizer)
    page = client.get(approved.results_url).content.decode()
    history = page[page.index('data-testid="history"') :]
    assert history.count('data-testid="history-approved"') == 2
    assert "Quyết định số 123/QĐ-HĐĐG ngày 26/11/2025" in history
    assert "Quyết định số 130/QĐ-HĐĐG ngày 03/12/2025" in history
    assert 'data-testid="history-reopened"' in history
    assert REASON in history
    assert 'data-testid="history-corrected"' in history
    assert "Điều chỉnh Sở Tư pháp, tiêu chí 1.1: “Có” → “Không”" in history
    assert "Không có kế hoạch CCHC năm 2025" in history
