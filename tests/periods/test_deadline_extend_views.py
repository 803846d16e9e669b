"""Extending a deadline for one unit from the period's page: a reason is required, nothing is saved
without one, the new deadline is read day first."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from parindex.periods.models import DeadlineChange, Phase
from parindex.periods.services import MSG_DEADLINE_NOT_LATER, MSG_REASON_REQUIRED
from parindex.periods.views import MSG_EXTENDED, MSG_NOTHING_SAVED
from tests.cycle import deadline_of, make_period

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def period(organizer, unit_a, unit_b):
    return make_period(organizer, [unit_a, unit_b])


def typed(moment):
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M")


def test_the_organizer_extends_one_units_deadline_with_a_reason(client, organizer, period, unit_a, unit_b):
    base = deadline_of(period, Phase.SELF_ASSESSMENT)
    later = (timezone.localtime(base) + timedelta(days=7)).replace(second=0, microsecond=0)
    client.force_login(organizer)
    response = client.post(
        reverse("periods:extend", args=[period.pk]),
        {"unit": unit_a.pk, "phase": Phase.SELF_ASSESSMENT, "deadline": typed(later), "reason": "Mất điện diện rộng"},
        follow=True,
    )
    change = DeadlineChange.objects.get()
    assert (change.unit, change.phase, change.deadline, change.reason) == (
        unit_a,
        Phase.SELF_ASSESSMENT,
        later,
        "Mất điện diện rộng",
    )
    assert deadline_of(period, Phase.SELF_ASSESSMENT, unit_a) == later
    assert deadline_of(period, Phase.SELF_ASSESSMENT, unit_b) == base
    page = response.content.decode()
    assert MSG_EXTENDED.format(phase="Tự đánh giá", unit=unit_a.name, deadline=typed(later)) in page
    assert "Lý do: Mất điện diện rộng" in page


def test_the_new_deadline_is_read_day_first(client, organizer, unit_a):
    period = make_period(
        organizer,
        [unit_a],
        deadlines={phase: datetime(2099, 1, 2 + n, 17, 0, tzinfo=HANOI) for n, phase in enumerate(Phase.values)},
    )
    client.force_login(organizer)
    client.post(
        reverse("periods:extend", args=[period.pk]),
        {"unit": unit_a.pk, "phase": Phase.SELF_ASSESSMENT, "deadline": "05/02/2099 17:00", "reason": "Lũ lụt"},
    )
    assert DeadlineChange.objects.get().deadline == datetime(2099, 2, 5, 17, 0, tzinfo=HANOI)


def test_without_a_reason_nothing_is_saved(client, organizer, period, unit_a):
    later = deadline_of(period, Phase.SELF_ASSESSMENT) + timedelta(days=7)
    client.force_login(organizer)
    response = client.post(
        reverse("periods:extend", args=[period.pk]),
        {"unit": unit_a.pk, "phase": Phase.SELF_ASSESSMENT, "deadline": typed(later), "reason": "   "},
        follow=True,
    )
    page = response.content.decode()
    assert MSG_REASON_REQUIRED in page
    assert MSG_NOTHING_SAVED in page
    assert not DeadlineChange.objects.exists()


def test_a_deadline_not_later_than_the_current_one_is_refused(client, organizer, period, unit_a):
    base = deadline_of(period, Phase.SELF_ASSESSMENT)
    client.force_login(organizer)
    response = client.post(
        reverse("periods:extend", args=[period.pk]),
        {"unit": unit_a.pk, "phase": Phase.SELF_ASSESSMENT, "deadline": typed(base), "reason": "Lý do"},
        follow=True,
    )
    assert MSG_DEADLINE_NOT_LATER.format(current=timezone.localtime(base).strftime("%H:%M %d/%m/%Y")) in (
        response.content.decode()
    )
    assert not DeadlineChange.objects.exists()


def test_a_unit_outside_the_period_is_not_offered_nor_accepted(client, organizer, unit_a, unit_b):
    period = make_period(organizer, [unit_a])
    client.force_login(organizer)
    page = client.get(reverse("periods:detail", args=[period.pk])).content.decode()
    form = page[page.index('data-testid="extend-form"') :].split("</form>")[0]
    assert unit_a.name in form
    assert unit_b.name not in form
    later = deadline_of(period, Phase.SELF_ASSESSMENT) + timedelta(days=7)
    client.post(
        reverse("periods:extend", args=[period.pk]),
        {"unit": unit_b.pk, "phase": Phase.SELF_ASSESSMENT, "deadline": typed(later), "reason": "Lý do"},
    )
    assert not DeadlineChange.objects.exists()
