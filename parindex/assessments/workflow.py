"""What may happen to an assessment now: who answers which leaves, in which state, until which deadline.

Pure functions of the assessment, the deadline book and the time, so every view and service asks the same
question the same way, and tests can ask it for any moment.
"""

from __future__ import annotations

from datetime import datetime

from parindex.assessments.models import Assessment, State
from parindex.engine import CriteriaSet, Node
from parindex.periods.models import Phase
from parindex.periods.selectors import DeadlineBook

SELF_EDITABLE_STATES = (State.DRAFT, State.COMPLETED)
# Sources whose leaves the unit answers itself; the others come from the survey, the province's task
# tracking, Sở Nội vụ or another agency, and are entered in later steps.
UNIT_SOURCES = ("unit",)


def self_assessed_leaves(criteria_set: CriteriaSet) -> tuple[Node, ...]:
    return tuple(leaf for leaf in criteria_set.all_leaves if leaf.input_source in UNIT_SOURCES)


def self_assessment_open(assessment: Assessment, book: DeadlineBook, now: datetime) -> bool:
    """The unit may still change its self-assessment: not yet submitted, and its deadline not passed."""
    return assessment.state in SELF_EDITABLE_STATES and book.is_open(Phase.SELF_ASSESSMENT, assessment.unit_id, now)


def self_assessment_locked_reason(assessment: Assessment, book: DeadlineBook, now: datetime) -> str:
    """Why the self-assessment cannot be changed (empty when it can), in Vietnamese."""
    if not book.period.is_open:
        return "Kỳ đánh giá chưa mở."
    if assessment.state not in SELF_EDITABLE_STATES:
        return "Thủ trưởng đơn vị đã chốt kết quả tự đánh giá."
    if not book.is_open(Phase.SELF_ASSESSMENT, assessment.unit_id, now):
        return "Đã hết hạn tự đánh giá."
    return ""


def appraisal_round(assessment: Assessment, book: DeadlineBook, now: datetime) -> int | None:
    """Which appraisal round the assessment is in (1 or 2), or None when it is in neither.

    Round 1 starts when the head submits, or by itself when the self-assessment deadline passes without a
    submission (the self-assessment is then locked as it is). Round 2 starts when the unit submits its
    explanations, or when the explanation deadline passes.
    """
    self_closed = not book.is_open(Phase.SELF_ASSESSMENT, assessment.unit_id, now)
    if assessment.state == State.SUBMITTED or (assessment.state in SELF_EDITABLE_STATES and self_closed):
        return 1
    explanation_closed = not book.is_open(Phase.EXPLANATION, assessment.unit_id, now)
    if assessment.state == State.EXPLAINED or (assessment.state == State.EXPLANATION_REQUESTED and explanation_closed):
        return 2
    return None


def appraisal_locked_reason(assessment: Assessment, book: DeadlineBook, now: datetime) -> str:
    """Why the appraisers cannot change this assessment now (empty when they can), in Vietnamese."""
    round_ = appraisal_round(assessment, book, now)
    if round_ is None:
        return f"Hồ sơ đang ở trạng thái “{State(assessment.state).label}”, chưa hoặc không còn ở vòng thẩm định."
    phase = Phase.APPRAISAL_1 if round_ == 1 else Phase.APPRAISAL_2
    if not book.is_open(phase, assessment.unit_id, now):
        return f"Đã hết hạn {Phase(phase).label.lower()}."
    return ""


def explanation_open(assessment: Assessment, book: DeadlineBook, now: datetime) -> bool:
    return assessment.state == State.EXPLANATION_REQUESTED and book.is_open(Phase.EXPLANATION, assessment.unit_id, now)
