import json

import pytest
from django.urls import reverse

from parindex.assessments.models import Answer, State
from parindex.assessments.services import answer_save_self
from tests.cycle import SELF_LEAVES


def url(assessment):
    return reverse("assessments:self_assessment", args=[assessment.pk])


def save_url(assessment, code):
    return reverse("assessments:self_assessment_save", args=[assessment.pk, code])


def test_the_screen_shows_every_leaf_with_an_input_that_fits_its_rule(client, officer_a, assessment_a):
    client.force_login(officer_a)
    page = client.get(url(assessment_a)).content.decode()
    assert page.count('data-autosave data-code="') == len(SELF_LEAVES)
    assert 'value="Có"' in page  # binary: Có / Không
    assert "Tổng số" in page  # tiers on percent: đạt / tổng số
    assert 'placeholder="dd/mm/yyyy"' in page  # timeliness with a deadline: a date
    assert "Không áp dụng" in page  # 1.4 allows it
    assert 'value="Chưa đạt"' in page  # quality: its levels
    assert "Điểm lấy từ kết quả điều tra xã hội học" in page  # 2.2 is not the unit's to answer
    assert "Điểm lấy từ hệ thống theo dõi nhiệm vụ UBND tỉnh giao" in page  # 1.5 neither


def test_an_autosave_stores_the_facts_and_returns_the_points_and_progress(client, officer_a, assessment_a):
    client.force_login(officer_a)
    response = client.post(save_url(assessment_a, "1.2"), {"value": "37", "second": "40", "note": "Báo cáo quý IV"})
    body = response.json()
    assert response.status_code == 200
    assert body["status"] == "saved"
    assert body["version"] == 1
    assert body["points"] == "1,5"
    assert body["explanation"] == "Đạt 92,5% (37/40): mức từ 80% → 1,5 điểm"
    assert body["progress"]["answered"] == 1
    assert body["progress"]["points"] == "1,5"
    assert Answer.objects.get(code="1.2").raw == "37/40"


def test_not_applicable_is_sent_as_a_box_and_stored_as_kad(client, officer_a, assessment_a):
    client.force_login(officer_a)
    client.post(save_url(assessment_a, "1.4"), {"value": "", "na": "1"})
    assert Answer.objects.get(code="1.4").raw == "KAD"


def test_a_refused_answer_is_422_with_the_rules_message(client, officer_a, assessment_a):
    client.force_login(officer_a)
    response = client.post(save_url(assessment_a, "1.2"), {"value": "41", "second": "40"})
    assert response.status_code == 422
    assert response.json()["message"] == "tỷ lệ 102,5% nằm ngoài khoảng 0% đến 100%"
    assert not Answer.objects.exists()


def test_a_stale_version_is_409_with_the_saved_answer_and_who_saved_it(client, officer_a, head_a, assessment_a):
    answer_save_self(actor=head_a, assessment=assessment_a, code="1.1", raw="Không", note="", expected_version=None)
    client.force_login(officer_a)
    response = client.post(save_url(assessment_a, "1.1"), {"value": "Có", "version": ""})
    assert response.status_code == 409
    body = response.json()
    assert body["current"] == {"raw": "Không", "note": "", "version": 1}
    assert body["message"].startswith("Vũ Đức Thủ Trưởng đã lưu câu trả lời khác cho tiêu chí này lúc ")
    assert Answer.objects.get(code="1.1").raw == "Không"


def test_the_page_reads_in_a_constant_number_of_queries(client, officer_a, assessment_a, django_assert_max_num_queries):
    for code, raw in {"1.1": "Có", "1.2": "40/40", "2.1": "Tốt"}.items():
        answer_save_self(actor=officer_a, assessment=assessment_a, code=code, raw=raw, note="", expected_version=None)
    client.force_login(officer_a)
    with django_assert_max_num_queries(14):
        assert client.get(url(assessment_a)).status_code == 200


def test_completion_and_submission_through_the_buttons(client, officer_a, head_a, assessment_a):
    for code, raw in {"1.1": "Có", "1.2": "40/40", "1.3": "10/12/2025", "1.4": "KAD", "2.1": "Tốt"}.items():
        answer_save_self(actor=officer_a, assessment=assessment_a, code=code, raw=raw, note="", expected_version=None)
    client.force_login(officer_a)
    client.post(reverse("assessments:complete", args=[assessment_a.pk]))
    assessment_a.refresh_from_db()
    assert assessment_a.state == State.COMPLETED
    assert client.post(reverse("assessments:submit", args=[assessment_a.pk])).status_code == 403  # heads submit
    client.force_login(head_a)
    response = client.post(reverse("assessments:submit", args=[assessment_a.pk]), follow=True)
    assert "Đã chốt kết quả tự đánh giá" in response.content.decode()
    assessment_a.refresh_from_db()
    assert assessment_a.state == State.SUBMITTED
    page = client.get(url(assessment_a)).content.decode()
    assert "Thủ trưởng đơn vị đã chốt kết quả tự đánh giá." in page
    assert "disabled" in page


@pytest.mark.parametrize(
    ("user_fixture", "page_status", "save_status"),
    [
        ("officer_b", 404, 404),  # another unit: its assessment does not exist for them
        ("appraiser", 403, 403),  # not assigned to anything yet
        ("no_role_user", 403, 403),
    ],
)
def test_other_units_and_roles_can_neither_see_nor_save(
    client, request, user_fixture, page_status, save_status, assessment_a
):
    client.force_login(request.getfixturevalue(user_fixture))
    assert client.get(url(assessment_a)).status_code == page_status
    assert client.post(save_url(assessment_a, "1.1"), {"value": "Có"}).status_code == save_status
    assert not Answer.objects.exists()


@pytest.mark.parametrize("user_fixture", ["organizer", "council"])
def test_the_organizer_and_council_read_without_inputs(client, request, user_fixture, assessment_a):
    client.force_login(request.getfixturevalue(user_fixture))
    page = client.get(url(assessment_a)).content.decode()
    assert 'data-editable=""' in page
    assert client.post(save_url(assessment_a, "1.1"), {"value": "Có"}).status_code == 403


def test_anonymous_users_are_sent_to_login(client, assessment_a):
    response = client.get(url(assessment_a))
    assert response.status_code == 302
    assert "/dang-nhap/" in response["Location"]
    assert client.post(save_url(assessment_a, "1.1"), {"value": "Có"}).status_code == 302


def test_the_json_is_plain_utf8(client, officer_a, assessment_a):
    client.force_login(officer_a)
    response = client.post(save_url(assessment_a, "2.1"), {"value": "Đạt"})
    assert json.loads(response.content.decode("utf-8"))["explanation"] == "Mức “Đạt” = 50% × 4 → 2 điểm"
