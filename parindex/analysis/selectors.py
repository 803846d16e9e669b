"""Reads of the council's analysis (PAR_INDEX.md §4 step 9: "the weak points across the province").

Every index-level figure (a unit's index, points, rank, band, component indices, the group's averages) is the
council's own, read from `council.selectors.group_results`: live by the engine until approval, the frozen
snapshot after. What the council's table does not hold (each leaf's points lost, the self-assessed points) is
computed by the engine from the final answers (`assessments.selectors.final_raw_answers`) and the units' own
answers, over exactly the units the council's table ranks.

`findings(period, group)` and `summary_text(period, group)` are read by the council report (parindex.reports):
keep their names and the shape of `Findings` stable.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q

from parindex.analysis.models import AnalysisSummary
from parindex.assessments.models import Answer, Assessment, Stage
from parindex.assessments.selectors import final_raw_answers
from parindex.assessments.workflow import self_assessed_leaves
from parindex.council.models import Approval, Correction, ResultSnapshot
from parindex.council.selectors import GroupResults, ResultRow, group_results
from parindex.engine import CriteriaSet, Rounding, UnitScore, leaf_statistics, parse_answers, score_units
from parindex.organization.models import UnitGroup
from parindex.periods.models import Period, PeriodGroup

ZERO = Decimal(0)
BIN_WIDTH = 5
BINS = 100 // BIN_WIDTH
NO_BAND = "Chưa xếp loại"


# -- the shape read by the pages and the council report -------------------------------------------------------


@dataclass(frozen=True)
class UnitFigures:
    """One ranked unit: the council's figures, and its own (self-assessed) points beside the final ones."""

    assessment_id: int
    unit_name: str
    rank: int | None
    tied: bool
    band: str
    points: Decimal  # final, as the council's table shows them
    maximum: Decimal
    index: Decimal | None
    components: dict[str, Decimal | None]  # field code → component index (%), in the set's field order
    field_points: dict[str, Decimal | None]  # field code → final points (None: nothing of it applies)
    field_maxima: dict[str, Decimal | None]  # field code → applicable maximum
    self_points: Decimal  # what the unit claimed (see _self_answers), total
    self_field_points: dict[str, Decimal]  # field code → self-assessed points

    @property
    def gap(self) -> Decimal:
        """Self-assessed minus final points: how much the unit over-scored itself (negative: under)."""
        return self.self_points - self.points

    @property
    def field_gaps(self) -> dict[str, Decimal | None]:
        return {
            code: None if final is None else self.self_field_points.get(code, ZERO) - final
            for code, final in self.field_points.items()
        }


@dataclass(frozen=True)
class FieldFigures:
    code: str
    title: str
    maximum: Decimal
    average_index: Decimal | None  # the group's mean component index, as the council's table shows it
    points_lost: Decimal  # summed over the ranked units
    self_gap: Decimal  # self-assessed minus final points, summed over the ranked units


@dataclass(frozen=True)
class WeakCriterion:
    """A scored leaf where units lost points (engine's leaf_statistics over the final answers)."""

    code: str
    title: str
    field_code: str
    maximum: Decimal
    points_lost: Decimal
    units_applicable: int
    units_losing: tuple[str, ...]  # names, in the council table's order
    average_points: Decimal | None
    average_self_gap: Decimal | None

    @property
    def units_losing_count(self) -> int:
        return len(self.units_losing)


@dataclass(frozen=True)
class HistogramBin:
    lower: int
    upper: int
    units: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.units)

    @property
    def label(self) -> str:
        # The last bin holds 100 too: "95–100"; the others are [lower, upper).
        return f"{self.lower}–{self.upper}" if self.upper == 100 else f"{self.lower}–<{self.upper}"


@dataclass(frozen=True)
class BandCount:
    name: str
    units: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.units)


@dataclass(frozen=True)
class TrendPoint:
    """The group's average index in one year: the approved figure, or the live one for the period at hand."""

    year: int
    period_id: int
    period_name: str
    average_index: Decimal | None
    units: int
    frozen: bool


@dataclass(frozen=True)
class Findings:
    period: Period
    group: UnitGroup
    criteria_set: CriteriaSet
    status: str
    status_label: str
    frozen: bool  # the council approved: the figures are the snapshot's
    units: list[UnitFigures]  # the council table's order (rank, then Vietnamese order of names)
    not_ready: int  # units of the group not ranked (appraisal not finished)
    average_index: Decimal | None
    average_points: Decimal | None
    fields: list[FieldFigures]  # the set's order
    histogram: list[HistogramBin]  # 5-point bins of the index as published, lowest non-empty to 100
    bands: list[BandCount]  # the set's bands, best first; units without a band last
    weakest_criteria: list[WeakCriterion]  # every leaf where points were lost, most lost first
    trend: list[TrendPoint]  # one per year, oldest first

    @property
    def rounding(self) -> Rounding:
        return self.criteria_set.rounding

    @property
    def ranked(self) -> list[UnitFigures]:
        return [unit for unit in self.units if unit.rank is not None]

    @property
    def best_units(self) -> list[UnitFigures]:
        ranked = self.ranked
        return [unit for unit in ranked if unit.rank == ranked[0].rank] if ranked else []

    @property
    def weakest_units(self) -> list[UnitFigures]:
        ranked = self.ranked
        if len(ranked) < 2:
            return []
        return [unit for unit in ranked if unit.rank == ranked[-1].rank and unit.rank != ranked[0].rank]

    @property
    def best_field(self) -> FieldFigures | None:
        scored = [field for field in self.fields if field.average_index is not None]
        return max(scored, key=lambda field: field.average_index or ZERO) if scored else None

    @property
    def weakest_field(self) -> FieldFigures | None:
        scored = [field for field in self.fields if field.average_index is not None]
        if len(scored) < 2:
            return None
        return min(scored, key=lambda field: field.average_index or ZERO)

    @property
    def biggest_gaps(self) -> list[UnitFigures]:
        """Units that scored themselves above the final figures, largest gap first."""
        return sorted((unit for unit in self.units if unit.gap > 0), key=lambda unit: -unit.gap)

    def unit(self, assessment_id: int) -> UnitFigures | None:
        return next((unit for unit in self.units if unit.assessment_id == assessment_id), None)


# -- computing them --------------------------------------------------------------------------------------------


def _self_answers(criteria_set: CriteriaSet, own: Mapping[str, str], final: Mapping[str, str]) -> dict[str, str]:
    """What the unit claimed: its own answers on the leaves it scores itself, and the final answers on those
    others feed (survey, directives, Sở Nội vụ), which it never scores. So "self minus final" measures only
    the unit's own over- or under-scoring, not the survey it could not enter."""
    own_codes = {leaf.code for leaf in self_assessed_leaves(criteria_set)}
    claimed = {code: raw for code, raw in final.items() if code not in own_codes}
    claimed.update({code: raw for code, raw in own.items() if code in own_codes})
    return claimed


def _engine_scores(
    criteria_set: CriteriaSet, assessment_ids: list[int]
) -> tuple[dict[int, UnitScore], dict[int, UnitScore]]:
    """Final and self-assessed scores of the units, by the engine, two batches (two queries in all)."""
    if not assessment_ids:
        return {}, {}
    # final_raw_answers takes assessments; their ids are all it reads (no ordering: it would join two tables).
    assessments = list(Assessment.objects.filter(pk__in=assessment_ids).only("pk").order_by())
    finals = final_raw_answers(assessments)
    own: dict[int, dict[str, str]] = {pk: {} for pk in assessment_ids}
    rows = Answer.objects.filter(assessment_id__in=assessment_ids, stage=Stage.SELF).values_list(
        "assessment_id", "code", "raw"
    )
    for assessment_id, code, raw in rows:
        own[assessment_id][code] = raw
    final_parsed = [parse_answers(criteria_set, finals[pk])[0] for pk in assessment_ids]
    self_parsed = [
        parse_answers(criteria_set, _self_answers(criteria_set, own[pk], finals[pk]))[0] for pk in assessment_ids
    ]
    final_scores = score_units(criteria_set, final_parsed)
    self_scores = score_units(criteria_set, self_parsed)
    return dict(zip(assessment_ids, final_scores, strict=True)), dict(zip(assessment_ids, self_scores, strict=True))


def _unit_figures(row: ResultRow, codes: list[str], own: UnitScore | None) -> UnitFigures:
    self_fields = {code: own.node(code).points for code in codes} if own is not None else {}
    return UnitFigures(
        assessment_id=row.assessment_id,
        unit_name=row.unit_name,
        rank=row.rank,
        tied=row.tied,
        band=row.band,
        points=row.points,
        maximum=row.maximum,
        index=row.index,
        components={code: row.components[code].index for code in codes},
        field_points={code: row.components[code].points for code in codes},
        field_maxima={code: row.components[code].maximum for code in codes},
        self_points=own.points if own is not None else row.points,
        self_field_points=self_fields,
    )


def _histogram(units: Iterable[UnitFigures], rounding: Rounding) -> list[HistogramBin]:
    # Binned on the index as published, like the bands: a unit shown at 90,00 is in 90–95, never in 85–90.
    members: list[list[str]] = [[] for _ in range(BINS)]
    for unit in units:
        if unit.index is not None:
            shown = rounding.apply(unit.index)
            members[min(int(shown) // BIN_WIDTH, BINS - 1)].append(unit.unit_name)
    filled = [position for position, names in enumerate(members) if names]
    if not filled:
        return []
    return [
        HistogramBin(position * BIN_WIDTH, (position + 1) * BIN_WIDTH, tuple(members[position]))
        for position in range(filled[0], BINS)
    ]


def _bands(criteria_set: CriteriaSet, units: list[UnitFigures]) -> list[BandCount]:
    counts = [
        BandCount(band.name, tuple(unit.unit_name for unit in units if unit.band == band.name))
        for band in criteria_set.bands
    ]
    known = {band.name for band in criteria_set.bands}
    without = tuple(unit.unit_name for unit in units if unit.band not in known)
    return counts + ([BandCount(NO_BAND, without)] if without else [])


def _weakest(
    criteria_set: CriteriaSet,
    finals: dict[int, UnitScore],
    selfs: dict[int, UnitScore],
    names: dict[int, str],
) -> list[WeakCriterion]:
    field_of = criteria_set.field_of
    return [
        WeakCriterion(
            code=stat.code,
            title=stat.title,
            field_code=field_of[stat.code],
            maximum=stat.maximum,
            points_lost=stat.points_lost,
            units_applicable=stat.units_applicable,
            units_losing=tuple(names[key] for key in stat.units_losing),
            average_points=stat.average_points,
            average_self_gap=stat.average_self_gap,
        )
        for stat in leaf_statistics(criteria_set, finals, selfs)
        if stat.points_lost > 0
    ]


def _fields(results: GroupResults, units: list[UnitFigures]) -> list[FieldFigures]:
    averages = results.averages.fields if results.averages else {}
    figures = []
    for node in results.fields:
        lost = ZERO
        gap = ZERO
        for unit in units:
            final = unit.field_points.get(node.code)
            if final is None:
                continue
            lost += (unit.field_maxima.get(node.code) or ZERO) - final
            gap += unit.self_field_points.get(node.code, final) - final
        figures.append(FieldFigures(node.code, node.title, node.maximum, averages.get(node.code), lost, gap))
    return figures


def _trend(results: GroupResults) -> list[TrendPoint]:
    """The group's average per year: each other period's approved averages (two queries however many years),
    and this period's figures as the council's table shows them now."""
    period, group = results.period, results.group
    approvals = {
        approval.period_id: approval for approval in Approval.objects.filter(group=group, reopened_at__isnull=True)
    }
    by_year: dict[int, TrendPoint] = {}
    period_groups = PeriodGroup.objects.filter(group=group).select_related("period").order_by("period__year", "pk")
    for period_group in period_groups:
        other = period_group.period
        if other.pk == period.pk:
            averages = results.averages
            point = TrendPoint(
                other.year,
                other.pk,
                other.name,
                averages.index if averages else None,
                averages.units if averages else 0,
                results.frozen,
            )
        elif other.pk in approvals:
            stored = approvals[other.pk].averages or {}
            index = stored.get("index")
            point = TrendPoint(
                other.year,
                other.pk,
                other.name,
                None if index is None else Decimal(index),
                int(stored.get("units", 0)),
                True,
            )
        else:
            continue  # another period not approved yet: no figure the council has seen
        # Two periods in one year (a re-run): this period wins its year, else the later one.
        kept = by_year.get(other.year)
        if kept is None or kept.period_id != period.pk:
            by_year[other.year] = point
    return [by_year[year] for year in sorted(by_year)]


def findings(period: Period, group: UnitGroup) -> Findings:
    """Everything the council's analysis shows for a group in a period, at full precision (Decimal)."""
    results = group_results(period, group)
    criteria_set = results.criteria_set
    codes = results.field_codes
    ids = [row.assessment_id for row in results.rows]
    finals, selfs = _engine_scores(criteria_set, ids)
    units = [_unit_figures(row, codes, selfs.get(row.assessment_id)) for row in results.rows]
    names = {unit.assessment_id: unit.unit_name for unit in units}
    averages = results.averages
    return Findings(
        period=period,
        group=group,
        criteria_set=criteria_set,
        status=results.status,
        status_label=results.status_label,
        frozen=results.frozen,
        units=units,
        not_ready=len(results.not_ready),
        average_index=averages.index if averages else None,
        average_points=averages.points if averages else None,
        fields=_fields(results, units),
        histogram=_histogram(units, criteria_set.rounding),
        bands=_bands(criteria_set, units),
        weakest_criteria=_weakest(criteria_set, finals, selfs, names),
        trend=_trend(results),
    )


# -- the summary ----------------------------------------------------------------------------------------------


def saved_summary(period: Period, group: UnitGroup) -> AnalysisSummary | None:
    return AnalysisSummary.objects.filter(period=period, group=group).select_related("edited_by").first()


def summary_outdated(saved: AnalysisSummary) -> bool:
    """The group's figures may have moved since Sở Nội vụ edited the text: approved, reopened or corrected
    after it (two queries at most). The generated summary follows the figures; an edited one must be read again."""
    after = saved.edited_at
    changed = Q(approved_at__gt=after) | Q(reopened_at__gt=after)
    approvals = Approval.objects.filter(period_id=saved.period_id, group_id=saved.group_id)
    corrected = Correction.objects.filter(approval__in=approvals, created_at__gt=after)
    return approvals.filter(changed).exists() or corrected.exists()


def summary_text(period: Period, group: UnitGroup, *, known: Findings | None = None) -> str:
    """The summary of findings for the council: Sở Nội vụ's edited text when saved, else the generated one.
    `known`: findings already computed for this period and group, to avoid computing them twice."""
    saved = saved_summary(period, group)
    if saved is not None:
        return saved.text
    from parindex.analysis.summary import generated_summary

    return generated_summary(known if known is not None else findings(period, group))


# -- a unit over the years ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class UnitYear:
    year: int
    period_name: str
    index: Decimal | None
    group_average: Decimal | None
    frozen: bool


def unit_trend(assessment: Assessment, current: Findings) -> list[UnitYear]:
    """The unit's own index per year beside its group's average: the approved snapshots of other periods (one
    query), and this period's figure from the council's table."""
    averages = {point.period_id: point.average_index for point in current.trend}
    snapshots = (
        ResultSnapshot.objects.filter(
            assessment__unit_id=assessment.unit_id, superseded_at__isnull=True, approval__reopened_at__isnull=True
        )
        .exclude(assessment__period_id=assessment.period_id)
        .select_related("approval__period")
        .order_by("approval__period__year", "pk")
    )
    years: dict[int, UnitYear] = {}
    for snapshot in snapshots:
        other = snapshot.approval.period
        average = averages.get(other.pk)
        if average is None:
            stored = snapshot.approval.averages.get("index") if snapshot.approval.averages else None
            average = None if stored is None else Decimal(stored)
        years[other.year] = UnitYear(other.year, other.name, snapshot.index, average, True)
    mine = current.unit(assessment.pk)
    if mine is not None:
        period = current.period
        years[period.year] = UnitYear(period.year, period.name, mine.index, current.average_index, current.frozen)
    return [years[year] for year in sorted(years)]
