"""Writes of the appraisal rounds: assignments, appraised answers, explanation, closing each round.

Every change is one transaction with its audit event (answers through assessments.services.answer_save,
state changes through assessments.services.transition).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from parindex.accounts.models import Role
from parindex.appraisals.models import Assignment
from parindex.appraisals.selectors import appraiser_fields
from parindex.assessments.models import Answer, Assessment, Stage, State
from parindex.assessments.notices import notice_explained, notice_explanation_requested
from parindex.assessments.services import (
    AnswerRefused,
    ParsedAnswer,
    TransitionRefused,
    answer_save,
    transition,
)
from parindex.assessments.workflow import (
    appraisal_locked_reason,
    appraisal_round,
    explanation_open,
    self_assessed_leaves,
)
from parindex.audit.services import audit_record
from parindex.organization.models import Unit, UnitGroup
from parindex.periods.models import Period, PeriodGroup
from parindex.periods.selectors import DeadlineBook

MSG_NOT_AN_APPRAISER = "{name} không có vai trò thành viên Tổ thẩm định."
MSG_CONFLICT_OF_INTEREST = "{name} là người của {unit}: không được thẩm định đơn vị của mình."
MSG_UNKNOWN_FIELD = "Không có lĩnh vực “{field}” trong bộ tiêu chí của kỳ đánh giá{scope}."
MSG_UNIT_NOT_IN_PERIOD = "{unit} không tham gia kỳ đánh giá này."
MSG_ALREADY_ASSIGNED = "Phân công này đã có."
MSG_NOT_YOUR_FIELD = "Bạn không được phân công thẩm định tiêu chí “{code}” của đơn vị này."
MSG_NOT_SAVED = "{reason} Kết quả thẩm định chưa được lưu."
MSG_NOT_FLAGGED = "Tiêu chí “{code}” không có yêu cầu giải trình."
MSG_NOTHING_TO_ACCEPT = "Đơn vị chưa tự chấm tiêu chí “{code}”, chưa có gì để chấp nhận."
MSG_ROUND_INCOMPLETE = "Còn {count} tiêu chí chưa thẩm định: {codes}."
MSG_EXPLANATION_CLOSED = "Không trong thời gian giải trình. Giải trình chưa được lưu."
MSG_EXPLANATION_MISSING = "Còn {count} tiêu chí chưa giải trình: {codes}."


def _codes(codes: list[str]) -> str:
    return ", ".join(codes[:10]) + ("…" if len(codes) > 10 else "")


# -- assignments --------------------------------------------------------------------------------------------


def assignment_create(
    *,
    actor: Any,
    period: Period,
    appraiser: Any,
    field_code: str,
    group: UnitGroup | None = None,
    unit: Unit | None = None,
) -> Assignment:
    """Assign an appraiser a field, for every unit of the period, one group, or one unit."""
    problems = []
    name = appraiser.get_full_name()
    if appraiser.role != Role.APPRAISER:
        problems.append(MSG_NOT_AN_APPRAISER.format(name=name))
    if unit is not None and appraiser.unit_id == unit.pk:
        problems.append(MSG_CONFLICT_OF_INTEREST.format(name=name, unit=unit.name))
    if unit is not None and not period.assessments.filter(unit=unit).exists():
        problems.append(MSG_UNIT_NOT_IN_PERIOD.format(unit=unit.name))
    sets = PeriodGroup.objects.filter(period=period).select_related("criteria_set")
    if group is not None:
        sets = sets.filter(group=group)
    if not any(field_code in period_group.criteria_set.criteria_set.field_codes for period_group in sets):
        scope = f" cho nhóm {group.name}" if group else ""
        problems.append(MSG_UNKNOWN_FIELD.format(field=field_code, scope=scope))
    duplicate = Assignment.objects.filter(
        period=period, appraiser=appraiser, field_code=field_code, group=group, unit=unit
    ).exists()
    if duplicate:
        problems.append(MSG_ALREADY_ASSIGNED)
    if problems:
        raise TransitionRefused(problems)
    with transaction.atomic():
        assignment = Assignment.objects.create(
            period=period, appraiser=appraiser, field_code=field_code, group=group, unit=unit, created_by=actor
        )
        audit_record(
            actor=actor,
            action="assignment.created",
            target=assignment,
            summary=_("Phân công %(name)s thẩm định lĩnh vực %(field)s") % {"name": name, "field": field_code},
            after={
                "appraiser": appraiser.username,
                "field": field_code,
                "group": group and group.code,
                "unit": unit and unit.code,
            },
        )
    return assignment


def assignment_delete(*, actor: Any, assignment: Assignment) -> None:
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="assignment.deleted",
            target=assignment,
            summary=_("Bỏ phân công %(assignment)s") % {"assignment": assignment},
            before={"appraiser": assignment.appraiser.username, "field": assignment.field_code},
        )
        assignment.delete()


# -- appraising ---------------------------------------------------------------------------------------------


def _check_appraiser(actor: Any, assessment: Assessment, code: str, now: datetime) -> int:
    """The round the actor may appraise `code` in; AnswerRefused with the reason otherwise."""
    if assessment.criteria_set.field_of.get(code) not in appraiser_fields(actor, assessment):
        raise AnswerRefused(MSG_NOT_YOUR_FIELD.format(code=code))
    book = DeadlineBook.load(assessment.period)
    reason = appraisal_locked_reason(assessment, book, now)
    if reason:
        raise AnswerRefused(MSG_NOT_SAVED.format(reason=reason))
    round_ = appraisal_round(assessment, book, now)
    assert round_ is not None
    return round_


def _flagged(assessment: Assessment) -> set[str]:
    return set(
        Answer.objects.filter(assessment=assessment, stage=Stage.APPRAISAL_1, explanation_requested=True).values_list(
            "code", flat=True
        )
    )


def appraisal_save(
    *,
    actor: Any,
    assessment: Assessment,
    code: str,
    raw: str,
    note: str,
    expected_version: int | None,
    explanation_requested: bool = False,
    now: datetime | None = None,
) -> tuple[Answer, ParsedAnswer]:
    """An appraiser's answer to a leaf, in the round the assessment is in. In round 2 only the leaves whose
    explanation was requested are re-appraised; the request itself belongs to round 1."""
    now = now or timezone.now()
    round_ = _check_appraiser(actor, assessment, code, now)
    if round_ == 2 and code not in _flagged(assessment):
        raise AnswerRefused(MSG_NOT_FLAGGED.format(code=code))
    return answer_save(
        actor=actor,
        assessment=assessment,
        code=code,
        stage=Stage.APPRAISAL_1 if round_ == 1 else Stage.APPRAISAL_2,
        raw=raw,
        note=note,
        expected_version=expected_version,
        now=now,
        explanation_requested=explanation_requested and round_ == 1,
    )


def appraisal_accept(
    *, actor: Any, assessment: Assessment, code: str, now: datetime | None = None
) -> tuple[Answer, ParsedAnswer]:
    """Accept the unit's self-score as it is: one action, the self answer copied into round 1."""
    now = now or timezone.now()
    own = Answer.objects.filter(assessment=assessment, code=code, stage=Stage.SELF).first()
    if own is None or not own.is_answered:
        raise AnswerRefused(MSG_NOTHING_TO_ACCEPT.format(code=code))
    current = Answer.objects.filter(assessment=assessment, code=code, stage=Stage.APPRAISAL_1).first()
    return appraisal_save(
        actor=actor,
        assessment=assessment,
        code=code,
        raw=own.raw,
        note="",
        expected_version=current.version if current else None,
        now=now,
    )


def appraisal_close_round(*, actor: Any, assessment: Assessment, now: datetime | None = None) -> Assessment:
    """Close the round the assessment is in, once every leaf it needs is appraised.

    Round 1 needs every leaf the unit answers; it ends in "chờ giải trình" when any leaf asks for an
    explanation, else in "đã thẩm định". Round 2 needs every flagged leaf.
    """
    now = now or timezone.now()
    book = DeadlineBook.load(assessment.period)
    reason = appraisal_locked_reason(assessment, book, now)
    if reason:
        raise TransitionRefused([reason])
    round_ = appraisal_round(assessment, book, now)
    stage = Stage.APPRAISAL_1 if round_ == 1 else Stage.APPRAISAL_2
    done = set(Answer.objects.filter(assessment=assessment, stage=stage).values_list("code", flat=True))
    flagged = _flagged(assessment)
    needed = [leaf.code for leaf in self_assessed_leaves(assessment.criteria_set)]
    if round_ == 2:
        needed = [code for code in needed if code in flagged]
    missing = [code for code in needed if code not in done]
    if missing:
        raise TransitionRefused([MSG_ROUND_INCOMPLETE.format(count=len(missing), codes=_codes(missing))])
    if round_ == 1:
        target, action = (
            (State.EXPLANATION_REQUESTED, "appraisal.explanation_requested")
            if flagged
            else (State.APPRAISED, "appraisal.round1_closed")
        )
        expected: tuple[str, ...] = (State.SUBMITTED, State.DRAFT, State.COMPLETED)
    else:
        target, action = State.REAPPRAISED, "appraisal.round2_closed"
        expected = (State.EXPLAINED, State.EXPLANATION_REQUESTED)
    with transaction.atomic():
        closed = transition(actor=actor, assessment=assessment, expected=expected, target=target, action=action)
        if target == State.EXPLANATION_REQUESTED:
            notice_explanation_requested(closed)
    return closed


# -- explanation ----------------------------------------------------------------------------------------------


def explanation_save(
    *,
    actor: Any,
    assessment: Assessment,
    code: str,
    raw: str,
    note: str,
    expected_version: int | None,
    now: datetime | None = None,
) -> tuple[Answer, ParsedAnswer]:
    """The unit answers an explanation request: its explanation (note) and, if it wishes, a revised answer."""
    now = now or timezone.now()
    if not explanation_open(assessment, DeadlineBook.load(assessment.period), now):
        raise AnswerRefused(MSG_EXPLANATION_CLOSED)
    if code not in _flagged(assessment):
        raise AnswerRefused(MSG_NOT_FLAGGED.format(code=code))
    return answer_save(
        actor=actor,
        assessment=assessment,
        code=code,
        stage=Stage.EXPLANATION,
        raw=raw,
        note=note,
        expected_version=expected_version,
        now=now,
    )


def explanation_submit(*, actor: Any, assessment: Assessment, now: datetime | None = None) -> Assessment:
    """The unit submits its explanations: every flagged leaf needs an explanation written."""
    now = now or timezone.now()
    if not explanation_open(assessment, DeadlineBook.load(assessment.period), now):
        raise TransitionRefused([MSG_EXPLANATION_CLOSED.split(".")[0] + "."])
    explained = {
        answer.code
        for answer in Answer.objects.filter(assessment=assessment, stage=Stage.EXPLANATION)
        if answer.note.strip()
    }
    unexplained = _flagged(assessment) - explained
    missing = [leaf.code for leaf in self_assessed_leaves(assessment.criteria_set) if leaf.code in unexplained]
    if missing:
        raise TransitionRefused([MSG_EXPLANATION_MISSING.format(count=len(missing), codes=_codes(missing))])
    with transaction.atomic():
        moved = transition(
            actor=actor,
            assessment=assessment,
            expected=(State.EXPLANATION_REQUESTED,),
            target=State.EXPLAINED,
            action="assessment.explained",
        )
        notice_explained(moved)
    return moved
