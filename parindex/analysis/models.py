"""The council's summary of findings as Sở Nội vụ edited it, per period and group.

Only an edited text is stored: without a row the summary is the one generated from the figures now, so it
follows the figures until someone takes it over; deleting the row goes back to the generated text.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AnalysisSummary(models.Model):
    period = models.ForeignKey("periods.Period", on_delete=models.CASCADE, related_name="+")
    group = models.ForeignKey("organization.UnitGroup", on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("nhận định"))
    edited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    edited_at = models.DateTimeField(_("thời điểm sửa"))

    class Meta:
        verbose_name = _("nhận định kết quả")
        verbose_name_plural = _("nhận định kết quả")
        constraints = (models.UniqueConstraint(fields=("period", "group"), name="analysis_summary_once_per_group"),)

    def __str__(self) -> str:
        return f"{self.period} · {self.group}"
