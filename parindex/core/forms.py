"""Form helpers shared by the apps."""

from __future__ import annotations

from typing import Any

from django import forms


def _css_class_for(widget: forms.Widget) -> str:
    if isinstance(widget, forms.Select | forms.SelectMultiple):
        return "form-select"
    if isinstance(widget, forms.CheckboxInput | forms.RadioSelect | forms.CheckboxSelectMultiple):
        return "form-check-input"
    return "form-control"


class BootstrapFormMixin:
    """Gives every widget its Bootstrap class, so templates render fields without per-field markup."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", _css_class_for(field.widget))
