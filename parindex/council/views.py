"""The council's pages: every group's status, a group's ranked table (with comments, approval, publication,
reopening and history), and a unit's detail (with Sở Nội vụ's correction form while reopened).

Who may see what is decided in council.selectors; these views only ask.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from parindex.accounts.models import Role
from parindex.assessments.models import Assessment
from parindex.core.permissions import role_required, user_has_role
from parindex.council.forms import ApprovalForm, CommentForm, CorrectionForm, ReopenForm
from parindex.council.selectors import (
    UNIT_ROLES,
    correction_open_for,
    corrections_of,
    group_comments,
    group_history,
    group_results,
    group_results_visible_to,
    live_approval,
    period_group_summaries,
    rank_visible_to,
    result_assessments_visible_to,
    sees_all_results,
)
from parindex.council.services import (
    CouncilRefused,
    answer_correct,
    approval_record,
    approval_reopen,
    council_comment_add,
    results_publish,
)
from parindex.organization.models import UnitGroup
from parindex.periods.models import Period, PeriodGroup
from parindex.results.scorecard import unit_scorecard
from parindex.results.selectors import ranked_table, unit_year_on_year

EVERY_ROLE = tuple(Role.values)
COMMENTERS = (Role.COUNCIL, Role.ORGANIZER)


def _period_group(period: int, group: str) -> tuple[Period, UnitGroup]:
    period_group = get_object_or_404(
        PeriodGroup.objects.select_related("period", "group"), period_id=period, group__code=group
    )
    return period_group.period, period_group.group


@role_required(*EVERY_ROLE)
def council_index(request: HttpRequest) -> HttpResponse:
    return render(request, "council/index.html", {"summaries": period_group_summaries(request.user)})


def _results_page(request: HttpRequest, period: Period, group: UnitGroup, **forms: Any) -> HttpResponse:
    if not group_results_visible_to(request.user, live_approval(period, group)):
        # Unpublished results are not the user's to know about, not even that they exist; asked before any
        # figure is computed.
        raise Http404
    results = group_results(period, group)
    privileged = sees_all_results(request.user)
    organizer = user_has_role(request.user, Role.ORGANIZER)
    assessments = Assessment.objects.filter(period=period, group=group).select_related("unit")
    history = group_history(period, group) if privileged else []
    can_comment = user_has_role(request.user, *COMMENTERS)
    table = ranked_table(results)
    context = {
        "results": results,
        "table": table,
        "bands": sorted({entry.row.band for entry in table if entry.row.band}, key=_band_order(results)),
        "privileged": privileged,
        "is_organizer": organizer,
        "can_comment": can_comment,
        "comments": group_comments(period, group) if privileged else [],
        "history": history,
        # Approved once and reopened since: the page says the figures are being corrected.
        "reopened": results.approval is None and any(entry.kind == "reopened" for entry in history),
        "comment_form": forms.get("comment_form") or (CommentForm(assessments=assessments) if can_comment else None),
        "approval_form": forms.get("approval_form") or ApprovalForm(),
        "reopen_form": forms.get("reopen_form") or ReopenForm(),
    }
    return render(request, "council/results.html", context, status=400 if forms else 200)


def _band_order(results: Any) -> Any:
    # The bands in the set's order (best first), not alphabetical: "Tốt, Khá, Trung bình, Yếu".
    names = [band.name for band in results.criteria_set.bands]
    return lambda name: names.index(name) if name in names else len(names)


@role_required(*EVERY_ROLE)
def group_results_view(request: HttpRequest, period: int, group: str) -> HttpResponse:
    return _results_page(request, *_period_group(period, group))


def _refused(request: HttpRequest, refused: CouncilRefused) -> None:
    for problem in refused.problems:
        messages.error(request, problem)


@role_required(*COMMENTERS)
@require_POST
def comment_add(request: HttpRequest, period: int, group: str) -> HttpResponse:
    the_period, the_group = _period_group(period, group)
    assessments = Assessment.objects.filter(period=the_period, group=the_group).select_related("unit")
    form = CommentForm(request.POST, assessments=assessments)
    if not form.is_valid():
        return _results_page(request, the_period, the_group, comment_form=form)
    try:
        council_comment_add(
            actor=request.user,
            period=the_period,
            group=the_group,
            text=form.cleaned_data["text"],
            assessment=form.cleaned_data["assessment"],
        )
    except CouncilRefused as refused:
        _refused(request, refused)
    else:
        messages.success(request, _("Đã ghi ý kiến."))
    return redirect("council:results", period=period, group=group)


@role_required(Role.ORGANIZER)
@require_POST
def approve(request: HttpRequest, period: int, group: str) -> HttpResponse:
    the_period, the_group = _period_group(period, group)
    form = ApprovalForm(request.POST)
    if not form.is_valid():
        return _results_page(request, the_period, the_group, approval_form=form)
    try:
        approval_record(
            actor=request.user,
            period=the_period,
            group=the_group,
            decision_number=form.cleaned_data["decision_number"],
            decision_date=form.cleaned_data["decision_date"],
        )
    except CouncilRefused as refused:
        _refused(request, refused)
    else:
        messages.success(request, _("Đã ghi nhận Hội đồng thông qua kết quả; số liệu đã được chốt."))
    return redirect("council:results", period=period, group=group)


@role_required(Role.ORGANIZER)
@require_POST
def publish(request: HttpRequest, period: int, group: str) -> HttpResponse:
    the_period, the_group = _period_group(period, group)
    try:
        results_publish(actor=request.user, period=the_period, group=the_group)
    except CouncilRefused as refused:
        _refused(request, refused)
    else:
        messages.success(request, _("Đã công bố kết quả."))
    return redirect("council:results", period=period, group=group)


@role_required(Role.ORGANIZER)
@require_POST
def reopen(request: HttpRequest, period: int, group: str) -> HttpResponse:
    the_period, the_group = _period_group(period, group)
    form = ReopenForm(request.POST)
    if not form.is_valid():
        return _results_page(request, the_period, the_group, reopen_form=form)
    try:
        approval_reopen(actor=request.user, period=the_period, group=the_group, reason=form.cleaned_data["reason"])
    except CouncilRefused as refused:
        _refused(request, refused)
    else:
        messages.success(request, _("Đã mở lại kết quả để điều chỉnh; kết quả đã công bố (nếu có) được rút lại."))
    return redirect("council:results", period=period, group=group)


def _leaf_choices(assessment: Assessment) -> list[tuple[str, str]]:
    return [(leaf.code, f"{leaf.code} · {leaf.title}") for leaf in assessment.criteria_set.all_leaves]


def _detail_page(
    request: HttpRequest, assessment: Assessment, correction_form: CorrectionForm | None = None
) -> HttpResponse:
    scorecard = unit_scorecard(assessment, user=request.user)
    detail = scorecard.detail
    privileged = sees_all_results(request.user)
    years = unit_year_on_year(assessment.unit, include_unpublished=privileged)
    organizer = user_has_role(request.user, Role.ORGANIZER)
    approval = live_approval(assessment.period, assessment.group)
    correctable = organizer and correction_open_for(assessment) is not None
    context = {
        "detail": detail,
        "scorecard": scorecard,
        "years": years,
        "current_listed": any(result.assessment_id == assessment.pk for result in years.results),
        "current_change": years.change_of(detail.index, detail.rounding, assessment.period.year),
        "assessment": assessment,
        "privileged": privileged,
        "table_visible": group_results_visible_to(request.user, approval),
        "show_rank": rank_visible_to(request.user, assessment),
        "correctable": correctable,
        "correction_form": correction_form or CorrectionForm(leaves=_leaf_choices(assessment)),
        "corrections": corrections_of(assessment) if privileged else [],
        # Whoever may open this page may have the sheet, except readers of published results of other units.
        "sheet_available": privileged
        or (user_has_role(request.user, *UNIT_ROLES) and assessment.unit_id == getattr(request.user, "unit_id", None)),
    }
    return render(request, "council/detail.html", context, status=400 if correction_form else 200)


@role_required(*EVERY_ROLE)
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    # Another unit's unpublished result is "not found": its existence is not the user's to know.
    assessment = get_object_or_404(result_assessments_visible_to(request.user), pk=pk)
    return _detail_page(request, assessment)


@role_required(Role.ORGANIZER)
@require_POST
def correct(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = get_object_or_404(result_assessments_visible_to(request.user), pk=pk)
    form = CorrectionForm(request.POST, leaves=_leaf_choices(assessment))
    if not form.is_valid():
        return _detail_page(request, assessment, correction_form=form)
    try:
        answer_correct(
            actor=request.user,
            assessment=assessment,
            code=form.cleaned_data["code"],
            raw=form.cleaned_data["raw"],
            note=form.cleaned_data["note"],
            reason=form.cleaned_data["reason"],
        )
    except CouncilRefused as refused:
        _refused(request, refused)
    else:
        messages.success(request, _("Đã điều chỉnh kết quả; cần trình Hội đồng thông qua lại."))
    return redirect("council:detail", pk=assessment.pk)
