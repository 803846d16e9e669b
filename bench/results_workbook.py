"""The period's results workbook for a national-size year, against bare openpyxl write-only writing the same cells.

    python -m bench.results_workbook [--units 4000] [--leaves 150] [--repeat 5]

A synthetic national year (bench/national_year.py: 4,000 units of up to 34 provinces, each province ranking
its sở and its xã apart, so about 68 groups, one sheet each) is scored and ranked by the engine; the rows are
the council's ResultRows exactly as council.selectors.group_results builds them live. What is timed:

- parindex: reports.workbook.results_workbook(all groups), the file Sở Nội vụ downloads — titles, two header
  rows with merged cells, named styles, every figure rounded by the set's rule and written as a number with
  the set's format, the group's average row;
- bare: openpyxl in write-only mode appending the same values (already rounded, computed before the clock
  starts) to the same sheets, with no style, no merge, no number format: the floor for writing those cells.

Goal: parindex ≤ 2 × bare. The database is not involved (group_results is measured by the results page's own
benchmark); neither is the disk: both write to memory.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from io import BytesIO
from types import SimpleNamespace
from typing import Any

import django
import openpyxl
from openpyxl import Workbook

# The council's selectors come with Django's models: set Django up before importing them.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from bench.national_year import national_answers, national_criteria_set, national_units  # noqa: E402
from parindex.council.selectors import (  # noqa: E402
    Component,
    GroupResults,
    ResultRow,
    averages_from_json,
    averages_to_json,
)
from parindex.engine import CriteriaSet, group_average, parse_answers, rank_group, score_units  # noqa: E402
from parindex.reports.figures import excel_value, figure  # noqa: E402
from parindex.reports.workbook import AVERAGE_LABEL, TITLE, results_workbook, sheet_title  # noqa: E402

GOAL = 2.0


def build_groups(units: int, leaves: int, seed: int) -> list[GroupResults]:
    criteria_set = national_criteria_set(leaves, seed)
    people = national_units(units, seed)
    answers = national_answers(people, leaves, seed)
    parsed = [parse_answers(criteria_set, answers[unit.unit_id])[0] for unit in people]
    scores = dict(zip(people, score_units(criteria_set, parsed), strict=True))
    codes = [node.code for node in criteria_set.criteria]
    groups: dict[str, list[Any]] = {}
    for unit in people:
        groups.setdefault(unit.group_code, []).append(unit)
    period = SimpleNamespace(pk=1, year=criteria_set.year, name=f"Kỳ đánh giá năm {criteria_set.year}")
    all_results = []
    for position, (code, members) in enumerate(sorted(groups.items()), start=1):
        ranked = rank_group(criteria_set, {unit: scores[unit] for unit in members})
        rows = [_row(item, codes) for item in ranked]
        averages = averages_from_json(averages_to_json(group_average(scores[unit] for unit in members)), codes)
        group = SimpleNamespace(pk=position, code=code, name=_group_name(code))
        all_results.append(
            GroupResults(
                period=period,  # type: ignore[arg-type]
                group=group,  # type: ignore[arg-type]
                criteria_set=criteria_set,
                approval=None,
                rows=rows,
                averages=averages,
                not_ready=[],
                status="ready",
                fields=list(criteria_set.criteria),
            )
        )
    return all_results


def _group_name(code: str) -> str:
    province, kind = code.split("-")
    return f"{'Sở, ban, ngành' if kind == 'so' else 'UBND cấp xã'} tỉnh {province[1:]}"


def _row(item: Any, codes: list[str]) -> ResultRow:
    fields = item.score.field_scores()
    return ResultRow(
        assessment_id=item.key.unit_id,
        unit_name=f"Đơn vị hành chính số {item.key.unit_id} – Ủy ban nhân dân xã Hòa Bình",
        state_label="Đã thẩm định",
        rank=item.rank,
        tied=False,
        points=item.score.points,
        maximum=item.score.maximum,
        index=item.score.index,
        band=item.band or "",
        components={
            code: Component(fields[code].points, fields[code].maximum, fields[code].index)
            if code in fields
            else Component(None, None, None)
            for code in codes
        },
    )


def bare_cells(all_results: list[GroupResults]) -> list[tuple[str, list[list[Any]]]]:
    """The same cells as the parindex workbook, as plain values: computed before the clock starts."""
    sheets = []
    taken: set[str] = set()
    for results in all_results:
        rounding = results.rounding
        rows: list[list[Any]] = [[TITLE.format(year=results.criteria_set.year)], [results.group.name.upper()], [""], []]
        rows.append(["STT", "Đơn vị"] + [f"{node.code}. {node.title}" for node in results.fields for _ in (0, 1)])
        rows.append([None, None] + ["Điểm", "Chỉ số TP (%)"] * len(results.fields))
        for stt, row in enumerate(results.rows, start=1):
            cells: list[Any] = [stt, row.unit_name]
            for component in row.component_list:
                cells += [
                    excel_value(figure(component.points, rounding)),
                    excel_value(figure(component.index, rounding)),
                ]
            cells += [excel_value(figure(value, rounding)) for value in (row.points, row.maximum, row.index)] + [
                row.rank,
                row.band,
            ]
            rows.append(cells)
        assert results.averages is not None
        rows.append([None, AVERAGE_LABEL.format(units=results.averages.units)])
        sheets.append((sheet_title(results.group.name, taken), rows))
    return sheets


def write_bare(sheets: list[tuple[str, list[list[Any]]]]) -> bytes:
    workbook = Workbook(write_only=True)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@dataclass(frozen=True)
class Timing:
    best: float
    median: float
    size: int


def timed(work: Callable[[], bytes], repeat: int) -> Timing:
    seconds, size = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        size = len(work())
        seconds.append(time.perf_counter() - start)
    seconds.sort()
    return Timing(seconds[0], seconds[len(seconds) // 2], size)


def parse_options(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.results_workbook", description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=4000, help="units in the year (default 4000)")
    parser.add_argument("--leaves", type=int, default=150, help="leaves in the criteria set (default 150)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each side (default 5)")
    parser.add_argument("--seed", type=int, default=2025)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_options(argv)
    all_results = build_groups(options.units, options.leaves, options.seed)
    criteria_set: CriteriaSet = all_results[0].criteria_set
    cells = bare_cells(all_results)
    ours = timed(lambda: results_workbook(all_results), options.repeat)
    bare = timed(lambda: write_bare(cells), options.repeat)
    ratio = ours.best / bare.best
    rows = sum(len(results.rows) for results in all_results)
    print(
        f"Command: python -m bench.results_workbook --units {options.units} --leaves {options.leaves} "
        f"--repeat {options.repeat}"
    )
    print(f"Machine: {platform.platform()}, Python {platform.python_version()}, openpyxl {openpyxl.__version__}")
    print(
        f"Workbook: {len(all_results)} sheets, {rows:,} unit rows, {len(criteria_set.criteria)} fields "
        f"({2 * len(criteria_set.criteria) + 7} columns)"
    )
    print("| Writer | best (s) | median (s) | size (bytes) |")
    print("|---|---:|---:|---:|")
    print(f"| parindex results_workbook | {ours.best:.3f} | {ours.median:.3f} | {ours.size:,} |")
    print(f"| bare openpyxl write-only, same cells | {bare.best:.3f} | {bare.median:.3f} | {bare.size:,} |")
    verdict = "met" if ratio <= GOAL else "NOT met"
    print(f"Ratio parindex / bare (best of {options.repeat}): {ratio:.2f} × — goal ≤ {GOAL:g} ×: {verdict}.")
    return 0 if ratio <= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
