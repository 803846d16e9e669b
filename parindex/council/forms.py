from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from parindex.assessments.models import Assessment
from parindex.core.forms import BootstrapFormMixin
from parindex.council.selectors import by_unit_name

DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"})


class CommentForm(BootstrapFormMixin, forms.Form):
    text = forms.CharField(label=_("Ý kiến"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)
    assessment = forms.ChoiceField(label=_("Về đơn vị"), required=False)

    def __init__(self, *args: Any, assessments: Iterable[Assessment], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The group's units in Vietnamese order (a database ORDER BY would put "Sở Đối ngoại" after "Sở Y tế").
        self.assessments = {str(assessment.pk): assessment for assessment in by_unit_name(assessments)}
        field = self.fields["assessment"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("Cả nhóm"))] + [(pk, item.unit.name) for pk, item in self.assessments.items()]

    def clean_assessment(self) -> Assessment | None:
        return self.assessments.get(self.cleaned_data["assessment"])


class ApprovalForm(BootstrapFormMixin, forms.Form):
    decision_number = forms.CharField(label=_("Số quyết định"), max_length=100, help_text=_("Ví dụ: 123/QĐ-UBND"))
    decision_date = forms.DateField(
        label=_("Ngày quyết định"),
        widget=DATE_WIDGET,
        input_formats=["%d/%m/%Y"],
        error_messages={"invalid": _("Nhập ngày theo dạng dd/mm/yyyy, ví dụ 26/11/2025.")},
    )


class ReopenForm(BootstrapFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Lý do mở lại để điều chỉnh"), widget=forms.Textarea(attrs={"rows": 2}), max_length=5000
    )


class CorrectionForm(BootstrapFormMixin, forms.Form):
    code = forms.ChoiceField(label=_("Tiêu chí"))
    raw = forms.CharField(
        label=_("Kết quả cuối cùng sau điều chỉnh"),
        max_length=500,
        required=False,
        help_text=_("Nhập như khi thẩm định: Có / Không, 37/40, 15/12/2025, KAD …"),
    )
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    reason = forms.CharField(label=_("Lý do điều chỉnh"), widget=forms.Textarea(attrs={"rows": 2}), max_length=5000)

    def __init__(self, *args: Any, leaves: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["code"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = leaves
