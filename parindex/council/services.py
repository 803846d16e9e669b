"""Writes of the council step: comments, approval (with the frozen figures), publication, reopening for a
correction, and the correction itself.

Each is one transaction with its audit events. Assessments move through assessments.services.transition,
a conditional update: if any unit's state changed under us, the whole step is refused and nothing is kept.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from parindex.accounts.models import Role
from parindex.assessments.models import Answer, Assessment, Stage, State
from parindex.assessments.selectors import final_raw_answers
from parindex.assessments.services import AnswerConflict, AnswerRefused, TransitionRefused, answer_save, transition
from parindex.audit.services import audit_record
from parindex.council.models import Approval, Correction, CouncilComment, ResultSnapshot
from parindex.council.notices import notice_results_published
from parindex.council.selectors import (
    READY_STATES,
    averages_to_json,
    by_unit_name,
    correction_open_for,
    live_approval,
    rank_assessments,
)
from parindex.organization.models import UnitGroup
from parindex.periods.models import Period, PeriodGroup

MSG_ORGANIZER_ONLY = "Chỉ Sở Nội vụ được thực hiện thao tác này."
MSG_COMMENTERS_ONLY = "Chỉ thành viên Hội đồng và Sở Nội vụ được cho ý kiến."
MSG_COMMENT_EMPTY = "Cần nhập nội dung ý kiến."
MSG_COMMENT_OTHER_UNIT = "Đơn vị được nêu không thuộc nhóm này trong kỳ đánh giá."
MSG_GROUP_NOT_IN_PERIOD = "Nhóm “{group}” không có trong kỳ đánh giá này."
MSG_DECISION_NUMBER_REQUIRED = "Cần nhập số quyết định thông qua kết quả."
MSG_DECISION_DATE_REQUIRED = "Cần nhập ngày của quyết định."
MSG_ALREADY_APPROVED = "Kết quả của nhóm này đã được thông qua (Quyết định số {number})."
MSG_NO_UNITS = "Nhóm này chưa có đơn vị nào tham gia kỳ đánh giá."
MSG_NOT_READY = "Chưa thông qua được: {count} đơn vị chưa thẩm định xong: {units}."
MSG_NOT_APPROVED = "Kết quả của nhóm này chưa được thông qua (hoặc đã được mở lại để điều chỉnh)."
MSG_ALREADY_PUBLISHED = "Kết quả của nhóm này đã được công bố."
MSG_REASON_REQUIRED = "Cần ghi rõ lý do điều chỉnh."
MSG_NOT_REOPENED = "Chỉ điều chỉnh được khi kết quả của nhóm đã được mở lại để điều chỉnh."
MSG_UNKNOWN_LEAF = "Không có tiêu chí thành phần “{code}” trong bộ tiêu chí của đơn vị."
MSG_BAD_ANSWER = "Tiêu chí “{code}”: {reason}"
MSG_NOTHING_CHANGED = "Câu trả lời và ghi chú giống hệt kết quả cuối cùng hiện có; không có gì để điều chỉnh."
MSG_CHANGED_MEANWHILE = "Có người vừa thay đổi kết quả này; hãy tải lại trang rồi làm lại."


class CouncilRefused(Exception):
    """The step cannot be taken; `problems` say why, in Vietnamese."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def _require_organizer(actor: Any) -> None:
    if getattr(actor, "role", None) != Role.ORGANIZER:
        raise CouncilRefused([MSG_ORGANIZER_ONLY])


def _require_group_in_period(period: Period, group: UnitGroup) -> None:
    if not PeriodGroup.objects.filter(period=period, group=group).exists():
        raise CouncilRefused([MSG_GROUP_NOT_IN_PERIOD.format(group=group.name)])


def _text(value: Any) -> str | None:
    return None if value is None else format(value, "f")


# -- comments ------------------------------------------------------------------------------------------------------


def council_comment_add(
    *, actor: Any, period: Period, group: UnitGroup, text: str, assessment: Assessment | None = None
) -> CouncilComment:
    """A council member (or Sở Nội vụ) comments on the group's results, or on one unit's."""
    if getattr(actor, "role", None) not in (Role.COUNCIL, Role.ORGANIZER):
        raise CouncilRefused([MSG_COMMENTERS_ONLY])
    text = text.strip()
    problems = []
    if not text:
        problems.append(MSG_COMMENT_EMPTY)
    if assessment is not None and (assessment.period_id != period.pk or assessment.group_id != group.pk):
        problems.append(MSG_COMMENT_OTHER_UNIT)
    if problems:
        raise CouncilRefused(problems)
    _require_group_in_period(period, group)
    with transaction.atomic():
        comment = CouncilComment.objects.create(
            period=period, group=group, assessment=assessment, author=actor, text=text
        )
        audit_record(
            actor=actor,
            action="council.comment_added",
            target=comment,
            summary=_("Ý kiến về kết quả nhóm %(group)s%(unit)s")
            % {"group": group.name, "unit": f" ({assessment.unit.name})" if assessment else ""},
            after={"text": text, "assessment": assessment and assessment.pk},
        )
    return comment


# -- approval ------------------------------------------------------------------------------------------------------


def approval_record(
    *, actor: Any, period: Period, group: UnitGroup, decision_number: str, decision_date: date | None
) -> Approval:
    """Record the council's approval of a group's results: the official figures by the engine (final answers,
    round 2 over round 1) are ranked, banded and frozen, and every unit's assessment becomes "approved"."""
    _require_organizer(actor)
    decision_number = decision_number.strip()
    problems = []
    if not decision_number:
        problems.append(MSG_DECISION_NUMBER_REQUIRED)
    if decision_date is None:
        problems.append(MSG_DECISION_DATE_REQUIRED)
    if problems:
        raise CouncilRefused(problems)
    assert decision_date is not None
    _require_group_in_period(period, group)
    now = timezone.now()
    with transaction.atomic():
        existing = live_approval(period, group)
        if existing is not None:
            raise CouncilRefused([MSG_ALREADY_APPROVED.format(number=existing.decision_number)])
        assessments = list(
            Assessment.objects.filter(period=period, group=group).select_related("unit", "criteria_set_version")
        )
        if not assessments:
            raise CouncilRefused([MSG_NO_UNITS])
        not_ready = [assessment for assessment in assessments if assessment.state not in READY_STATES]
        if not_ready:
            units = ", ".join(
                f"{assessment.unit.name} ({State(assessment.state).label})" for assessment in by_unit_name(not_ready)
            )
            raise CouncilRefused([MSG_NOT_READY.format(count=len(not_ready), units=units)])
        prior = {assessment.pk: assessment.state for assessment in assessments}
        # The states move first: the conditional updates fail if anyone moved a unit meanwhile, and on
        # PostgreSQL they hold the rows until commit, so the answers read below are the ones approved.
        try:
            for assessment in assessments:
                transition(
                    actor=actor,
                    assessment=assessment,
                    expected=READY_STATES,
                    target=State.APPROVED,
                    action="assessment.approved",
                )
        except TransitionRefused as refused:
            raise CouncilRefused(refused.problems) from None
        period_group = PeriodGroup.objects.select_related("criteria_set").get(period=period, group=group)
        ranked, average = rank_assessments(period_group.criteria_set.criteria_set, assessments)
        try:
            with transaction.atomic():
                approval = Approval.objects.create(
                    period=period,
                    group=group,
                    decision_number=decision_number,
                    decision_date=decision_date,
                    approved_at=now,
                    approved_by=actor,
                    averages=averages_to_json(average),
                )
        except IntegrityError:
            # Another organizer recorded it a moment ago (the one-live-approval constraint).
            other = live_approval(period, group)
            raise CouncilRefused([MSG_ALREADY_APPROVED.format(number=other.decision_number if other else "")]) from None
        ResultSnapshot.objects.bulk_create(
            ResultSnapshot(
                approval=approval,
                assessment=row.key,
                unit_name=row.key.unit.name,
                points=row.score.points,
                maximum=row.score.maximum,
                index=row.score.index,
                rank=row.rank,
                band=row.band or "",
                components={
                    code: {"points": _text(node.points), "maximum": _text(node.maximum), "index": _text(node.index)}
                    for code, node in row.score.field_scores().items()
                },
                prior_state=prior[row.key.pk],
                created_at=now,
            )
            for row in ranked
        )
        audit_record(
            actor=actor,
            action="council.approved",
            target=approval,
            summary=_("Hội đồng thông qua kết quả nhóm %(group)s, %(period)s: Quyết định số %(number)s ngày %(date)s")
            % {
                "group": group.name,
                "period": period.name,
                "number": decision_number,
                "date": decision_date.strftime("%d/%m/%Y"),
            },
            after={
                "decision_number": decision_number,
                "decision_date": decision_date,
                "results": {
                    row.key.unit.code: {"rank": row.rank, "index": _text(row.score.index), "band": row.band}
                    for row in ranked
                },
            },
        )
    return approval


def _live_or_refuse(period: Period, group: UnitGroup) -> Approval:
    approval = live_approval(period, group)
    if approval is None:
        raise CouncilRefused([MSG_NOT_APPROVED])
    return approval


def results_publish(*, actor: Any, period: Period, group: UnitGroup) -> Approval:
    """Publish the approved results (công bố): every signed-in user may then read them."""
    _require_organizer(actor)
    now = timezone.now()
    with transaction.atomic():
        approval = _live_or_refuse(period, group)
        # Conditional, like the states: two clicks (or two organizers) publish once.
        published = Approval.objects.filter(pk=approval.pk, reopened_at__isnull=True, published_at__isnull=True).update(
            published_at=now, published_by=actor
        )
        if not published:
            raise CouncilRefused([MSG_ALREADY_PUBLISHED])
        snapshots = list(approval.snapshots.select_related("assessment__unit"))
        try:
            for snapshot in snapshots:
                transition(
                    actor=actor,
                    assessment=snapshot.assessment,
                    expected=(State.APPROVED,),
                    target=State.PUBLISHED,
                    action="assessment.published",
                )
        except TransitionRefused as refused:
            raise CouncilRefused(refused.problems) from None
        approval.refresh_from_db()
        audit_record(
            actor=actor,
            action="council.published",
            target=approval,
            summary=_("Công bố kết quả nhóm %(group)s, %(period)s") % {"group": group.name, "period": period.name},
            after={"published_at": now},
        )
        notice_results_published(
            period, group, [snapshot.assessment for snapshot in snapshots], approval_id=approval.pk
        )
    return approval


def approval_reopen(*, actor: Any, period: Period, group: UnitGroup, reason: str) -> Approval:
    """Reopen approved (or published) results for a correction: the approval and its snapshots are kept as
    history but no longer stand, published results are withdrawn, and every assessment goes back to the
    state it had before approval, where Sở Nội vụ may correct its final answers."""
    _require_organizer(actor)
    reason = reason.strip()
    if not reason:
        raise CouncilRefused([MSG_REASON_REQUIRED])
    now = timezone.now()
    with transaction.atomic():
        approval = _live_or_refuse(period, group)
        reopened = Approval.objects.filter(pk=approval.pk, reopened_at__isnull=True).update(
            reopened_at=now, reopened_by=actor, reopen_reason=reason
        )
        if not reopened:
            raise CouncilRefused([MSG_NOT_APPROVED])
        was_published = approval.published_at is not None
        snapshots = list(approval.snapshots.select_related("assessment__unit"))
        approval.snapshots.update(superseded_at=now)
        try:
            for snapshot in snapshots:
                transition(
                    actor=actor,
                    assessment=snapshot.assessment,
                    expected=(State.APPROVED, State.PUBLISHED),
                    target=snapshot.prior_state,
                    action="assessment.reopened_for_correction",
                )
        except TransitionRefused as refused:
            raise CouncilRefused(refused.problems) from None
        approval.refresh_from_db()
        audit_record(
            actor=actor,
            action="council.reopened",
            target=approval,
            summary=_("Mở lại kết quả nhóm %(group)s, %(period)s để điều chỉnh: %(reason)s")
            % {"group": group.name, "period": period.name, "reason": reason},
            before={"decision_number": approval.decision_number, "published": was_published},
            after={"reason": reason, "withdrawn": was_published},
        )
    return approval


def answer_correct(*, actor: Any, assessment: Assessment, code: str, raw: str, note: str, reason: str) -> Correction:
    """Sở Nội vụ corrects a final answer while the group's results are reopened: the correction is written
    as the round-2 answer (final answers are round 2 over round 1), checked by the engine like any answer."""
    _require_organizer(actor)
    reason, raw, note = reason.strip(), raw.strip(), note.strip()
    if not reason:
        raise CouncilRefused([MSG_REASON_REQUIRED])
    if code not in {leaf.code for leaf in assessment.criteria_set.all_leaves}:
        raise CouncilRefused([MSG_UNKNOWN_LEAF.format(code=code)])
    now = timezone.now()
    with transaction.atomic():
        # Touch the row under the state it must be in: refused if it moved, and on PostgreSQL the row stays
        # locked until commit, so an approval cannot freeze the figures half-way through this correction.
        if not Assessment.objects.filter(pk=assessment.pk, state__in=READY_STATES).update(
            state_changed_at=F("state_changed_at")
        ):
            raise CouncilRefused([MSG_NOT_REOPENED])
        assessment.refresh_from_db(fields=["state"])
        approval = correction_open_for(assessment)
        if approval is None:
            raise CouncilRefused([MSG_NOT_REOPENED])
        before = final_raw_answers([assessment])[assessment.pk].get(code, "")
        rounds = {
            answer.stage: answer
            for answer in Answer.objects.filter(
                assessment=assessment, code=code, stage__in=(Stage.APPRAISAL_1, Stage.APPRAISAL_2)
            )
        }
        final = rounds.get(Stage.APPRAISAL_2) or rounds.get(Stage.APPRAISAL_1)
        if final is not None and (final.raw, final.note) == (raw, note):
            raise CouncilRefused([MSG_NOTHING_CHANGED])
        current = rounds.get(Stage.APPRAISAL_2)
        try:
            answer_save(
                actor=actor,
                assessment=assessment,
                code=code,
                stage=Stage.APPRAISAL_2,
                raw=raw,
                note=note,
                expected_version=current.version if current else None,
                now=now,
            )
        except AnswerRefused as refused:
            raise CouncilRefused([MSG_BAD_ANSWER.format(code=code, reason=refused)]) from None
        except AnswerConflict:
            raise CouncilRefused([MSG_CHANGED_MEANWHILE]) from None
        correction = Correction.objects.create(
            approval=approval,
            assessment=assessment,
            code=code,
            raw_before=before,
            raw_after=raw,
            note=note,
            reason=reason,
            created_at=now,
            created_by=actor,
        )
        audit_record(
            actor=actor,
            action="council.answer_corrected",
            target=correction,
            summary=_("Điều chỉnh %(unit)s, tiêu chí %(code)s: “%(before)s” → “%(after)s”. Lý do: %(reason)s")
            % {"unit": assessment.unit.name, "code": code, "before": before, "after": raw, "reason": reason},
            before={"raw": before},
            after={"raw": raw, "note": note, "reason": reason},
        )
    return correction
