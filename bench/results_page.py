"""The ranked table page for a national-size group: how long it takes to build and render, live (the engine
over every unit's final answers) and from the approved snapshot, with the change against last year, and how
many queries it costs.

    python -m bench.results_page                       # 4,000 units × 80 leaves, best of 3
    python -m bench.results_page --units 4000 --leaves 150 --repeat 5

The figures come from a child process on a new SQLite file in a temporary directory (the settings' WAL and
IMMEDIATE), so the benchmark never touches the developer's database: `main` starts
`python -m bench.results_page --child …` with that environment (the same one bench/autosave_load.py uses:
DEBUG off, mail nowhere). Django is imported only in the child: bench.run_all imports every module of bench/.

The data: one group of `--units` communes, a criteria set from bench/national_year.py (every rule type) for
2024 and 2025, each unit's answers written straight as the final (round 1) answers of both years, 2024
approved and published through the council's services (so every row of 2025 has a change against last year).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

YEARS = (2024, 2025)


def parse_options(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.results_page", description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=4000)
    parser.add_argument("--leaves", type=int, default=80)
    parser.add_argument("--repeat", type=int, default=3, help="each figure is the best of this many runs")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_options(argv)
    if options.child:
        return child(options)
    from bench.autosave_load import base_environment

    with tempfile.TemporaryDirectory(prefix="parindex-results-bench-") as directory:
        (Path(directory) / "static").mkdir()  # STATIC_ROOT: whitenoise warns when it is missing
        environment = base_environment(Path(directory), {"DATABASE_URL": f"sqlite:///{directory}/results.sqlite3"})
        arguments = ["--units", str(options.units), "--leaves", str(options.leaves), "--repeat", str(options.repeat)]
        command = [sys.executable, "-m", "bench.results_page", "--child", *arguments]
        return subprocess.run(command, env=environment, cwd=Path(__file__).parents[1], check=False).returncode


# -- the child: build the data, then measure ------------------------------------------------------------------


def _timed(step: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    value = step()
    return time.perf_counter() - started, value


def _best(repeat: int, step: Callable[[], Any]) -> tuple[float, Any]:
    runs = [_timed(step) for _ in range(repeat)]
    return min(seconds for seconds, _ in runs), runs[-1][1]


def _build(options: argparse.Namespace) -> dict[str, Any]:
    from datetime import date, timedelta

    from django.core.management import call_command
    from django.utils import timezone

    from bench.national_year import criteria_set_yaml, national_answers, national_units
    from parindex.accounts.models import Role
    from parindex.accounts.services import user_create
    from parindex.assessments.models import Answer, Assessment, Stage, State
    from parindex.council.services import approval_record, results_publish
    from parindex.criteria.services import criteria_set_issue, criteria_set_upload
    from parindex.organization.models import Unit
    from parindex.organization.services import unit_group_create
    from parindex.periods.models import Phase
    from parindex.periods.services import period_add_units, period_create

    call_command("migrate", verbosity=0, interactive=False)
    organizer = user_create(actor=None, username="sonoivu", password="parindex-bench-2025", role=Role.ORGANIZER)
    group = unit_group_create(actor=None, code="xa", name="UBND cấp xã, phường, đặc khu (toàn quốc)", ordering=1)
    units = Unit.objects.bulk_create(
        Unit(code=f"X{number:05d}", name=f"Xã Thử Tải {number}", group=group, active_from=date(2020, 1, 1))
        for number in range(1, options.units + 1)
    )
    text = criteria_set_yaml(options.leaves)
    answers = national_answers(national_units(options.units), options.leaves)
    periods = {}
    for year in YEARS:
        content = text.replace("year: 2025", f"year: {year}").encode()
        version = criteria_set_upload(actor=organizer, filename=f"{year}.yaml", content=content)
        version = criteria_set_issue(actor=organizer, version=version)
        deadlines = {phase: timezone.now() + timedelta(days=10 * n) for n, phase in enumerate(Phase.values, 1)}
        period = period_create(
            actor=organizer, year=year, name=f"Năm {year}", criteria_sets={group: version}, deadlines=deadlines
        )
        period_add_units(actor=organizer, period=period, units=units)
        # The set's own seed gives the answers; 2024 hands each unit another unit's 2025 answers, so that
        # the changes against last year go both ways.
        shift = 2025 - year
        by_unit = {unit.pk: answers[(position + 7 * shift) % len(units) + 1] for position, unit in enumerate(units)}
        rows = (
            Answer(assessment=assessment, code=code, stage=Stage.APPRAISAL_1, raw=raw, updated_by=organizer)
            for assessment in Assessment.objects.filter(period=period)
            for code, raw in by_unit[assessment.unit_id].items()
        )
        Answer.objects.bulk_create(rows, batch_size=5000)
        Assessment.objects.filter(period=period).update(state=State.APPRAISED)
        periods[year] = period
    approval_record(
        actor=organizer, period=periods[2024], group=group, decision_number="1/QĐ", decision_date=date(2025, 1, 20)
    )
    results_publish(actor=organizer, period=periods[2024], group=group)
    return {"organizer": organizer, "group": group, "period": periods[2025]}


def _measure(options: argparse.Namespace, world: dict[str, Any], label: str) -> dict[str, Any]:
    from django.db import connection
    from django.template.loader import render_to_string
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from parindex.council.selectors import group_results
    from parindex.results.selectors import ranked_table

    period, group = world["period"], world["group"]

    council_seconds, results = _best(options.repeat, lambda: group_results(period, group))
    changes_seconds, table = _best(options.repeat, lambda: ranked_table(results))
    context = {"results": results, "table": table, "bands": [], "privileged": True, "comments": [], "history": []}
    render_seconds, html = _best(options.repeat, lambda: render_to_string("council/results.html", context))
    client = Client()
    client.force_login(world["organizer"])
    url = f"/hoi-dong/{period.pk}/{group.code}/"

    def request() -> Any:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, HTTP_HOST="127.0.0.1")
        assert response.status_code == 200, response.status_code
        return len(queries), len(response.content)

    page_seconds, (query_count, size) = _best(options.repeat, request)
    compared = sum(1 for row in table if row.change.delta is not None)
    return {
        "label": label,
        "rows": len(table),
        "compared": compared,
        "council": council_seconds,
        "changes": changes_seconds,
        "render": render_seconds,
        "page": page_seconds,
        "queries": query_count,
        "kib": size / 1024,
        "template_kib": len(html) / 1024,
    }


def child(options: argparse.Namespace) -> int:
    from datetime import date

    import django

    django.setup()
    import platform

    from bench.engine_vs_sql import cpu_model

    print(
        f"Command: python -m bench.results_page --units {options.units} --leaves {options.leaves} "
        f"--repeat {options.repeat}"
    )
    print(
        f"Machine: Python {platform.python_version()}, {os.cpu_count()} CPUs ({cpu_model()}), "
        f"{platform.system()} {platform.release()}, load average {os.getloadavg()[0]:.1f} at the start"
    )
    seconds, world = _timed(lambda: _build(options))
    print(
        f"Data: 1 group of {options.units:,} units × {options.leaves} leaves, 2024 published, 2025 appraised "
        f"(built in {seconds:.0f} s, not measured)"
    )
    from parindex.council.services import approval_record

    measured = [_measure(options, world, "live (engine)")]
    approve_seconds, _ = _timed(
        lambda: approval_record(
            actor=world["organizer"],
            period=world["period"],
            group=world["group"],
            decision_number="2/QĐ",
            decision_date=date(2026, 1, 20),
        )
    )
    measured.append(_measure(options, world, "from the snapshot"))
    print(
        f"Timings: best of {options.repeat}, time.perf_counter; approval (snapshot of {options.units:,} units) "
        f"took {approve_seconds:.2f} s once"
    )
    print()
    print(
        "| ranked table | rows | with a change | group_results s | ranked_table (change, name order) s "
        "| render (template) s | whole request s | queries | page KiB |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in measured:
        print(
            f"| {row['label']} | {row['rows']:,} | {row['compared']:,} | {row['council']:.2f} | {row['changes']:.2f} "
            f"| {row['render']:.2f} | {row['page']:.2f} | {row['queries']} | {row['kib']:,.0f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
