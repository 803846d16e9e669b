"""Reads of the council step: each group's results, a unit's detail, the history, and who may see which.

Who sees what (deny by default; the views ask these selectors and nothing else):

- Sở Nội vụ, the council and the administrator see every group's results and every unit's detail, at any
  time: live figures by the engine before approval, the frozen snapshot after.
- A unit's own people (officer, head) see their own unit's detail once its appraisal is done, and the
  group's ranked table only once it is published.
- Every other signed-in role sees a group's ranked table and each unit's result only once published.
- Another unit's unpublished figures are never shown to a unit: they are "not found" (404).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet

from parindex.accounts.models import Role
from parindex.assessments.models import Answer, Assessment, Stage, State
from parindex.assessments.selectors import FINAL_STAGES, final_raw_answers, final_scores
from parindex.council.models import Approval, Correction, CouncilComment, ResultSnapshot
from parindex.engine import (
    CriteriaSet,
    GroupAverage,
    InputError,
    Node,
    RankedUnit,
    Rounding,
    UnitScore,
    explain_answer,
    group_average,
    parse_answer,
    parse_answers,
    rank_group,
    score_units,
)
from parindex.organization.models import UnitGroup
from parindex.periods.models import Period, PeriodGroup
from parindex.vn import sort_key

SEES_ALL_RESULTS = (Role.ORGANIZER, Role.ADMIN, Role.COUNCIL)
UNIT_ROLES = (Role.UNIT_OFFICER, Role.UNIT_HEAD)
# Appraisal finished (round 1 without explanations, or round 2): the figures can go to the council.
READY_STATES = (State.APPRAISED, State.REAPPRAISED)
# A unit sees its own detail from here on; before, its final figures are still being decided.
APPRAISAL_DONE_STATES = (*READY_STATES, State.APPROVED, State.PUBLISHED)


class GroupStatus:
    NOT_READY = "not_ready"
    READY = "ready"
    APPROVED = "approved"
    PUBLISHED = "published"


STATUS_LABELS = {
    GroupStatus.NOT_READY: "Chưa đủ điều kiện",
    GroupStatus.READY: "Chờ thông qua",
    GroupStatus.APPROVED: "Đã thông qua",
    GroupStatus.PUBLISHED: "Đã công bố",
}


def group_status(units: int, ready: int, approval: Approval | None) -> str:
    if approval is not None:
        return GroupStatus.PUBLISHED if approval.published_at is not None else GroupStatus.APPROVED
    if units and ready == units:
        return GroupStatus.READY
    return GroupStatus.NOT_READY


# -- who may see what -------------------------------------------------------------------------------------------


def sees_all_results(user: Any) -> bool:
    return getattr(user, "role", None) in SEES_ALL_RESULTS


def _published_group() -> Exists:
    return Exists(
        Approval.objects.filter(
            period=OuterRef("period"), group=OuterRef("group"), reopened_at__isnull=True, published_at__isnull=False
        )
    )


def result_assessments_visible_to(user: Any) -> QuerySet[Assessment]:
    """The assessments whose result (figures and detail) the user may open."""
    assessments = Assessment.objects.select_related("period", "unit", "group", "criteria_set_version")
    role = getattr(user, "role", None)
    if role in SEES_ALL_RESULTS:
        return assessments
    if not role:
        return assessments.none()
    # Published: the group's live approval is published and the assessment itself is (a unit added to the
    # period after the approval is not part of the published list).
    visible = Q(_published_group(), state=State.PUBLISHED)
    if role in UNIT_ROLES and user.unit_id is not None:
        visible |= Q(unit_id=user.unit_id, state__in=APPRAISAL_DONE_STATES)
    return assessments.filter(visible)


def rank_visible_to(user: Any, assessment: Assessment) -> bool:
    """A rank says how many units did better: before publication it is other units' figures in disguise, so
    a unit sees its own rank only once the group's results are published."""
    return sees_all_results(user) or assessment.state == State.PUBLISHED


def live_approval(period: Period, group: UnitGroup) -> Approval | None:
    return Approval.objects.filter(period=period, group=group, reopened_at__isnull=True).first()


def group_results_visible_to(user: Any, approval: Approval | None) -> bool:
    """The group's ranked table: the organizer, the council and the administrator always; every other
    signed-in role once the group's results are published."""
    if sees_all_results(user):
        return True
    return bool(getattr(user, "role", None)) and approval is not None and approval.is_published


# -- the groups of each period ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupSummary:
    period: Period
    group: UnitGroup
    units: int
    ready: int
    status: str

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


def period_group_summaries(user: Any) -> list[GroupSummary]:
    """Every period's groups with their status; for roles that see only published results, only those."""
    period_groups = list(PeriodGroup.objects.select_related("period", "group").order_by("-period__year", "-period__pk"))
    counts: Counter[tuple[int, int]] = Counter()
    ready: Counter[tuple[int, int]] = Counter()
    rows = Assessment.objects.order_by().values_list("period_id", "group_id", "state").annotate(n=Count("id"))
    for period_id, group_id, state, n in rows:
        counts[(period_id, group_id)] += n
        # Approved and published units count as done too: the column reads "4/4", not "0/4", after approval.
        if state in APPRAISAL_DONE_STATES:
            ready[(period_id, group_id)] += n
    approvals = {
        (approval.period_id, approval.group_id): approval
        for approval in Approval.objects.filter(reopened_at__isnull=True)
    }
    summaries = []
    for period_group in period_groups:
        key = (period_group.period_id, period_group.group_id)
        approval = approvals.get(key)
        if not group_results_visible_to(user, approval):
            continue
        status = group_status(counts[key], ready[key], approval)
        summaries.append(GroupSummary(period_group.period, period_group.group, counts[key], ready[key], status))
    return summaries


# -- the ranked table --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Component:
    points: Decimal | None
    maximum: Decimal | None
    index: Decimal | None


@dataclass(frozen=True)
class ResultRow:
    assessment_id: int
    unit_name: str
    state_label: str
    rank: int | None
    tied: bool  # đồng hạng: another unit has the same rank
    points: Decimal
    maximum: Decimal
    index: Decimal | None
    band: str
    components: dict[str, Component]  # in the set's field order (a jsonb column does not keep key order)

    @property
    def component_list(self) -> list[Component]:
        return list(self.components.values())


@dataclass(frozen=True)
class Averages:
    units: int
    index: Decimal | None
    points: Decimal | None
    fields: dict[str, Decimal | None]  # in the set's field order

    @property
    def field_list(self) -> list[Decimal | None]:
        return list(self.fields.values())


@dataclass(frozen=True)
class GroupResults:
    period: Period
    group: UnitGroup
    criteria_set: CriteriaSet
    approval: Approval | None  # the live one
    rows: list[ResultRow]
    averages: Averages | None
    not_ready: list[Assessment]
    status: str
    fields: list[Node] = field(default_factory=list)

    @property
    def frozen(self) -> bool:
        """The figures come from the snapshot the council approved, not from the engine now."""
        return self.approval is not None

    @property
    def rounding(self) -> Rounding:
        return self.criteria_set.rounding

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def field_codes(self) -> list[str]:
        return [node.code for node in self.fields]


def by_unit_name(assessments: Iterable[Assessment]) -> list[Assessment]:
    """Vietnamese alphabetical order of the units' names: the order equal indices are listed in."""
    return sorted(assessments, key=lambda assessment: (sort_key(assessment.unit.name), assessment.pk))


def rank_assessments(
    criteria_set: CriteriaSet, assessments: list[Assessment]
) -> tuple[list[RankedUnit[Assessment]], GroupAverage]:
    """The official figures of the assessments, ranked (ties in Vietnamese order of names), and the group's
    averages: the one computation behind both the live table and the snapshot written at approval."""
    ordered = by_unit_name(assessments)
    scores = final_scores(ordered)
    by_assessment: dict[Assessment, UnitScore] = {assessment: scores[assessment.pk] for assessment in ordered}
    return rank_group(criteria_set, by_assessment), group_average(by_assessment.values())


def _tied(ranks: list[int | None]) -> set[int]:
    counts = Counter(rank for rank in ranks if rank is not None)
    return {rank for rank, n in counts.items() if n > 1}


NO_COMPONENT = Component(None, None, None)


def _live_rows(ranked: list[RankedUnit[Assessment]], codes: list[str]) -> list[ResultRow]:
    tied = _tied([row.rank for row in ranked])
    rows = []
    for row in ranked:
        fields = row.score.field_scores()
        rows.append(
            ResultRow(
                assessment_id=row.key.pk,
                unit_name=row.key.unit.name,
                state_label=str(State(row.key.state).label),
                rank=row.rank,
                tied=row.rank in tied,
                points=row.score.points,
                maximum=row.score.maximum,
                index=row.score.index,
                band=row.band or "",
                components={
                    code: Component(fields[code].points, fields[code].maximum, fields[code].index)
                    if code in fields
                    else NO_COMPONENT
                    for code in codes
                },
            )
        )
    return rows


def _snapshot_rows(snapshots: list[ResultSnapshot], codes: list[str]) -> list[ResultRow]:
    tied = _tied([snapshot.rank for snapshot in snapshots])
    return [
        ResultRow(
            assessment_id=snapshot.assessment_id,
            unit_name=snapshot.unit_name,
            state_label=str(State(snapshot.assessment.state).label),
            rank=snapshot.rank,
            tied=snapshot.rank in tied,
            points=snapshot.points,
            maximum=snapshot.maximum,
            index=snapshot.index,
            band=snapshot.band,
            components={code: Component(**snapshot.component(code)) for code in codes},
        )
        for snapshot in snapshots
    ]


def _decimal(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def averages_from_json(stored: Mapping[str, Any], codes: list[str]) -> Averages | None:
    if not stored:
        return None
    fields = stored.get("fields") or {}
    return Averages(
        units=int(stored.get("units", 0)),
        index=_decimal(stored.get("index")),
        points=_decimal(stored.get("points")),
        fields={code: _decimal(fields.get(code)) for code in codes},
    )


def averages_to_json(average: GroupAverage) -> dict[str, Any]:
    def text(value: Decimal | None) -> str | None:
        return None if value is None else format(value, "f")

    return {
        "units": average.units,
        "index": text(average.index),
        "points": text(average.points),
        "fields": {code: text(value) for code, value in average.fields.items()},
    }


def group_results(period: Period, group: UnitGroup) -> GroupResults:
    """The group's ranked table: live (by the engine, over the units whose appraisal is done) until the
    council approves, then the snapshot it approved. Units not ready are listed apart, never ranked."""
    period_group = PeriodGroup.objects.select_related("criteria_set").get(period=period, group=group)
    criteria_set = period_group.criteria_set.criteria_set
    assessments = list(
        Assessment.objects.filter(period=period, group=group).select_related("unit", "criteria_set_version")
    )
    approval = live_approval(period, group)
    codes = [node.code for node in criteria_set.criteria]
    ready = [assessment for assessment in assessments if assessment.state in READY_STATES]
    if approval is not None:
        # Ranked order; equal ranks in the order they were written (Vietnamese order of names); a unit with
        # nothing applicable (no rank) last on every database (SQLite sorts NULL first, PostgreSQL last).
        snapshots = list(approval.snapshots.select_related("assessment").order_by(F("rank").asc(nulls_last=True), "pk"))
        in_snapshot = {snapshot.assessment_id for snapshot in snapshots}
        rows = _snapshot_rows(snapshots, codes)
        averages = averages_from_json(approval.averages, codes)
        not_ready = [assessment for assessment in assessments if assessment.pk not in in_snapshot]
    else:
        rows, averages = [], None
        if ready:
            ranked, average = rank_assessments(criteria_set, ready)
            rows = _live_rows(ranked, codes)
            averages = averages_from_json(averages_to_json(average), codes)
        not_ready = [assessment for assessment in assessments if assessment.state not in READY_STATES]
    return GroupResults(
        period=period,
        group=group,
        criteria_set=criteria_set,
        approval=approval,
        rows=rows,
        averages=averages,
        not_ready=by_unit_name(not_ready),
        status=group_status(len(assessments), len(ready), approval),
        fields=list(criteria_set.criteria),
    )


# -- comments and history --------------------------------------------------------------------------------------


def group_comments(period: Period, group: UnitGroup) -> list[CouncilComment]:
    return list(CouncilComment.objects.filter(period=period, group=group).select_related("author", "assessment__unit"))


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    kind: str  # approved / published / reopened / corrected
    actor: Any
    text: str
    reason: str = ""


def group_history(period: Period, group: UnitGroup) -> list[HistoryEntry]:
    """Every approval, publication, reopening (with its reason) and correction of the group, oldest first."""
    entries: list[HistoryEntry] = []
    approvals = Approval.objects.filter(period=period, group=group).select_related(
        "approved_by", "published_by", "reopened_by"
    )
    for approval in approvals:
        decision = f"Quyết định số {approval.decision_number} ngày {approval.decision_date:%d/%m/%Y}"
        entries.append(
            HistoryEntry(approval.approved_at, "approved", approval.approved_by, f"Hội đồng thông qua: {decision}")
        )
        if approval.published_at is not None:
            entries.append(
                HistoryEntry(approval.published_at, "published", approval.published_by, f"Công bố kết quả ({decision})")
            )
        if approval.reopened_at is not None:
            entries.append(
                HistoryEntry(
                    approval.reopened_at,
                    "reopened",
                    approval.reopened_by,
                    f"Mở lại để điều chỉnh; kết quả theo {decision} không còn hiệu lực",
                    approval.reopen_reason,
                )
            )
    corrections = Correction.objects.filter(approval__period=period, approval__group=group).select_related(
        "created_by", "assessment__unit"
    )
    for correction in corrections:
        entries.append(
            HistoryEntry(
                correction.created_at,
                "corrected",
                correction.created_by,
                f"Điều chỉnh {correction.assessment.unit.name}, tiêu chí {correction.code}: "
                f"“{correction.raw_before or '(trống)'}” → “{correction.raw_after or '(trống)'}”",
                correction.reason,
            )
        )
    entries.sort(key=lambda entry: entry.at)
    return entries


# -- a unit's detail ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DetailRow:
    node: Node
    depth: int
    is_leaf: bool
    maximum: Decimal  # applicable maximum in the final figures (0: not applicable)
    self_points: Decimal | None
    final_points: Decimal | None
    lost: Decimal | None
    self_raw: str = ""
    final_raw: str = ""
    final_round: int | None = None  # 1 or 2: which appraisal round the final answer comes from
    final_note: str = ""
    why: str = ""  # the engine's explanation of the final answer's points
    citations: int = 0
    index: Decimal | None = None

    @property
    def not_applicable(self) -> bool:
        return self.maximum == 0

    @property
    def indent_class(self) -> str:
        # The level shown by Bootstrap padding: the CSP refuses inline styles.
        return ("", "ps-3", "ps-5", "ps-5 ms-3", "ps-5 ms-5")[min(self.depth, 4)]


@dataclass(frozen=True)
class UnitDetail:
    assessment: Assessment
    criteria_set: CriteriaSet
    snapshot: ResultSnapshot | None  # the approved figures, when the group's results are approved
    points: Decimal
    maximum: Decimal
    index: Decimal | None
    rank: int | None
    band: str
    self_points: Decimal
    rows: list[DetailRow]

    @property
    def rounding(self) -> Rounding:
        return self.criteria_set.rounding

    @property
    def lost(self) -> Decimal:
        return self.maximum - self.points


def _explain(criteria_set: CriteriaSet, code: str, raw: str) -> str:
    try:
        return explain_answer(criteria_set, code, parse_answer(criteria_set, code, raw))
    except InputError as error:
        return str(error)  # a stored answer the set no longer accepts: say so rather than fail the page


def unit_result_detail(assessment: Assessment) -> UnitDetail:
    """Per field, criterion and leaf: the unit's own answer and points beside the final ones, the points
    lost and why (the engine's explanation), and how many documents the unit cited."""
    from parindex.evidence.models import Citation

    criteria_set = assessment.criteria_set
    answers = list(Answer.objects.filter(assessment=assessment, stage__in=(Stage.SELF, *FINAL_STAGES)))
    own = {answer.code: answer for answer in answers if answer.stage == Stage.SELF}
    rounds = {(answer.code, answer.stage): answer for answer in answers if answer.stage in FINAL_STAGES}
    finals = final_raw_answers([assessment])[assessment.pk]
    parsed_self, _ = parse_answers(criteria_set, {code: answer.raw for code, answer in own.items()})
    parsed_final, _ = parse_answers(criteria_set, finals)
    self_score, final_score = score_units(criteria_set, [parsed_self, parsed_final])
    citations = dict(
        Citation.objects.filter(assessment=assessment).values("code").annotate(n=Count("id")).values_list("code", "n")
    )

    def visit(node: Node, depth: int) -> Iterable[DetailRow]:
        final_node, self_node = final_score.node(node.code), self_score.node(node.code)
        applicable = not final_node.not_applicable
        if not node.is_leaf:
            yield DetailRow(
                node=node,
                depth=depth,
                is_leaf=False,
                maximum=final_node.maximum,
                self_points=self_node.points if not self_node.not_applicable else None,
                final_points=final_node.points if applicable else None,
                lost=final_node.lost if applicable else None,
                index=final_node.index,
            )
            for child in node.children:
                yield from visit(child, depth + 1)
            return
        second = rounds.get((node.code, Stage.APPRAISAL_2))
        final_answer = second or rounds.get((node.code, Stage.APPRAISAL_1))
        final_raw = finals.get(node.code, "")
        own_answer = own.get(node.code)
        self_scored = own_answer is not None and not self_node.not_applicable and own_answer.is_answered
        yield DetailRow(
            node=node,
            depth=depth,
            is_leaf=True,
            maximum=final_node.maximum,
            self_points=self_node.points if self_scored else None,
            final_points=final_node.points if applicable else None,
            lost=final_node.lost if applicable else None,
            self_raw=own_answer.raw if own_answer else "",
            final_raw=final_raw,
            final_round=(2 if second else 1) if final_answer else None,
            final_note=final_answer.note if final_answer else "",
            why=_explain(criteria_set, node.code, final_raw),
            citations=citations.get(node.code, 0),
            index=final_node.index,
        )

    rows = [row for _, roots in criteria_set.sections() for root in roots for row in visit(root, 0)]
    snapshot = (
        ResultSnapshot.objects.filter(assessment=assessment, superseded_at__isnull=True)
        .select_related("approval")
        .first()
    )
    if snapshot is not None:
        points, maximum, index, rank, band = (
            snapshot.points,
            snapshot.maximum,
            snapshot.index,
            snapshot.rank,
            snapshot.band,
        )
    else:
        points, maximum, index, rank, band = (final_score.points, final_score.maximum, final_score.index, None, "")
    return UnitDetail(
        assessment=assessment,
        criteria_set=criteria_set,
        snapshot=snapshot,
        points=points,
        maximum=maximum,
        index=index,
        rank=rank,
        band=band,
        self_points=self_score.points,
        rows=rows,
    )


def corrections_of(assessment: Assessment) -> list[Correction]:
    return list(Correction.objects.filter(assessment=assessment).select_related("created_by", "approval"))


def correction_open_for(assessment: Assessment) -> Approval | None:
    """The reopened approval a correction of this assessment would follow, or None when the group's results
    are not reopened (never approved, or approved and live)."""
    approvals = list(Approval.objects.filter(period_id=assessment.period_id, group_id=assessment.group_id))
    if not approvals or any(approval.is_live for approval in approvals):
        return None
    if assessment.state not in READY_STATES:
        return None
    return max(approvals, key=lambda approval: (approval.approved_at, approval.pk))
