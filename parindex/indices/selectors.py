"""Reads on the provincial indices: a summary of each index, and one index over the years with its components,
their values, ranks and tiers, and the departments responsible. A fixed number of queries per page."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch

from parindex.indices.catalogue import CATALOGUE, CATALOGUE_BY_KEY, TOTAL, IndexSpec
from parindex.indices.models import IndexComponent, IndexResult
from parindex.organization.models import Unit
from parindex.vn import format_decimal, sort_key

DISPLAY_PLACES = 2  # as the national reports publish them


def value_text(value: Decimal | None) -> str:
    return format_decimal(value, DISPLAY_PLACES) if value is not None else "—"


@dataclass(frozen=True)
class IndexSummary:
    spec: IndexSpec
    latest: IndexResult | None  # the index's own (total) result of the latest year imported
    years: list[int]

    @property
    def value(self) -> str:
        return value_text(self.latest.value if self.latest else None)

    @property
    def illustrative(self) -> bool:
        return bool(self.latest and self.latest.illustrative)


def index_summaries() -> list[IndexSummary]:
    """Every index of the catalogue with its latest total; one query."""
    totals = IndexResult.objects.filter(component__code=TOTAL).select_related("component").order_by("year")
    by_index: dict[str, list[IndexResult]] = {}
    for result in totals:
        by_index.setdefault(result.component.index, []).append(result)
    return [
        IndexSummary(
            spec=spec,
            latest=by_index[spec.key][-1] if spec.key in by_index else None,
            years=[result.year for result in by_index.get(spec.key, [])],
        )
        for spec in CATALOGUE
    ]


@dataclass(frozen=True)
class Cell:
    year: int
    result: IndexResult | None

    @property
    def value(self) -> str:
        return value_text(self.result.value if self.result else None)

    @property
    def rank(self) -> int | None:
        return self.result.national_rank if self.result else None

    @property
    def tier(self) -> str:
        return self.result.tier if self.result else ""


@dataclass(frozen=True)
class ComponentRow:
    component: IndexComponent
    cells: list[Cell]  # one per year of the page, in order
    units: list[Unit]  # responsible departments, in Vietnamese order

    @property
    def change(self) -> str:
        """The change from the first to the last year with a value, signed ("+1,25"), or "" with fewer than two."""
        values = [cell.result.value for cell in self.cells if cell.result]
        if len(values) < 2:
            return ""
        delta = values[-1] - values[0]
        return ("+" if delta > 0 else "") + value_text(delta)


@dataclass(frozen=True)
class IndexPage:
    spec: IndexSpec
    years: list[int]
    total: ComponentRow | None
    components: list[ComponentRow]  # without the total
    illustrative_years: list[int]  # years holding made-up demonstration figures

    def chart_data(self) -> dict[str, object]:
        """What static/parindex/js/indices-chart.js draws; the same numbers as the tables (strings, not floats)."""

        def series(row: ComponentRow) -> dict[str, object]:
            return {
                "name": row.component.name,
                "code": row.component.code,
                "values": [str(cell.result.value) if cell.result else None for cell in row.cells],
            }

        return {
            "years": self.years,
            "total": series(self.total) if self.total else None,
            "ranks": [cell.rank for cell in self.total.cells] if self.total else [],
            "components": [series(row) for row in self.components],
            "places": DISPLAY_PLACES,
        }


def index_page(index: str) -> IndexPage:
    """One index over every year imported; three queries (components, their units, results)."""
    spec = CATALOGUE_BY_KEY[index]
    components = list(
        IndexComponent.objects.filter(index=index)
        .order_by("ordering")
        .prefetch_related(Prefetch("responsible_units", queryset=Unit.objects.only("pk", "code", "name")))
    )
    results = list(IndexResult.objects.filter(component__index=index))
    years = sorted({result.year for result in results})
    by_key = {(result.component_id, result.year): result for result in results}
    rows = [
        ComponentRow(
            component=component,
            cells=[Cell(year, by_key.get((component.pk, year))) for year in years],
            units=sorted(component.responsible_units.all(), key=lambda unit: sort_key(unit.name)),
        )
        for component in components
    ]
    total = next((row for row in rows if row.component.is_total), None)
    return IndexPage(
        spec=spec,
        years=years,
        total=total,
        components=[row for row in rows if row is not total],
        illustrative_years=sorted({result.year for result in results if result.illustrative}),
    )


def responsible_choices() -> list[Unit]:
    """The units a component may be given to: every unit still active, in Vietnamese order."""
    units = list(Unit.objects.filter(active_to__isnull=True, merged_on__isnull=True).select_related("group"))
    units.sort(key=lambda unit: sort_key(unit.name))
    units.sort(key=lambda unit: unit.group.ordering)
    return units
