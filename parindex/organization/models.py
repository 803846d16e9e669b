"""Units that are assessed (đơn vị được đánh giá) and the groups they are ranked in.

Units are never deleted: a merger or a dissolution ends a unit's life with dates, so last year's results still
point at the unit as it was then.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

UNIT_ACTIVE_TO_BEFORE_FROM = _("Ngày kết thúc hoạt động phải sau hoặc trùng ngày bắt đầu hoạt động.")
UNIT_MERGED_ON_WITHOUT_TARGET = _("Đã nhập ngày sáp nhập thì phải chọn đơn vị được sáp nhập vào.")
UNIT_MERGED_INTO_WITHOUT_DATE = _("Đã chọn đơn vị được sáp nhập vào thì phải nhập ngày sáp nhập.")
UNIT_MERGED_INTO_ITSELF = _("Một đơn vị không thể sáp nhập vào chính nó.")
UNIT_MERGED_BEFORE_ACTIVE = _("Ngày sáp nhập phải sau ngày bắt đầu hoạt động.")


class UnitGroup(models.Model):
    """A group of comparable units with its own criteria set, ranking and bands (e.g. "Sở, ban, ngành")."""

    code = models.SlugField(_("mã nhóm"), max_length=30, unique=True)
    name = models.CharField(_("tên nhóm"), max_length=200)
    ordering = models.PositiveSmallIntegerField(_("thứ tự hiển thị"), default=0)

    class Meta:
        ordering = ("ordering", "name")
        verbose_name = _("nhóm đơn vị")
        verbose_name_plural = _("nhóm đơn vị")

    def __str__(self) -> str:
        return self.name


class Unit(models.Model):
    code = models.CharField(_("mã đơn vị"), max_length=30, unique=True)
    name = models.CharField(_("tên đơn vị"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=100, blank=True)
    group = models.ForeignKey(UnitGroup, on_delete=models.PROTECT, related_name="units", verbose_name=_("nhóm đơn vị"))
    active_from = models.DateField(_("hoạt động từ ngày"))
    active_to = models.DateField(
        _("hoạt động đến ngày"),
        null=True,
        blank=True,
        help_text=_("Ngày cuối cùng đơn vị còn hoạt động; để trống nếu đơn vị vẫn đang hoạt động."),
    )
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="merged_units",
        verbose_name=_("sáp nhập vào đơn vị"),
    )
    merged_on = models.DateField(
        _("ngày sáp nhập"),
        null=True,
        blank=True,
        help_text=_("Từ ngày này đơn vị không còn hoạt động độc lập."),
    )

    class Meta:
        ordering = ("group__ordering", "name")
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors: dict[str, list] = {}
        if self.active_to is not None and self.active_from is not None and self.active_to < self.active_from:
            errors.setdefault("active_to", []).append(UNIT_ACTIVE_TO_BEFORE_FROM)
        if self.merged_on is not None and self.merged_into_id is None:
            errors.setdefault("merged_into", []).append(UNIT_MERGED_ON_WITHOUT_TARGET)
        if self.merged_into_id is not None and self.merged_on is None:
            errors.setdefault("merged_on", []).append(UNIT_MERGED_INTO_WITHOUT_DATE)
        if self.merged_into_id is not None and self.pk is not None and self.merged_into_id == self.pk:
            errors.setdefault("merged_into", []).append(UNIT_MERGED_INTO_ITSELF)
        if self.merged_on is not None and self.active_from is not None and self.merged_on <= self.active_from:
            errors.setdefault("merged_on", []).append(UNIT_MERGED_BEFORE_ACTIVE)
        if errors:
            raise ValidationError(errors)
