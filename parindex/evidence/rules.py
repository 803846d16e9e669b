"""Who may change a unit's evidence, and when. Asked the same way by the services (which refuse) and the
views (which show or hide the forms), so a button is never offered for a change the service would refuse.

Evidence is part of what the head submits: after submission (or the self-assessment deadline) the
registry is frozen. During the explanation round (giải trình) the unit may add supplementary documents
(tài liệu bổ sung) and cite documents in its explanations, until the explanation deadline.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from parindex.accounts.models import UNIT_ROLES
from parindex.assessments.models import Assessment, Stage, State
from parindex.assessments.workflow import self_assessment_locked_reason
from parindex.periods.models import Phase
from parindex.periods.selectors import DeadlineBook

# The stages in which a unit attaches evidence; the appraisal stages are the appraisers' and cite nothing.
CITABLE_STAGES = (Stage.SELF, Stage.EXPLANATION)

REASON_PERIOD_CLOSED = "Kỳ đánh giá chưa mở."
REASON_NOT_EXPLAINING = "Hồ sơ không ở bước giải trình (trạng thái hiện tại: “{state}”)."
REASON_EXPLANATION_OVER = "Đã hết hạn giải trình."
REASON_STAGE_NOT_CITABLE = "Chỉ đơn vị đính kèm tài liệu, khi tự đánh giá hoặc khi giải trình."


def is_unit_member(user: Any, assessment: Assessment) -> bool:
    """The unit's own officer or head: the only people who change its evidence."""
    return bool(
        getattr(user, "is_authenticated", False)
        and getattr(user, "role", "") in UNIT_ROLES
        and user.unit_id is not None
        and user.unit_id == assessment.unit_id
    )


def evidence_locked_reason(assessment: Assessment, stage: str, book: DeadlineBook, now: datetime) -> str:
    """Why evidence of `stage` cannot be changed now (empty when it can), in Vietnamese."""
    if stage == Stage.SELF:
        return self_assessment_locked_reason(assessment, book, now)
    if stage == Stage.EXPLANATION:
        if not book.period.is_open:
            return REASON_PERIOD_CLOSED
        if assessment.state != State.EXPLANATION_REQUESTED:
            return REASON_NOT_EXPLAINING.format(state=State(assessment.state).label)
        if not book.is_open(Phase.EXPLANATION, assessment.unit_id, now):
            return REASON_EXPLANATION_OVER
        return ""
    return REASON_STAGE_NOT_CITABLE


def document_stage(supplementary: bool) -> str:
    """The stage a document belongs to: a supplementary document to the explanation, the others to the
    self-assessment. It can be edited or deleted only while that stage is open."""
    return Stage.EXPLANATION if supplementary else Stage.SELF


def upload_stage(assessment: Assessment, book: DeadlineBook, now: datetime) -> tuple[str | None, str]:
    """The stage an upload made now belongs to, or None and why nothing can be uploaded now."""
    self_reason = evidence_locked_reason(assessment, Stage.SELF, book, now)
    if not self_reason:
        return Stage.SELF, ""
    if not evidence_locked_reason(assessment, Stage.EXPLANATION, book, now):
        return Stage.EXPLANATION, ""
    return None, self_reason
