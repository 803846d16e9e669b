"""A national year scored and ranked by the engine, against a raw SQL GROUP BY + RANK() over the same numbers.

    python -m bench.engine_vs_sql [--units 4000] [--leaves 150] [--repeat 5] [--sqlite-only]

PostgreSQL is measured too when BENCH_DATABASE_URL (or DATABASE_URL) is a postgres:// URL.

The question it answers: does scoring in Python cost much more than letting the database add up stored
points? The goal is engine ≤ 2 × the SQL query. The two sides do not do the same work — the engine runs every
rule, rolls up every node, keeps "không áp dụng" out of the maxima, computes every field's index and the bands
— so the SQL side is a floor, not a rival. Both sides rank the same numbers: the SQL table holds the engine's
own per-leaf points and applicable maxima, and the run fails unless both give every unit the same rank.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from bench.national_year import Unit, national_answers, national_criteria_set, national_units
from parindex.engine import CriteriaSet, UnitScore, parse_answers, rank_group, score_units

T = TypeVar("T")
Ranks = dict[int, int | None]
ScoreRow = tuple[int, str, str, Decimal, Decimal]  # unit_id, group_code, leaf_code, points, applicable max

EXACT_PLACES = Decimal("0.0001")  # numeric(12,4): every generated leaf's points are exact at 4 decimals
TOTAL_TOLERANCE = Decimal("1e-9")  # SQLite adds binary floats; the engine adds exact decimals

# The unit's index, as the engine ranks it: points × 100 ÷ applicable maximum. Rounded at 9 places because
# SQLite adds REAL values and two equal indices can differ in the 14th digit. Rounding cannot merge distinct
# indices: leaf maxima are multiples of 0,25 and points have 4 decimals, so two different indices differ by
# at least 1/(25 × 400 × 400) = 2,5e-7; and an exact index has at most 8 decimals when its expansion ends, so
# float noise never straddles a rounding boundary at the 9th.
RANK_SQL = """
SELECT unit_id, group_code, SUM(points) AS total,
       RANK() OVER (
           PARTITION BY group_code
           ORDER BY ROUND(SUM(points) * 100.0 / NULLIF(SUM(maximum), 0), 9) DESC
       ) AS unit_rank
FROM {table}
GROUP BY unit_id, group_code
"""


class RankingMismatchError(AssertionError):
    """The engine and the SQL query ranked the same numbers differently: the comparison would be meaningless."""


# -- the workload -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Workload:
    criteria_set: CriteriaSet
    units: list[Unit]
    raw_answers: dict[int, dict[str, str]]  # text, as read from a scores file
    answers: dict[int, dict[str, Any]]  # parsed once, outside the timing

    @property
    def groups(self) -> dict[str, list[int]]:
        members: dict[str, list[int]] = {}
        for unit in self.units:
            members.setdefault(unit.group_code, []).append(unit.unit_id)
        return members

    def count_answers(self, predicate: Callable[[str], bool]) -> int:
        return sum(predicate(value) for row in self.raw_answers.values() for value in row.values())


def parse_all(criteria_set: CriteriaSet, raw_answers: Mapping[int, Mapping[str, str]]) -> dict[int, dict[str, Any]]:
    parsed = {}
    for unit_id, raw in raw_answers.items():
        answers, errors = parse_answers(criteria_set, raw)
        if errors:
            raise ValueError(f"unit {unit_id}: generated answers do not parse: {errors[:3]}")
        parsed[unit_id] = answers
    return parsed


def build_workload(units: int, leaves: int, seed: int) -> Workload:
    criteria_set = national_criteria_set(leaves, seed)
    unit_list = national_units(units, seed)
    raw = national_answers(unit_list, leaves, seed)
    return Workload(criteria_set, unit_list, raw, parse_all(criteria_set, raw))


# -- the engine side -----------------------------------------------------------------------------------------


def score_all(criteria_set: CriteriaSet, answers: Mapping[int, Mapping[str, Any]]) -> dict[int, UnitScore]:
    """Every unit in one batch, as the product scores a period (score_units: a leaf for all units at once)."""
    return dict(zip(answers, score_units(criteria_set, list(answers.values())), strict=True))


def rank_all(criteria_set: CriteriaSet, scores: Mapping[int, UnitScore], groups: Mapping[str, list[int]]) -> Ranks:
    ranks: Ranks = {}
    for members in groups.values():
        for row in rank_group(criteria_set, {unit_id: scores[unit_id] for unit_id in members}):
            ranks[row.key] = row.rank
    return ranks


def engine_from_parsed(workload: Workload) -> Ranks:
    """What is timed against SQL: every unit scored from its parsed answers, then ranked within its group."""
    return rank_all(workload.criteria_set, score_all(workload.criteria_set, workload.answers), workload.groups)


def engine_from_text(workload: Workload) -> Ranks:
    """The same, starting from the raw text answers (for information: SQL starts from stored numbers)."""
    answers = parse_all(workload.criteria_set, workload.raw_answers)
    return rank_all(workload.criteria_set, score_all(workload.criteria_set, answers), workload.groups)


def score_rows(workload: Workload, scores: Mapping[int, UnitScore]) -> list[ScoreRow]:
    """The engine's per-leaf points and applicable maxima, one row per unit and leaf, for the SQL table."""
    leaf_codes = [leaf.code for leaf in workload.criteria_set.leaves]
    rows = []
    for unit in workload.units:
        score = scores[unit.unit_id]
        for code in leaf_codes:
            node = score.node(code)
            if node.points.quantize(EXACT_PLACES) != node.points:
                raise ValueError(f"leaf {code} of unit {unit.unit_id}: {node.points} is not exact at 4 decimals")
            rows.append((unit.unit_id, unit.group_code, code, node.points, node.maximum))
    return rows


# -- the SQL side ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SqlResult:
    ranks: Ranks
    totals: dict[int, Decimal]


def read_ranking(rows: Sequence[tuple[Any, ...]]) -> SqlResult:
    return SqlResult(
        ranks={row[0]: row[3] for row in rows},
        totals={row[0]: Decimal(str(row[2])) for row in rows},
    )


@contextmanager
def sqlite_scores(rows: Sequence[ScoreRow]) -> Iterator[Callable[[], SqlResult]]:
    """A file database in a temporary directory, set up as the product's (WAL), holding the rows.

    The table is what Django makes for a model with a DecimalField: a `decimal` column (NUMERIC affinity)
    written as text, so SQLite keeps REAL values — the way the product stores points.
    """
    with tempfile.TemporaryDirectory(prefix="parindex-bench-") as directory:
        connection = sqlite3.connect(Path(directory) / "bench.sqlite3")
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.executescript(
                """
                CREATE TABLE scores (
                    id integer NOT NULL PRIMARY KEY AUTOINCREMENT,
                    unit_id integer NOT NULL,
                    group_code varchar(20) NOT NULL,
                    leaf_code varchar(20) NOT NULL,
                    points decimal NOT NULL,
                    maximum decimal NOT NULL,
                    UNIQUE (unit_id, leaf_code)
                );
                CREATE INDEX scores_group_code ON scores (group_code, unit_id);
                """
            )
            connection.executemany(
                "INSERT INTO scores (unit_id, group_code, leaf_code, points, maximum) VALUES (?, ?, ?, ?, ?)",
                [(unit, group, leaf, str(points), str(maximum)) for unit, group, leaf, points, maximum in rows],
            )
            connection.commit()
            connection.execute("ANALYZE")
            query = RANK_SQL.format(table="scores")
            yield lambda: read_ranking(connection.execute(query).fetchall())
        finally:
            connection.close()


def postgres_url() -> str | None:
    for name in ("BENCH_DATABASE_URL", "DATABASE_URL"):
        url = os.environ.get(name, "")
        if url.startswith(("postgres://", "postgresql://")):
            return url
    return None


@contextmanager
def postgres_scores(url: str, rows: Sequence[ScoreRow]) -> Iterator[tuple[str, Callable[[], SqlResult]]]:
    """The rows in a schema of their own (dropped afterwards), so a DATABASE_URL pointing at a real database
    is left as it was. Points are numeric(12,4), as the product's DecimalField maps to."""
    import psycopg

    schema = f"parindex_bench_{os.getpid()}"
    with psycopg.connect(url, autocommit=True) as connection:
        version = str(connection.execute("SHOW server_version").fetchone()[0])  # type: ignore[index]
        connection.execute(f"CREATE SCHEMA {schema}")
        try:
            connection.execute(
                f"""
                CREATE TABLE {schema}.scores (
                    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                    unit_id integer NOT NULL,
                    group_code varchar(20) NOT NULL,
                    leaf_code varchar(20) NOT NULL,
                    points numeric(12, 4) NOT NULL,
                    maximum numeric(12, 4) NOT NULL,
                    UNIQUE (unit_id, leaf_code)
                )
                """
            )
            with connection.cursor() as cursor:
                copy_sql = f"COPY {schema}.scores (unit_id, group_code, leaf_code, points, maximum) FROM STDIN"
                with cursor.copy(copy_sql) as copy:
                    for row in rows:
                        copy.write_row(row)
            connection.execute(f"CREATE INDEX ON {schema}.scores (group_code, unit_id)")
            connection.execute(f"VACUUM ANALYZE {schema}.scores")
            query = RANK_SQL.format(table=f"{schema}.scores")
            yield version, lambda: read_ranking(connection.execute(query).fetchall())
        finally:
            connection.execute(f"DROP SCHEMA {schema} CASCADE")


def check_same_ranking(engine: Ranks, sql: SqlResult, scores: Mapping[int, UnitScore], backend: str) -> None:
    """Raise unless SQL gave every unit the engine's rank and total."""
    wrong_rank = [unit for unit, rank in engine.items() if sql.ranks.get(unit) != rank]
    wrong_total = [
        unit
        for unit, score in scores.items()
        if abs(sql.totals.get(unit, Decimal(-1)) - score.points) > TOTAL_TOLERANCE
    ]
    if wrong_rank or wrong_total or len(sql.ranks) != len(engine):
        examples = [(unit, engine[unit], sql.ranks.get(unit)) for unit in wrong_rank[:5]]
        raise RankingMismatchError(
            f"{backend}: {len(wrong_rank)} ranks and {len(wrong_total)} totals differ from the engine's; "
            f"(unit, engine rank, SQL rank): {examples}"
        )


# -- timing and the report -------------------------------------------------------------------------------------


def best_of(repeat: int, run: Callable[[], T], *, warm_up: bool = True) -> tuple[float, T]:
    """The fastest of `repeat` runs (after one untimed run), and the last result."""
    result = run() if warm_up else None
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - started)
    return best, result  # type: ignore[return-value]


def best_of_interleaved(repeat: int, runs: dict[str, Callable[[], Any]]) -> dict[str, tuple[float, Any]]:
    """The fastest of `repeat` rounds for each run, the runs taking turns within every round (after one
    untimed round). On a shared machine the load comes and goes: taking turns exposes every side to the same
    moments, so a ratio is not decided by which side happened to run during a busy minute."""
    results = {name: run() for name, run in runs.items()}
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(repeat):
        for name, run in runs.items():
            started = time.perf_counter()
            results[name] = run()
            best[name] = min(best[name], time.perf_counter() - started)
    return {name: (best[name], results[name]) for name in runs}


@dataclass(frozen=True)
class Timing:
    label: str
    seconds: float
    compared_to_engine: bool  # an SQL row: show engine ÷ this


@dataclass
class Report:
    options: argparse.Namespace
    workload: Workload
    rows: int
    timings: list[Timing]
    engine_seconds: float
    checked_backends: list[str]


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def command_line(options: argparse.Namespace) -> str:
    flags = f"--units {options.units} --leaves {options.leaves} --repeat {options.repeat}"
    if options.sqlite_only:
        flags += " --sqlite-only"
    return f"python -m bench.engine_vs_sql {flags}"


def format_report(report: Report) -> str:
    goal = 2.0
    workload = report.workload
    not_applicable = workload.count_answers(lambda value: value == "KAD")
    blank = workload.count_answers(lambda value: value == "")
    lines = [
        f"Command: {command_line(report.options)}"
        + (
            "  (with BENCH_DATABASE_URL=postgresql://…)" if any("PostgreSQL" in t.label for t in report.timings) else ""
        ),
        f"Machine: Python {platform.python_version()}, {os.cpu_count()} CPUs ({cpu_model()}), "
        f"{platform.system()} {platform.release()}, SQLite {sqlite3.sqlite_version}",
        f"Workload: {len(workload.units):,} units × {len(workload.criteria_set.leaves)} leaves = {report.rows:,} rows, "
        f"{len(workload.groups)} ranking groups; answers 'không áp dụng': {not_applicable:,}, blank: {blank:,}",
        f"Timings: best of {report.options.repeat} rounds after a warm-up round, engine and SQL taking turns "
        "in every round, time.perf_counter",
        "",
        "| measured | seconds | engine ÷ this | goal ≤ 2× |",
        "|---|---:|---:|---|",
    ]
    for timing in report.timings:
        if timing.compared_to_engine:
            ratio = report.engine_seconds / timing.seconds
            lines.append(
                f"| {timing.label} | {timing.seconds:.3f} | {ratio:.2f}× | {'met' if ratio <= goal else 'MISSED'} |"
            )
        else:
            lines.append(f"| {timing.label} | {timing.seconds:.3f} | | |")
    lines += ["", f"Same ranking as the engine for every unit: {', '.join(report.checked_backends)}."]
    return "\n".join(lines)


def run_benchmark(options: argparse.Namespace) -> Report:
    workload = build_workload(options.units, options.leaves, options.seed)
    scores = score_all(workload.criteria_set, workload.answers)
    rows = score_rows(workload, scores)
    url = None if options.sqlite_only else postgres_url()
    with contextlib.ExitStack() as stack:
        runs: dict[str, Callable[[], Any]] = {"engine": lambda: engine_from_parsed(workload)}
        labels = {"engine": "engine: score_units + rank_group, from parsed answers"}
        runs["SQLite"] = stack.enter_context(sqlite_scores(rows))
        labels["SQLite"] = f"SQLite {sqlite3.sqlite_version}: GROUP BY + RANK(), fetched"
        if url is not None:
            version, runs["PostgreSQL"] = stack.enter_context(postgres_scores(url, rows))
            labels["PostgreSQL"] = f"PostgreSQL {version}: GROUP BY + RANK(), fetched"
        measured = best_of_interleaved(options.repeat, runs)
    engine_seconds, engine_ranks = measured.pop("engine")
    text_seconds, _ = best_of(options.repeat, lambda: engine_from_text(workload), warm_up=False)
    timings = [
        Timing(labels["engine"], engine_seconds, False),
        Timing("engine, including parse_answers of the raw text (information)", text_seconds, False),
    ]
    for backend, (seconds, result) in measured.items():
        check_same_ranking(engine_ranks, result, scores, backend)
        timings.append(Timing(labels[backend], seconds, True))
    return Report(options, workload, len(rows), timings, engine_seconds, list(measured))


def parse_options(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.engine_vs_sql", description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=4000, help="units in the year (default 4000)")
    parser.add_argument("--leaves", type=int, default=150, help="leaves in the criteria set (default 150)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs, the best is kept (default 5)")
    parser.add_argument("--seed", type=int, default=2025, help="seed of the generated set and answers")
    parser.add_argument("--sqlite-only", action="store_true", help="skip PostgreSQL even when a URL is set")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_options(argv)
    try:
        report = run_benchmark(options)
    except RankingMismatchError as exc:
        print(f"FAILED: {exc}", file=sys.stderr)
        return 1
    print(format_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
