from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from parindex.analysis.services import TEXT_LIMIT


class SummaryForm(forms.Form):
    text = forms.CharField(
        label=_("Nhận định trình Hội đồng"),
        max_length=TEXT_LIMIT,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 10, "class": "form-control"}),
        error_messages={"required": _("Cần nhập nội dung nhận định (hoặc chọn “Dùng lại nội dung tự động”).")},
    )
