"""A unit's detail: its own people once its appraisal is done; another unit's people (and appraisers) only
once published; Sở Nội vụ, the council and the administrator always. Otherwise "not found", never a hint."""

import pytest
from django.urls import reverse

from parindex.assessments.models import State
from parindex.council.selectors import result_assessments_visible_to


def test_the_units_own_people_see_its_detail_only_once_its_appraisal_is_done(client, scenario, officer_a, head_a):
    for person in (officer_a, head_a):
        client.force_login(person)
        assert client.get(scenario.detail_url("a")).status_code == 404

    scenario.appraise("a")

    for person in (officer_a, head_a):
        client.force_login(person)
        page = client.get(scenario.detail_url("a"))
        assert page.status_code == 200
        assert 'data-testid="provisional"' in page.content.decode()


def test_while_waiting_for_its_explanation_the_unit_does_not_see_a_final_result(scenario, officer_b):
    from parindex.appraisals.services import appraisal_accept, appraisal_close_round, appraisal_save

    assessment = scenario.assessment("b")
    for code in ("1.1", "1.3", "1.4", "2.1"):
        appraisal_accept(actor=scenario.organizer, assessment=assessment, code=code)
    appraisal_save(
        actor=scenario.organizer,
        assessment=assessment,
        code="1.2",
        raw="30/40",
        note="",
        expected_version=None,
        explanation_requested=True,
    )
    appraisal_close_round(actor=scenario.organizer, assessment=assessment)
    assert scenario.assessment("b").state == State.EXPLANATION_REQUESTED

    assert not result_assessments_visible_to(officer_b).filter(pk=assessment.pk).exists()


@pytest.mark.parametrize("who", ["officer_b", "head_b", "appraiser"])
@pytest.mark.parametrize("phase", ["appraised", "approved"])
def test_another_unit_or_an_appraiser_gets_not_found_before_publication(client, request, who, phase):
    built = request.getfixturevalue(phase)
    client.force_login(request.getfixturevalue(who))

    response = client.get(built.detail_url("a"))

    assert response.status_code == 404
    assert "Sở Tư pháp" not in response.content.decode()


@pytest.mark.parametrize("who", ["officer_b", "head_b", "appraiser", "officer_a"])
def test_after_publication_every_role_sees_each_units_published_result(client, request, published, who):
    client.force_login(request.getfixturevalue(who))

    page = client.get(published.detail_url("a"))

    assert page.status_code == 200
    text = page.content.decode()
    assert 'data-testid="index">93,89<' in text
    assert 'data-testid="frozen"' in text


@pytest.mark.parametrize("who", ["organizer", "council", "admin_user"])
def test_organizer_council_and_admin_see_every_detail_at_any_time(client, request, scenario, who):
    client.force_login(request.getfixturevalue(who))

    assert client.get(scenario.detail_url("b")).status_code == 200


def test_the_selector_never_lets_a_unit_see_another_units_unpublished_result(approved, officer_b, officer_a):
    visible_to_b = set(result_assessments_visible_to(officer_b).values_list("unit__name", flat=True))
    visible_to_a = set(result_assessments_visible_to(officer_a).values_list("unit__name", flat=True))

    assert visible_to_b == {"Sở Y tế"}
    assert visible_to_a == {"Sở Tư pháp"}


def test_anonymous_and_roleless_users_see_nothing(approved, no_role_user):
    from django.contrib.auth.models import AnonymousUser

    assert not result_assessments_visible_to(AnonymousUser()).exists()
    assert not result_assessments_visible_to(no_role_user).exists()


def test_a_unit_sees_its_own_rank_only_once_published(client, approved, officer_a, organizer):
    # A rank tells how many others did better: other units' figures in disguise until publication.
    client.force_login(officer_a)
    before = client.get(approved.detail_url("a")).content.decode()
    assert 'data-testid="rank">— · Tốt<' in before

    client.force_login(organizer)
    assert 'data-testid="rank">1 · Tốt<' in client.get(approved.detail_url("a")).content.decode()
    client.post(approved.results_url + "cong-bo/")

    client.force_login(officer_a)
    assert 'data-testid="rank">1 · Tốt<' in client.get(approved.detail_url("a")).content.decode()


def test_the_detailed_sheet_is_offered_to_those_who_may_download_it(client, published, organizer, council):
    """The link to the unit's Excel sheet is shown exactly to those reports:unit_sheet serves: the unit's own
    people and those who see every result; another unit's people reading published results are not offered it."""
    assessment = published.assessment("a")
    officer_a, _ = published.people["a"]
    officer_b, _ = published.people["b"]
    sheet = reverse("reports:unit_sheet", args=[assessment.pk])
    for user, offered in ((officer_a, True), (organizer, True), (council, True), (officer_b, False)):
        client.force_login(user)
        page = client.get(reverse("council:detail", args=[assessment.pk]))
        assert page.status_code == 200
        assert (sheet in page.content.decode()) is offered, user
        assert (client.get(sheet).status_code == 200) is offered, user
