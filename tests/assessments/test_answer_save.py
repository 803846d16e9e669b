from datetime import timedelta
from decimal import Decimal

import pytest

from parindex.assessments.models import Answer, Stage
from parindex.assessments.services import (
    MSG_NOT_ANSWERED_BY_UNIT,
    MSG_NOT_SAVED,
    AnswerConflict,
    AnswerRefused,
    answer_save_self,
)
from parindex.audit.models import AuditEvent
from parindex.periods.models import Phase
from tests.cycle import deadline_of


def save(actor, assessment, code, raw, *, note="", version=None, now=None):
    return answer_save_self(
        actor=actor, assessment=assessment, code=code, raw=raw, note=note, expected_version=version, now=now
    )


def test_an_answer_is_parsed_scored_explained_and_stored(officer_a, assessment_a):
    answer, parsed = save(officer_a, assessment_a, "1.2", "37/40", note="Theo báo cáo quý IV")
    assert (answer.raw, answer.note, answer.points, answer.version) == (
        "37/40",
        "Theo báo cáo quý IV",
        Decimal("1.5"),
        1,
    )
    assert parsed.explanation == "Đạt 92,5% (37/40): mức từ 80% → 1,5 điểm"


def test_every_save_is_audited_with_before_and_after(officer_a, assessment_a):
    save(officer_a, assessment_a, "1.1", "Có")
    save(officer_a, assessment_a, "1.1", "Không", version=1)
    events = list(AuditEvent.objects.filter(action="answer.saved").order_by("id"))
    assert [((e.before or {}).get("raw"), (e.after or {}).get("raw")) for e in events] == [
        (None, "Có"),
        ("Có", "Không"),
    ]
    assert all(e.actor == officer_a for e in events)


def test_a_bad_answer_is_refused_with_the_engines_message_and_nothing_is_stored(officer_a, assessment_a):
    with pytest.raises(AnswerRefused, match="“có lẽ” không phải là Có hoặc Không"):
        save(officer_a, assessment_a, "1.1", "có lẽ")
    assert not Answer.objects.exists()


def test_not_applicable_only_where_the_set_allows_it(officer_a, assessment_a):
    answer, parsed = save(officer_a, assessment_a, "1.4", "KAD")
    assert answer.not_applicable
    assert answer.points is None
    assert parsed.explanation.startswith("Không áp dụng")
    with pytest.raises(AnswerRefused, match="không được chấm “không áp dụng”"):
        save(officer_a, assessment_a, "1.1", "KAD")


@pytest.mark.parametrize("code", ["1.5", "2.2"])
def test_leaves_fed_by_others_are_not_answered_by_the_unit(officer_a, assessment_a, code):
    with pytest.raises(AnswerRefused) as error:
        save(officer_a, assessment_a, code, "1")
    assert str(error.value) == MSG_NOT_ANSWERED_BY_UNIT.format(code=code)


def test_a_stale_version_is_a_conflict_and_never_overwrites(officer_a, head_a, assessment_a):
    save(officer_a, assessment_a, "1.1", "Có")
    save(head_a, assessment_a, "1.1", "Không", version=1)  # the head changed it in the meantime
    with pytest.raises(AnswerConflict) as conflict:
        save(officer_a, assessment_a, "1.1", "Có", note="ý kiến khác", version=1)
    assert (conflict.value.current.raw, conflict.value.current.updated_by) == ("Không", head_a)
    assert Answer.objects.get(code="1.1").raw == "Không"


def test_two_first_saves_of_one_leaf_make_the_second_a_conflict(officer_a, head_a, assessment_a):
    save(officer_a, assessment_a, "2.1", "Tốt")
    with pytest.raises(AnswerConflict):
        save(head_a, assessment_a, "2.1", "Đạt", version=None)
    assert Answer.objects.get(code="2.1").raw == "Tốt"


def test_a_retried_save_of_the_same_answer_is_not_a_conflict(officer_a, assessment_a):
    save(officer_a, assessment_a, "1.1", "Có")
    save(officer_a, assessment_a, "1.1", "Không", version=1)
    # The response to the second save was lost on a bad connection; the browser sends it again, still at 1.
    answer, _ = save(officer_a, assessment_a, "1.1", "Không", version=1)
    assert (answer.raw, answer.version) == ("Không", 2)
    assert AuditEvent.objects.filter(action="answer.saved").count() == 2


def test_nothing_is_saved_after_the_self_assessment_deadline(officer_a, assessment_a):
    deadline = deadline_of(assessment_a.period, Phase.SELF_ASSESSMENT, assessment_a.unit)
    with pytest.raises(AnswerRefused) as error:
        save(officer_a, assessment_a, "1.1", "Có", now=deadline + timedelta(seconds=1))
    assert str(error.value) == MSG_NOT_SAVED.format(reason="Đã hết hạn tự đánh giá.")
    save(officer_a, assessment_a, "1.1", "Có", now=deadline)  # at the deadline itself it still saves


def test_answers_are_kept_per_stage(officer_a, assessment_a):
    save(officer_a, assessment_a, "1.1", "Có")
    assert Answer.objects.get().stage == Stage.SELF
