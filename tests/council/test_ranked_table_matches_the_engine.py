"""Before approval the table is live: the engine's figures over the final answers of the units whose
appraisal is done. They must equal what the engine gives on the same answers, computed here independently."""

from decimal import Decimal

from parindex.council.selectors import group_results
from parindex.vn import sort_key
from tests.council.scenario import FINAL, NAMES, expected_ranking

NO_LAST_YEAR = "— (Năm trước đơn vị không có kết quả đã công bố)"


def test_final_answers_in_the_database_are_the_scenarios(appraised):
    for key, answers in FINAL.items():
        assert appraised.final_answers_in_db(key) == answers


def test_live_figures_equal_the_engines_on_the_same_answers(appraised):
    results = group_results(appraised.period, appraised.group)
    expected = expected_ranking(appraised.criteria_set)

    assert not results.frozen
    assert [row.unit_name for row in results.rows] == [row.key for row in expected]
    for row, want in zip(results.rows, expected, strict=True):
        assert (row.rank, row.points, row.maximum, row.index, row.band) == (
            want.rank,
            want.score.points,
            want.score.maximum,
            want.score.index,
            want.band,
        )
        assert {code: component.index for code, component in row.components.items()} == {
            code: node.index for code, node in want.score.field_scores().items()
        }


def test_the_scenario_gives_the_figures_worked_out_by_hand(appraised):
    rows = group_results(appraised.period, appraised.group).rows

    assert [(row.unit_name, row.rank, row.points, row.maximum, row.band) for row in rows] == [
        ("Sở Tư pháp", 1, Decimal("16.9"), 18, "Tốt"),
        ("Sở Đối ngoại", 2, Decimal("16.3"), 20, "Khá"),
        ("Sở Giáo dục và Đào tạo", 2, Decimal("16.3"), 20, "Khá"),
        ("Sở Y tế", 4, Decimal("13.7"), 18, "Trung bình"),
    ]
    assert rows[0].index == Decimal("16.9") * 100 / 18


def test_ties_share_a_rank_and_are_listed_in_vietnamese_order(appraised):
    rows = group_results(appraised.period, appraised.group).rows

    assert [row.rank for row in rows] == [1, 2, 2, 4]
    assert [row.tied for row in rows] == [False, True, True, False]
    tied = [row.unit_name for row in rows if row.tied]
    assert tied == sorted(tied, key=sort_key) == [NAMES["d"], NAMES["c"]]
    assert sorted(tied) != tied  # code-point order would put Đ after G: the collation is what decides


def test_the_page_shows_the_figures_rounded_as_the_set_says(client, organizer, appraised):
    client.force_login(organizer)
    page = client.get(appraised.results_url).content.decode()

    # rank, unit, points, maximum, index, change against last year (none: no earlier year), field 1, field 2, band
    none = NO_LAST_YEAR
    assert _cells(page, "row-1") == ["1", "Sở Tư pháp", "16,90", "18,00", "93,89", none, "97,50", "91,00", "Tốt"]
    assert _cells(page, "row-2") == [
        "2 đồng hạng",
        "Sở Đối ngoại",
        "16,30",
        "20,00",
        "81,50",
        none,
        "95,00",
        "68,00",
        "Khá",
    ]
    assert _cells(page, "row-3") == [
        "2 đồng hạng",
        "Sở Giáo dục và Đào tạo",
        "16,30",
        "20,00",
        "81,50",
        none,
        "95,00",
        "68,00",
        "Khá",
    ]
    assert _cells(page, "row-4") == ["4", "Sở Y tế", "13,70", "18,00", "76,11", none, "68,75", "82,00", "Trung bình"]


def test_the_group_averages_are_the_engines(appraised, client, organizer):
    from parindex.engine import group_average

    results = group_results(appraised.period, appraised.group)
    expected = group_average(row.score for row in expected_ranking(appraised.criteria_set))

    assert results.averages is not None
    assert (results.averages.index, results.averages.points, results.averages.fields) == (
        expected.index,
        expected.points,
        expected.fields,
    )
    client.force_login(organizer)
    page = client.get(appraised.results_url).content.decode()
    # (93,888… + 81,5 + 81,5 + 76,111…) ÷ 4 = 83,25; points 63,2 ÷ 4; field 1 356,25 ÷ 4; field 2 309 ÷ 4
    assert _cells(page, "averages")[1:] == ["15,80", "", "83,25", "", "89,06", "77,25", ""]


def _cells(page, testid):
    import re

    from django.utils.html import strip_tags

    row = re.search(rf'data-testid="{testid}">(.*?)</tr>', page, re.S)
    assert row, testid
    cells = re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row.group(1), re.S)
    return [" ".join(strip_tags(cell).split()) for cell in cells][: 9 if testid != "averages" else 8]
