import pytest
from django.urls import reverse

from parindex.appraisals.services import appraisal_accept, appraisal_close_round, appraisal_save, assignment_create
from parindex.assessments.models import Answer, Stage, State


def screen(assessment):
    return reverse("appraisals:appraisal", args=[assessment.pk])


def save_url(assessment, code):
    return reverse("appraisals:appraisal_save", args=[assessment.pk, code])


def test_the_queue_lists_assigned_units_with_what_is_left(client, appraiser_field_1, submitted_a, assessment_b):
    client.force_login(appraiser_field_1)
    page = client.get(reverse("appraisals:queue")).content.decode()
    assert submitted_a.unit.name in page
    assert assessment_b.unit.name in page
    assert "0/4" in page  # field 1 has four leaves the unit answers


def test_the_screen_shows_the_units_answer_beside_the_appraisers_input(client, appraiser_field_1, submitted_a):
    client.force_login(appraiser_field_1)
    page = client.get(screen(submitted_a)).content.decode()
    assert 'data-testid="leaf-1.2"' in page
    assert 'data-testid="leaf-2.1"' not in page  # another field, not assigned
    assert "40/40" in page  # the unit's own answer
    assert "Chấp nhận điểm tự chấm" in page
    assert "Yêu cầu đơn vị giải trình" in page


def test_an_autosave_records_the_appraisal_and_the_request_for_explanation(client, appraiser_field_1, submitted_a):
    client.force_login(appraiser_field_1)
    response = client.post(
        save_url(submitted_a, "1.2"), {"value": "30", "second": "40", "note": "Thiếu 10", "explanation_requested": "1"}
    )
    assert response.status_code == 200
    assert response.json()["points"] == "0"
    answer = Answer.objects.get(code="1.2", stage=Stage.APPRAISAL_1)
    assert (answer.raw, answer.explanation_requested, answer.updated_by) == ("30/40", True, appraiser_field_1)


def test_another_field_is_refused_with_a_reason(client, appraiser_field_1, submitted_a):
    client.force_login(appraiser_field_1)
    response = client.post(save_url(submitted_a, "2.1"), {"value": "Đạt"})
    assert response.status_code == 422
    assert "không được phân công" in response.json()["message"]


def test_accept_in_one_click(client, appraiser_field_1, submitted_a):
    client.force_login(appraiser_field_1)
    response = client.post(reverse("appraisals:accept", args=[submitted_a.pk, "1.1"]))
    assert response.status_code == 302
    assert response["Location"].endswith("#tc-1.1")
    assert Answer.objects.get(code="1.1", stage=Stage.APPRAISAL_1).raw == "Có"


def test_an_appraiser_from_the_unit_cannot_open_it(
    client, period, organizer, appraiser_from_a, submitted_a, assessment_b
):
    assignment_create(actor=organizer, period=period, appraiser=appraiser_from_a, field_code="1")
    client.force_login(appraiser_from_a)
    assert client.get(screen(submitted_a)).status_code == 404
    assert client.post(save_url(submitted_a, "1.1"), {"value": "Không"}).status_code == 404
    assert client.get(screen(assessment_b)).status_code == 200


@pytest.mark.parametrize("user_fixture", ["officer_a", "head_a", "council", "no_role_user"])
def test_other_roles_are_refused(client, request, user_fixture, submitted_a):
    client.force_login(request.getfixturevalue(user_fixture))
    assert client.get(screen(submitted_a)).status_code == 403
    assert client.post(save_url(submitted_a, "1.1"), {"value": "Có"}).status_code == 403


def test_an_unassigned_appraiser_sees_nothing(client, appraiser, submitted_a):
    client.force_login(appraiser)
    assert client.get(screen(submitted_a)).status_code == 404


def explanation_requested(organizer, assessment):
    for code in ("1.1", "1.3", "1.4", "2.1"):
        appraisal_accept(actor=organizer, assessment=assessment, code=code)
    appraisal_save(
        actor=organizer,
        assessment=assessment,
        code="1.2",
        raw="30/40",
        note="Giải trình 10 nhiệm vụ",
        expected_version=None,
        explanation_requested=True,
    )
    return appraisal_close_round(actor=organizer, assessment=assessment)


def test_the_unit_answers_the_request_and_sends_its_explanation(client, organizer, officer_a, head_a, submitted_a):
    explanation_requested(organizer, submitted_a)
    client.force_login(officer_a)
    page = client.get(reverse("appraisals:explanation", args=[submitted_a.pk])).content.decode()
    assert "Giải trình 10 nhiệm vụ" in page
    assert 'data-testid="leaf-1.1"' not in page  # only the leaves asked about
    response = client.post(
        reverse("appraisals:explanation_save", args=[submitted_a.pk, "1.2"]),
        {"value": "38", "second": "40", "note": "8 nhiệm vụ đã xong, có báo cáo bổ sung"},
    )
    assert response.status_code == 200
    client.force_login(head_a)
    client.post(reverse("appraisals:explanation_submit", args=[submitted_a.pk]))
    submitted_a.refresh_from_db()
    assert submitted_a.state == State.EXPLAINED


def test_another_unit_cannot_read_or_answer_the_explanation(client, organizer, officer_b, submitted_a):
    explanation_requested(organizer, submitted_a)
    client.force_login(officer_b)
    assert client.get(reverse("appraisals:explanation", args=[submitted_a.pk])).status_code == 404
    response = client.post(reverse("appraisals:explanation_save", args=[submitted_a.pk, "1.2"]), {"note": "x"})
    assert response.status_code == 404


def test_the_appraisal_screen_reads_in_a_bounded_number_of_queries(
    client, appraiser_field_1, submitted_a, django_assert_max_num_queries
):
    client.force_login(appraiser_field_1)
    with django_assert_max_num_queries(16):
        assert client.get(screen(submitted_a)).status_code == 200
