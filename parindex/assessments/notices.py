"""What the cycle tells people, and when: each notice is sent from inside the service's transaction, so a
change that rolls back tells nobody (notifications.notify sends e-mail only after the commit)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from parindex.accounts.models import Role, User
from parindex.assessments.models import Assessment
from parindex.notifications.models import Kind
from parindex.notifications.selectors import organizers, users_of_unit
from parindex.notifications.services import notify
from parindex.periods.models import Period, Phase
from parindex.periods.selectors import DeadlineBook


def _moment(value: object) -> str:
    return date_format(timezone.localtime(value), "H:i d/m/Y") if value else "—"  # type: ignore[arg-type]


def appraisers_of(assessment: Assessment) -> list[User]:
    """The appraisers with a field of this assessment (never from the unit itself)."""
    from parindex.appraisals.models import Assignment

    assignments = Assignment.objects.filter(period_id=assessment.period_id).select_related("appraiser")
    return [
        assignment.appraiser
        for assignment in assignments
        if assignment.covers(assessment.unit_id, assessment.group_id)
        and assignment.appraiser.unit_id != assessment.unit_id
        and assignment.appraiser.role == Role.APPRAISER
    ]


def notice_period_opened(period: Period) -> None:
    book = DeadlineBook.load(period)
    for assessment in Assessment.objects.filter(period=period).select_related("unit"):
        deadline = _moment(book.deadline(Phase.SELF_ASSESSMENT, assessment.unit_id))
        notify(
            recipients=users_of_unit(assessment.unit_id),
            kind=Kind.PHASE_OPENED,
            title=f"Bắt đầu tự đánh giá Chỉ số CCHC năm {period.year}",
            body=f"{period.name} đã mở. Hạn tự đánh giá của {assessment.unit.name}: {deadline}.",
            link=reverse("assessments:self_assessment", args=[assessment.pk]),
            dedupe_key=f"period-opened:{period.pk}",
        )


def notice_submitted(assessment: Assessment) -> None:
    notify(
        recipients=[*organizers(), *appraisers_of(assessment)],
        kind=Kind.SUBMITTED,
        title=f"{assessment.unit.name} đã chốt kết quả tự đánh giá",
        body=f"{assessment.unit.name} đã gửi kết quả tự đánh giá năm {assessment.period.year} để thẩm định.",
        link=reverse("appraisals:appraisal", args=[assessment.pk]),
    )


def notice_explanation_requested(assessment: Assessment) -> None:
    deadline = _moment(DeadlineBook.load(assessment.period).deadline(Phase.EXPLANATION, assessment.unit_id))
    notify(
        recipients=users_of_unit(assessment.unit_id),
        kind=Kind.EXPLANATION_REQUESTED,
        title="Tổ thẩm định yêu cầu giải trình",
        body=f"Tổ thẩm định đề nghị {assessment.unit.name} giải trình một số tiêu chí. Hạn giải trình: {deadline}.",
        link=reverse("appraisals:explanation", args=[assessment.pk]),
    )


def notice_explained(assessment: Assessment) -> None:
    notify(
        recipients=[*organizers(), *appraisers_of(assessment)],
        kind=Kind.INFO,
        title=f"{assessment.unit.name} đã gửi giải trình",
        body=f"{assessment.unit.name} đã gửi giải trình; có thể thẩm định lần 2.",
        link=reverse("appraisals:appraisal", args=[assessment.pk]),
    )
