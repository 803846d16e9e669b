"""Forms of the period screens. They only read what was typed; every rule is in periods.services."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from typing import Any, ClassVar

from django import forms
from django.forms.fields import BaseTemporalField
from django.forms.utils import from_current_timezone
from django.utils.translation import gettext_lazy as _

from parindex.core.forms import BootstrapFormMixin
from parindex.criteria.models import CriteriaSetVersion
from parindex.organization.models import Unit, UnitGroup
from parindex.periods.models import PHASE_ORDER, Phase

DEFAULT_NAME = "Kỳ đánh giá, xác định Chỉ số CCHC năm {year}"
DEADLINE_FORMAT = "%d/%m/%Y %H:%M"
# Day first, always, whatever the browser or the active language: "15/12/2025 17:00" is 15 December.
DEADLINE_INPUT_FORMATS = ("%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%H:%M %d/%m/%Y")
DEADLINE_PLACEHOLDER = "dd/mm/yyyy hh:mm"
MSG_DEADLINE_FORMAT = _("Nhập ngày giờ theo dạng dd/mm/yyyy hh:mm, ví dụ 15/12/2025 17:00.")
MSG_NO_UNIT_CHOSEN = _("Chưa chọn đơn vị nào.")
NO_SET = _("— Không đánh giá nhóm này trong kỳ —")


class DeadlineField(forms.DateTimeField):
    """A date and a time typed as dd/mm/yyyy hh:mm, in the project's time zone.

    Only the day-first formats are tried (Django's own parsing would also take an ISO date alone as
    midnight, which quietly takes a whole day from a deadline)."""

    input_formats = DEADLINE_INPUT_FORMATS
    default_error_messages: ClassVar[dict[str, Any]] = {"invalid": MSG_DEADLINE_FORMAT}
    widget = forms.DateTimeInput(
        format=DEADLINE_FORMAT, attrs={"placeholder": DEADLINE_PLACEHOLDER, "autocomplete": "off"}
    )

    def to_python(self, value: Any) -> datetime.datetime | None:
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.datetime):
            return from_current_timezone(value)
        moment = BaseTemporalField.to_python(self, value)  # tries each format, or raises "invalid"
        assert isinstance(moment, datetime.datetime)
        return from_current_timezone(moment)


class ObjectChoiceField(forms.ChoiceField):
    """A choice among objects the view has already read, in the order given, optionally under headings.

    Unlike ModelChoiceField it runs no query of its own, and it keeps Vietnamese alphabetical order, which
    the database does not know. Cleans to the object (None when left empty)."""

    def __init__(self, *, empty_label: str | None = None, **kwargs: Any) -> None:
        self.empty_label = empty_label
        self.objects: dict[str, Any] = {}
        super().__init__(**kwargs)

    def set_objects(
        self,
        objects: Iterable[Any],
        label: Callable[[Any], str] = str,
        heading: Callable[[Any], str] | None = None,
    ) -> None:
        objects = list(objects)
        self.objects = {str(obj.pk): obj for obj in objects}
        choices: list[Any] = [("", self.empty_label or "—")] if self.empty_label or not self.required else []
        if heading is None:
            choices += [(str(obj.pk), label(obj)) for obj in objects]
        else:
            groups: dict[str, list[tuple[str, str]]] = {}
            for obj in objects:
                groups.setdefault(heading(obj), []).append((str(obj.pk), label(obj)))
            choices += list(groups.items())
        self.choices = choices

    def clean(self, value: Any) -> Any:
        key = super().clean(value)
        return self.objects.get(key) if key else None


def _version_label(version: CriteriaSetVersion) -> str:
    decision = f" · {version.decision}" if version.decision else ""
    return f"{version.name} (phiên bản {version.version}){decision}"


class PeriodCreateForm(BootstrapFormMixin, forms.Form):
    name = forms.CharField(label=_("Tên kỳ đánh giá"), max_length=300)

    def __init__(
        self,
        *args: Any,
        year: int,
        groups: Iterable[UnitGroup],
        issued_sets: Iterable[CriteriaSetVersion],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.groups = list(groups)
        self.year = year
        sets_by_group: dict[int, list[CriteriaSetVersion]] = {}
        for version in issued_sets:
            sets_by_group.setdefault(version.group_id, []).append(version)
        self.initial.setdefault("name", DEFAULT_NAME.format(year=year))
        for group in self.groups:
            choice = ObjectChoiceField(label=group.name, required=False, empty_label=str(NO_SET))
            versions = sets_by_group.get(group.pk, [])
            choice.set_objects(versions, label=_version_label)
            choice.widget.attrs["class"] = "form-select"
            self.fields[self.set_field(group)] = choice
            if versions:  # the newest issued version, as a starting point
                self.initial.setdefault(self.set_field(group), str(versions[0].pk))
        for phase in PHASE_ORDER:
            deadline = DeadlineField(label=Phase(phase).label)
            deadline.widget.attrs["class"] = "form-control"
            self.fields[self.deadline_field(phase)] = deadline

    @staticmethod
    def set_field(group: UnitGroup) -> str:
        return f"set_{group.code}"

    @staticmethod
    def deadline_field(phase: str) -> str:
        return f"deadline_{phase}"

    def set_rows(self) -> list[tuple[UnitGroup, forms.BoundField]]:
        return [(group, self[self.set_field(group)]) for group in self.groups]

    def deadline_rows(self) -> list[forms.BoundField]:
        return [self[self.deadline_field(phase)] for phase in PHASE_ORDER]

    def criteria_sets(self) -> dict[UnitGroup, CriteriaSetVersion]:
        chosen = ((group, self.cleaned_data.get(self.set_field(group))) for group in self.groups)
        return {group: version for group, version in chosen if version is not None}

    def deadlines(self) -> dict[str, datetime.datetime]:
        return {phase: self.cleaned_data[self.deadline_field(phase)] for phase in PHASE_ORDER}


class YearForm(forms.Form):
    nam = forms.IntegerField(label=_("Năm đánh giá"), min_value=2000, max_value=2100)


class AddUnitsForm(forms.Form):
    # Any unit: whether it may join (its group, its dates, not already in) is periods.services' to say.
    units = forms.ModelMultipleChoiceField(queryset=Unit.objects.all(), error_messages={"required": MSG_NO_UNIT_CHOSEN})


def _unit_heading(unit: Unit) -> str:
    return unit.group.name


class DeadlineExtendForm(BootstrapFormMixin, forms.Form):
    unit = ObjectChoiceField(label=_("Đơn vị"), empty_label=str(_("— Chọn đơn vị —")))
    phase = forms.ChoiceField(label=_("Giai đoạn"), choices=Phase.choices)
    deadline = DeadlineField(label=_("Hạn mới"))
    # Left to the service, which says "Cần ghi rõ lý do."; the browser asks for it first.
    reason = forms.CharField(
        label=_("Lý do"), required=False, widget=forms.Textarea(attrs={"rows": 2, "required": True})
    )

    def __init__(self, *args: Any, units: Iterable[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["unit"]
        assert isinstance(field, ObjectChoiceField)
        field.set_objects(units, heading=_unit_heading)


class PhaseReopenForm(BootstrapFormMixin, forms.Form):
    phase = forms.ChoiceField(label=_("Giai đoạn"), choices=Phase.choices)
    deadline = DeadlineField(label=_("Hạn mới cho mọi đơn vị"))
    reason = forms.CharField(
        label=_("Lý do"), required=False, widget=forms.Textarea(attrs={"rows": 2, "required": True})
    )


def form_problems(form: forms.BaseForm, labels: Mapping[str, str] | None = None) -> list[str]:
    """A form's errors as sentences, each naming its field: for a message after a redirect."""
    problems = []
    for name, errors in form.errors.items():
        label = (labels or {}).get(name) or (form.fields[name].label if name in form.fields else "")
        problems += [f"{label}: {error}" if label else str(error) for error in errors]
    return problems
