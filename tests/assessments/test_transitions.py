import pytest

from parindex.assessments.models import State
from parindex.assessments.selectors import self_assessment_progress
from parindex.assessments.services import (
    MSG_STILL_MISSING,
    MSG_WRONG_STATE,
    AnswerRefused,
    TransitionRefused,
    answer_save_self,
    assessment_mark_completed,
    assessment_reopen_draft,
    assessment_submit,
)
from parindex.audit.models import AuditEvent
from tests.cycle import SELF_LEAVES

ANSWERS = {"1.1": "Có", "1.2": "40/40", "1.3": "10/12/2025", "1.4": "KAD", "2.1": "Đạt"}


def answer_all(actor, assessment, answers=ANSWERS):
    for code, raw in answers.items():
        answer_save_self(actor=actor, assessment=assessment, code=code, raw=raw, note="", expected_version=None)


def test_progress_counts_what_is_answered_and_lists_what_is_missing(officer_a, assessment_a):
    answer_all(officer_a, assessment_a, {"1.1": "Có", "1.4": "KAD"})
    progress = self_assessment_progress(assessment_a)
    assert (progress.total, progress.answered) == (len(SELF_LEAVES), 2)
    assert progress.unanswered == ["1.2", "1.3", "2.1"]
    assert progress.without_evidence == ["1.1"]  # KAD needs no evidence; 1.1 has neither document nor note
    assert progress.points == 2  # the engine's total so far


def test_completion_needs_every_leaf_answered(officer_a, assessment_a):
    answer_all(officer_a, assessment_a, {"1.1": "Có"})
    with pytest.raises(TransitionRefused) as error:
        assessment_mark_completed(actor=officer_a, assessment=assessment_a)
    assert error.value.problems == [MSG_STILL_MISSING.format(count=4, codes="1.2, 1.3, 1.4, 2.1")]


def test_the_officer_completes_and_the_head_submits_which_locks_it(officer_a, head_a, assessment_a):
    answer_all(officer_a, assessment_a)
    assessment_mark_completed(actor=officer_a, assessment=assessment_a)
    assessment_submit(actor=head_a, assessment=assessment_a)
    assessment_a.refresh_from_db()
    assert (assessment_a.state, assessment_a.submitted_by) == (State.SUBMITTED, head_a)
    with pytest.raises(AnswerRefused, match="Thủ trưởng đơn vị đã chốt"):
        answer_save_self(actor=officer_a, assessment=assessment_a, code="1.1", raw="Không", note="", expected_version=1)
    actions = list(
        AuditEvent.objects.filter(action__startswith="assessment.").order_by("id").values_list("action", flat=True)
    )
    assert actions == ["assessment.completed", "assessment.submitted"]


def test_submitting_needs_completion_first(head_a, assessment_a):
    with pytest.raises(TransitionRefused) as error:
        assessment_submit(actor=head_a, assessment=assessment_a)
    assert error.value.problems == [MSG_WRONG_STATE.format(state=State.DRAFT.label)]


def test_a_completed_assessment_can_go_back_to_editing(officer_a, assessment_a):
    answer_all(officer_a, assessment_a)
    assessment_mark_completed(actor=officer_a, assessment=assessment_a)
    assessment_reopen_draft(actor=officer_a, assessment=assessment_a)
    assert assessment_a.state == State.DRAFT


def test_a_double_submit_is_refused_and_audited_once(officer_a, head_a, assessment_a):
    answer_all(officer_a, assessment_a)
    assessment_mark_completed(actor=officer_a, assessment=assessment_a)
    assessment_submit(actor=head_a, assessment=assessment_a)
    with pytest.raises(TransitionRefused):
        assessment_submit(actor=head_a, assessment=assessment_a)
    assert AuditEvent.objects.filter(action="assessment.submitted").count() == 1


def test_final_figures_take_round_two_over_round_one(organizer, officer_a, head_a, assessment_a, assessment_b):
    from parindex.assessments.models import Answer, Stage
    from parindex.assessments.selectors import final_raw_answers, final_scores

    answer_all(officer_a, assessment_a)
    for code, raw in {"1.1": "Có", "1.2": "30/40", "2.1": "Tốt"}.items():
        Answer.objects.create(
            assessment=assessment_a, code=code, stage=Stage.APPRAISAL_1, raw=raw, updated_by=organizer
        )
    Answer.objects.create(
        assessment=assessment_a, code="1.2", stage=Stage.APPRAISAL_2, raw="38/40", updated_by=organizer
    )
    finals = final_raw_answers([assessment_a, assessment_b])
    assert finals == {assessment_a.pk: {"1.1": "Có", "1.2": "38/40", "2.1": "Tốt"}, assessment_b.pk: {}}
    scores = final_scores([assessment_a, assessment_b])
    assert scores[assessment_a.pk].points == 2 + 1.5 + 4  # the self answers never count
    assert scores[assessment_b.pk].points == 0
