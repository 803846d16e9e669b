from decimal import Decimal
from typing import Any

from parindex.engine import leaf_statistics
from tests.engine.builders import TWO_FIELDS, make_set, score

D = Decimal

FULL = {"1.1.1": "Có", "1.1.2": "4/4", "1.2.1": "100", "1.2.2": "3", "2.1": "4", "2.2": "0"}


def test_it_finds_where_the_province_loses_points():
    criteria_set = make_set(TWO_FIELDS)
    final = {
        "Xã A": score(criteria_set, {**FULL, "2.1": "1"}),  # loses 3 on 2.1
        "Xã B": score(criteria_set, {**FULL, "2.1": "2", "1.1.1": "Không"}),  # loses 2 on 2.1, 2 on 1.1.1
        "Xã C": score(criteria_set, {**FULL, "2.2": "KAD"}),  # loses nothing; 2.2 not applicable
    }
    stats = {row.code: row for row in leaf_statistics(criteria_set, final)}
    assert (stats["2.1"].points_lost, stats["2.1"].units_losing) == (D(5), ("Xã A", "Xã B"))
    assert (stats["1.1.1"].points_lost, stats["1.1.1"].units_losing_count) == (D(2), 1)
    assert stats["2.2"].units_applicable == 2
    assert stats["2.1"].average_points == D(7) / D(3)
    ordered = [row.code for row in leaf_statistics(criteria_set, final)]
    assert ordered[:2] == ["2.1", "1.1.1"]  # most points lost first
    assert ordered[2:] == ["1.1.2", "1.2.1", "1.2.2", "2.2"]  # then the set's order


def test_a_missing_answer_counts_as_points_lost():
    criteria_set = make_set(TWO_FIELDS)
    stats: dict[str, Any] = {
        row.code: row for row in leaf_statistics(criteria_set, {"Xã A": score(criteria_set, {**FULL, "2.1": ""})})
    }
    assert stats["2.1"].points_lost == D(4)


def test_the_self_assessment_gap_is_averaged_over_units_having_both():
    criteria_set = make_set(TWO_FIELDS)
    self_scores = {
        "Xã A": score(criteria_set, FULL),  # claims 4 on 2.1
        "Xã B": score(criteria_set, FULL),  # claims 4 on 2.1
    }
    appraised = {
        "Xã A": score(criteria_set, {**FULL, "2.1": "1"}),  # appraised 1 → gap 3
        "Xã B": score(criteria_set, {**FULL, "2.1": "3"}),  # appraised 3 → gap 1
        "Xã C": score(criteria_set, FULL),  # no self-assessment: not in the average
    }
    stats: dict[str, Any] = {row.code: row for row in leaf_statistics(criteria_set, appraised, self_scores)}
    assert stats["2.1"].average_self_gap == D(2)
    assert stats["1.1.1"].average_self_gap == D(0)


def test_no_units_give_no_averages():
    stats: list[Any] = leaf_statistics(make_set(TWO_FIELDS), {})
    assert all(row.average_points is None and row.points_lost == 0 for row in stats)
