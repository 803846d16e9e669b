"""The analysis pages: what Sở Nội vụ, the council and the administrator see; every other role is refused."""

import pytest

from parindex.accounts.models import Role
from tests.factories import UserFactory


def group_url(scenario):
    return f"/phan-tich/{scenario.period.pk}/{scenario.group.code}/"


@pytest.mark.parametrize("role", [Role.ORGANIZER, Role.COUNCIL, Role.ADMIN])
def test_those_who_see_every_unit_read_the_groups_analysis(client, approved, role):
    client.force_login(UserFactory.create(role=role))
    response = client.get(group_url(approved))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="analysis-data"' in page  # the charts' data, for static/parindex/js/analysis.js
    for chart in ("histogram", "bands", "heatmap", "weakest", "gaps", "trend"):
        assert f'data-chart="{chart}"' in page
    assert "83,25" in page  # the group's average as the council's table shows it
    assert "93,89" in page
    assert "76,11" in page
    assert "Chỉ số CCHC trung bình của nhóm đạt 83,25%" in page  # the generated summary


@pytest.mark.parametrize("role", [Role.UNIT_OFFICER, Role.UNIT_HEAD, Role.APPRAISER, ""])
def test_every_other_role_is_refused_even_once_published(client, published, role):
    client.force_login(UserFactory.create(role=role, unit=published.units["a"] if role.startswith("unit") else None))
    assert client.get(group_url(published)).status_code == 403
    assert client.get(f"/phan-tich/don-vi/{published.assessment('a').pk}/").status_code == 403
    assert client.get("/phan-tich/").status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client, approved):
    response = client.get(group_url(approved))
    assert response.status_code == 302
    assert response["Location"].startswith("/dang-nhap/")


def test_a_group_or_unit_that_does_not_exist_is_not_found(client, approved, council):
    client.force_login(council)
    assert client.get(f"/phan-tich/{approved.period.pk}/khong-co/").status_code == 404
    assert client.get("/phan-tich/don-vi/987654/").status_code == 404


def test_the_index_lists_each_period_and_group(client, approved, council):
    client.force_login(council)
    page = client.get("/phan-tich/").content.decode()
    assert group_url(approved) in page


def test_a_unit_against_its_group_average(client, approved, council):
    client.force_login(council)
    response = client.get(f"/phan-tich/don-vi/{approved.assessment('b').pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-chart="radar"' in page
    assert 'data-chart="unit_trend"' in page
    assert "76,11" in page  # Sở Y tế's index
    assert "68,75" in page
    assert "89,06" in page
    assert "1,50" in page  # it scored itself 1,5 points above the appraisal in field 1


def test_a_unit_not_appraised_yet_has_no_figures(client, scenario, council):
    client.force_login(council)
    response = client.get(f"/phan-tich/don-vi/{scenario.assessment('a').pk}/")
    assert response.status_code == 200
    assert 'data-testid="no-figures"' in response.content.decode()


def test_the_council_results_page_links_to_the_analysis(client, approved, council):
    client.force_login(council)
    page = client.get(approved.results_url).content.decode()
    assert f'href="{group_url(approved)}"' in page


def test_the_home_page_offers_the_analysis(client, council, organizer):
    for user in (council, organizer):
        client.force_login(user)
        assert 'href="/phan-tich/"' in client.get("/").content.decode()
