from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from parindex.core.forms import BootstrapFormMixin
from parindex.criteria.models import CriteriaSetVersion
from parindex.organization.models import UnitGroup


class CriteriaSetUploadForm(BootstrapFormMixin, forms.Form):
    file = forms.FileField(
        label=_("Tệp bộ tiêu chí"),
        help_text=_("Tệp YAML (.yaml) theo định dạng của parindex, hoặc tệp Excel (.xlsx) theo mẫu tỉnh ban hành."),
        widget=forms.ClearableFileInput(attrs={"accept": ".yaml,.yml,.xlsx"}),
    )
    decision = forms.CharField(
        label=_("Văn bản ban hành"),
        required=False,
        max_length=255,
        help_text=_("Ví dụ: Quyết định số 123/QĐ-UBND ngày 15/01/2025 của UBND tỉnh"),
    )
    # Only a plain provincial Excel template (without the "Thông tin" sheet) needs these three.
    name = forms.CharField(label=_("Tên bộ tiêu chí"), required=False, max_length=500)
    year = forms.IntegerField(label=_("Năm đánh giá"), required=False, min_value=2000, max_value=2100)
    group = forms.ModelChoiceField(
        label=_("Nhóm đơn vị"), required=False, queryset=UnitGroup.objects.all(), to_field_name="code"
    )


class CriteriaSetCloneForm(BootstrapFormMixin, forms.Form):
    year = forms.IntegerField(label=_("Năm đánh giá mới"), min_value=2000, max_value=2100)


class CriteriaSetIssueForm(BootstrapFormMixin, forms.Form):
    decision = forms.CharField(label=_("Văn bản ban hành"), required=False, max_length=255)


class VersionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.year} · {obj.group.name} · phiên bản {obj.version}"


class CriteriaSetCompareForm(BootstrapFormMixin, forms.Form):
    old = VersionChoiceField(label=_("Phiên bản cũ"), queryset=CriteriaSetVersion.objects.none())
    new = VersionChoiceField(label=_("Phiên bản mới"), queryset=CriteriaSetVersion.objects.none())

    def __init__(self, *args: Any, versions: QuerySet[CriteriaSetVersion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("old", "new"):
            field = self.fields[name]
            assert isinstance(field, VersionChoiceField)
            field.queryset = versions
