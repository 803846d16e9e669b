from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from parindex.criteria.models import CriteriaSetVersion
from parindex.organization.models import UnitGroup


class CriteriaSetUploadForm(forms.Form):
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


class CriteriaSetCloneForm(forms.Form):
    year = forms.IntegerField(label=_("Năm đánh giá mới"), min_value=2000, max_value=2100)


class CriteriaSetIssueForm(forms.Form):
    decision = forms.CharField(label=_("Văn bản ban hành"), required=False, max_length=255)


class CriteriaSetCompareForm(forms.Form):
    old = forms.ModelChoiceField(label=_("Phiên bản cũ"), queryset=CriteriaSetVersion.objects.none())
    new = forms.ModelChoiceField(label=_("Phiên bản mới"), queryset=CriteriaSetVersion.objects.none())

    def __init__(self, *args, versions, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["old"].queryset = versions
        self.fields["new"].queryset = versions
        for field in ("old", "new"):
            self.fields[field].label_from_instance = lambda v: f"{v.year} · {v.group.name} · phiên bản {v.version}"
