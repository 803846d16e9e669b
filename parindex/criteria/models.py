"""Criteria sets as stored: one row per version of a set for a year and a unit group.

The set itself is kept as its canonical YAML text (what `parindex.setfile.dump_criteria_set` writes), so the
stored text is exactly what the engine scores with, can be downloaded and re-uploaded, and compared between
versions. An issued version never changes: periods (kỳ đánh giá) and results point at it; amendments are new
versions.
"""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from parindex.engine import CriteriaSet
from parindex.setfile import parse_criteria_set


class Status(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    ISSUED = "issued", _("Đã ban hành")


@lru_cache(maxsize=64)
def _parsed(source_yaml: str) -> CriteriaSet:
    # Keyed by the text itself: a version's text never changes once saved, and sets are immutable values.
    return parse_criteria_set(source_yaml)


class CriteriaSetVersion(models.Model):
    name = models.CharField(_("tên bộ tiêu chí"), max_length=500)
    year = models.PositiveSmallIntegerField(_("năm đánh giá"))
    group = models.ForeignKey(
        "organization.UnitGroup", on_delete=models.PROTECT, related_name="criteria_sets", verbose_name=_("nhóm đơn vị")
    )
    version = models.PositiveSmallIntegerField(_("phiên bản"))
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    source_yaml = models.TextField(_("nội dung (YAML)"))
    sha256 = models.CharField(_("mã băm SHA-256"), max_length=64)
    original_filename = models.CharField(_("tên tệp tải lên"), max_length=255, blank=True)
    leaf_count = models.PositiveSmallIntegerField(_("số tiêu chí thành phần"))
    max_points = models.DecimalField(_("tổng điểm"), max_digits=8, decimal_places=4)
    decision = models.CharField(
        _("văn bản ban hành"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: Quyết định số 123/QĐ-UBND ngày 15/01/2025"),
    )
    cloned_from = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="clones", verbose_name=_("nhân bản từ")
    )
    created_at = models.DateTimeField(_("thời điểm tạo"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người tạo")
    )
    issued_at = models.DateTimeField(_("thời điểm ban hành"), null=True, blank=True)

    class Meta:
        ordering = ("-year", "group__ordering", "-version")
        verbose_name = _("phiên bản bộ tiêu chí")
        verbose_name_plural = _("phiên bản bộ tiêu chí")
        constraints = (
            models.UniqueConstraint(fields=("year", "group", "version"), name="criteria_set_version_unique"),
        )

    def __str__(self) -> str:
        return f"{self.name} (phiên bản {self.version})"

    @property
    def criteria_set(self) -> CriteriaSet:
        return _parsed(self.source_yaml)

    @property
    def is_issued(self) -> bool:
        return self.status == Status.ISSUED
