"""Adding units to a period from its page: one service call, a message, back to the page."""

from django.urls import reverse

from parindex.assessments.models import Assessment
from parindex.periods.forms import MSG_NO_UNIT_CHOSEN
from parindex.periods.services import MSG_UNIT_ALREADY_IN, MSG_UNIT_GROUP_NOT_IN_PERIOD
from parindex.periods.views import MSG_NOTHING_SAVED, MSG_UNITS_ADDED
from tests.cycle import make_period, new_unit
from tests.factories import UnitGroupFactory


def test_the_organizer_adds_the_chosen_units(client, organizer, unit_a):
    period = make_period(organizer, [unit_a], opened=False)
    first, second = new_unit(name="Sở Xây dựng", group=unit_a.group), new_unit(name="Sở Nội vụ", group=unit_a.group)
    client.force_login(organizer)
    response = client.post(reverse("periods:add_units", args=[period.pk]), {"units": [first.pk, second.pk]})
    assert response.status_code == 302
    assert response["Location"] == reverse("periods:detail", args=[period.pk])
    assert set(Assessment.objects.filter(period=period).values_list("unit__name", flat=True)) == {
        unit_a.name,
        "Sở Xây dựng",
        "Sở Nội vụ",
    }
    page = client.get(response["Location"]).content.decode()
    assert MSG_UNITS_ADDED.format(count=2) in page


def test_choosing_nothing_is_a_message(client, organizer, unit_a):
    period = make_period(organizer, [unit_a], opened=False)
    client.force_login(organizer)
    response = client.post(reverse("periods:add_units", args=[period.pk]), {}, follow=True)
    assert str(MSG_NO_UNIT_CHOSEN) in response.content.decode()


def test_the_services_refusals_are_shown_and_nothing_is_added(client, organizer, unit_a):
    period = make_period(organizer, [unit_a], opened=False)
    fresh = new_unit(name="Sở Xây dựng", group=unit_a.group)
    commune = new_unit(name="Xã An Bình", group=UnitGroupFactory(code="xa", name="UBND cấp xã"))
    client.force_login(organizer)
    response = client.post(
        reverse("periods:add_units", args=[period.pk]), {"units": [fresh.pk, commune.pk, unit_a.pk]}, follow=True
    )
    page = response.content.decode()
    assert MSG_UNIT_GROUP_NOT_IN_PERIOD.format(unit="Xã An Bình", group="UBND cấp xã") in page
    assert MSG_UNIT_ALREADY_IN.format(unit=unit_a.name) in page
    assert MSG_NOTHING_SAVED in page
    assert Assessment.objects.filter(period=period).count() == 1
