"""The appraiser's queue and appraisal screen; the unit's explanation screen."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from parindex.accounts.models import Role
from parindex.appraisals.external import external_answers_save, external_leaves
from parindex.appraisals.screen import AppraisalRow, appraisal_rows
from parindex.appraisals.selectors import appraiser_fields, assignments_of
from parindex.appraisals.services import (
    appraisal_accept,
    appraisal_close_round,
    appraisal_save,
    explanation_save,
    explanation_submit,
)
from parindex.assessments.inputs import compose_raw, decompose_raw, input_spec
from parindex.assessments.models import Answer, Assessment, Stage
from parindex.assessments.screen import points_text
from parindex.assessments.selectors import UNIT_ROLES, assessments_visible_to
from parindex.assessments.services import AnswerConflict, AnswerRefused, TransitionRefused
from parindex.assessments.workflow import appraisal_locked_reason, appraisal_round, explanation_open
from parindex.core.permissions import role_required
from parindex.engine import CriteriaSet
from parindex.evidence.models import Citation
from parindex.periods.models import Phase
from parindex.periods.selectors import DeadlineBook
from parindex.vn import sort_key

APPRAISERS = (Role.APPRAISER, Role.ORGANIZER)


def _visible(request: HttpRequest, pk: int) -> Assessment:
    return get_object_or_404(assessments_visible_to(request.user), pk=pk)


def _citations_by_code(assessment: Assessment) -> dict[str, list[object]]:
    grouped: dict[str, list[object]] = defaultdict(list)
    for citation in Citation.objects.filter(assessment=assessment).select_related("document"):
        grouped[citation.code].append(citation)
    return grouped


@role_required(*APPRAISERS)
def appraisal_queue(request: HttpRequest) -> HttpResponse:
    """Every assessment the user appraises, with its state, the fields assigned and what is left to do."""
    assessments = list(
        assessments_visible_to(request.user).exclude(state__in=("approved", "published")).order_by("unit__name")
    )
    period_ids = {assessment.period_id for assessment in assessments}
    assignments = {pid: list(assignments_of(pid, request.user)) for pid in period_ids}
    done: dict[int, set[str]] = defaultdict(set)
    for assessment_id, code in Answer.objects.filter(assessment__in=assessments, stage=Stage.APPRAISAL_1).values_list(
        "assessment_id", "code"
    ):
        done[assessment_id].add(code)
    periods = {assessment.period_id: assessment.period for assessment in assessments}
    books = {period_id: DeadlineBook.load(period) for period_id, period in periods.items()}
    now = timezone.now()
    rows = []
    for assessment in assessments:
        fields = appraiser_fields(request.user, assessment, assignments[assessment.period_id])
        criteria_set = assessment.criteria_set
        mine = [
            leaf.code
            for leaf in criteria_set.all_leaves
            if criteria_set.field_of[leaf.code] in fields and leaf.input_source == "unit"
        ]
        book = books[assessment.period_id]
        round_ = appraisal_round(assessment, book, now)
        rows.append(
            {
                "assessment": assessment,
                "fields": sorted(fields, key=criteria_set.field_codes.index),
                "done": sum(1 for code in mine if code in done[assessment.pk]),
                "total": len(mine),
                "round": round_,
                "deadline": book.deadline(Phase.APPRAISAL_1 if round_ != 2 else Phase.APPRAISAL_2, assessment.unit_id),
            }
        )
    return render(request, "appraisals/queue.html", {"rows": rows})


@role_required(*APPRAISERS)
def appraisal_screen(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _visible(request, pk)
    fields = appraiser_fields(request.user, assessment)
    if not fields:
        raise Http404
    now = timezone.now()
    book = DeadlineBook.load(assessment.period)
    round_ = appraisal_round(assessment, book, now)
    locked_reason = appraisal_locked_reason(assessment, book, now)
    show_all = request.GET.get("tat_ca") == "1"
    rows = list(
        appraisal_rows(
            assessment,
            Answer.objects.filter(assessment=assessment),
            _citations_by_code(assessment),
            fields if not locked_reason else set(),
            round_,
            only_fields=None if show_all else fields,
        )
    )
    criteria_set = assessment.criteria_set
    return render(
        request,
        "appraisals/appraisal.html",
        {
            "assessment": assessment,
            "criteria_set": criteria_set,
            "rows": rows,
            "round": round_,
            "locked_reason": locked_reason,
            "fields": [(code, field_title(criteria_set, code)) for code in criteria_set.field_codes if code in fields],
            "show_all": show_all,
            "deadline": book.deadline(Phase.APPRAISAL_1 if round_ != 2 else Phase.APPRAISAL_2, assessment.unit_id),
            "remaining": sum(1 for row in rows if row.editable and not _answer_of_round(row, round_)),
        },
    )


SECTION_TITLES = {"bonus": "Điểm thưởng", "penalty": "Điểm trừ"}


def field_title(criteria_set: CriteriaSet, code: str) -> str:
    return SECTION_TITLES.get(code) or criteria_set.node(code).title


def _answer_of_round(row: AppraisalRow, round_: int | None) -> Answer | None:
    return (row.round1 if round_ == 1 else row.round2).answer


def _saved_payload(answer: Answer, explanation: str) -> JsonResponse:
    return JsonResponse(
        {
            "status": "saved",
            "version": answer.version,
            "points": points_text(answer.points),
            "explanation": explanation if answer.raw else "",
        }
    )


def _conflict_payload(answer: Answer) -> JsonResponse:
    return JsonResponse(
        {
            "status": "conflict",
            "message": _("%(name)s đã lưu kết quả khác cho tiêu chí này lúc %(time)s.")
            % {
                "name": answer.updated_by.get_full_name(),
                "time": date_format(timezone.localtime(answer.updated_at), "H:i d/m/Y"),
            },
            "current": {"raw": answer.raw, "note": answer.note, "version": answer.version},
        },
        status=409,
    )


def _autosave(request: HttpRequest, assessment: Assessment, code: str, save: Callable[..., tuple]) -> JsonResponse:
    criteria_set = assessment.criteria_set
    if code not in criteria_set.nodes_by_code or not criteria_set.node(code).is_leaf:
        raise Http404
    spec = input_spec(criteria_set.node(code), criteria_set.plan.leaves_by_code[code].na_allowed)
    version_text = request.POST.get("version", "")
    try:
        answer, parsed = save(
            raw=compose_raw(spec, request.POST),
            note=request.POST.get("note", ""),
            expected_version=int(version_text) if version_text.isdigit() else None,
        )
    except AnswerRefused as refused:
        return JsonResponse({"status": "refused", "message": str(refused)}, status=422)
    except AnswerConflict as conflict:
        return _conflict_payload(conflict.current)
    return _saved_payload(answer, parsed.explanation)


@role_required(*APPRAISERS)
@require_POST
def appraisal_autosave(request: HttpRequest, pk: int, code: str) -> JsonResponse:
    assessment = _visible(request, pk)

    def save(**fields: object) -> tuple:
        return appraisal_save(
            actor=request.user,
            assessment=assessment,
            code=code,
            explanation_requested=bool(request.POST.get("explanation_requested")),
            **fields,  # type: ignore[arg-type]
        )

    return _autosave(request, assessment, code, save)


@role_required(*APPRAISERS)
@require_POST
def appraisal_accept_view(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    assessment = _visible(request, pk)
    try:
        appraisal_accept(actor=request.user, assessment=assessment, code=code)
    except (AnswerRefused, AnswerConflict) as error:
        messages.error(request, str(error) if isinstance(error, AnswerRefused) else _("Đã có người lưu kết quả khác."))
    return redirect(reverse("appraisals:appraisal", args=[assessment.pk]) + f"#tc-{code}")


@role_required(*APPRAISERS)
@require_POST
def appraisal_close_view(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _visible(request, pk)
    if not appraiser_fields(request.user, assessment):
        raise Http404
    try:
        appraisal_close_round(actor=request.user, assessment=assessment)
    except TransitionRefused as refused:
        for problem in refused.problems:
            messages.error(request, problem)
    else:
        messages.success(
            request, _("Đã kết thúc vòng thẩm định: %(state)s.") % {"state": assessment.get_state_display()}
        )
    return redirect("appraisals:appraisal", pk=assessment.pk)


# -- the unit's explanation ------------------------------------------------------------------------------


def _own(request: HttpRequest, pk: int) -> Assessment:
    assessment = _visible(request, pk)
    if getattr(request.user, "unit_id", None) != assessment.unit_id:
        raise Http404
    return assessment


@role_required(*UNIT_ROLES, Role.ORGANIZER, Role.ADMIN, Role.COUNCIL)
def explanation_screen(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _visible(request, pk)
    now = timezone.now()
    book = DeadlineBook.load(assessment.period)
    own_unit = getattr(request.user, "unit_id", None) == assessment.unit_id
    editable = own_unit and explanation_open(assessment, book, now)
    rows = [
        # The inputs show the unit's revised answer, if it gave one.
        replace(row, fields=decompose_raw(row.spec, row.explanation.raw))
        for row in appraisal_rows(
            assessment, Answer.objects.filter(assessment=assessment), _citations_by_code(assessment), set(), None
        )
        if row.flagged
    ]
    return render(
        request,
        "appraisals/explanation.html",
        {
            "assessment": assessment,
            "rows": rows,
            "editable": editable,
            "deadline": book.deadline(Phase.EXPLANATION, assessment.unit_id),
            "own_unit": own_unit,
        },
    )


@role_required(*UNIT_ROLES)
@require_POST
def explanation_autosave(request: HttpRequest, pk: int, code: str) -> JsonResponse:
    assessment = _own(request, pk)

    def save(**fields: object) -> tuple:
        return explanation_save(actor=request.user, assessment=assessment, code=code, **fields)  # type: ignore[arg-type]

    return _autosave(request, assessment, code, save)


@role_required(*UNIT_ROLES)
@require_POST
def explanation_submit_view(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _own(request, pk)
    try:
        explanation_submit(actor=request.user, assessment=assessment)
    except TransitionRefused as refused:
        for problem in refused.problems:
            messages.error(request, problem)
    else:
        messages.success(request, _("Đã gửi giải trình tới Tổ thẩm định."))
    return redirect("appraisals:explanation", pk=assessment.pk)


# -- points from others (survey, task tracking, Sở Nội vụ) -------------------------------------------------


@role_required(Role.ORGANIZER)
@require_http_methods(["GET", "POST"])
def external_grid(request: HttpRequest, period_id: int, group_id: int) -> HttpResponse:
    """A grid of units × leaves that the unit does not answer, for Sở Nội vụ to fill in."""
    assessments = list(
        Assessment.objects.filter(period_id=period_id, group_id=group_id)
        .select_related("unit", "criteria_set_version", "period")
        .order_by("unit__name")
    )
    if not assessments:
        raise Http404
    assessments.sort(key=lambda assessment: sort_key(assessment.unit.name))
    criteria_set = assessments[0].criteria_set
    leaves = external_leaves(criteria_set)
    problems: dict[tuple[int, str], str] = {}
    typed: dict[tuple[int, str], str] = {}
    if request.method == "POST":
        values, versions = {}, {}
        for assessment in assessments:
            for leaf in leaves:
                key = (assessment.pk, leaf.code)
                name = f"c-{assessment.pk}-{leaf.code}"
                if name in request.POST:
                    values[key] = request.POST[name]
                    versions[key] = request.POST.get(f"v-{assessment.pk}-{leaf.code}", "")
        result = external_answers_save(actor=request.user, assessments=assessments, values=values, versions=versions)
        problems, typed = result.problems, {key: values[key] for key in result.problems}
        if result.saved:
            messages.success(request, _("Đã lưu %(count)s ô.") % {"count": result.saved})
        if problems:
            messages.error(request, _("%(count)s ô chưa lưu được, xem chi tiết tại từng ô.") % {"count": len(problems)})
        else:
            return redirect("appraisals:external_grid", period_id=period_id, group_id=group_id)
    answers = {
        (answer.assessment_id, answer.code): answer
        for answer in Answer.objects.filter(
            assessment__in=assessments, stage=Stage.APPRAISAL_1, code__in=[leaf.code for leaf in leaves]
        )
    }

    def cell(assessment: Assessment, code: str) -> dict[str, object]:
        key = (assessment.pk, code)
        saved = answers.get(key)
        return {
            "code": code,
            "value": typed.get(key, saved.raw if saved else ""),  # what was typed stays, even when refused
            "version": saved.version if saved else "",
            "problem": problems.get(key, ""),
        }

    rows = [{"assessment": a, "cells": [cell(a, leaf.code) for leaf in leaves]} for a in assessments]
    return render(
        request,
        "appraisals/external_grid.html",
        {"period": assessments[0].period, "group": assessments[0].group, "leaves": leaves, "rows": rows},
    )
