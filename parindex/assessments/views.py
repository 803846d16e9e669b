"""Assessment screens: the list, the self-assessment screen and its autosave, completion and submission."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from parindex.accounts.models import Role
from parindex.assessments.inputs import compose_raw, input_spec
from parindex.assessments.models import Assessment, Stage
from parindex.assessments.screen import points_text, progress_payload, screen_rows
from parindex.assessments.selectors import (
    UNIT_ROLES,
    answers_by_code,
    assessments_visible_to,
    self_assessment_progress,
)
from parindex.assessments.services import (
    AnswerConflict,
    AnswerRefused,
    TransitionRefused,
    answer_save_self,
    assessment_mark_completed,
    assessment_reopen_draft,
    assessment_submit,
)
from parindex.assessments.workflow import self_assessed_leaves, self_assessment_locked_reason
from parindex.core.permissions import role_required, user_has_role
from parindex.evidence.selectors import citations_by_code, registry_choices
from parindex.periods.models import Phase
from parindex.periods.selectors import DeadlineBook

EVERY_ROLE = tuple(Role.values)
READERS = (*UNIT_ROLES, Role.ORGANIZER, Role.ADMIN, Role.COUNCIL)


def _visible(request: HttpRequest, pk: int) -> Assessment:
    # Another unit's assessment is "not found": its existence is not the user's to know.
    return get_object_or_404(assessments_visible_to(request.user), pk=pk)


def _own(request: HttpRequest, pk: int) -> Assessment:
    """An assessment the user answers for: their own unit's, whatever their role may see beyond it."""
    assessment = _visible(request, pk)
    if getattr(request.user, "unit_id", None) != assessment.unit_id:
        raise Http404
    return assessment


@role_required(*EVERY_ROLE)
def assessment_list(request: HttpRequest) -> HttpResponse:
    assessments = list(assessments_visible_to(request.user).order_by("-period__year", "group__ordering", "unit__name"))
    return render(request, "assessments/list.html", {"assessments": assessments})


@role_required(*READERS)
def self_assessment(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _visible(request, pk)
    now = timezone.now()
    book = DeadlineBook.load(assessment.period)
    answers = answers_by_code(assessment, Stage.SELF)
    citations = citations_by_code(assessment, Stage.SELF)
    progress = self_assessment_progress(assessment, answers, {code: len(rows) for code, rows in citations.items()})
    own_unit = getattr(request.user, "unit_id", None) == assessment.unit_id
    locked_reason = self_assessment_locked_reason(assessment, book, now)
    deadline = book.deadline(Phase.SELF_ASSESSMENT, assessment.unit_id)
    return render(
        request,
        "assessments/self_assessment.html",
        {
            "assessment": assessment,
            "criteria_set": assessment.criteria_set,
            "rows": list(screen_rows(assessment, answers, citations)),
            "progress": progress_payload(progress, assessment.criteria_set.rounding),
            "editable": own_unit and not locked_reason,
            "documents": registry_choices(assessment) if own_unit and not locked_reason else [],
            "locked_reason": locked_reason,
            "deadline": deadline,
            "is_officer": own_unit and user_has_role(request.user, Role.UNIT_OFFICER),
            "is_head": own_unit and user_has_role(request.user, Role.UNIT_HEAD),
        },
    )


def _conflict_payload(assessment: Assessment, code: str) -> dict[str, object]:
    from parindex.assessments.models import Answer

    current = Answer.objects.select_related("updated_by").get(assessment=assessment, code=code, stage=Stage.SELF)
    return {
        "status": "conflict",
        "message": _("%(name)s đã lưu câu trả lời khác cho tiêu chí này lúc %(time)s.")
        % {
            "name": current.updated_by.get_full_name() or current.updated_by.username,
            "time": date_format(timezone.localtime(current.updated_at), "H:i d/m/Y"),
        },
        "current": {"raw": current.raw, "note": current.note, "version": current.version},
    }


@role_required(*UNIT_ROLES)
@require_POST
def self_assessment_save(request: HttpRequest, pk: int, code: str) -> JsonResponse:
    """Autosave of one leaf (static/parindex/js/autosave.js). JSON: saved / conflict (409) / refused (422)."""
    assessment = _own(request, pk)
    leaves = {leaf.code: leaf for leaf in self_assessed_leaves(assessment.criteria_set)}
    if code not in leaves:
        raise Http404
    allows_na = assessment.criteria_set.plan.leaves_by_code[code].na_allowed
    raw = compose_raw(input_spec(leaves[code], allows_na), request.POST)
    version_text = request.POST.get("version", "")
    try:
        answer, parsed = answer_save_self(
            actor=request.user,
            assessment=assessment,
            code=code,
            raw=raw,
            note=request.POST.get("note", ""),
            expected_version=int(version_text) if version_text.isdigit() else None,
        )
    except AnswerRefused as refused:
        return JsonResponse({"status": "refused", "message": str(refused)}, status=422)
    except AnswerConflict:
        return JsonResponse(_conflict_payload(assessment, code), status=409)
    progress = self_assessment_progress(assessment)
    return JsonResponse(
        {
            "status": "saved",
            "version": answer.version,
            "points": points_text(answer.points),
            "explanation": parsed.explanation if answer.raw else "",
            "progress": progress_payload(progress, assessment.criteria_set.rounding),
        }
    )


def _transition_view(request: HttpRequest, pk: int, service: Callable[..., Assessment], success: str) -> HttpResponse:
    assessment = _own(request, pk)
    try:
        service(actor=request.user, assessment=assessment)
    except TransitionRefused as refused:
        for problem in refused.problems:
            messages.error(request, problem)
    else:
        messages.success(request, success)
    return redirect("assessments:self_assessment", pk=assessment.pk)


@role_required(*UNIT_ROLES)
@require_POST
def self_assessment_complete(request: HttpRequest, pk: int) -> HttpResponse:
    return _transition_view(
        request, pk, assessment_mark_completed, _("Đã đánh dấu hoàn thành; chờ thủ trưởng đơn vị chốt.")
    )


@role_required(*UNIT_ROLES)
@require_POST
def self_assessment_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    return _transition_view(request, pk, assessment_reopen_draft, _("Đã mở lại để sửa kết quả tự đánh giá."))


@role_required(Role.UNIT_HEAD)
@require_POST
def self_assessment_submit(request: HttpRequest, pk: int) -> HttpResponse:
    return _transition_view(
        request, pk, assessment_submit, _("Đã chốt kết quả tự đánh giá và gửi Sở Nội vụ thẩm định.")
    )
