"""A unit's scorecard: per leaf the self-assessment, round 1, the final answer (round 2 where present), the
points lost and why, and the evidence cited, listed and linked only for those who may read it."""

from decimal import Decimal

import pytest

from parindex.results.scorecard import unit_scorecard
from tests.results.evidence import cited


def _rows(scorecard):
    return {line.row.node.code: line for line in scorecard.rows}


def test_round_1_is_shown_beside_the_final_round_2(appraised, organizer):
    rows = _rows(unit_scorecard(appraised.assessment("b"), user=organizer))

    explained = rows["1.2"]
    assert (explained.round1_raw, explained.round1_points) == ("30/40", 0)
    assert explained.round1_note == "Báo cáo chỉ chứng minh 30 nhiệm vụ"
    assert explained.changed_in_round2
    assert (explained.row.final_raw, explained.row.final_points, explained.row.final_round) == (
        "36/40",
        Decimal("1.5"),
        2,
    )
    accepted = rows["1.1"]
    assert (accepted.round1_raw, accepted.round1_points, accepted.changed_in_round2) == ("Có", 2, False)


def test_the_page_shows_the_four_steps_of_a_leaf(client, organizer, appraised):
    client.force_login(organizer)
    page = client.get(appraised.detail_url("b")).content.decode()

    assert 'data-testid="round1">30/40 → 0' in page
    assert "thẩm định lần 2" in page
    assert "Đạt 90% (36/40): mức từ 80% → 1,5 điểm" in page


@pytest.mark.parametrize("who", ["organizer", "council", "officer_a", "head_a"])
def test_who_may_read_the_units_evidence_sees_each_citation_linked(client, request, appraised, officer_a, who):
    document = cited(appraised.assessment("a"), officer_a, "1.1")
    client.force_login(request.getfixturevalue(who))

    page = client.get(appraised.detail_url("a")).content.decode()

    assert f'<a href="/tai-lieu/{document.pk}/tai-ve/">12/KH-STP</a>, trang 3' in page
    assert "Kế hoạch cải cách hành chính năm 2025" in page


@pytest.mark.parametrize("who", ["officer_b", "head_b", "appraiser"])
def test_after_publication_others_see_the_result_but_not_the_documents(client, request, published, officer_a, who):
    document = cited(published.assessment("a"), officer_a, "1.1")
    client.force_login(request.getfixturevalue(who))

    response = client.get(published.detail_url("a"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "12/KH-STP" not in page
    assert f"/tai-lieu/{document.pk}/" not in page
    assert client.get(f"/tai-lieu/{document.pk}/tai-ve/").status_code == 404


def test_an_assigned_appraiser_sees_the_citations(client, published, officer_a, appraiser):
    from parindex.appraisals.services import assignment_create

    assignment_create(actor=published.organizer, period=published.period, appraiser=appraiser, field_code="1")
    cited(published.assessment("a"), officer_a, "1.1")
    client.force_login(appraiser)

    assert "12/KH-STP" in client.get(published.detail_url("a")).content.decode()


def test_a_supplementary_document_from_the_explanation_is_marked(client, organizer, appraised, officer_b):
    cited(appraised.assessment("b"), officer_b, "1.2", number="7/BC-SYT", locator="mục II", stage="explanation")
    client.force_login(organizer)

    page = client.get(appraised.detail_url("b")).content.decode()

    assert "7/BC-SYT</a>, mục II <span" in page
    assert "bổ sung" in page
