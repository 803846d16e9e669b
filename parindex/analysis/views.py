"""The council's analysis pages: every group's analysis, one group's (charts, tables and the summary Sở Nội vụ
edits), and one unit against its group. For Sở Nội vụ, the council and the administrator only: the analysis
compares every unit, published or not, so no other role may open it (403).

The figures come from parindex.analysis.selectors; these views only ask and render.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from parindex.accounts.models import Role
from parindex.analysis.charts import group_chart_data, unit_chart_data
from parindex.analysis.forms import SummaryForm
from parindex.analysis.selectors import findings, saved_summary, summary_outdated, unit_trend
from parindex.analysis.services import AnalysisRefused, summary_revert, summary_save
from parindex.analysis.summary import generated_summary
from parindex.core.permissions import role_required, user_has_role
from parindex.council.selectors import period_group_summaries, result_assessments_visible_to
from parindex.organization.models import UnitGroup
from parindex.periods.models import Period, PeriodGroup

READERS = (Role.ORGANIZER, Role.COUNCIL, Role.ADMIN)


def _period_group(period: int, group: str) -> tuple[Period, UnitGroup]:
    period_group = get_object_or_404(
        PeriodGroup.objects.select_related("period", "group"), period_id=period, group__code=group
    )
    return period_group.period, period_group.group


@role_required(*READERS)
def analysis_index(request: HttpRequest) -> HttpResponse:
    return render(request, "analysis/index.html", {"summaries": period_group_summaries(request.user)})


def _group_page(
    request: HttpRequest, period: Period, group: UnitGroup, form: SummaryForm | None = None
) -> HttpResponse:
    found = findings(period, group)
    saved = saved_summary(period, group)
    # summary_text(), without asking for the saved row twice: the edited text, else the generated one.
    generated = generated_summary(found)
    text = saved.text if saved is not None else generated
    organizer = user_has_role(request.user, Role.ORGANIZER)
    context = {
        "found": found,
        "rounding": found.rounding,
        "summary": text,
        "saved": saved,
        "outdated": saved is not None and summary_outdated(saved),
        "generated": generated,
        "is_organizer": organizer,
        "form": form or (SummaryForm(initial={"text": text}) if organizer else None),
        "chart_data": group_chart_data(found),
    }
    return render(request, "analysis/group.html", context, status=400 if form else 200)


@role_required(*READERS)
def group_analysis(request: HttpRequest, period: int, group: str) -> HttpResponse:
    return _group_page(request, *_period_group(period, group))


def _refused(request: HttpRequest, refused: AnalysisRefused) -> None:
    for problem in refused.problems:
        messages.error(request, problem)


@role_required(Role.ORGANIZER)
@require_POST
def summary_edit(request: HttpRequest, period: int, group: str) -> HttpResponse:
    the_period, the_group = _period_group(period, group)
    form = SummaryForm(request.POST)
    if not form.is_valid():
        return _group_page(request, the_period, the_group, form)
    try:
        summary_save(actor=request.user, period=the_period, group=the_group, text=form.cleaned_data["text"])
    except AnalysisRefused as refused:
        _refused(request, refused)
    else:
        messages.success(request, _("Đã lưu nhận định trình Hội đồng."))
    return redirect("analysis:group", period=period, group=group)


@role_required(Role.ORGANIZER)
@require_POST
def summary_back_to_generated(request: HttpRequest, period: int, group: str) -> HttpResponse:
    the_period, the_group = _period_group(period, group)
    try:
        summary_revert(actor=request.user, period=the_period, group=the_group)
    except AnalysisRefused as refused:
        _refused(request, refused)
    else:
        messages.success(request, _("Đã dùng lại nhận định tự động theo số liệu."))
    return redirect("analysis:group", period=period, group=group)


@role_required(*READERS)
def unit_analysis(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = get_object_or_404(result_assessments_visible_to(request.user), pk=pk)
    found = findings(assessment.period, assessment.group)
    years = unit_trend(assessment, found)
    unit = found.unit(assessment.pk)
    radar_rows = (
        [
            {"field": field, "index": unit.components[field.code], "gap": unit.field_gaps[field.code]}
            for field in found.fields
        ]
        if unit is not None
        else []
    )
    context = {
        "assessment": assessment,
        "found": found,
        "rounding": found.rounding,
        "unit": unit,
        "radar_rows": radar_rows,
        "years": years,
        "chart_data": unit_chart_data(found, assessment.pk, years),
    }
    return render(request, "analysis/unit.html", context)
