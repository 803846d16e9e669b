"""Each unit's detailed scoring sheet: per leaf the unit's own answer and points, round 1, the final answer
and points, the points lost and the note — the engine's figures on the scenario's answers, computed here
without parindex.council; and who may download it."""

from decimal import Decimal

import pytest

from parindex.engine import parse_answers, score_units
from parindex.reports import unit_sheet
from parindex.reports.unit_sheet import (
    CODE,
    FINAL_POINTS,
    FINAL_RAW,
    HEADER_ROW,
    LOST,
    MAXIMUM,
    NOTE,
    R1_POINTS,
    R1_RAW,
    SELF_POINTS,
    SELF_RAW,
)
from tests.council.scenario import EXTERNAL, FINAL, ROUND_1_FLAGGED, SELF
from tests.reports.helpers import number, open_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _url(scenario, key):
    return f"/bao-cao/don-vi/{scenario.assessment(key).pk}/bang-diem.xlsx"


def _score(criteria_set, answers):
    (score,) = score_units(criteria_set, [parse_answers(criteria_set, answers)[0]])
    return score


def _rows_by_code(sheet):
    rows = {}
    for line in range(HEADER_ROW + 1, sheet.max_row + 1):
        code = sheet.cell(line, CODE).value
        if code:
            rows[str(code)] = {column: sheet.cell(line, column).value for column in range(1, NOTE + 1)}
    return rows


def _labels(sheet):
    return {sheet.cell(line, 2).value: sheet.cell(line, FINAL_POINTS).value for line in range(1, sheet.max_row + 1)}


@pytest.mark.parametrize("key", ["a", "b"])
def test_every_leaf_holds_the_engines_points_for_each_stage(appraised, client, organizer, key):
    criteria_set = appraised.criteria_set
    rounding = criteria_set.rounding
    own = _score(criteria_set, SELF[key])
    first = _score(criteria_set, {**SELF[key], **EXTERNAL[key], **ROUND_1_FLAGGED.get(key, {})})
    final = _score(criteria_set, FINAL[key])
    client.force_login(organizer)
    response = client.get(_url(appraised, key))
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    sheet = open_workbook(response.content)[unit_sheet.SHEET_TITLE]
    rows = _rows_by_code(sheet)

    for leaf in criteria_set.leaves:
        row = rows[leaf.code]
        node = final.node(leaf.code)
        assert number(row[MAXIMUM]) == rounding.apply(node.maximum)
        if node.not_applicable:
            assert row[FINAL_POINTS] is None
            assert row[FINAL_RAW] == "Không áp dụng"
            continue
        assert number(row[FINAL_POINTS]) == rounding.apply(node.points)
        assert number(row[LOST]) == rounding.apply(node.lost)
        assert row[FINAL_RAW] == FINAL[key][leaf.code]
        assert number(row[R1_POINTS]) == rounding.apply(first.node(leaf.code).points)
        if leaf.code in SELF[key]:
            assert row[SELF_RAW] == SELF[key][leaf.code]
            assert number(row[SELF_POINTS]) == rounding.apply(own.node(leaf.code).points)
    labels = _labels(sheet)
    assert number(labels["Tổng điểm cuối cùng"]) == rounding.apply(final.points)
    assert number(labels["Chỉ số (%)"]) == rounding.apply(final.index)
    assert number(labels["Tổng điểm tự chấm"]) == rounding.apply(own.points)


def test_round_one_and_the_final_answer_differ_where_round_two_changed_it(appraised, client, organizer):
    client.force_login(organizer)
    sheet = open_workbook(client.get(_url(appraised, "b")).content)[unit_sheet.SHEET_TITLE]
    row = _rows_by_code(sheet)["1.2"]
    assert (row[SELF_RAW], row[R1_RAW], row[FINAL_RAW]) == (SELF["b"]["1.2"], "30/40", "36/40")
    assert number(row[R1_POINTS]) == Decimal("0.00")
    assert "Ghi chú thẩm định lần 1: Báo cáo chỉ chứng minh 30 nhiệm vụ" not in (row[NOTE] or "")
    assert row[NOTE]  # the engine's explanation of the final answer


def test_the_unit_gets_its_own_sheet_once_appraised_without_the_rank_before_publication(appraised, client):
    _officer, head = appraised.people["a"]
    client.force_login(head)
    response = client.get(_url(appraised, "a"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    labels = _labels(open_workbook(response.content)[unit_sheet.SHEET_TITLE])
    assert "Xếp hạng trong nhóm" not in labels
    assert number(labels["Chỉ số (%)"]) == Decimal("93.89")


def test_after_publication_the_unit_sees_its_rank_in_the_sheet(published, client):
    _, head = published.people["a"]
    client.force_login(head)
    labels = _labels(open_workbook(client.get(_url(published, "a")).content)[unit_sheet.SHEET_TITLE])
    assert labels["Xếp hạng trong nhóm"] == 1
    assert labels["Xếp loại"] == "Tốt"


def test_a_unit_before_its_appraisal_is_done_gets_not_found(scenario, client):
    officer, _ = scenario.people["a"]
    client.force_login(officer)
    assert client.get(_url(scenario, "a")).status_code == 404


def test_another_units_sheet_is_not_found_even_once_published(published, client):
    officer, _ = published.people["a"]
    client.force_login(officer)
    assert client.get(_url(published, "b")).status_code == 404


def test_appraisers_are_refused_and_anonymous_visitors_sent_to_sign_in(appraised, client, appraiser):
    url = _url(appraised, "a")
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/dang-nhap/")
    client.force_login(appraiser)
    assert client.get(url).status_code == 403


def test_the_council_gets_any_units_sheet(appraised, client, council):
    client.force_login(council)
    assert client.get(_url(appraised, "b")).status_code == 200


def test_the_sheet_takes_few_queries_whatever_the_sets_size(
    appraised, client, organizer, django_assert_max_num_queries
):
    client.force_login(organizer)
    with django_assert_max_num_queries(14):
        assert client.get(_url(appraised, "b")).status_code == 200
