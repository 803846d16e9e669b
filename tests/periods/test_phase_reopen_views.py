"""Reopening a phase for every unit from the period's page, with a reason."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from parindex.periods.models import DeadlineChange, Phase
from parindex.periods.services import MSG_REASON_REQUIRED
from parindex.periods.views import MSG_REOPENED
from tests.cycle import deadline_of, make_period


def typed(moment):
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M")


def test_the_organizer_reopens_a_phase_for_every_unit(client, organizer, unit_a, unit_b):
    period = make_period(organizer, [unit_a, unit_b])
    later = (timezone.localtime(deadline_of(period, Phase.EXPLANATION)) + timedelta(days=3)).replace(
        second=0, microsecond=0
    )
    client.force_login(organizer)
    response = client.post(
        reverse("periods:reopen", args=[period.pk]),
        {"phase": Phase.EXPLANATION, "deadline": typed(later), "reason": "Nhiều đơn vị chưa kịp giải trình"},
        follow=True,
    )
    change = DeadlineChange.objects.get()
    assert (change.kind, change.unit, change.reason) == (
        DeadlineChange.Kind.REOPENING,
        None,
        "Nhiều đơn vị chưa kịp giải trình",
    )
    assert deadline_of(period, Phase.EXPLANATION, unit_a) == deadline_of(period, Phase.EXPLANATION, unit_b) == later
    assert MSG_REOPENED.format(phase="Giải trình", deadline=typed(later)) in response.content.decode()


def test_reopening_needs_a_reason(client, organizer, unit_a):
    period = make_period(organizer, [unit_a])
    later = deadline_of(period, Phase.EXPLANATION) + timedelta(days=3)
    client.force_login(organizer)
    response = client.post(
        reverse("periods:reopen", args=[period.pk]),
        {"phase": Phase.EXPLANATION, "deadline": typed(later), "reason": ""},
        follow=True,
    )
    assert MSG_REASON_REQUIRED in response.content.decode()
    assert not DeadlineChange.objects.exists()


def test_a_badly_typed_deadline_is_a_message(client, organizer, unit_a):
    period = make_period(organizer, [unit_a])
    client.force_login(organizer)
    response = client.post(
        reverse("periods:reopen", args=[period.pk]),
        {"phase": Phase.EXPLANATION, "deadline": "31/02/2026 17:00", "reason": "Lý do"},
        follow=True,
    )
    assert "Hạn mới cho mọi đơn vị: Nhập ngày giờ theo dạng dd/mm/yyyy hh:mm" in response.content.decode()
    assert not DeadlineChange.objects.exists()
