from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

MSG_NO_FILE = _("Hãy chọn tệp PDF báo cáo tự đánh giá đã ký.")


class SignedReportForm(forms.Form):
    file = forms.FileField(
        label=_("Báo cáo đã ký (PDF)"),
        # The name is checked and cleaned by the service, which keeps Vietnamese names whatever their length.
        max_length=None,
        error_messages={"required": MSG_NO_FILE, "empty": MSG_NO_FILE},
    )
