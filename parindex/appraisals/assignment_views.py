"""The assignment screen of a period (/ky-danh-gia/<id>/phan-cong/): who appraises which field, for every
unit, one group or one unit; add and remove; the units a field still lacks an appraiser for.
Organizer and administrator only. The URLs are in parindex/periods/urls.py, under the period."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from parindex.accounts.models import Role
from parindex.appraisals.assignment_forms import AssignmentForm
from parindex.appraisals.assignment_screen import FieldInfo, assignment_page, scope_of
from parindex.appraisals.models import Assignment
from parindex.appraisals.services import assignment_create, assignment_delete
from parindex.assessments.services import TransitionRefused
from parindex.core.permissions import role_required
from parindex.periods.models import Period

ASSIGNERS = (Role.ORGANIZER, Role.ADMIN)

MSG_ASSIGNED = "Đã phân công {name} thẩm định {field}, phạm vi: {scope}."
MSG_UNASSIGNED = "Đã bỏ phân công {name} thẩm định {field}, phạm vi: {scope}."


def _outcome(template: str, assignment: Assignment) -> str:
    return template.format(
        name=assignment.appraiser.get_full_name(),
        field=FieldInfo(code=assignment.field_code, title="").gap_name,
        scope=scope_of(assignment),
    )


@role_required(*ASSIGNERS)
@require_http_methods(["GET", "POST"])
def assignment_list(request: HttpRequest, pk: int) -> HttpResponse:
    period = get_object_or_404(Period, pk=pk)
    page = assignment_page(period)
    form = AssignmentForm(
        request.POST or None, appraisers=page.appraisers, fields=page.fields, groups=page.groups, units=page.units
    )
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            assignment = assignment_create(
                actor=request.user,
                period=period,
                appraiser=data["appraiser"],
                field_code=data["field_code"],
                group=data["group"],
                unit=data["unit"],
            )
        except TransitionRefused as error:
            problems = error.problems
        else:
            messages.success(request, _outcome(MSG_ASSIGNED, assignment))
            return redirect("periods:assignments", pk=period.pk)
    return render(
        request, "appraisals/assignments.html", {"period": period, "page": page, "form": form, "problems": problems}
    )


@role_required(*ASSIGNERS)
@require_POST
def assignment_delete_view(request: HttpRequest, pk: int, assignment_pk: int) -> HttpResponse:
    period = get_object_or_404(Period, pk=pk)
    assignment = get_object_or_404(
        Assignment.objects.select_related("appraiser", "group", "unit"), pk=assignment_pk, period=period
    )
    text = _outcome(MSG_UNASSIGNED, assignment)
    assignment_delete(actor=request.user, assignment=assignment)
    messages.success(request, text)
    return redirect("periods:assignments", pk=period.pk)
