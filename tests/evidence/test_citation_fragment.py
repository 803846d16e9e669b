"""The fragment evidence/_citations.html served by the citation endpoints (htmx), for the self-assessment
page to embed: it lists a leaf's citations and adds or removes one in place."""

import json

import pytest
from django.urls import reverse

from parindex.assessments.models import State
from parindex.evidence.models import Citation
from parindex.evidence.services import MSG_NOT_A_LEAF
from parindex.evidence.views import MSG_NOT_IN_REGISTRY
from tests.evidence.helpers import cite, registry_url, set_state, upload

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def plan(officer_a, assessment_a):
    return upload(officer_a, assessment_a, "Kế hoạch CCHC 2025.pdf", number="45/KH-UBND")


def leaf_url(assessment, code, stage="self"):
    return reverse("evidence:leaf_citations", args=[assessment.pk, stage, code])


def test_the_fragment_lists_the_leafs_citations_and_offers_the_registry(client, officer_a, assessment_a, plan):
    cite(officer_a, plan, "1.1", "trang 3")
    client.force_login(officer_a)
    response = client.get(leaf_url(assessment_a, "1.1"), **HTMX)
    page = response.content.decode()
    assert response.status_code == 200
    assert page.lstrip().startswith('<div class="pi-citations"')
    assert "45/KH-UBND" in page
    assert "trang 3" in page
    assert f'<option value="{plan.pk}">' in page
    assert reverse("evidence:citation_remove", args=[Citation.objects.get().pk]) in page


def test_adding_through_the_fragment_returns_it_with_the_new_citation(client, officer_a, assessment_a, plan):
    client.force_login(officer_a)
    response = client.post(leaf_url(assessment_a, "1.2"), {"document": plan.pk, "locator": "mục II.2"}, **HTMX)
    assert response.status_code == 200
    assert "mục II.2" in response.content.decode()
    assert json.loads(response["HX-Trigger"]) == {"pi:citations-changed": {"code": "1.2", "stage": "self", "count": 1}}
    assert Citation.objects.get().locator == "mục II.2"


def test_a_refusal_is_shown_inside_the_fragment(client, officer_a, assessment_a, plan):
    client.force_login(officer_a)
    response = client.post(leaf_url(assessment_a, "1"), {"document": plan.pk}, **HTMX)
    assert response.status_code == 200
    assert MSG_NOT_A_LEAF.format(code="1") in response.content.decode()
    assert not Citation.objects.exists()


def test_another_units_document_id_is_not_found_in_the_registry(
    client, officer_a, officer_b, assessment_a, assessment_b
):
    theirs = upload(officer_b, assessment_b, "Của Sở Y tế.pdf")
    client.force_login(officer_a)
    response = client.post(leaf_url(assessment_a, "1.1"), {"document": theirs.pk}, **HTMX)
    page = response.content.decode()
    assert MSG_NOT_IN_REGISTRY in page
    assert "Của Sở Y tế" not in page
    assert not Citation.objects.exists()


def test_removing_through_the_fragment(client, officer_a, assessment_a, plan):
    citation = cite(officer_a, plan, "1.1", "trang 3")
    client.force_login(officer_a)
    response = client.post(reverse("evidence:citation_remove", args=[citation.pk]), **HTMX)
    assert response.status_code == 200
    assert "Chưa trích dẫn tài liệu nào." in response.content.decode()
    assert json.loads(response["HX-Trigger"])["pi:citations-changed"]["count"] == 0
    assert not Citation.objects.exists()


def test_without_htmx_the_form_lands_on_the_registry(client, officer_a, assessment_a, plan):
    client.force_login(officer_a)
    response = client.post(leaf_url(assessment_a, "1.1"), {"document": plan.pk, "locator": "trang 1"})
    assert response.status_code == 302
    assert response["Location"] == registry_url(assessment_a)
    assert Citation.objects.count() == 1


def test_a_closed_stage_shows_the_citations_read_only(client, officer_a, assessment_a, plan):
    cite(officer_a, plan, "1.1", "trang 3")
    set_state(assessment_a, State.SUBMITTED)
    client.force_login(officer_a)
    page = client.get(leaf_url(assessment_a, "1.1"), **HTMX).content.decode()
    assert "trang 3" in page
    assert "<form" not in page


def test_viewers_see_the_fragment_read_only_and_cannot_post(client, organizer, assessment_a, plan):
    client.force_login(organizer)
    assert "<form" not in client.get(leaf_url(assessment_a, "1.1"), **HTMX).content.decode()
    assert client.post(leaf_url(assessment_a, "1.1"), {"document": plan.pk}, **HTMX).status_code == 403


def test_another_unit_gets_404_on_the_fragment_and_on_removal(client, officer_a, officer_b, assessment_a, plan):
    citation = cite(officer_a, plan, "1.1")
    client.force_login(officer_b)
    assert client.get(leaf_url(assessment_a, "1.1"), **HTMX).status_code == 404
    assert client.post(reverse("evidence:citation_remove", args=[citation.pk]), **HTMX).status_code == 404
    assert Citation.objects.count() == 1


def test_an_appraisal_stage_in_the_url_is_404(client, officer_a, assessment_a):
    client.force_login(officer_a)
    assert client.get(leaf_url(assessment_a, "1.1", stage="appraisal_1")).status_code == 404


def test_the_fragment_can_be_included_with_its_documented_context(officer_a, assessment_a, plan):
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    from parindex.evidence.selectors import citations_by_code, registry_choices

    cite(officer_a, plan, "1.1", "trang 3")
    request = RequestFactory().get("/")
    request.user = officer_a
    html = render_to_string(
        "evidence/_citations.html",
        {
            "assessment": assessment_a,
            "code": "1.1",
            "stage": "self",
            "citations": citations_by_code(assessment_a, "self").get("1.1", []),
            "documents": registry_choices(assessment_a),
        },
        request=request,
    )
    assert "trang 3" in html
    assert 'name="document"' in html
