"""The benchmarks still run: tiny sizes, one repeat, SQLite only (no PostgreSQL needed, no Django).

Their timings are not checked here (bench/RESULTS.md holds those); what is checked is that each completes
and that the engine and SQL still rank the same numbers the same way, so a figure in RESULTS.md keeps meaning
what it says.
"""

from __future__ import annotations

import pytest

from bench import engine_vs_sql
from bench.engine_vs_sql import RankingMismatchError, SqlResult, check_same_ranking, engine_from_parsed, score_all
from bench.run_all import benchmarks

TINY = ["--units", "20", "--leaves", "30", "--repeat", "1", "--sqlite-only"]


def test_engine_vs_sql_completes_with_the_same_ranking_on_both_sides(capsys: pytest.CaptureFixture[str]) -> None:
    assert engine_vs_sql.main(TINY) == 0
    output = capsys.readouterr().out
    assert "Same ranking as the engine for every unit: SQLite." in output
    assert "| SQLite " in output
    assert "python -m bench.engine_vs_sql --units 20 --leaves 30 --repeat 1 --sqlite-only" in output


def test_the_ranking_check_catches_a_different_order() -> None:
    workload = engine_vs_sql.build_workload(units=20, leaves=30, seed=1)
    scores = score_all(workload.criteria_set, workload.answers)
    ranks = engine_from_parsed(workload)
    totals = {unit: score.points for unit, score in scores.items()}
    check_same_ranking(ranks, SqlResult(dict(ranks), totals), scores, "SQLite")  # the same: passes

    first, second = sorted(ranks, key=lambda unit: (ranks[unit] is None, ranks[unit]))[:2]
    swapped = {**ranks, first: ranks[second], second: ranks[first]}
    if swapped == ranks:  # a tie: shift one rank instead
        swapped = {**ranks, first: (ranks[first] or 0) + 1}
    with pytest.raises(RankingMismatchError):
        check_same_ranking(ranks, SqlResult(swapped, totals), scores, "SQLite")


def test_run_all_finds_the_engine_vs_sql_benchmark() -> None:
    assert "engine_vs_sql" in dict(benchmarks())
