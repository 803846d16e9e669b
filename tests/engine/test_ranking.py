from decimal import Decimal

from parindex.engine import Band, Rounding, band_for, competition_ranks, group_average, rank_group
from tests.engine.builders import TWO_FIELDS, make_set, score

D = Decimal


def test_equal_values_share_a_rank_and_the_next_rank_skips():
    ranks = competition_ranks({"A": D(90), "B": D(85), "C": D(85), "D": D(80)})
    assert ranks == {"A": 1, "B": 2, "C": 2, "D": 4}


def test_ranks_compare_full_precision_not_the_rounded_display():
    # Both show as 86,92 with 2 places; the one ahead by a hair ranks first.
    ranks = competition_ranks({"A": D("86.9249"), "B": D("86.9250"), "C": D("86.92")})
    assert ranks == {"B": 1, "A": 2, "C": 3}


def test_equal_ratios_reached_from_different_numbers_tie():
    # 50 of 60 and 25 of 30 are the same index at full precision: đồng hạng.
    a = D(50) * 100 / D(60)
    b = D(25) * 100 / D(30)
    assert competition_ranks({"A": a, "B": b}) == {"A": 1, "B": 1}


def test_a_unit_without_an_index_gets_no_rank():
    assert competition_ranks({"A": D(50), "B": None}) == {"A": 1, "B": None}


BANDS = (Band("Tốt", D(90)), Band("Khá", D(80)), Band("Trung bình", D(65)), Band("Yếu", D(0)))


def test_bands_take_the_first_threshold_reached():
    rounding = Rounding(2, "half_up")
    assert [band_for(D(value), BANDS, rounding) for value in ("95", "90", "89.99", "65", "10")] == [
        "Tốt",
        "Tốt",
        "Khá",
        "Trung bình",
        "Yếu",
    ]


def test_bands_follow_the_index_as_published():
    # 89,996 is published as 90,00 with half-up rounding (Tốt) but as 89,99 when the set truncates (Khá).
    assert band_for(D("89.996"), BANDS, Rounding(2, "half_up")) == "Tốt"
    assert band_for(D("89.996"), BANDS, Rounding(2, "truncate")) == "Khá"


def test_no_band_below_the_lowest_threshold_or_without_an_index():
    bands = (Band("Nhóm I", D(80)),)
    assert band_for(D(79), bands, Rounding()) is None
    assert band_for(None, bands, Rounding()) is None


def test_rank_group_orders_units_and_attaches_rank_and_band():
    criteria_set = make_set(TWO_FIELDS)
    full = {"1.1.1": "Có", "1.1.2": "4/4", "1.2.1": "100", "1.2.2": "3", "2.1": "4", "2.2": "0"}
    scores = {
        "Sở Tư pháp": score(criteria_set, {**full, "2.2": "2"}),  # 19/20 = 95
        "Sở Y tế": score(criteria_set, full),  # 20/20 = 100
        "Sở Nội vụ": score(criteria_set, {**full, "2.2": "2"}),  # 95, tied
        "Sở Xây dựng": score(criteria_set, {**full, "1.1.1": "Không", "2.1": "1"}),  # 15/20 = 75
    }
    rows = rank_group(criteria_set, scores)
    assert [(row.key, row.rank, row.band) for row in rows] == [
        ("Sở Y tế", 1, "Tốt"),
        ("Sở Tư pháp", 2, "Tốt"),
        ("Sở Nội vụ", 2, "Tốt"),
        ("Sở Xây dựng", 4, "Trung bình"),
    ]


def test_group_average_is_the_mean_of_indices_points_and_field_indices():
    criteria_set = make_set(TWO_FIELDS)
    full = {"1.1.1": "Có", "1.1.2": "4/4", "1.2.1": "100", "1.2.2": "3", "2.1": "4", "2.2": "0"}
    a = score(criteria_set, full)  # 100; fields 100, 100
    b = score(criteria_set, {**full, "1.1.1": "Không", "2.1": "1", "2.2": "KAD"})  # 5/14... see below
    # b: field 1 = 8/10, field 2 = 1/4 → points 9, maximum 14
    assert (b.points, b.maximum) == (D(9), D(14))
    average = group_average([a, b])
    assert average.units == 2
    assert average.points == D("14.5")
    assert average.index == (D(100) + D(900) / D(14)) / 2
    assert average.fields == {"1": D(90), "2": D("62.5")}


def test_the_average_of_an_empty_group_is_none():
    average = group_average([])
    assert (average.units, average.index, average.points) == (0, None, None)
