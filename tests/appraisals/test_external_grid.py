from decimal import Decimal

import pytest
from django.urls import reverse

from parindex.assessments.models import Answer, Stage
from parindex.audit.models import AuditEvent


def grid_url(period, group):
    return reverse("appraisals:external_grid", args=[period.pk, group.pk])


def test_the_grid_offers_only_the_leaves_the_units_do_not_answer(client, organizer, period, unit_a):
    client.force_login(organizer)
    page = client.get(grid_url(period, unit_a.group)).content.decode()
    assert ">1.5<" in page  # nhiệm vụ UBND tỉnh giao
    assert ">2.2<" in page  # hài lòng của người dân (survey)
    assert ">1.1<" not in page


def test_valid_cells_are_saved_and_a_bad_one_is_kept_with_its_message(
    client, organizer, period, assessment_a, assessment_b, unit_a
):
    client.force_login(organizer)
    response = client.post(
        grid_url(period, unit_a.group),
        {
            f"c-{assessment_a.pk}-2.2": "85,5",
            f"c-{assessment_a.pk}-1.5": "18/20",
            f"c-{assessment_b.pk}-2.2": "120",
            f"c-{assessment_b.pk}-1.5": "",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "120 nằm ngoài khoảng cho phép từ 0 đến 100" in page
    assert 'value="120"' in page  # what was typed is still there
    saved = {a.code: a for a in Answer.objects.filter(assessment=assessment_a, stage=Stage.APPRAISAL_1)}
    assert saved["2.2"].points == Decimal("5.13")
    assert saved["1.5"].points == Decimal("1.8")
    assert not Answer.objects.filter(assessment=assessment_b).exists()
    assert AuditEvent.objects.filter(action="answer.saved").count() == 2


def test_unchanged_cells_are_not_saved_again(client, organizer, period, assessment_a, unit_a):
    client.force_login(organizer)
    client.post(grid_url(period, unit_a.group), {f"c-{assessment_a.pk}-2.2": "85"})
    version = Answer.objects.get(code="2.2").version
    client.post(
        grid_url(period, unit_a.group), {f"c-{assessment_a.pk}-2.2": "85", f"v-{assessment_a.pk}-2.2": str(version)}
    )
    assert AuditEvent.objects.filter(action="answer.saved").count() == 1


@pytest.mark.parametrize("user_fixture", ["appraiser", "council", "officer_a", "head_a", "admin_user", "no_role_user"])
def test_only_the_organizer_enters_these_points(client, request, user_fixture, period, assessment_a, unit_a):
    client.force_login(request.getfixturevalue(user_fixture))
    assert client.get(grid_url(period, unit_a.group)).status_code == 403
    assert client.post(grid_url(period, unit_a.group), {f"c-{assessment_a.pk}-2.2": "1"}).status_code == 403
    assert not Answer.objects.exists()
