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
