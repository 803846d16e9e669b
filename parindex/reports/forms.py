from __future__ import annotations

from django import forms

from parindex.organization.models import UnitGroup
from parindex.periods.models import Period
from parindex.reports.models import ExportKind

MSG_KIND = "Loại báo cáo không hợp lệ."
MSG_PERIOD = "Kỳ đánh giá không tồn tại."
MSG_GROUP = "Nhóm đơn vị không tồn tại."


class ExportForm(forms.Form):
    kind = forms.ChoiceField(
        label="Loại báo cáo",
        choices=ExportKind.choices,
        error_messages={"required": MSG_KIND, "invalid_choice": MSG_KIND},
    )
    period = forms.ModelChoiceField(
        label="Kỳ đánh giá",
        queryset=Period.objects.all(),
        error_messages={"required": "Cần chọn kỳ đánh giá.", "invalid_choice": MSG_PERIOD},
    )
    group = forms.ModelChoiceField(
        label="Nhóm đơn vị",
        queryset=UnitGroup.objects.all(),
        required=False,
        error_messages={"invalid_choice": MSG_GROUP},
    )
