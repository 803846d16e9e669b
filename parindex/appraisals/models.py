"""Who appraises what: an appraiser is assigned fields (lĩnh vực) of a period, for every unit, one group, or
one unit. An appraiser never appraises the unit they come from (User.unit): the selectors leave it out and
the services refuse it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Assignment(models.Model):
    period = models.ForeignKey("periods.Period", on_delete=models.CASCADE, related_name="assignments")
    appraiser = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="assignments")
    field_code = models.CharField(_("lĩnh vực"), max_length=50, help_text=_("Mã lĩnh vực, hoặc bonus / penalty"))
    group = models.ForeignKey(
        "organization.UnitGroup", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    unit = models.ForeignKey("organization.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ("period", "field_code", "appraiser")
        verbose_name = _("phân công thẩm định")
        verbose_name_plural = _("phân công thẩm định")

    def __str__(self) -> str:
        scope = self.unit or self.group or _("mọi đơn vị")
        return f"{self.appraiser} · {self.field_code} · {scope}"

    def covers(self, unit_id: int, group_id: int) -> bool:
        return (self.unit_id is None or self.unit_id == unit_id) and (
            self.group_id is None or self.group_id == group_id
        )
