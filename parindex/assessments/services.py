"""Writes on assessments: answers (autosaved, with a version check) and the state transitions.

Every change is one transaction with its audit event. Concurrency never relies on row locks (SQLite has
none): an answer is updated only if its version is still the one the user saw, and a state moves only from
the state it is expected to be in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from parindex.assessments.models import Answer, Assessment, Stage, State
from parindex.assessments.notices import notice_submitted
from parindex.assessments.workflow import (
    self_assessed_leaves,
    self_assessment_locked_reason,
)
from parindex.audit.services import audit_record
from parindex.engine import NOT_APPLICABLE, InputError, explain_answer, parse_answer
from parindex.periods.selectors import DeadlineBook

MSG_NOT_ANSWERED_BY_UNIT = "Tiêu chí “{code}” không do đơn vị tự chấm."
MSG_NOT_SAVED = "{reason} Câu trả lời chưa được lưu."
MSG_WRONG_STATE = "Hồ sơ đang ở trạng thái “{state}”, không thực hiện được thao tác này."
MSG_STILL_MISSING = "Còn {count} tiêu chí chưa trả lời: {codes}."

STORED_PLACES = Decimal("0.000001")  # points kept for lists and progress; official figures are recomputed


class AnswerRefused(Exception):
    """The answer cannot be saved (a bad value, a locked phase); the message says why, in Vietnamese."""


class AnswerConflict(Exception):
    """Someone saved this leaf since the user last saw it; `current` is what they saved."""

    def __init__(self, current: Answer) -> None:
        super().__init__(current.raw)
        self.current = current


class TransitionRefused(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class ParsedAnswer:
    points: Decimal | None
    not_applicable: bool
    explanation: str


def answer_parse(*, assessment: Assessment, code: str, raw: str) -> ParsedAnswer:
    """What the engine makes of an answer; AnswerRefused with the engine's message when it is not valid."""
    criteria_set = assessment.criteria_set
    try:
        value = parse_answer(criteria_set, code, raw)
    except InputError as error:
        raise AnswerRefused(str(error)) from None
    node = criteria_set.node(code)
    if value is None or value is NOT_APPLICABLE:
        points = None
    else:
        assert node.rule is not None
        points = node.rule.points(value).quantize(STORED_PLACES)
    return ParsedAnswer(points, value is NOT_APPLICABLE, explain_answer(criteria_set, code, value))


def _snapshot(answer: Answer | None) -> dict[str, Any] | None:
    if answer is None:
        return None
    snapshot = {"raw": answer.raw, "note": answer.note, "points": answer.points, "version": answer.version}
    if answer.explanation_requested:
        snapshot["explanation_requested"] = True
    return snapshot


def answer_save_self(
    *,
    actor: Any,
    assessment: Assessment,
    code: str,
    raw: str,
    note: str,
    expected_version: int | None,
    now: datetime | None = None,
) -> tuple[Answer, ParsedAnswer]:
    """Save a unit's own answer to a leaf (tự chấm), if its self-assessment is still open."""
    now = now or timezone.now()
    if code not in {leaf.code for leaf in self_assessed_leaves(assessment.criteria_set)}:
        raise AnswerRefused(MSG_NOT_ANSWERED_BY_UNIT.format(code=code))
    reason = self_assessment_locked_reason(assessment, DeadlineBook.load(assessment.period), now)
    if reason:
        raise AnswerRefused(MSG_NOT_SAVED.format(reason=reason))
    return answer_save(
        actor=actor,
        assessment=assessment,
        code=code,
        stage=Stage.SELF,
        raw=raw,
        note=note,
        expected_version=expected_version,
        now=now,
    )


def answer_save(
    *,
    actor: Any,
    assessment: Assessment,
    code: str,
    stage: str,
    raw: str,
    note: str,
    expected_version: int | None,
    now: datetime,
    explanation_requested: bool = False,
) -> tuple[Answer, ParsedAnswer]:
    """Save one answer of any stage with the version check. Callers check who may save what, when."""
    raw, note = raw.strip(), note.strip()
    parsed = answer_parse(assessment=assessment, code=code, raw=raw)
    current = Answer.objects.filter(assessment=assessment, code=code, stage=stage).first()
    wanted = (raw, note, explanation_requested)
    if current is not None and (current.raw, current.note, current.explanation_requested) == wanted:
        return current, parsed  # a retried save of what is already there (a lost response): nothing to do
    if current is not None and current.version != expected_version:
        raise AnswerConflict(current)
    values = {
        "raw": raw,
        "note": note,
        "points": parsed.points,
        "not_applicable": parsed.not_applicable,
        "explanation_requested": explanation_requested,
        "updated_by": actor,
        "updated_at": now,
    }
    with transaction.atomic():
        if current is None:
            try:
                with transaction.atomic():
                    answer = Answer.objects.create(assessment=assessment, code=code, stage=stage, **values)
            except IntegrityError:
                # Someone saved this leaf first, a moment ago: theirs stands, the user is told.
                raise AnswerConflict(Answer.objects.get(assessment=assessment, code=code, stage=stage)) from None
        else:
            updated = Answer.objects.filter(pk=current.pk, version=current.version).update(
                version=F("version") + 1, **values
            )
            if not updated:
                raise AnswerConflict(Answer.objects.get(pk=current.pk))
            answer = Answer.objects.get(pk=current.pk)
        audit_record(
            actor=actor,
            action="answer.saved",
            target=answer,
            summary=_("%(stage)s, tiêu chí %(code)s: “%(raw)s”")
            % {"stage": Stage(stage).label, "code": code, "raw": raw or "(để trống)"},
            before=_snapshot(current),
            after=_snapshot(answer),
        )
    return answer, parsed


def transition(
    *, actor: Any, assessment: Assessment, expected: tuple[str, ...], target: str, action: str, **fields: Any
) -> Assessment:
    """Move the assessment from one of `expected` to `target`, or refuse: a conditional update, one
    transaction with its audit event."""
    before = assessment.state
    with transaction.atomic():
        changed = Assessment.objects.filter(pk=assessment.pk, state__in=expected).update(
            state=target, state_changed_at=timezone.now(), **fields
        )
        if not changed:
            assessment.refresh_from_db()
            raise TransitionRefused([MSG_WRONG_STATE.format(state=State(assessment.state).label)])
        assessment.refresh_from_db()
        audit_record(
            actor=actor,
            action=action,
            target=assessment,
            summary=_("%(unit)s: %(before)s → %(after)s")
            % {"unit": assessment.unit.name, "before": State(before).label, "after": State(target).label},
            before={"state": before},
            after={"state": target},
        )
    return assessment


def assessment_mark_completed(*, actor: Any, assessment: Assessment, now: datetime | None = None) -> Assessment:
    """The officer says the self-assessment is complete: every leaf the unit answers has an answer."""
    from parindex.assessments.selectors import self_assessment_progress

    now = now or timezone.now()
    reason = self_assessment_locked_reason(assessment, DeadlineBook.load(assessment.period), now)
    if reason:
        raise TransitionRefused([reason])
    progress = self_assessment_progress(assessment)
    if progress.unanswered:
        codes = ", ".join(progress.unanswered[:10]) + ("…" if len(progress.unanswered) > 10 else "")
        raise TransitionRefused([MSG_STILL_MISSING.format(count=len(progress.unanswered), codes=codes)])
    return transition(
        actor=actor,
        assessment=assessment,
        expected=(State.DRAFT,),
        target=State.COMPLETED,
        action="assessment.completed",
        completed_by=actor,
    )


def assessment_reopen_draft(*, actor: Any, assessment: Assessment) -> Assessment:
    """Back to editing before the head submits (the officer found something to fix)."""
    return transition(
        actor=actor,
        assessment=assessment,
        expected=(State.COMPLETED,),
        target=State.DRAFT,
        action="assessment.reopened_draft",
    )


def assessment_submit(*, actor: Any, assessment: Assessment, now: datetime | None = None) -> Assessment:
    """The head submits (chốt): the self-assessment is locked and goes to appraisal."""
    now = now or timezone.now()
    reason = self_assessment_locked_reason(assessment, DeadlineBook.load(assessment.period), now)
    if reason:
        raise TransitionRefused([reason])
    with transaction.atomic():
        submitted = transition(
            actor=actor,
            assessment=assessment,
            expected=(State.COMPLETED,),
            target=State.SUBMITTED,
            action="assessment.submitted",
            submitted_by=actor,
            submitted_at=now,
        )
        notice_submitted(submitted)
    return submitted
