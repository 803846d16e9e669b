"""The unit corrects what its registry says about a document, while the document's stage is open."""

import datetime as dt

import pytest
from django.urls import reverse

from parindex.assessments.models import State
from parindex.evidence.services import MSG_FUTURE_DATE, MSG_LOCKED, EvidenceRefused, evidence_update_metadata
from tests.evidence.helpers import set_state, upload


@pytest.fixture
def document(officer_a, assessment_a):
    return upload(officer_a, assessment_a, "Kế hoạch.pdf", number="12/KH-UBND")


def edit_url(document):
    return reverse("evidence:edit", args=[document.pk])


def test_the_officer_corrects_the_metadata_and_the_change_is_audited(client, officer_a, document, audit_mark):
    client.force_login(officer_a)
    assert client.get(edit_url(document)).status_code == 200
    mark = audit_mark()
    response = client.post(
        edit_url(document),
        {"number": "123/KH-UBND", "issued_on": "04/03/2025", "issuer": "UBND tỉnh", "summary": "Kế hoạch CCHC"},
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert (document.number, document.issued_on, document.issuer, document.summary) == (
        "123/KH-UBND",
        dt.date(2025, 3, 4),
        "UBND tỉnh",
        "Kế hoạch CCHC",
    )
    assert mark.actions() == ["evidence.updated"]
    (event,) = mark.events()
    assert (event.before["number"], event.after["number"]) == ("12/KH-UBND", "123/KH-UBND")
    assert (event.before["issued_on"], event.after["issued_on"]) == (None, "2025-03-04")


def test_the_form_shows_the_date_day_first(client, officer_a, document):
    evidence_update_metadata(
        actor=officer_a, document=document, number="1", issued_on=dt.date(2025, 3, 4), issuer="", summary=""
    )
    client.force_login(officer_a)
    assert 'value="04/03/2025"' in client.get(edit_url(document)).content.decode()


def test_saving_the_same_metadata_writes_no_event(officer_a, document, audit_mark):
    mark = audit_mark()
    evidence_update_metadata(
        actor=officer_a, document=document, number="12/KH-UBND", issued_on=None, issuer="", summary=""
    )
    assert mark.actions() == []


def test_a_date_in_the_future_is_refused(officer_a, document):
    tomorrow = dt.date.today() + dt.timedelta(days=2)
    with pytest.raises(EvidenceRefused) as error:
        evidence_update_metadata(
            actor=officer_a, document=document, number="", issued_on=tomorrow, issuer="", summary=""
        )
    assert str(error.value) == MSG_FUTURE_DATE.format(date=tomorrow.strftime("%d/%m/%Y"))


def test_a_month_first_date_is_a_form_error(client, officer_a, document):
    client.force_login(officer_a)
    response = client.post(edit_url(document), {"number": "", "issued_on": "12/31/2025", "issuer": "", "summary": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["issued_on"] == [
        "Ngày ban hành phải viết theo dạng ngày/tháng/năm, ví dụ 15/01/2025."
    ]


def test_metadata_is_frozen_once_submitted(client, officer_a, document, audit_mark):
    set_state(document.assessment, State.SUBMITTED)
    document.refresh_from_db()
    mark = audit_mark()
    client.force_login(officer_a)
    response = client.post(edit_url(document), {"number": "99", "issued_on": "", "issuer": "", "summary": ""})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        MSG_LOCKED.format(reason="Thủ trưởng đơn vị đã chốt kết quả tự đánh giá.")
    ]
    document.refresh_from_db()
    assert document.number == "12/KH-UBND"
    assert mark.actions() == []


def test_another_units_officer_gets_404_and_a_viewer_403(client, officer_b, organizer, document):
    client.force_login(officer_b)
    assert client.get(edit_url(document)).status_code == 404
    client.force_login(organizer)
    assert client.get(edit_url(document)).status_code == 403
