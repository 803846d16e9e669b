"""Assessment periods (kỳ đánh giá): which criteria set each unit group uses, and the deadline of each phase.

A phase is never "locked" by a job: whether it is open for a unit is computed from the deadlines at the moment
of the request (selectors.phase_deadline_for), so the lock falls exactly at the deadline.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Phase(models.TextChoices):
    SELF_ASSESSMENT = "self_assessment", _("Tự đánh giá")
    APPRAISAL_1 = "appraisal_1", _("Thẩm định lần 1")
    EXPLANATION = "explanation", _("Giải trình")
    APPRAISAL_2 = "appraisal_2", _("Thẩm định lần 2")
    COUNCIL = "council", _("Hội đồng đánh giá")
    PUBLICATION = "publication", _("Công bố kết quả")


PHASE_ORDER: tuple[str, ...] = tuple(Phase.values)


class Period(models.Model):
    year = models.PositiveSmallIntegerField(_("năm đánh giá"))
    name = models.CharField(_("tên kỳ đánh giá"), max_length=300)
    opened_at = models.DateTimeField(_("thời điểm mở kỳ"), null=True, blank=True)
    created_at = models.DateTimeField(_("thời điểm tạo"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ("-year", "-pk")
        verbose_name = _("kỳ đánh giá")
        verbose_name_plural = _("kỳ đánh giá")

    def __str__(self) -> str:
        return self.name

    @property
    def is_open(self) -> bool:
        return self.opened_at is not None


class PeriodGroup(models.Model):
    """The issued criteria-set version a unit group is scored with in a period."""

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="groups")
    group = models.ForeignKey("organization.UnitGroup", on_delete=models.PROTECT, related_name="+")
    criteria_set = models.ForeignKey("criteria.CriteriaSetVersion", on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ("group__ordering",)
        constraints = (models.UniqueConstraint(fields=("period", "group"), name="period_group_unique"),)

    def __str__(self) -> str:
        return f"{self.period} · {self.group}"


class PhaseDeadline(models.Model):
    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="deadlines")
    phase = models.CharField(_("giai đoạn"), max_length=20, choices=Phase.choices)
    deadline = models.DateTimeField(_("hạn"))

    class Meta:
        constraints = (models.UniqueConstraint(fields=("period", "phase"), name="phase_deadline_unique"),)

    def __str__(self) -> str:
        return f"{self.get_phase_display()}: {self.deadline:%d/%m/%Y %H:%M}"


class DeadlineChange(models.Model):
    """A later deadline for one unit (gia hạn) or for every unit (mở lại giai đoạn), always with a reason.

    Changes only ever add time: a unit's effective deadline is the latest of the period's deadline and every
    change that applies to it, so reopening a phase for everyone never cuts short one unit's extension.
    """

    class Kind(models.TextChoices):
        EXTENSION = "extension", _("Gia hạn cho một đơn vị")
        REOPENING = "reopening", _("Mở lại giai đoạn")

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="deadline_changes")
    phase = models.CharField(_("giai đoạn"), max_length=20, choices=Phase.choices)
    unit = models.ForeignKey("organization.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    deadline = models.DateTimeField(_("hạn mới"))
    reason = models.TextField(_("lý do"))
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ("created_at",)

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.get_phase_display()}: {self.reason}"
