"""Reads of results across years, for the council's pages, the public portal and the official reports.

Only the council's figures are ever shown: the snapshot frozen at approval (`council.ResultSnapshot`), never a
recomputation. A past year counts when the group's live approval is published and the assessment itself is
published (the same rule as `council.selectors.result_assessments_visible_to`); callers that may see every
result (Sở Nội vụ, the council, the administrator) may ask for approved but unpublished years too.

Mergers (PAR_INDEX.md §1: history must survive a merger): a unit that absorbed others during the year
(`Unit.merged_into` pointing at it, `merged_on` after the end of the previous year) is not the unit it was last
year, so it has no change against last year; its scorecard lists the predecessors' results instead. A unit
merged into another keeps its own past: its results stay on its own assessments.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from parindex.assessments.models import Assessment, State
from parindex.council.models import ResultSnapshot
from parindex.council.selectors import GroupResults, ResultRow
from parindex.criteria.models import CriteriaSetVersion
from parindex.engine import Rounding
from parindex.organization.models import Unit
from parindex.periods.models import Period
from parindex.vn import sort_key


@dataclass(frozen=True)
class YearResult:
    """One unit's approved result in one period, as the council froze it."""

    assessment_id: int
    unit_id: int
    unit_name: str  # as approved
    year: int
    period_id: int
    period_name: str
    group_name: str
    points: Decimal
    maximum: Decimal
    index: Decimal | None
    rank: int | None
    band: str
    ranked_units: int  # units in the approved table: "rank 3 of 14"
    rounding: Rounding
    published: bool
    decision_number: str

    @property
    def shown_index(self) -> Decimal | None:
        """The index as published, at that year's set's rounding."""
        return None if self.index is None else self.rounding.apply(self.index)


NOT_COMPARABLE_MERGED = "Đơn vị hình thành sau sáp nhập, không có kết quả riêng của năm trước"
NOT_COMPARABLE_NO_RESULT = "Năm trước đơn vị không có kết quả đã công bố"
NOT_COMPARABLE_NO_INDEX = "Năm nay chưa có chỉ số"


@dataclass(frozen=True)
class Change:
    """A unit's index against the same unit's published index of the previous year."""

    previous: YearResult | None
    delta: Decimal | None  # None: nothing to compare (see `reason`)
    reason: str = ""  # why there is no delta, in Vietnamese

    @property
    def direction(self) -> str:
        if self.delta is None:
            return "none"
        return "up" if self.delta > 0 else "down" if self.delta < 0 else "same"


# -- the snapshots that count ------------------------------------------------------------------------------------


def year_snapshots(*, include_unpublished: bool = False) -> QuerySet[ResultSnapshot]:
    """The live snapshots (not superseded, approval not reopened); published ones only unless asked."""
    live = ResultSnapshot.objects.filter(superseded_at__isnull=True, approval__reopened_at__isnull=True)
    if include_unpublished:
        return live
    return live.filter(approval__published_at__isnull=False, assessment__state=State.PUBLISHED)


_FIELDS = (
    "assessment_id",
    "assessment__unit_id",
    "unit_name",
    "assessment__period__year",
    "assessment__period_id",
    "assessment__period__name",
    "assessment__group__name",
    "points",
    "maximum",
    "index",
    "rank",
    "band",
    "assessment__criteria_set_version_id",
    "approval__published_at",
    "approval__decision_number",
    "approval_id",
)


def _year_results(snapshots: QuerySet[ResultSnapshot]) -> list[YearResult]:
    """Three queries however many rows: the figures (plain values, so a national-size group does not load one
    criteria-set text per row), how many units each approval ranked, and the few sets' rounding. The counts
    are one grouped query, not a subquery per row: SQLite would count a 4,000-unit table 4,000 times."""
    rows = list(snapshots.order_by("-assessment__period__year", "-assessment__period_id").values_list(*_FIELDS))
    if not rows:
        return []
    ranked_units = dict(
        ResultSnapshot.objects.filter(approval_id__in={row[15] for row in rows})
        .order_by()
        .values("approval_id")
        .annotate(n=Count("pk"))
        .values_list("approval_id", "n")
    )
    roundings = {
        version.pk: version.criteria_set.rounding
        for version in CriteriaSetVersion.objects.filter(pk__in={row[12] for row in rows}).only("pk", "source_yaml")
    }
    return [
        YearResult(
            assessment_id=row[0],
            unit_id=row[1],
            unit_name=row[2],
            year=row[3],
            period_id=row[4],
            period_name=row[5],
            group_name=row[6],
            points=row[7],
            maximum=row[8],
            index=row[9],
            rank=row[10],
            band=row[11],
            rounding=roundings[row[12]],
            published=row[13] is not None,
            decision_number=row[14],
            ranked_units=ranked_units.get(row[15], 0),
        )
        for row in rows
    ]


# -- last year -------------------------------------------------------------------------------------------------


def previous_results(period: Period, units: Iterable[int] | QuerySet[Any, Any]) -> dict[int, YearResult]:
    """Each unit's published result in the previous year's period, by unit id (the latest period of that year
    when there were several). `units` may be a subquery: a national-size group is not sent as 4,000
    parameters."""
    results = _year_results(
        year_snapshots().filter(assessment__unit__in=units, assessment__period__year=period.year - 1)
    )
    by_unit: dict[int, YearResult] = {}
    for result in results:  # newest period first: keep the first one seen
        by_unit.setdefault(result.unit_id, result)
    return by_unit


def previous_result(assessment: Assessment) -> YearResult | None:
    """The same unit's published result in the previous year's period, or None."""
    return previous_results(assessment.period, [assessment.unit_id]).get(assessment.unit_id)


def change_against(
    current: Decimal | None, rounding: Rounding, previous: YearResult | None, *, merged: bool = False
) -> Change:
    """The difference of the two published figures, each at its own set's rounding: the change a reader
    gets by subtracting last year's published index from this year's, to the last decimal."""
    if merged:
        return Change(previous=None, delta=None, reason=NOT_COMPARABLE_MERGED)
    if previous is None or previous.shown_index is None:
        return Change(previous=previous, delta=None, reason=NOT_COMPARABLE_NO_RESULT)
    if current is None:
        return Change(previous=previous, delta=None, reason=NOT_COMPARABLE_NO_INDEX)
    return Change(previous=previous, delta=rounding.apply(current) - previous.shown_index)


def _absorbed(year: int) -> Exists:
    """The unit absorbed another after the end of `year - 1` and by the end of `year`: it is not last year's
    unit any more."""
    after, until = datetime.date(year - 1, 12, 31), datetime.date(year, 12, 31)
    return Exists(Unit.objects.filter(merged_into=OuterRef("unit_id"), merged_on__gt=after, merged_on__lte=until))


def group_changes(results: GroupResults) -> dict[int, Change]:
    """The change against last year of every row of the group's ranked table, by assessment id: two queries
    whatever the size of the group (the rows' units with their mergers, last year's results), three when last
    year has results (their sets' rounding)."""
    assessments = Assessment.objects.filter(period=results.period, group=results.group)
    units = {
        pk: (unit_id, merged)
        for pk, unit_id, merged in assessments.annotate(merged=_absorbed(results.period.year))
        .order_by()
        .values_list("pk", "unit_id", "merged")
    }
    previous = previous_results(results.period, assessments.values("unit_id"))
    changes = {}
    for row in results.rows:
        unit_id, merged = units.get(row.assessment_id, (None, False))
        last_year = previous.get(unit_id) if unit_id is not None else None
        changes[row.assessment_id] = change_against(row.index, results.rounding, last_year, merged=merged)
    return changes


# -- a unit over the years -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Predecessor:
    unit: Unit
    results: list[YearResult]


@dataclass(frozen=True)
class YearOnYear:
    unit: Unit
    results: list[YearResult]  # newest first
    predecessors: list[Predecessor] = field(default_factory=list)

    @property
    def rows(self) -> list[tuple[YearResult, Change | None]]:
        """Each result with its change against the year before (for a template, which cannot pass `year`)."""
        return [(result, self.change(result.year)) for result in self.results]

    def change_of(self, index: Decimal | None, rounding: Rounding, year: int) -> Change:
        """The change of a figure not listed (this year's, still provisional) against the year before."""
        if any(p.unit.merged_on and p.unit.merged_on.year == year for p in self.predecessors):
            return change_against(index, rounding, None, merged=True)
        before = [result for result in self.results if result.year == year - 1]
        return change_against(index, rounding, before[0] if before else None)

    def change(self, year: int) -> Change | None:
        """The change of `year`'s result against the year before, when both are listed."""
        by_year = {result.year: result for result in reversed(self.results)}  # the newest period of each year
        current = by_year.get(year)
        if current is None:
            return None
        if any(
            predecessor.unit.merged_on and predecessor.unit.merged_on.year == year for predecessor in self.predecessors
        ):
            return change_against(current.index, current.rounding, None, merged=True)
        return change_against(current.index, current.rounding, by_year.get(year - 1))


def unit_year_on_year(unit: Unit, *, include_unpublished: bool = False) -> YearOnYear:
    """The unit's results year by year (published ones, or every approved one for those who see all
    results), and the results of the units merged into it. Four queries."""
    predecessors = list(Unit.objects.filter(merged_into=unit).order_by("merged_on", "name"))
    snapshots = year_snapshots(include_unpublished=include_unpublished).filter(
        Q(assessment__unit=unit) | Q(assessment__unit__in=[predecessor.pk for predecessor in predecessors])
    )
    results = _year_results(snapshots)
    by_unit: Mapping[int, list[YearResult]] = {
        owner: [result for result in results if result.unit_id == owner]
        for owner in (unit.pk, *(predecessor.pk for predecessor in predecessors))
    }
    return YearOnYear(
        unit=unit,
        results=by_unit[unit.pk],
        predecessors=[Predecessor(predecessor, by_unit[predecessor.pk]) for predecessor in predecessors],
    )


# -- the ranked table with the change column ----------------------------------------------------------------------


@dataclass(frozen=True)
class TableRow:
    """A row of the ranked table with its change against last year, and its place in Vietnamese alphabetical
    order (the browser sorts names by this number: it cannot collate Vietnamese the way `vn.sort_key` does)."""

    row: ResultRow
    change: Change
    name_order: int


def ranked_table(results: GroupResults) -> list[TableRow]:
    """The ranked rows in the council's order, each with its change against last year and name order."""
    changes = group_changes(results)
    alphabetical = sorted(results.rows, key=lambda row: (sort_key(row.unit_name), row.assessment_id))
    order = {row.assessment_id: position for position, row in enumerate(alphabetical, start=1)}
    return [TableRow(row, changes[row.assessment_id], order[row.assessment_id]) for row in results.rows]
