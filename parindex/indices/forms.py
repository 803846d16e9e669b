"""Forms of the provincial-indices pages: they read what was sent; every rule is in imports.py and services.py."""

from __future__ import annotations

from typing import Any

from django import forms

from parindex.core.forms import BootstrapFormMixin
from parindex.organization.models import Unit


class IndicesImportForm(BootstrapFormMixin, forms.Form):
    file = forms.FileField(
        label="Tệp kết quả (.xlsx hoặc .csv)",
        error_messages={"required": "Chưa chọn tệp để nhập.", "empty": "Tệp rỗng: không có nội dung để nhập."},
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )


class ResponsibleUnitsForm(forms.Form):
    """The departments responsible for a component: checkboxes over the units the view has already read."""

    units = forms.MultipleChoiceField(
        label="Đơn vị chịu trách nhiệm",
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        error_messages={"invalid_choice": "Đơn vị đã chọn không còn trong danh sách; hãy tải lại trang."},
    )

    def __init__(self, *args: Any, units: list[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.units_by_pk = {str(unit.pk): unit for unit in units}
        field = self.fields["units"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(str(unit.pk), unit.name) for unit in units]

    def chosen_units(self) -> list[Unit]:
        return [self.units_by_pk[pk] for pk in self.cleaned_data["units"]]
