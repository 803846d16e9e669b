"""Creating a period through the form: sets per group, deadlines typed day first, the service's refusals in
place with nothing saved."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from parindex.criteria.services import criteria_set_upload
from parindex.periods.forms import MSG_DEADLINE_FORMAT
from parindex.periods.models import Period, PeriodGroup, Phase, PhaseDeadline
from parindex.periods.services import MSG_DEADLINES_ORDER, MSG_NO_GROUPS
from tests.cycle import CYCLE_SET, cycle_set
from tests.factories import UnitGroupFactory

URL = reverse("periods:create")
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
TYPED = {
    "self_assessment": "15/12/2025 17:00",
    "appraisal_1": "05/01/2026 17:00",
    "explanation": "12/01/2026 17:00",
    "appraisal_2": "19/01/2026 17:00",
    "council": "02/02/2026 08:00",
    "publication": "27/02/2026 17:00",
}


@pytest.fixture
def so(db):
    return UnitGroupFactory(code="so", name="Sở, ban, ngành", ordering=10)


@pytest.fixture
def xa(db):
    return UnitGroupFactory(code="xa", name="UBND cấp xã", ordering=30)


@pytest.fixture
def set_so(organizer, so):
    return cycle_set(organizer, so)


def form_data(**overrides):
    data = {"name": "Kỳ đánh giá, xác định Chỉ số CCHC năm 2025"}
    data.update({f"deadline_{phase}": typed for phase, typed in TYPED.items()})
    data.update(overrides)
    return data


def test_the_form_prefills_the_name_and_offers_the_groups_issued_set(client, organizer, set_so, xa):
    client.force_login(organizer)
    page = client.get(URL, {"nam": 2025}).content.decode()
    assert 'value="Kỳ đánh giá, xác định Chỉ số CCHC năm 2025"' in page
    assert f'<option value="{set_so.pk}" selected>{set_so.name} (phiên bản 1)</option>' in page
    assert "Nhóm này chưa có bộ tiêu chí năm 2025 đã ban hành." in page  # the commune group
    assert "dd/mm/yyyy hh:mm" in page
    assert "2.025" not in page


def test_without_a_year_the_form_takes_the_latest_year_with_an_issued_set(client, organizer, set_so):
    client.force_login(organizer)
    page = client.get(URL).content.decode()
    assert 'action="?nam=2025"' in page
    assert set_so.name in page


def test_the_organizer_creates_a_period_with_deadlines_read_day_first(client, organizer, set_so, xa):
    client.force_login(organizer)
    response = client.post(f"{URL}?nam=2025", form_data(set_so=set_so.pk, set_xa=""))
    period = Period.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("periods:detail", args=[period.pk])
    assert (period.year, period.name, period.created_by) == (
        2025,
        "Kỳ đánh giá, xác định Chỉ số CCHC năm 2025",
        organizer,
    )
    assert [(pg.group.code, pg.criteria_set) for pg in PeriodGroup.objects.filter(period=period)] == [("so", set_so)]
    deadline = PhaseDeadline.objects.get(period=period, phase=Phase.SELF_ASSESSMENT).deadline
    assert deadline == datetime(2025, 12, 15, 17, 0, tzinfo=HANOI)  # 15 December, not the 12th of a 15th month
    assert PhaseDeadline.objects.filter(period=period).count() == 6
    assert "Đã tạo kỳ đánh giá" in client.get(response["Location"]).content.decode()


def test_an_unissued_set_is_not_even_offered(client, organizer, set_so):
    draft = criteria_set_upload(actor=organizer, filename="d.yaml", content=CYCLE_SET.encode())
    client.force_login(organizer)
    page = client.get(URL, {"nam": 2025}).content.decode()
    assert f'value="{draft.pk}"' not in page
    response = client.post(f"{URL}?nam=2025", form_data(set_so=draft.pk))
    assert response.status_code == 200
    assert not Period.objects.exists()


def test_a_set_of_another_year_is_not_offered(client, organizer, set_so):
    client.force_login(organizer)
    page = client.get(URL, {"nam": 2026}).content.decode()
    assert set_so.name not in page
    assert "Nhóm này chưa có bộ tiêu chí năm 2026 đã ban hành." in page


def test_deadlines_out_of_order_are_refused_with_the_services_message_and_nothing_is_saved(client, organizer, set_so):
    client.force_login(organizer)
    data = form_data(set_so=set_so.pk, deadline_appraisal_1="10/12/2025 17:00")
    response = client.post(f"{URL}?nam=2025", data)
    page = response.content.decode()
    assert response.status_code == 200
    assert MSG_DEADLINES_ORDER.format(later="Thẩm định lần 1", earlier="Tự đánh giá") in page
    assert 'value="10/12/2025 17:00"' in page  # what was typed is kept
    assert not Period.objects.exists()


def test_a_period_without_any_group_is_refused(client, organizer, set_so):
    client.force_login(organizer)
    response = client.post(f"{URL}?nam=2025", form_data(set_so=""))
    assert MSG_NO_GROUPS in response.content.decode()
    assert not Period.objects.exists()


@pytest.mark.parametrize("typed", ["12/15/2025 17:00", "15/12/2025", "2025-12-15", "ngày mai"])
def test_a_deadline_not_typed_as_day_month_year_hour_minute_is_refused(client, organizer, set_so, typed):
    client.force_login(organizer)
    response = client.post(f"{URL}?nam=2025", form_data(set_so=set_so.pk, deadline_self_assessment=typed))
    assert str(MSG_DEADLINE_FORMAT) in response.content.decode()
    assert not Period.objects.exists()


def test_a_missing_deadline_is_refused(client, organizer, set_so):
    client.force_login(organizer)
    response = client.post(f"{URL}?nam=2025", form_data(set_so=set_so.pk, deadline_council=""))
    assert response.status_code == 200
    assert not Period.objects.exists()
