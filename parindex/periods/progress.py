"""Progress of a period (tiến độ) for Sở Nội vụ: where each unit stands in each phase, what each appraiser has
done and has left, and the deadlines ahead.

Everything is read in a fixed number of queries (the period's deadlines and changes, its assessments, their
non-empty answers as (assessment, code, stage, flag) tuples, and the assignments), then answered from memory, so
the page costs the same for 20 units as for 170 (tests/periods/test_progress_queries.py counts them).

A unit is "quá hạn" (overdue) in a phase when its own deadline for the phase (extensions included, through
DeadlineBook) has passed and its assessment is not yet past that phase. Whether the unit or the appraisers are
in a round is asked of assessments.workflow, the same functions the screens and services use.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from parindex.appraisals.models import Assignment
from parindex.assessments.models import Answer, Assessment, Stage, State
from parindex.assessments.workflow import SELF_EDITABLE_STATES, appraisal_round, self_assessed_leaves
from parindex.periods.models import PHASE_ORDER, DeadlineChange, Period, Phase, PhaseDeadline
from parindex.periods.selectors import DeadlineBook
from parindex.vn import sort_key

# The phases each unit goes through on its own; the council and publication are per group (council app).
TRACKED_PHASES: tuple[str, ...] = (Phase.SELF_ASSESSMENT, Phase.APPRAISAL_1, Phase.EXPLANATION, Phase.APPRAISAL_2)

NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
SUBMITTED = "submitted"
APPRAISED = "appraised"
EXPLAINED = "explained"
OVERDUE = "overdue"
WAITING = "waiting"  # the phase has not come for this unit yet
NOT_NEEDED = "not_needed"  # no explanation was requested: no explanation, no round 2
LOCKED = "locked"  # the deadline passed without the unit acting; the cycle went on without it

STATUS_LABELS: dict[str, str] = {
    NOT_STARTED: "Chưa bắt đầu",
    IN_PROGRESS: "Đang thực hiện",
    SUBMITTED: "Đã chốt",
    APPRAISED: "Đã thẩm định",
    EXPLAINED: "Đã giải trình",
    OVERDUE: "Quá hạn",
    WAITING: "Chưa đến giai đoạn",
    NOT_NEEDED: "Không phải thực hiện",
    LOCKED: "Khóa khi hết hạn",
}
# Bootstrap badge classes: overdue stands out, done is quiet.
STATUS_BADGES: dict[str, str] = {
    NOT_STARTED: "text-bg-secondary",
    IN_PROGRESS: "text-bg-info",
    SUBMITTED: "text-bg-primary",
    APPRAISED: "text-bg-success",
    EXPLAINED: "text-bg-primary",
    OVERDUE: "text-bg-danger",
    WAITING: "text-bg-light border",
    NOT_NEEDED: "text-bg-light border",
    LOCKED: "text-bg-warning",
}
# The statuses that need someone to act: a unit's current step is the first phase in one of them.
OPEN_STATUSES = (NOT_STARTED, IN_PROGRESS, OVERDUE)
STATUS_ORDER: tuple[str, ...] = tuple(STATUS_LABELS)

_PAST_ROUND_1 = (
    State.APPRAISED,
    State.EXPLANATION_REQUESTED,
    State.EXPLAINED,
    State.REAPPRAISED,
    State.APPROVED,
    State.PUBLISHED,
)
_PAST_ROUND_2 = (State.REAPPRAISED, State.APPROVED, State.PUBLISHED)
_PAST_EXPLANATION = (State.EXPLAINED, *_PAST_ROUND_2)


def status_label(status: str) -> str:
    return STATUS_LABELS[status]


@dataclass
class Facts:
    """What one assessment's answers say, gathered from the one answers query."""

    self_answered: int = 0
    round1: set[str] = field(default_factory=set)
    flagged: set[str] = field(default_factory=set)  # round-1 leaves whose explanation was requested
    explained: set[str] = field(default_factory=set)
    round2: set[str] = field(default_factory=set)


def _passed(book: DeadlineBook, phase: str, unit_id: int, now: datetime) -> bool:
    deadline = book.deadline(phase, unit_id)
    return deadline is not None and now > deadline


def _acting(book: DeadlineBook, phase: str, unit_id: int, now: datetime, started: bool) -> str:
    if _passed(book, phase, unit_id, now):
        return OVERDUE
    return IN_PROGRESS if started else NOT_STARTED


def phase_statuses(assessment: Assessment, facts: Facts, book: DeadlineBook, now: datetime) -> dict[str, str]:
    """The status of each tracked phase for one assessment (see the module doc). Pure: no query."""
    state, unit_id = assessment.state, assessment.unit_id
    round_ = appraisal_round(assessment, book, now)
    statuses: dict[str, str] = {}

    if state in SELF_EDITABLE_STATES:
        started = state == State.COMPLETED or facts.self_answered > 0
        statuses[Phase.SELF_ASSESSMENT] = _acting(book, Phase.SELF_ASSESSMENT, unit_id, now, started)
    else:
        statuses[Phase.SELF_ASSESSMENT] = SUBMITTED if assessment.submitted_at else LOCKED

    if round_ == 1:
        statuses[Phase.APPRAISAL_1] = _acting(book, Phase.APPRAISAL_1, unit_id, now, bool(facts.round1))
    elif state in _PAST_ROUND_1:
        statuses[Phase.APPRAISAL_1] = APPRAISED
    else:
        statuses[Phase.APPRAISAL_1] = WAITING

    asked = bool(facts.flagged) or state in (State.EXPLANATION_REQUESTED, State.EXPLAINED)
    if state == State.EXPLANATION_REQUESTED:
        statuses[Phase.EXPLANATION] = _acting(book, Phase.EXPLANATION, unit_id, now, bool(facts.explained))
    elif state in _PAST_EXPLANATION and asked:
        statuses[Phase.EXPLANATION] = EXPLAINED if facts.explained or state == State.EXPLAINED else LOCKED
    elif state in _PAST_ROUND_1:
        statuses[Phase.EXPLANATION] = NOT_NEEDED
    else:
        statuses[Phase.EXPLANATION] = WAITING

    if round_ == 2:
        statuses[Phase.APPRAISAL_2] = _acting(book, Phase.APPRAISAL_2, unit_id, now, bool(facts.round2))
    elif state in _PAST_ROUND_2 and asked:
        statuses[Phase.APPRAISAL_2] = APPRAISED
    elif state in _PAST_ROUND_1 and not asked:
        statuses[Phase.APPRAISAL_2] = NOT_NEEDED
    else:
        statuses[Phase.APPRAISAL_2] = WAITING
    return statuses


# -- the page ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    status: str
    deadline: datetime | None  # the unit's own deadline for the phase
    extended: bool  # later than everyone's, for this unit

    @property
    def label(self) -> str:
        return status_label(self.status)

    @property
    def badge(self) -> str:
        return STATUS_BADGES[self.status]


@dataclass(frozen=True)
class UnitProgress:
    assessment: Assessment
    cells: dict[str, Cell]  # per tracked phase

    @property
    def current_phase(self) -> str | None:
        """The first phase in which someone still has to act; None when every phase is done."""
        for phase in TRACKED_PHASES:
            if self.cells[phase].status in OPEN_STATUSES:
                return phase
        return None

    @property
    def current_status(self) -> str:
        phase = self.current_phase
        return self.cells[phase].status if phase else APPRAISED

    @property
    def ordered_cells(self) -> list[Cell]:
        return [self.cells[phase] for phase in TRACKED_PHASES]


@dataclass
class AppraiserProgress:
    appraiser: object
    fields: list[str]
    units: set[int] = field(default_factory=set)
    assigned: int = 0  # (unit, field) pairs with something to appraise
    done: int = 0

    @property
    def left(self) -> int:
        return self.assigned - self.done

    @property
    def name(self) -> str:
        return self.appraiser.get_full_name() or self.appraiser.username  # type: ignore[attr-defined]


@dataclass(frozen=True)
class DeadlineAhead:
    phase: str
    label: str
    deadline: datetime
    days_left: int


@dataclass(frozen=True)
class ProgressPage:
    period: Period
    now: datetime
    rows: list[UnitProgress]  # every unit, by group then Vietnamese order
    counts: dict[str, Counter[str]]  # phase → status → units
    current_counts: Counter[str]  # each unit counted once, at its current step
    appraisers: list[AppraiserProgress]
    ahead: list[DeadlineAhead]
    extensions_ahead: list[DeadlineChange]  # one unit's later deadline, still to come

    @property
    def phases(self) -> list[tuple[str, str]]:
        return [(phase, str(Phase(phase).label)) for phase in TRACKED_PHASES]


def _facts(assessments: list[Assessment]) -> dict[int, Facts]:
    facts = {assessment.pk: Facts() for assessment in assessments}
    rows = (
        Answer.objects.filter(assessment__in=[assessment.pk for assessment in assessments])
        .exclude(raw="")
        .values_list("assessment_id", "code", "stage", "explanation_requested")
    )
    for assessment_id, code, stage, flagged in rows.iterator(chunk_size=5000):
        fact = facts[assessment_id]
        if stage == Stage.SELF:
            fact.self_answered += 1
        elif stage == Stage.APPRAISAL_1:
            fact.round1.add(code)
            if flagged:
                fact.flagged.add(code)
        elif stage == Stage.EXPLANATION:
            fact.explained.add(code)
        else:
            fact.round2.add(code)
    return facts


def _pair_done(assessment: Assessment, fact: Facts, leaves: set[str]) -> bool:
    """One appraiser's field of one unit is done: round 1 of its leaves, and round 2 of those flagged."""
    round1_done = assessment.state in _PAST_ROUND_1 or leaves <= fact.round1
    flagged = leaves & fact.flagged
    round2_done = not flagged or assessment.state in _PAST_ROUND_2 or flagged <= fact.round2
    return round1_done and round2_done


def _appraisers(
    assessments: list[Assessment], facts: dict[int, Facts], assignments: list[Assignment]
) -> list[AppraiserProgress]:
    by_appraiser: dict[int, AppraiserProgress] = {}
    pairs: dict[int, set[tuple[int, str]]] = defaultdict(set)
    for assignment in assignments:
        progress = by_appraiser.setdefault(
            assignment.appraiser_id, AppraiserProgress(appraiser=assignment.appraiser, fields=[])
        )
        if assignment.field_code not in progress.fields:
            progress.fields.append(assignment.field_code)
        for assessment in assessments:
            # Never their own unit: the selectors leave it out and the services refuse it.
            if assessment.unit_id == assignment.appraiser.unit_id:
                continue
            if assignment.covers(assessment.unit_id, assessment.group_id):
                pairs[assignment.appraiser_id].add((assessment.pk, assignment.field_code))
    by_pk = {assessment.pk: assessment for assessment in assessments}
    for appraiser_id, covered in pairs.items():
        progress = by_appraiser[appraiser_id]
        for assessment_id, field_code in covered:
            assessment = by_pk[assessment_id]
            criteria_set = assessment.criteria_set
            leaves = {
                leaf.code
                for leaf in self_assessed_leaves(criteria_set)
                if criteria_set.field_of[leaf.code] == field_code
            }
            if not leaves:
                continue
            progress.units.add(assessment_id)
            progress.assigned += 1
            progress.done += _pair_done(assessment, facts[assessment_id], leaves)
    for progress in by_appraiser.values():
        progress.fields.sort(key=lambda code: [int(part) if part.isdigit() else part for part in code.split(".")])
    return sorted(by_appraiser.values(), key=lambda progress: sort_key(progress.name))


def _ahead(book: DeadlineBook, now: datetime) -> list[DeadlineAhead]:
    ahead = []
    for phase in PHASE_ORDER:
        deadline = book.deadline(phase)
        if deadline is not None and deadline >= now:
            days = (deadline - now).days
            ahead.append(DeadlineAhead(phase, str(Phase(phase).label), deadline, days))
    return ahead


def progress_page(period: Period, now: datetime) -> ProgressPage:
    """Everything the progress page shows, in five queries however many units take part."""
    changes = list(DeadlineChange.objects.filter(period=period).select_related("unit"))
    book = DeadlineBook.from_rows(period, PhaseDeadline.objects.filter(period=period), changes)
    assessments = list(Assessment.objects.filter(period=period).select_related("unit", "group", "criteria_set_version"))
    assessments.sort(key=lambda assessment: sort_key(assessment.unit.name))
    assessments.sort(key=lambda assessment: assessment.group.ordering)
    facts = _facts(assessments)
    assignments = list(Assignment.objects.filter(period=period).select_related("appraiser"))

    rows: list[UnitProgress] = []
    counts: dict[str, Counter[str]] = {phase: Counter() for phase in TRACKED_PHASES}
    for assessment in assessments:
        statuses = phase_statuses(assessment, facts[assessment.pk], book, now)
        cells = {}
        for phase in TRACKED_PHASES:
            own, everyone = book.deadline(phase, assessment.unit_id), book.deadline(phase)
            extended = own is not None and (everyone is None or own > everyone)
            cells[phase] = Cell(statuses[phase], own, extended)
            counts[phase][statuses[phase]] += 1
        rows.append(UnitProgress(assessment, cells))
    extensions_ahead = sorted(
        (change for change in changes if change.unit_id is not None and change.deadline >= now),
        key=lambda change: change.deadline,
    )
    return ProgressPage(
        period=period,
        now=now,
        rows=rows,
        counts=counts,
        current_counts=Counter(row.current_status for row in rows),
        appraisers=_appraisers(assessments, facts, assignments),
        ahead=_ahead(book, now),
        extensions_ahead=extensions_ahead,
    )


def filter_rows(page: ProgressPage, *, phase: str = "", status: str = "", group: str = "") -> list[UnitProgress]:
    """The rows the filters keep: a status in a phase (or at the unit's current step), and a group code."""
    rows = page.rows
    if group:
        rows = [row for row in rows if row.assessment.group.code == group]
    if status:
        if phase in TRACKED_PHASES:
            rows = [row for row in rows if row.cells[phase].status == status]
        else:
            rows = [row for row in rows if row.current_status == status]
    return rows
