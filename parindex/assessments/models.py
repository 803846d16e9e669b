"""A unit's assessment in a period: its state in the cycle and its answers, leaf by leaf and stage by stage.

See docs/design/assessment-cycle.md. Answers keep the text the user gave (`raw`); the engine parses it on
every save and every official figure is recomputed by the engine from it, so the engine is the only place
that knows what an answer means. `points` is stored only for lists and progress.
"""

from __future__ import annotations

from functools import cached_property

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from parindex.engine import CriteriaSet


class State(models.TextChoices):
    DRAFT = "draft", _("Đang tự đánh giá")
    COMPLETED = "completed", _("Đã hoàn thành, chờ thủ trưởng chốt")
    SUBMITTED = "submitted", _("Đã chốt, chờ thẩm định")
    APPRAISED = "appraised", _("Đã thẩm định lần 1")
    EXPLANATION_REQUESTED = "explanation_requested", _("Chờ giải trình")
    EXPLAINED = "explained", _("Đã giải trình, chờ thẩm định lần 2")
    REAPPRAISED = "reappraised", _("Đã thẩm định lần 2")
    APPROVED = "approved", _("Hội đồng đã thông qua")
    PUBLISHED = "published", _("Đã công bố")


class Stage(models.TextChoices):
    SELF = "self", _("Tự đánh giá")
    APPRAISAL_1 = "appraisal_1", _("Thẩm định lần 1")
    EXPLANATION = "explanation", _("Giải trình")
    APPRAISAL_2 = "appraisal_2", _("Thẩm định lần 2")


class Assessment(models.Model):
    period = models.ForeignKey("periods.Period", on_delete=models.CASCADE, related_name="assessments")
    unit = models.ForeignKey("organization.Unit", on_delete=models.PROTECT, related_name="assessments")
    # The group and set as they were when the unit joined the period: a later regrouping of the unit must
    # not change which criteria its answers were given against.
    group = models.ForeignKey("organization.UnitGroup", on_delete=models.PROTECT, related_name="+")
    criteria_set_version = models.ForeignKey("criteria.CriteriaSetVersion", on_delete=models.PROTECT, related_name="+")
    state = models.CharField(_("trạng thái"), max_length=24, choices=State.choices, default=State.DRAFT)
    state_changed_at = models.DateTimeField(_("thời điểm chuyển trạng thái"), auto_now_add=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(_("thời điểm chốt"), null=True, blank=True)
    # The self-assessment report as the head signed it (a PDF in the unit's evidence registry), attached
    # through assessments.reports.services.assessment_attach_signed_report. PROTECT: the signed copy of a
    # submission is never deleted from under it.
    signed_report = models.ForeignKey(
        "evidence.EvidenceDocument",
        verbose_name=_("báo cáo tự đánh giá đã ký"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ("group__ordering", "unit__name")
        verbose_name = _("hồ sơ đánh giá")
        verbose_name_plural = _("hồ sơ đánh giá")
        constraints = (models.UniqueConstraint(fields=("period", "unit"), name="assessment_unique_per_period"),)

    def __str__(self) -> str:
        return f"{self.unit} · {self.period}"

    @cached_property
    def criteria_set(self) -> CriteriaSet:
        return self.criteria_set_version.criteria_set


class Answer(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    code = models.CharField(_("mã tiêu chí"), max_length=50)
    stage = models.CharField(_("vòng"), max_length=12, choices=Stage.choices)
    raw = models.TextField(_("câu trả lời"), blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    points = models.DecimalField(_("điểm"), max_digits=12, decimal_places=6, null=True, blank=True)
    not_applicable = models.BooleanField(_("không áp dụng"), default=False)
    explanation_requested = models.BooleanField(_("yêu cầu giải trình"), default=False)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ("assessment", "stage", "code")
        constraints = (models.UniqueConstraint(fields=("assessment", "code", "stage"), name="answer_unique_per_stage"),)

    def __str__(self) -> str:
        return f"{self.assessment} · {self.code} · {self.stage}"

    @property
    def is_answered(self) -> bool:
        return bool(self.raw.strip())
