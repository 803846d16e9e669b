"""The organizer's period screens: the list, creating a period, and a period's page with its actions (add
units, open, extend a deadline for one unit, reopen a phase). Organizer and administrator only.

Every action is a POST making one service call; its outcome is a message on the period's page."""

from __future__ import annotations

from datetime import datetime

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from parindex.accounts.models import Role
from parindex.core.permissions import role_required
from parindex.organization.selectors import unit_group_list
from parindex.periods.forms import (
    AddUnitsForm,
    DeadlineExtendForm,
    PeriodCreateForm,
    PhaseReopenForm,
    YearForm,
    form_problems,
)
from parindex.periods.models import Period, Phase
from parindex.periods.screens import (
    issued_sets_of_year,
    latest_issued_year,
    participant_units,
    period_page,
    period_rows,
)
from parindex.periods.services import (
    PeriodError,
    deadline_extend,
    period_add_units,
    period_create,
    period_open,
    phase_reopen,
)

PERIOD_MANAGERS = (Role.ORGANIZER, Role.ADMIN)

MSG_CREATED = "Đã tạo kỳ đánh giá “{name}”. Tiếp theo: thêm các đơn vị tham gia, rồi mở kỳ đánh giá."
MSG_UNITS_ADDED = "Đã thêm {count} đơn vị vào kỳ đánh giá."
MSG_OPENED = "Đã mở kỳ đánh giá: các đơn vị bắt đầu tự đánh giá."
MSG_EXTENDED = "Đã gia hạn giai đoạn “{phase}” cho {unit} đến {deadline}."
MSG_REOPENED = "Đã mở lại giai đoạn “{phase}” cho mọi đơn vị đến {deadline}."
MSG_NOTHING_SAVED = "Chưa lưu gì."


def _moment(value: datetime) -> str:
    return date_format(timezone.localtime(value), "d/m/Y H:i")


def _period(pk: int) -> Period:
    return get_object_or_404(Period, pk=pk)


def _refused(request: HttpRequest, problems: list[str]) -> None:
    for problem in problems:
        messages.error(request, problem)


def _back(period: Period) -> HttpResponse:
    return redirect("periods:detail", pk=period.pk)


@role_required(*PERIOD_MANAGERS)
@require_GET
def period_list(request: HttpRequest) -> HttpResponse:
    return render(request, "periods/list.html", {"rows": period_rows(timezone.now())})


def _chosen_year(request: HttpRequest) -> tuple[int, YearForm]:
    """The year whose criteria sets the form offers: ?nam=…, else the latest year with an issued set."""
    default = latest_issued_year() or timezone.localdate().year
    year_form = YearForm(request.GET if "nam" in request.GET else None, initial={"nam": default})
    year = year_form.cleaned_data["nam"] if year_form.is_bound and year_form.is_valid() else default
    return year, year_form


@role_required(*PERIOD_MANAGERS)
@require_http_methods(["GET", "POST"])
def period_create_view(request: HttpRequest) -> HttpResponse:
    year, year_form = _chosen_year(request)
    form = PeriodCreateForm(
        request.POST or None, year=year, groups=unit_group_list(), issued_sets=issued_sets_of_year(year)
    )
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            period = period_create(
                actor=request.user,
                year=year,
                name=form.cleaned_data["name"],
                criteria_sets=form.criteria_sets(),
                deadlines=form.deadlines(),
            )
        except PeriodError as error:
            problems = error.problems
        else:
            messages.success(request, MSG_CREATED.format(name=period.name))
            return _back(period)
    return render(
        request,
        "periods/create.html",
        {"form": form, "year": year, "year_form": year_form, "problems": problems},
    )


@role_required(*PERIOD_MANAGERS)
@require_GET
def period_detail(request: HttpRequest, pk: int) -> HttpResponse:
    period = _period(pk)
    page = period_page(period, timezone.now())
    return render(
        request,
        "periods/detail.html",
        {
            "period": period,
            "page": page,
            "extend_form": DeadlineExtendForm(
                units=page.participant_units(), initial={"phase": page.current_phase or Phase.SELF_ASSESSMENT}
            ),
            "reopen_form": PhaseReopenForm(initial={"phase": page.current_phase or Phase.SELF_ASSESSMENT}),
        },
    )


@role_required(*PERIOD_MANAGERS)
@require_POST
def period_add_units_view(request: HttpRequest, pk: int) -> HttpResponse:
    period = _period(pk)
    form = AddUnitsForm(request.POST)
    if not form.is_valid():
        _refused(request, form_problems(form, {"units": ""}))
        return _back(period)
    try:
        added = period_add_units(actor=request.user, period=period, units=form.cleaned_data["units"])
    except PeriodError as error:
        _refused(request, [*error.problems, MSG_NOTHING_SAVED])
    else:
        messages.success(request, MSG_UNITS_ADDED.format(count=number_format(len(added))))
    return _back(period)


@role_required(*PERIOD_MANAGERS)
@require_POST
def period_open_view(request: HttpRequest, pk: int) -> HttpResponse:
    period = _period(pk)
    try:
        period_open(actor=request.user, period=period)
    except PeriodError as error:
        _refused(request, error.problems)
    else:
        messages.success(request, MSG_OPENED)
    return _back(period)


@role_required(*PERIOD_MANAGERS)
@require_POST
def deadline_extend_view(request: HttpRequest, pk: int) -> HttpResponse:
    period = _period(pk)
    form = DeadlineExtendForm(request.POST, units=participant_units(period))
    if not form.is_valid():
        _refused(request, [*form_problems(form), MSG_NOTHING_SAVED])
        return _back(period)
    data = form.cleaned_data
    try:
        change = deadline_extend(
            actor=request.user,
            period=period,
            unit=data["unit"],
            phase=data["phase"],
            deadline=data["deadline"],
            reason=data["reason"],
        )
    except PeriodError as error:
        _refused(request, [*error.problems, MSG_NOTHING_SAVED])
    else:
        messages.success(
            request,
            MSG_EXTENDED.format(
                phase=change.get_phase_display(), unit=data["unit"].name, deadline=_moment(change.deadline)
            ),
        )
    return _back(period)


@role_required(*PERIOD_MANAGERS)
@require_POST
def phase_reopen_view(request: HttpRequest, pk: int) -> HttpResponse:
    period = _period(pk)
    form = PhaseReopenForm(request.POST)
    if not form.is_valid():
        _refused(request, [*form_problems(form), MSG_NOTHING_SAVED])
        return _back(period)
    data = form.cleaned_data
    try:
        change = phase_reopen(
            actor=request.user, period=period, phase=data["phase"], deadline=data["deadline"], reason=data["reason"]
        )
    except PeriodError as error:
        _refused(request, [*error.problems, MSG_NOTHING_SAVED])
    else:
        messages.success(
            request, MSG_REOPENED.format(phase=change.get_phase_display(), deadline=_moment(change.deadline))
        )
    return _back(period)
