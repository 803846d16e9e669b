"""The departments responsible for each component: Sở Nội vụ edits the mapping (audited), every reader sees
it beside the figures; every other role is refused and nothing changes."""

import pytest
from django.urls import reverse

from parindex.audit.models import AuditEvent
from parindex.indices.models import IndexComponent


def _url(index="pci", code="3"):
    return reverse("indices:responsible", args=[index, code])


def test_sở_nội_vụ_maps_a_component_to_departments_and_it_is_audited(client, organizer, unit_a, unit_b, officer_a):
    client.force_login(organizer)
    form = client.get(_url()).content.decode()
    assert unit_a.name in form
    answer = client.post(_url(), {"units": [unit_a.pk, unit_b.pk]})
    assert answer.status_code == 302
    component = IndexComponent.objects.get(index="pci", code="3")
    assert set(component.responsible_units.all()) == {unit_a, unit_b}
    event = AuditEvent.objects.get(action="indices.responsibility_changed")
    assert event.before == []
    assert event.after == sorted([unit_a.code, unit_b.code])
    client.force_login(officer_a)
    page = client.get(reverse("indices:detail", args=["pci"])).content.decode()
    row = page.split('data-component="3"')[1].split("</tr>")[0]
    assert unit_a.name in row
    assert unit_b.name in row
    assert _url() not in page  # no edit link for a reader


def test_saving_the_same_list_again_records_nothing(client, organizer, unit_a):
    client.force_login(organizer)
    client.post(_url(), {"units": [unit_a.pk]})
    client.post(_url(), {"units": [unit_a.pk]})
    assert AuditEvent.objects.filter(action="indices.responsibility_changed").count() == 1


def test_an_unknown_unit_is_refused_in_vietnamese_and_nothing_changes(client, organizer, unit_a):
    client.force_login(organizer)
    answer = client.post(_url(), {"units": ["987654"]})
    assert answer.status_code == 200
    assert "không còn trong danh sách" in answer.content.decode()
    assert not IndexComponent.objects.get(index="pci", code="3").responsible_units.exists()


def test_an_unknown_component_is_not_found(client, organizer):
    client.force_login(organizer)
    assert client.get(_url("pci", "11")).status_code == 404
    assert client.get(_url("hdi", "1")).status_code == 404


@pytest.mark.parametrize("user_fixture", ["admin_user", "council", "officer_a", "head_a", "appraiser", "no_role_user"])
def test_every_other_role_is_refused_and_nothing_changes(client, request, user_fixture, unit_a):
    client.force_login(request.getfixturevalue(user_fixture))
    assert client.get(_url()).status_code == 403
    assert client.post(_url(), {"units": [unit_a.pk]}).status_code == 403
    assert not IndexComponent.objects.get(index="pci", code="3").responsible_units.exists()


def test_anonymous_visitors_are_sent_to_sign_in(client, unit_a):
    answer = client.post(_url(), {"units": [unit_a.pk]})
    assert answer.status_code == 302
    assert answer["Location"].startswith("/dang-nhap/")
    assert not IndexComponent.objects.get(index="pci", code="3").responsible_units.exists()
