from datetime import timedelta

import pytest

from parindex.appraisals.services import (
    MSG_EXPLANATION_MISSING,
    MSG_NOT_FLAGGED,
    MSG_NOT_YOUR_FIELD,
    MSG_NOTHING_TO_ACCEPT,
    MSG_ROUND_INCOMPLETE,
    appraisal_accept,
    appraisal_close_round,
    appraisal_save,
    explanation_save,
    explanation_submit,
)
from parindex.assessments.models import Answer, Stage, State
from parindex.assessments.services import AnswerRefused, TransitionRefused
from parindex.audit.models import AuditEvent
from parindex.periods.models import Phase
from tests.cycle import deadline_of


def appraise(actor, assessment, code, raw, *, flag=False, note="", now=None):
    """Save an appraisal on top of whatever the round already holds for the leaf (as the screen would)."""
    stage = Stage.APPRAISAL_2 if assessment.state == State.EXPLAINED else Stage.APPRAISAL_1
    current = Answer.objects.filter(assessment=assessment, code=code, stage=stage).first()
    return appraisal_save(
        actor=actor,
        assessment=assessment,
        code=code,
        raw=raw,
        note=note,
        expected_version=current.version if current else None,
        explanation_requested=flag,
        now=now,
    )


def test_nothing_is_appraised_before_submission_while_the_unit_may_still_edit(organizer, assessment_a):
    with pytest.raises(AnswerRefused, match="chưa hoặc không còn ở vòng thẩm định"):
        appraise(organizer, assessment_a, "1.1", "Có")


def test_after_the_self_deadline_an_unsubmitted_assessment_is_appraised_as_it_stands(
    organizer, officer_a, assessment_a
):
    after = deadline_of(assessment_a.period, Phase.SELF_ASSESSMENT, assessment_a.unit) + timedelta(minutes=1)
    answer, _ = appraise(organizer, assessment_a, "1.1", "Không", now=after)
    assert answer.stage == Stage.APPRAISAL_1


def test_an_appraiser_saves_only_in_their_field(appraiser_field_1, submitted_a):
    answer, parsed = appraise(appraiser_field_1, submitted_a, "1.2", "30/40", note="Báo cáo thiếu 10 nhiệm vụ")
    assert (answer.stage, answer.raw, answer.points) == (Stage.APPRAISAL_1, "30/40", 0)
    assert parsed.explanation == "Đạt 75%: dưới mức thấp nhất (80%) → 0 điểm" or "75%" in parsed.explanation
    with pytest.raises(AnswerRefused) as error:
        appraise(appraiser_field_1, submitted_a, "2.1", "Đạt")
    assert str(error.value) == MSG_NOT_YOUR_FIELD.format(code="2.1")


def test_accepting_a_sound_self_score_is_one_action(appraiser_field_1, submitted_a):
    answer, _ = appraisal_accept(actor=appraiser_field_1, assessment=submitted_a, code="1.1")
    assert (answer.stage, answer.raw) == (Stage.APPRAISAL_1, "Có")
    with pytest.raises(AnswerRefused) as error:
        appraisal_accept(actor=appraiser_field_1, assessment=submitted_a, code="1.5")
    assert str(error.value) == MSG_NOTHING_TO_ACCEPT.format(code="1.5")


def accept_all(actor, assessment, except_codes=()):
    for code in ("1.1", "1.2", "1.3", "1.4", "2.1"):
        if code not in except_codes:
            appraisal_accept(actor=actor, assessment=assessment, code=code)


def test_round_one_closes_only_when_every_leaf_is_appraised(organizer, submitted_a):
    accept_all(organizer, submitted_a, except_codes=("2.1",))
    with pytest.raises(TransitionRefused) as error:
        appraisal_close_round(actor=organizer, assessment=submitted_a)
    assert error.value.problems == [MSG_ROUND_INCOMPLETE.format(count=1, codes="2.1")]
    appraisal_accept(actor=organizer, assessment=submitted_a, code="2.1")
    appraisal_close_round(actor=organizer, assessment=submitted_a)
    assert submitted_a.state == State.APPRAISED


def test_the_whole_explanation_loop(organizer, officer_a, head_a, submitted_a):
    accept_all(organizer, submitted_a, except_codes=("1.2",))
    appraise(organizer, submitted_a, "1.2", "30/40", flag=True, note="Đề nghị giải trình 10 nhiệm vụ chưa hoàn thành")
    appraisal_close_round(actor=organizer, assessment=submitted_a)
    assert submitted_a.state == State.EXPLANATION_REQUESTED

    with pytest.raises(AnswerRefused) as error:
        explanation_save(actor=officer_a, assessment=submitted_a, code="1.1", raw="", note="x", expected_version=None)
    assert str(error.value) == MSG_NOT_FLAGGED.format(code="1.1")
    with pytest.raises(TransitionRefused) as refused:
        explanation_submit(actor=officer_a, assessment=submitted_a)
    assert refused.value.problems == [MSG_EXPLANATION_MISSING.format(count=1, codes="1.2")]

    explanation_save(
        actor=officer_a,
        assessment=submitted_a,
        code="1.2",
        raw="38/40",
        note="8 nhiệm vụ đã hoàn thành, có báo cáo bổ sung",
        expected_version=None,
    )
    explanation_submit(actor=head_a, assessment=submitted_a)
    assert submitted_a.state == State.EXPLAINED

    with pytest.raises(AnswerRefused, match=MSG_NOT_FLAGGED.format(code="1.1")):
        appraise(organizer, submitted_a, "1.1", "Không")
    answer, _ = appraise(organizer, submitted_a, "1.2", "38/40", note="Chấp nhận giải trình")
    assert answer.stage == Stage.APPRAISAL_2
    appraisal_close_round(actor=organizer, assessment=submitted_a)
    assert submitted_a.state == State.REAPPRAISED
    actions = list(
        AuditEvent.objects.filter(action__startswith="appraisal.").order_by("id").values_list("action", flat=True)
    )
    assert actions == ["appraisal.explanation_requested", "appraisal.round2_closed"]


def test_appraisal_stops_at_its_deadline(organizer, submitted_a):
    after = deadline_of(submitted_a.period, Phase.APPRAISAL_1, submitted_a.unit) + timedelta(seconds=1)
    with pytest.raises(AnswerRefused, match="Đã hết hạn thẩm định lần 1"):
        appraise(organizer, submitted_a, "1.1", "Có", now=after)
