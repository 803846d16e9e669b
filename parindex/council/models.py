"""The council step (PAR_INDEX.md §4 steps 9–10): comments, the approval of each group's results with the
decision that records it, publication, and the figures frozen at approval.

An approval is never edited into a new one: reopening a group for a correction marks the live approval
reopened (with the reason) and its snapshots superseded, and approving again writes a new approval with new
snapshots. The rows therefore are the history the results page shows.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from parindex.council.fields import DecimalTextField


class Approval(models.Model):
    """The council approved a group's results in a period (thông qua), recorded by Sở Nội vụ."""

    period = models.ForeignKey("periods.Period", on_delete=models.PROTECT, related_name="approvals")
    group = models.ForeignKey("organization.UnitGroup", on_delete=models.PROTECT, related_name="+")
    decision_number = models.CharField(_("số quyết định"), max_length=100)
    decision_date = models.DateField(_("ngày quyết định"))
    approved_at = models.DateTimeField(_("thời điểm ghi nhận thông qua"))
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    published_at = models.DateTimeField(_("thời điểm công bố"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reopened_at = models.DateTimeField(_("thời điểm mở lại để điều chỉnh"), null=True, blank=True)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reopen_reason = models.TextField(_("lý do điều chỉnh"), blank=True)
    # The group's averages as group_average computed them at approval, as exact text: the snapshot cannot
    # rebuild the engine's UnitScores, so the means are frozen with the figures they summarise.
    averages = models.JSONField(_("điểm trung bình của nhóm"), default=dict)

    class Meta:
        ordering = ("approved_at", "pk")
        verbose_name = _("thông qua kết quả")
        verbose_name_plural = _("thông qua kết quả")
        constraints = (
            # One live approval per group and period; reopened ones stay as history beside it.
            models.UniqueConstraint(
                fields=("period", "group"), condition=Q(reopened_at__isnull=True), name="council_one_live_approval"
            ),
        )

    def __str__(self) -> str:
        return f"{self.period} · {self.group} · {self.decision_number}"

    @property
    def is_live(self) -> bool:
        return self.reopened_at is None

    @property
    def is_published(self) -> bool:
        return self.is_live and self.published_at is not None


class ResultSnapshot(models.Model):
    """A unit's official figures as the council approved them, at full precision, never recomputed."""

    approval = models.ForeignKey(Approval, on_delete=models.PROTECT, related_name="snapshots")
    assessment = models.ForeignKey("assessments.Assessment", on_delete=models.PROTECT, related_name="snapshots")
    # The name as approved: a unit renamed or merged later still appears in the annex as it was.
    unit_name = models.CharField(_("tên đơn vị"), max_length=255)
    points = DecimalTextField(_("điểm đạt được"))
    maximum = DecimalTextField(_("điểm tối đa áp dụng"))
    index = DecimalTextField(_("chỉ số (%)"), null=True, blank=True)
    rank = models.PositiveIntegerField(_("xếp hạng"), null=True, blank=True)
    band = models.CharField(_("xếp loại"), max_length=100, blank=True)
    # {field code: {"points": text, "maximum": text, "index": text or null}}, exact text as above.
    components = models.JSONField(_("chỉ số thành phần"), default=dict)
    # The state the assessment was in before approval, so a reopening puts it back exactly there.
    prior_state = models.CharField(max_length=24)
    created_at = models.DateTimeField(_("thời điểm chốt số liệu"))
    superseded_at = models.DateTimeField(_("thời điểm bị thay thế"), null=True, blank=True)

    class Meta:
        ordering = ("approval", "rank", "pk")
        verbose_name = _("kết quả đã thông qua")
        verbose_name_plural = _("kết quả đã thông qua")
        constraints = (
            models.UniqueConstraint(fields=("approval", "assessment"), name="council_snapshot_once_per_approval"),
        )

    def __str__(self) -> str:
        return f"{self.unit_name}: {self.index}"

    def component(self, code: str) -> dict[str, Decimal | None]:
        stored = self.components.get(code) or {}
        return {
            key: None if stored.get(key) is None else Decimal(stored[key]) for key in ("points", "maximum", "index")
        }


class CouncilComment(models.Model):
    """A council member's (or Sở Nội vụ's) comment on a group's results, or on one unit's."""

    period = models.ForeignKey("periods.Period", on_delete=models.CASCADE, related_name="council_comments")
    group = models.ForeignKey("organization.UnitGroup", on_delete=models.PROTECT, related_name="+")
    assessment = models.ForeignKey(
        "assessments.Assessment", on_delete=models.CASCADE, null=True, blank=True, related_name="council_comments"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("ý kiến"))
    created_at = models.DateTimeField(_("thời điểm"), auto_now_add=True)

    class Meta:
        ordering = ("created_at", "pk")
        verbose_name = _("ý kiến hội đồng")
        verbose_name_plural = _("ý kiến hội đồng")

    def __str__(self) -> str:
        return self.text[:80]


class Correction(models.Model):
    """Sở Nội vụ corrected a final answer while the group's results were reopened, with the reason."""

    approval = models.ForeignKey(Approval, on_delete=models.PROTECT, related_name="corrections")
    assessment = models.ForeignKey("assessments.Assessment", on_delete=models.PROTECT, related_name="+")
    code = models.CharField(_("mã tiêu chí"), max_length=50)
    raw_before = models.TextField(_("câu trả lời trước"), blank=True)
    raw_after = models.TextField(_("câu trả lời sau"), blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    reason = models.TextField(_("lý do"))
    created_at = models.DateTimeField(_("thời điểm"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ("created_at", "pk")
        verbose_name = _("điều chỉnh kết quả")
        verbose_name_plural = _("điều chỉnh kết quả")

    def __str__(self) -> str:
        return f"{self.assessment} · {self.code}: {self.raw_before} → {self.raw_after}"
