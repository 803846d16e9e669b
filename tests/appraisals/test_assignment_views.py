"""The assignment screen of a period: add an assignment (the conflict of interest refused in place),
remove one, see which units still lack an appraiser for a field; a bounded number of queries."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from parindex.accounts.models import Role
from parindex.appraisals.assignment_screen import MSG_NO_APPRAISER, MSG_NO_APPRAISER_AT_ALL
from parindex.appraisals.assignment_views import MSG_ASSIGNED, MSG_UNASSIGNED
from parindex.appraisals.models import Assignment
from parindex.appraisals.services import MSG_CONFLICT_OF_INTEREST, assignment_create
from parindex.audit.models import AuditEvent
from tests.cycle import make_period, new_unit
from tests.factories import UserFactory


def url(period):
    return reverse("periods:assignments", args=[period.pk])


def test_the_form_offers_appraisers_with_their_unit_and_the_fields_of_the_sets(
    client, organizer, period, appraiser, appraiser_from_a, council
):
    client.force_login(organizer)
    page = client.get(url(period)).content.decode()
    assert f'<option value="{appraiser_from_a.pk}">Lê Thị Tư Pháp — Sở Tư pháp</option>' in page
    assert f'<option value="{appraiser.pk}">Lê Văn Thẩm Định</option>' in page
    assert f'value="{council.pk}">' not in page  # not an appraiser
    assert '<option value="1">Lĩnh vực 1: Công tác chỉ đạo, điều hành CCHC</option>' in page
    assert '<option value="2">Lĩnh vực 2: Cải cách thủ tục hành chính</option>' in page


def test_the_organizer_assigns_a_field_for_every_unit(client, organizer, period, appraiser):
    client.force_login(organizer)
    response = client.post(url(period), {"appraiser": appraiser.pk, "field_code": "1"})
    assert response.status_code == 302
    assignment = Assignment.objects.get()
    assert (assignment.appraiser, assignment.field_code, assignment.group, assignment.unit) == (
        appraiser,
        "1",
        None,
        None,
    )
    assert AuditEvent.objects.filter(action="assignment.created").count() == 1
    page = client.get(response["Location"]).content.decode()
    assert MSG_ASSIGNED.format(name=appraiser.get_full_name(), field="lĩnh vực 1", scope="Mọi đơn vị") in page
    table = page[page.index('data-testid="assignments-1"') :].split("</table>")[0]
    assert "Lê Văn Thẩm Định" in table
    assert "Mọi đơn vị" in table


def test_an_assignment_may_be_limited_to_one_unit(client, organizer, period, appraiser, unit_b):
    client.force_login(organizer)
    client.post(url(period), {"appraiser": appraiser.pk, "field_code": "2", "unit": unit_b.pk})
    assert Assignment.objects.get().unit == unit_b
    assert f"Đơn vị {unit_b.name}" in client.get(url(period)).content.decode()


def test_the_conflict_of_interest_is_refused_in_place(client, organizer, period, appraiser_from_a, unit_a):
    client.force_login(organizer)
    response = client.post(url(period), {"appraiser": appraiser_from_a.pk, "field_code": "1", "unit": unit_a.pk})
    assert response.status_code == 200
    assert MSG_CONFLICT_OF_INTEREST.format(name="Lê Thị Tư Pháp", unit=unit_a.name) in response.content.decode()
    assert not Assignment.objects.exists()


def test_choosing_both_a_group_and_a_unit_is_refused(client, organizer, period, appraiser, unit_a):
    client.force_login(organizer)
    response = client.post(
        url(period), {"appraiser": appraiser.pk, "field_code": "1", "group": unit_a.group.pk, "unit": unit_a.pk}
    )
    assert "Chọn một nhóm hoặc một đơn vị, không chọn cả hai." in response.content.decode()
    assert not Assignment.objects.exists()


def test_the_organizer_removes_an_assignment(client, organizer, period, appraiser_field_1):
    assignment = Assignment.objects.get()
    client.force_login(organizer)
    page = client.get(url(period)).content.decode()
    assert "data-confirm=" in page
    response = client.post(reverse("periods:assignment_delete", args=[period.pk, assignment.pk]), follow=True)
    assert not Assignment.objects.exists()
    assert AuditEvent.objects.filter(action="assignment.deleted").count() == 1
    assert (
        MSG_UNASSIGNED.format(name=appraiser_field_1.get_full_name(), field="lĩnh vực 1", scope="Mọi đơn vị")
        in response.content.decode()
    )


def test_an_assignment_of_another_period_is_not_found(client, organizer, period, appraiser_field_1, unit_a):
    other = make_period(organizer, [unit_a])
    client.force_login(organizer)
    response = client.post(reverse("periods:assignment_delete", args=[other.pk, Assignment.objects.get().pk]))
    assert response.status_code == 404
    assert Assignment.objects.exists()


def test_the_gaps_list_every_field_a_unit_has_no_appraiser_for(
    client, organizer, period, appraiser, appraiser_from_a, unit_a, unit_b
):
    # Field 1 for every unit by the appraiser from unit A: unit A still lacks one (their own unit).
    assignment_create(actor=organizer, period=period, appraiser=appraiser_from_a, field_code="1")
    # Field 2 for unit B only.
    assignment_create(actor=organizer, period=period, appraiser=appraiser, field_code="2", unit=unit_b)
    client.force_login(organizer)
    page = client.get(url(period)).content.decode()
    assert MSG_NO_APPRAISER.format(field="lĩnh vực 1", units=unit_a.name) in page
    assert MSG_NO_APPRAISER.format(field="lĩnh vực 2", units=unit_a.name) in page
    assert unit_b.name not in page[page.index('data-testid="gaps"') :].split("</div>")[0]

    assignment_create(actor=organizer, period=period, appraiser=appraiser, field_code="1", unit=unit_a)
    assignment_create(actor=organizer, period=period, appraiser=appraiser, field_code="2", unit=unit_a)
    page = client.get(url(period)).content.decode()
    assert 'data-testid="no-gaps"' in page


def test_a_field_nobody_appraises_is_said_once_for_every_unit(client, organizer, period):
    client.force_login(organizer)
    page = client.get(url(period)).content.decode()
    assert MSG_NO_APPRAISER_AT_ALL.format(field="lĩnh vực 1", count=2) in page


def test_an_appraiser_who_lost_the_role_covers_nothing(client, organizer, period, appraiser_field_1):
    appraiser_field_1.role = Role.COUNCIL
    appraiser_field_1.save()
    client.force_login(organizer)
    page = client.get(url(period)).content.decode()
    assert "không còn vai trò thẩm định" in page
    assert MSG_NO_APPRAISER_AT_ALL.format(field="lĩnh vực 1", count=2) in page


def _queries(client, address):
    client.get(address)
    with CaptureQueriesContext(connection) as context:
        assert client.get(address).status_code == 200
    return len(context.captured_queries)


def _period_of(organizer, group, count, prefix):
    units = [new_unit(name=f"{prefix} {n}", group=group) for n in range(count)]
    period = make_period(organizer, units)
    for n, unit in enumerate(units):
        appraiser = UserFactory(username=f"{prefix}-td-{n}", role=Role.APPRAISER, unit=units[(n + 1) % count])
        assignment_create(actor=organizer, period=period, appraiser=appraiser, field_code="1", unit=unit)
    return period


def test_the_number_of_queries_does_not_grow_with_the_number_of_units(client, organizer, unit_a):
    small = _period_of(organizer, unit_a.group, 5, "nho")
    big = _period_of(organizer, unit_a.group, 40, "lon")
    client.force_login(organizer)
    counts = [_queries(client, url(period)) for period in (small, big)]
    assert counts[0] == counts[1] <= 12, counts
