"""Writes of the analysis: Sở Nội vụ edits the council's summary of findings, or goes back to the generated one.

Each is one transaction with its audit event, the text before and after kept in the event.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from parindex.accounts.models import Role
from parindex.analysis.models import AnalysisSummary
from parindex.audit.services import audit_record
from parindex.organization.models import UnitGroup
from parindex.periods.models import Period, PeriodGroup

MSG_ORGANIZER_ONLY = "Chỉ Sở Nội vụ được sửa nhận định trình Hội đồng."
MSG_TEXT_REQUIRED = "Cần nhập nội dung nhận định (hoặc chọn “Dùng lại nội dung tự động”)."
MSG_TEXT_TOO_LONG = "Nội dung nhận định dài quá {limit} ký tự."
MSG_GROUP_NOT_IN_PERIOD = "Nhóm “{group}” không có trong kỳ đánh giá này."
MSG_NOTHING_TO_REVERT = "Nhận định đang là nội dung tự động; không có gì để khôi phục."
TEXT_LIMIT = 20_000


class AnalysisRefused(Exception):
    """The change cannot be made; `problems` say why, in Vietnamese."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def _check(actor: Any, period: Period, group: UnitGroup) -> None:
    if getattr(actor, "role", None) != Role.ORGANIZER:
        raise AnalysisRefused([MSG_ORGANIZER_ONLY])
    if not PeriodGroup.objects.filter(period=period, group=group).exists():
        raise AnalysisRefused([MSG_GROUP_NOT_IN_PERIOD.format(group=group.name)])


def summary_save(*, actor: Any, period: Period, group: UnitGroup, text: str) -> AnalysisSummary:
    """Sở Nội vụ's own text of the summary; from now on it no longer follows the figures."""
    _check(actor, period, group)
    # Windows line ends from a textarea are kept as the plain newlines the report expects.
    text = text.replace("\r\n", "\n").strip()
    if not text:
        raise AnalysisRefused([MSG_TEXT_REQUIRED])
    if len(text) > TEXT_LIMIT:
        raise AnalysisRefused([MSG_TEXT_TOO_LONG.format(limit=f"{TEXT_LIMIT:,}".replace(",", "."))])
    with transaction.atomic():
        summary = AnalysisSummary.objects.filter(period=period, group=group).first()
        before = summary.text if summary is not None else None
        if summary is None:
            summary = AnalysisSummary(period=period, group=group)
        summary.text, summary.edited_by, summary.edited_at = text, actor, timezone.now()
        summary.save()
        audit_record(
            actor=actor,
            action="analysis.summary_edited",
            target=summary,
            summary=f"Sửa nhận định trình Hội đồng: {group.name}, {period.name}",
            before={"text": before},
            after={"text": text},
        )
    return summary


def summary_revert(*, actor: Any, period: Period, group: UnitGroup) -> None:
    """Back to the generated summary: the edited text is removed (it stays in the audit event)."""
    _check(actor, period, group)
    with transaction.atomic():
        summary = AnalysisSummary.objects.filter(period=period, group=group).first()
        if summary is None:
            raise AnalysisRefused([MSG_NOTHING_TO_REVERT])
        audit_record(
            actor=actor,
            action="analysis.summary_reverted",
            target=summary,
            summary=f"Dùng lại nhận định tự động: {group.name}, {period.name}",
            before={"text": summary.text},
            after={"text": None},
        )
        summary.delete()
