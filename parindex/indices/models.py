"""The province's own national results over the years (PAR INDEX, SIPAS, PAPI, PCI) and the departments
responsible for each component.

Components are the fixed catalogue of catalogue.py, written by the data migration; results are imported a
year at a time (imports.py), a re-import of an index's year replacing it. Values are stored as published
(full precision of the source) and rounded only to display.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from parindex.indices.catalogue import PAPI, PAR_INDEX, PCI, SIPAS, TOTAL


class Index(models.TextChoices):
    PAR_INDEX = PAR_INDEX, "PAR INDEX"
    SIPAS = SIPAS, "SIPAS"
    PAPI = PAPI, "PAPI"
    PCI = PCI, "PCI"


class IndexComponent(models.Model):
    index = models.CharField(_("chỉ số"), max_length=12, choices=Index.choices)
    code = models.CharField(_("mã thành phần"), max_length=12)
    name = models.CharField(_("tên thành phần"), max_length=200)
    ordering = models.PositiveSmallIntegerField(default=0)
    maximum = models.DecimalField(_("thang điểm"), max_digits=8, decimal_places=2, null=True, blank=True)
    responsible_units = models.ManyToManyField(
        "organization.Unit", verbose_name=_("đơn vị chịu trách nhiệm"), blank=True, related_name="+"
    )

    class Meta:
        ordering = ("index", "ordering")
        verbose_name = _("thành phần chỉ số")
        verbose_name_plural = _("thành phần chỉ số")
        constraints = (models.UniqueConstraint(fields=("index", "code"), name="index_component_unique"),)

    def __str__(self) -> str:
        return f"{self.get_index_display()} · {self.name}"

    @property
    def is_total(self) -> bool:
        return self.code == TOTAL


class IndexResult(models.Model):
    component = models.ForeignKey(IndexComponent, on_delete=models.CASCADE, related_name="results")
    year = models.PositiveSmallIntegerField(_("năm"))
    value = models.DecimalField(_("giá trị"), max_digits=12, decimal_places=4)
    national_rank = models.PositiveSmallIntegerField(_("xếp hạng toàn quốc"), null=True, blank=True)
    tier = models.CharField(_("nhóm, xếp loại"), max_length=100, blank=True)
    # The demonstration's made-up figures (demo_setup) carry this mark, and every page showing one says so:
    # they must never be taken for the province's official results.
    illustrative = models.BooleanField(_("số liệu minh họa"), default=False)
    source = models.CharField(_("tệp nguồn"), max_length=255, blank=True)
    imported_at = models.DateTimeField(auto_now_add=True)
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ("component", "year")
        verbose_name = _("kết quả chỉ số")
        verbose_name_plural = _("kết quả chỉ số")
        constraints = (models.UniqueConstraint(fields=("component", "year"), name="index_result_unique"),)

    def __str__(self) -> str:
        return f"{self.component} · {self.year}"
