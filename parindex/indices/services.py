"""Writes on the provincial indices: importing a file of results, and who is responsible for each component.
Each is one transaction with its audit events; keyword-only arguments, the acting user first."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from parindex.audit.services import audit_record
from parindex.indices.imports import ParsedRow, read_rows
from parindex.indices.models import Index, IndexComponent, IndexResult
from parindex.organization.models import Unit

MSG_CATALOGUE_MISSING = "Danh mục thành phần chỉ số chưa được cài đặt (chạy manage.py migrate); chưa lưu gì."


def catalogue_install() -> dict[tuple[str, str], IndexComponent]:
    """Write the fixed catalogue of components (catalogue.py) where it is missing and return it.

    The data migration writes it once; this puts it back where a database was emptied since (manage.py
    flush, or the test runner between browser tests), so that an import never fails for want of it."""
    from parindex.indices.catalogue import catalogue_write

    with transaction.atomic():
        catalogue_write(IndexComponent)
    return {(component.index, component.code): component for component in IndexComponent.objects.all()}


@dataclass(frozen=True)
class ImportedYear:
    index: str
    year: int
    rows: int
    replaced: int  # rows stored before for this index and year, now replaced

    @property
    def index_label(self) -> str:
        return str(Index(self.index).label)


@dataclass
class ImportOutcome:
    years: list[ImportedYear] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _value_text(row: IndexResult | ParsedRow) -> str:
    return format(row.value.normalize(), "f")


def indices_import(*, actor: Any, filename: str, content: bytes, illustrative: bool = False) -> ImportOutcome:
    """Check the whole file, then replace each index and year it holds (see imports.py); nothing saved on error.

    `illustrative` marks made-up figures (the demonstration's): the pages then say they are not official."""
    parsed = read_rows(filename=filename, content=content)
    if parsed.errors:
        return ImportOutcome(errors=parsed.errors)
    components = {(component.index, component.code): component for component in IndexComponent.objects.all()}
    if any((row.index, row.component) not in components for row in parsed.rows):
        components = catalogue_install()
    if any((row.index, row.component) not in components for row in parsed.rows):
        return ImportOutcome(errors=[MSG_CATALOGUE_MISSING])
    by_year: dict[tuple[str, int], list[ParsedRow]] = defaultdict(list)
    for row in parsed.rows:
        by_year[(row.index, row.year)].append(row)
    outcome = ImportOutcome()
    with transaction.atomic():
        for (index, year), rows in sorted(by_year.items()):
            old = list(IndexResult.objects.filter(component__index=index, year=year).select_related("component"))
            IndexResult.objects.filter(pk__in=[result.pk for result in old]).delete()
            IndexResult.objects.bulk_create(
                IndexResult(
                    component=components[(index, row.component)],
                    year=year,
                    value=row.value,
                    national_rank=row.rank,
                    tier=row.tier,
                    illustrative=illustrative,
                    source=filename[:255],
                    imported_by=actor,
                )
                for row in rows
            )
            audit_record(
                actor=actor,
                action="indices.year_imported",
                summary=(
                    f"Nhập kết quả {Index(index).label} năm {year} từ tệp “{filename}”: {len(rows)} dòng"
                    + (f", thay thế {len(old)} dòng đã có" if old else "")
                    + (" (số liệu minh họa, không chính thức)" if illustrative else "")
                ),
                before={
                    result.component.code: [_value_text(result), result.national_rank, result.tier] for result in old
                }
                or None,
                after={row.component: [_value_text(row), row.rank, row.tier] for row in rows},
            )
            outcome.years.append(ImportedYear(index, year, len(rows), len(old)))
    return outcome


def component_set_responsible(*, actor: Any, component: IndexComponent, units: Iterable[Unit]) -> IndexComponent:
    """The departments responsible for a component, replacing the previous list."""
    chosen = sorted({unit.pk: unit for unit in units}.values(), key=lambda unit: unit.code)
    with transaction.atomic():
        before = sorted(component.responsible_units.values_list("code", flat=True))
        component.responsible_units.set(chosen)
        after = [unit.code for unit in chosen]
        if before != after:
            audit_record(
                actor=actor,
                action="indices.responsibility_changed",
                target=component,
                summary=f"Đơn vị chịu trách nhiệm {component}: {', '.join(unit.name for unit in chosen) or '(không)'}",
                before=before,
                after=after,
            )
    return component
