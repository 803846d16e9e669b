"""The form of the assignment screen. It only reads what was chosen; the rules (the appraiser role, the
conflict of interest, known fields, duplicates) are appraisals.services.assignment_create's."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from parindex.accounts.models import User
from parindex.appraisals.assignment_screen import FieldInfo
from parindex.core.forms import BootstrapFormMixin
from parindex.organization.models import Unit, UnitGroup
from parindex.periods.forms import ObjectChoiceField

MSG_GROUP_OR_UNIT = _("Chọn một nhóm hoặc một đơn vị, không chọn cả hai.")


def appraiser_label(user: User) -> str:
    """The appraiser with the unit they come from, which they must never appraise."""
    name = user.get_full_name()
    return f"{name} — {user.unit.name}" if user.unit is not None else name


def _unit_heading(unit: Unit) -> str:
    return unit.group.name


class AssignmentForm(BootstrapFormMixin, forms.Form):
    appraiser = ObjectChoiceField(
        label=_("Thành viên Tổ thẩm định"),
        empty_label=str(_("— Chọn người thẩm định —")),
        help_text=_("Bên cạnh tên là đơn vị của người đó: không được phân công thẩm định chính đơn vị mình."),
    )
    field_code = forms.ChoiceField(label=_("Lĩnh vực"))
    group = ObjectChoiceField(label=_("Nhóm đơn vị"), required=False, empty_label=str(_("Mọi nhóm")))
    unit = ObjectChoiceField(label=_("Đơn vị"), required=False, empty_label=str(_("Mọi đơn vị")))

    def __init__(
        self,
        *args: Any,
        appraisers: list[User],
        fields: list[FieldInfo],
        groups: list[UnitGroup],
        units: list[Unit],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._choose("appraiser").set_objects(appraisers, label=appraiser_label)
        self._choose("group").set_objects(groups)
        self._choose("unit").set_objects(units, heading=_unit_heading)
        field_code = self.fields["field_code"]
        assert isinstance(field_code, forms.ChoiceField)
        field_code.choices = [("", _("— Chọn lĩnh vực —")), *((field.code, field.label) for field in fields)]

    def _choose(self, name: str) -> ObjectChoiceField:
        field = self.fields[name]
        assert isinstance(field, ObjectChoiceField)
        return field

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("group") is not None and data.get("unit") is not None:
            raise forms.ValidationError(MSG_GROUP_OR_UNIT)
        return data
