"""The daily reminders job against a fake deadline provider standing in for parindex.periods.selectors."""

import dataclasses
import datetime
import importlib
import sys
import types

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from parindex.notifications.management.commands.send_deadline_reminders import NO_PROVIDER, SUMMARY
from parindex.notifications.models import Kind, Notification
from parindex.notifications.reminders import (
    DEADLINE_SOON_BODY,
    REMINDER_DAYS,
    Reminder,
    reminder_days_left,
    reminder_dedupe_key,
    reminder_title,
)
from parindex.notifications.selectors import users_of_unit

PERIOD_ID = 7
DEADLINE = timezone.make_aware(datetime.datetime(2025, 12, 15, 23, 59))


def local(day, hour=7, minute=0):
    return timezone.make_aware(datetime.datetime(2025, 12, day, hour, minute))


class FakeDeadlines:
    """What the periods app will provide: for each unit whose self-assessment closes REMINDER_DAYS away,
    a reminder to its officers and head."""

    def __init__(self, units, deadline=DEADLINE):
        self.units = units
        self.deadline = deadline

    def __call__(self, now):
        days = reminder_days_left(now=now, deadline=self.deadline)
        if days not in REMINDER_DAYS or now > self.deadline:
            return
        for unit in self.units:
            yield Reminder(
                recipients=users_of_unit(unit),
                phase_label="Tự đánh giá",
                deadline=self.deadline,
                days_left=days,
                link="/tu-danh-gia/",
                dedupe_key=reminder_dedupe_key(
                    period_id=PERIOD_ID,
                    phase="self_assessment",
                    unit_id=unit.pk,
                    deadline=self.deadline,
                    days_left=days,
                ),
            )


@pytest.fixture
def periods_selectors(monkeypatch):
    """The module the command looks the provider up in, whether or not the periods app has written it yet."""
    try:
        module = importlib.import_module("parindex.periods.selectors")
    except ModuleNotFoundError:
        module = types.ModuleType("parindex.periods.selectors")
        monkeypatch.setitem(sys.modules, "parindex.periods.selectors", module)
    return module


@pytest.fixture
def provide(periods_selectors, monkeypatch):
    def install(provider):
        monkeypatch.setattr(periods_selectors, "due_reminders", provider, raising=False)

    return install


@pytest.fixture
def clock(monkeypatch):
    def set_to(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return set_to


def run_command(capture_callbacks):
    from io import StringIO

    out = StringIO()
    with capture_callbacks(execute=True):
        call_command("send_deadline_reminders", stdout=out)
    return out.getvalue().strip()


def test_the_message_says_how_many_days_are_left_and_when_the_deadline_is():
    reminder = Reminder(
        recipients=[], phase_label="tự đánh giá", deadline=DEADLINE, days_left=3, link="/", dedupe_key="k"
    )

    assert reminder_title(reminder) == "Còn 3 ngày đến hạn tự đánh giá (23:59 15/12/2025)"
    assert reminder_title(dataclasses.replace(reminder, phase_label="Tự đánh giá")) == (
        "Còn 3 ngày đến hạn tự đánh giá (23:59 15/12/2025)"
    )
    assert reminder_title(dataclasses.replace(reminder, phase_label="UBND tỉnh phê duyệt", days_left=1)) == (
        "Còn 1 ngày đến hạn UBND tỉnh phê duyệt (23:59 15/12/2025)"
    )


def test_days_left_count_calendar_days_in_local_time():
    assert reminder_days_left(now=local(12, 0, 1), deadline=DEADLINE) == 3
    assert reminder_days_left(now=local(12, 23, 58), deadline=DEADLINE) == 3
    assert reminder_days_left(now=local(14, 6), deadline=DEADLINE) == 1
    # 17:30 UTC on the 11th is already 00:30 on the 12th in Hà Nội.
    assert reminder_days_left(now=datetime.datetime(2025, 12, 11, 17, 30, tzinfo=datetime.UTC), deadline=DEADLINE) == 3


def test_it_sends_the_3_day_reminder_once_and_the_1_day_reminder_once(
    unit_a,
    unit_b,
    officer_a_with_email,
    head_a,
    officer_b,
    provide,
    clock,
    django_capture_on_commit_callbacks,
    mailoutbox,
):
    provide(FakeDeadlines([unit_a, unit_b]))

    clock(local(12))
    first = run_command(django_capture_on_commit_callbacks)
    clock(local(12, 18))
    again = run_command(django_capture_on_commit_callbacks)

    assert first == SUMMARY.format(notifications=3, reminders=2, already_sent=0, ignored=0)
    assert again == SUMMARY.format(notifications=0, reminders=0, already_sent=2, ignored=0)
    three_days = Notification.objects.filter(kind=Kind.DEADLINE_SOON)
    assert sorted(n.recipient.username for n in three_days) == ["daumoi_a", "daumoi_b", "thutruong_a"]
    assert {n.title for n in three_days} == {"Còn 3 ngày đến hạn tự đánh giá (23:59 15/12/2025)"}
    assert {n.body for n in three_days} == {DEADLINE_SOON_BODY.format(phase="tự đánh giá", deadline="23:59 15/12/2025")}
    assert {n.link for n in three_days} == {"/tu-danh-gia/"}
    assert [m.subject for m in mailoutbox] == ["[Chỉ số CCHC] Còn 3 ngày đến hạn tự đánh giá (23:59 15/12/2025)"]

    clock(local(14))
    run_command(django_capture_on_commit_callbacks)
    clock(local(14, 20))
    run_command(django_capture_on_commit_callbacks)

    one_day = Notification.objects.filter(title="Còn 1 ngày đến hạn tự đánh giá (23:59 15/12/2025)")
    assert one_day.count() == 3
    assert Notification.objects.count() == 6
    assert [m.subject for m in mailoutbox][1:] == ["[Chỉ số CCHC] Còn 1 ngày đến hạn tự đánh giá (23:59 15/12/2025)"]


@pytest.mark.parametrize(
    "moment", [local(11), local(13), local(15), local(16)], ids=["4 ngày", "2 ngày", "ngày hạn", "quá hạn"]
)
def test_it_sends_nothing_on_other_days(unit_a, officer_a, provide, clock, django_capture_on_commit_callbacks, moment):
    provide(FakeDeadlines([unit_a]))
    clock(moment)

    output = run_command(django_capture_on_commit_callbacks)

    assert output == SUMMARY.format(notifications=0, reminders=0, already_sent=0, ignored=0)
    assert not Notification.objects.exists()


def test_it_does_not_trust_a_provider_that_gets_the_day_wrong(
    unit_a, officer_a, provide, clock, django_capture_on_commit_callbacks
):
    def wrong(now):
        yield Reminder(
            recipients=[officer_a], phase_label="Giải trình", deadline=DEADLINE, days_left=3, link="/", dedupe_key="a"
        )  # five days away, not three
        yield Reminder(
            recipients=[officer_a], phase_label="Giải trình", deadline=DEADLINE, days_left=5, link="/", dedupe_key="b"
        )  # five days away, but 5 is not a reminder day
        yield Reminder(
            recipients=[officer_a],
            phase_label="Giải trình",
            deadline=local(10),
            days_left=3,
            link="/",
            dedupe_key="c",
        )  # already past

    provide(wrong)
    clock(local(10, 8))

    output = run_command(django_capture_on_commit_callbacks)

    assert output == SUMMARY.format(notifications=0, reminders=0, already_sent=0, ignored=3)
    assert not Notification.objects.exists()


def test_an_extended_deadline_is_reminded_again(unit_a, officer_a, provide, clock, django_capture_on_commit_callbacks):
    provide(FakeDeadlines([unit_a]))
    clock(local(12))
    run_command(django_capture_on_commit_callbacks)

    provide(FakeDeadlines([unit_a], deadline=DEADLINE + datetime.timedelta(days=7)))
    clock(local(19))
    run_command(django_capture_on_commit_callbacks)

    assert list(Notification.objects.order_by("id").values_list("title", flat=True)) == [
        "Còn 3 ngày đến hạn tự đánh giá (23:59 15/12/2025)",
        "Còn 3 ngày đến hạn tự đánh giá (23:59 22/12/2025)",
    ]


def test_one_failing_reminder_does_not_stop_the_others_and_the_job_fails_visibly(
    unit_a, officer_a, officer_b, provide, clock, django_capture_on_commit_callbacks
):
    def provider(now):
        reminder = Reminder(
            recipients=[officer_a],
            phase_label="Tự đánh giá",
            deadline=DEADLINE,
            days_left=3,
            link="https://evil.example/",
            dedupe_key="x",
        )
        yield reminder
        yield dataclasses.replace(reminder, recipients=[officer_b], link="/tu-danh-gia/", dedupe_key="y")

    provide(provider)
    clock(local(12))

    with pytest.raises(CommandError, match="1 lượt nhắc không gửi được"):
        run_command(django_capture_on_commit_callbacks)

    assert [n.recipient for n in Notification.objects.all()] == [officer_b]


def test_without_a_provider_it_says_there_is_nothing_to_do(db, monkeypatch, django_capture_on_commit_callbacks):
    monkeypatch.setitem(sys.modules, "parindex.periods.selectors", None)  # as if the periods app did not exist

    assert run_command(django_capture_on_commit_callbacks) == NO_PROVIDER
    assert not Notification.objects.exists()


def test_a_periods_app_without_due_reminders_is_nothing_to_do_too(
    db, periods_selectors, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.delattr(periods_selectors, "due_reminders", raising=False)

    assert run_command(django_capture_on_commit_callbacks) == NO_PROVIDER
