"""Opening a period from its page."""

from django.urls import reverse
from django.utils import timezone

from parindex.periods.models import Period
from parindex.periods.services import MSG_ALREADY_OPEN, MSG_NO_UNITS, period_create
from parindex.periods.views import MSG_OPENED
from tests.cycle import cycle_set, deadlines_from, make_period


def test_the_organizer_opens_the_period_after_confirming(client, organizer, unit_a):
    period = make_period(organizer, [unit_a], opened=False)
    client.force_login(organizer)
    page = client.get(reverse("periods:detail", args=[period.pk])).content.decode()
    assert 'data-confirm="Mở kỳ đánh giá?' in page
    response = client.post(reverse("periods:open", args=[period.pk]), follow=True)
    period.refresh_from_db()
    assert period.is_open
    page = response.content.decode()
    assert MSG_OPENED in page
    assert "Đang diễn ra" in page
    assert reverse("periods:open", args=[period.pk]) not in page  # no second button


def test_a_period_without_units_is_not_opened(client, organizer, unit_a):
    period = period_create(
        actor=organizer,
        year=2025,
        name="Kỳ trống",
        criteria_sets={unit_a.group: cycle_set(organizer, unit_a.group)},
        deadlines=deadlines_from(timezone.now()),
    )
    client.force_login(organizer)
    response = client.post(reverse("periods:open", args=[period.pk]), follow=True)
    assert MSG_NO_UNITS in response.content.decode()
    assert not Period.objects.get(pk=period.pk).is_open


def test_opening_twice_says_so(client, organizer, unit_a):
    period = make_period(organizer, [unit_a])
    client.force_login(organizer)
    response = client.post(reverse("periods:open", args=[period.pk]), follow=True)
    assert MSG_ALREADY_OPEN in response.content.decode()
