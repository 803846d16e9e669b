"""Reads of the public portal: only results the council approved and Sở Nội vụ published, as frozen then.

Published means: the group's live approval (not reopened) has `published_at`, and the assessment itself is
PUBLISHED (a unit added to the period after the approval is not in the published list). Every figure comes
from council.selectors.group_results, which reads the approved ResultSnapshots once an approval exists, so
the portal shows exactly the council's numbers; nothing here computes a score.

Results are addressed by year and group, the stable key of the open data. A province runs one period a year;
should two periods of the same year both publish the same group, the latest publication is the one shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.db.models import Count, QuerySet

from parindex.assessments.models import Assessment, State
from parindex.council.models import Approval
from parindex.council.selectors import Averages, Component, GroupResults, group_results
from parindex.engine import Node, Rounding
from parindex.organization.models import UnitGroup
from parindex.periods.models import Period
from parindex.results.selectors import Change, group_changes
from parindex.vn import sort_key


def published_approvals() -> QuerySet[Approval]:
    return Approval.objects.filter(reopened_at__isnull=True, published_at__isnull=False).select_related(
        "period", "group"
    )


@dataclass(frozen=True)
class PublishedGroup:
    """One entry of the catalogue: a group's published results in a year."""

    approval: Approval
    units: int

    @property
    def year(self) -> int:
        return self.approval.period.year

    @property
    def group(self) -> UnitGroup:
        return self.approval.group

    @property
    def period(self) -> Period:
        return self.approval.period

    @property
    def published_at(self) -> datetime:
        assert self.approval.published_at is not None
        return self.approval.published_at


def _latest_per_year_and_group(approvals: Sequence[Approval]) -> list[Approval]:
    latest: dict[tuple[int, int], Approval] = {}
    for approval in approvals:
        key = (approval.period.year, approval.group_id)
        current = latest.get(key)
        if current is None or (approval.published_at, approval.pk) > (current.published_at, current.pk):
            latest[key] = approval
    return list(latest.values())


def published_catalogue() -> list[PublishedGroup]:
    """Every published (year, group), newest year first, groups in their display order. One query."""
    approvals = list(published_approvals().annotate(snapshot_count=Count("snapshots")))
    chosen = _latest_per_year_and_group(approvals)
    chosen.sort(key=lambda approval: (-approval.period.year, approval.group.ordering, sort_key(approval.group.name)))
    return [PublishedGroup(approval, approval.snapshot_count) for approval in chosen]  # type: ignore[attr-defined]


@dataclass(frozen=True)
class PublishedYear:
    year: int
    groups: list[PublishedGroup]


def published_years() -> list[PublishedYear]:
    years: dict[int, list[PublishedGroup]] = {}
    for entry in published_catalogue():
        years.setdefault(entry.year, []).append(entry)
    return [PublishedYear(year, groups) for year, groups in years.items()]


def published_approval(year: int, group_code: str) -> Approval | None:
    """The approval whose published results answer /cong-khai/<year>/<group>/, or None (not published)."""
    return (
        published_approvals().filter(period__year=year, group__code=group_code).order_by("-published_at", "-pk").first()
    )


@dataclass(frozen=True)
class PublicRow:
    assessment_id: int
    unit_code: str
    unit_name: str  # as approved
    rank: int | None
    tied: bool
    points: Decimal
    maximum: Decimal
    index: Decimal | None
    band: str
    components: dict[str, Component]  # in the set's field order

    @property
    def component_list(self) -> list[Component]:
        return list(self.components.values())


@dataclass(frozen=True)
class PublicResults:
    approval: Approval
    fields: list[Node]
    rounding: Rounding
    rows: list[PublicRow]
    averages: Averages | None
    council: GroupResults  # what the rows were read from: the year-on-year reads take it

    @property
    def year(self) -> int:
        return self.approval.period.year

    @property
    def period(self) -> Period:
        return self.approval.period

    @property
    def group(self) -> UnitGroup:
        return self.approval.group

    @property
    def decision_number(self) -> str:
        return self.approval.decision_number

    @property
    def decision_date(self) -> date:
        return self.approval.decision_date

    def row(self, assessment_id: int) -> PublicRow | None:
        return next((row for row in self.rows if row.assessment_id == assessment_id), None)


class NotPublished(Exception):
    """The results are not (or no longer) published: the portal answers "not found"."""


def public_results(approval: Approval) -> PublicResults:
    """The group's published ranked table, from the snapshot the council approved."""
    results = group_results(approval.period, approval.group)
    live = results.approval
    # Asked again on the approval group_results read: a reopening between the two reads withdraws the results.
    if live is None or live.pk != approval.pk or not live.is_published:
        raise NotPublished
    # The safety net: only assessments that are themselves published, whatever the snapshot holds.
    published = dict(
        Assessment.objects.filter(pk__in=[row.assessment_id for row in results.rows], state=State.PUBLISHED)
        .order_by()
        .values_list("pk", "unit__code")
    )
    rows = [
        PublicRow(
            assessment_id=row.assessment_id,
            unit_code=published[row.assessment_id],
            unit_name=row.unit_name,
            rank=row.rank,
            tied=row.tied,
            points=row.points,
            maximum=row.maximum,
            index=row.index,
            band=row.band,
            components=row.components,
        )
        for row in results.rows
        if row.assessment_id in published
    ]
    # Ranked order; units of equal rank in Vietnamese alphabetical order; a unit without a rank last.
    rows.sort(key=lambda row: (row.rank is None, row.rank or 0, sort_key(row.unit_name), row.assessment_id))
    return PublicResults(
        approval=approval,  # the caller's, with its period and group already read
        fields=results.fields,
        rounding=results.rounding,
        rows=rows,
        averages=results.averages,
        council=results,
    )


def public_changes(results: PublicResults) -> dict[int, Change]:
    """Each published unit's change against its own published index of the year before (results.selectors:
    published years only, a unit formed by a merger has none), by assessment id."""
    changes = group_changes(results.council)
    return {row.assessment_id: changes[row.assessment_id] for row in results.rows}
