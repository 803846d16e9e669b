"""What publication tells people: each unit's officers and head learn that their group's results are out,
with a link to their own result. Sent from inside results_publish's transaction, so a publication that
rolls back tells nobody."""

from __future__ import annotations

from collections.abc import Iterable

from django.urls import reverse

from parindex.assessments.models import Assessment
from parindex.notifications.models import Kind
from parindex.notifications.selectors import users_of_unit
from parindex.notifications.services import notify
from parindex.organization.models import UnitGroup
from parindex.periods.models import Period


def notice_results_published(
    period: Period, group: UnitGroup, assessments: Iterable[Assessment], *, approval_id: int
) -> None:
    # Keyed by the approval: a correction approved and published again is announced again, a retry is not.
    for assessment in assessments:
        notify(
            recipients=users_of_unit(assessment.unit_id),
            kind=Kind.RESULTS_PUBLISHED,
            title=f"Công bố kết quả Chỉ số CCHC năm {period.year}",
            body=f"Kết quả Chỉ số CCHC năm {period.year} của nhóm {group.name} đã được công bố. "
            f"Xem kết quả và thứ hạng của {assessment.unit.name}.",
            link=reverse("council:detail", args=[assessment.pk]),
            dedupe_key=f"results-published:{approval_id}:{assessment.pk}",
        )
