"""Deadline reminders: three days and one day before a phase's deadline, each sent once.

The periods app knows the deadlines (per period, phase and unit, with extensions); this module knows how to
say it and how never to say it twice. They meet in a small protocol: `parindex.periods.selectors.due_reminders(now)`
returns the `Reminder`s due at `now`. It is looked up at run time, so this app works (with nothing to do)
before the periods app exists, and the periods app does not depend on this one for anything but these types.

A provider should yield, for each unit and open phase whose effective deadline is REMINDER_DAYS away
(reminder_days_left), one Reminder addressed to the people who still have to act, with the key made by
reminder_dedupe_key(). The daily job (`manage.py send_deadline_reminders`) does the rest.
"""

from __future__ import annotations

import datetime
import importlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils import timezone

from parindex.accounts.models import User
from parindex.notifications.models import Kind
from parindex.notifications.services import notify

logger = logging.getLogger(__name__)

# Days before the deadline on which people are reminded.
REMINDER_DAYS = (3, 1)

PROVIDER_MODULE = "parindex.periods.selectors"
PROVIDER_NAME = "due_reminders"

DEADLINE_SOON_TITLE = "Còn {days} ngày đến hạn {phase} ({deadline})"
DEADLINE_SOON_BODY = (
    "Hạn {phase} là {deadline}. Đến hạn, hệ thống tự động khóa và không nhận cập nhật nữa; "
    "nếu cần gia hạn, vui lòng liên hệ Sở Nội vụ trước thời điểm này."
)


@dataclass(frozen=True)
class Reminder:
    """One reminder to send: who, about which phase, when it closes.

    `phase_label` is the phase's name, read after "đến hạn": "Tự đánh giá" becomes "… đến hạn tự đánh giá".
    `link` is a path on this site (reverse(...)), `dedupe_key` comes from reminder_dedupe_key().
    """

    recipients: Iterable[User]
    phase_label: str
    deadline: datetime.datetime
    days_left: int
    link: str
    dedupe_key: str


ReminderProvider = Callable[[datetime.datetime], Iterable[Reminder]]


def reminder_days_left(*, now: datetime.datetime, deadline: datetime.datetime) -> int:
    """Calendar days from today to the deadline's day, in local time: a deadline at 23:59 on 15/12 is 3 days
    away for the whole of 12/12, whatever hour the daily job runs."""
    return (timezone.localdate(deadline) - timezone.localdate(now)).days


def reminder_dedupe_key(
    *, period_id: int, phase: str, unit_id: int | str, deadline: datetime.datetime, days_left: int
) -> str:
    # The deadline's date is part of the key: after an extension the unit is reminded again before the new
    # deadline, while the same deadline is never reminded twice on the same number of days.
    return f"deadline:{period_id}:{phase}:{unit_id}:{timezone.localdate(deadline):%Y-%m-%d}:{days_left}"


def format_deadline(deadline: datetime.datetime) -> str:
    """ "23:59 15/12/2025", in the local time zone (as the provincial plan writes it)."""
    return timezone.localtime(deadline).strftime("%H:%M %d/%m/%Y")


def _in_sentence(label: str) -> str:
    # Phase names are capitalised in choices ("Tự đánh giá") but read mid-sentence here ("đến hạn tự đánh
    # giá"); an acronym ("UBND …") keeps its capitals.
    if len(label) > 1 and label[0].isupper() and label[1].islower():
        return label[0].lower() + label[1:]
    return label


def reminder_title(reminder: Reminder) -> str:
    return DEADLINE_SOON_TITLE.format(
        days=reminder.days_left,
        phase=_in_sentence(reminder.phase_label),
        deadline=format_deadline(reminder.deadline),
    )


def reminder_body(reminder: Reminder) -> str:
    return DEADLINE_SOON_BODY.format(
        phase=_in_sentence(reminder.phase_label), deadline=format_deadline(reminder.deadline)
    )


def reminder_provider() -> ReminderProvider | None:
    """parindex.periods.selectors.due_reminders, or None while the periods app does not provide it."""
    try:
        module = importlib.import_module(PROVIDER_MODULE)
    except ModuleNotFoundError as error:
        if error.name in (PROVIDER_MODULE, PROVIDER_MODULE.rpartition(".")[0]):
            return None
        raise  # the periods app exists but is broken: say so, do not skip the reminders silently
    return getattr(module, PROVIDER_NAME, None)


@dataclass
class ReminderRun:
    notifications: int = 0  # notifications created (one per person reminded)
    reminders: int = 0  # reminders that reached at least one person for the first time
    already_sent: int = 0  # reminders everybody had already received (the job ran earlier today)
    ignored: int = 0  # not a reminder day, or a deadline already past
    failed: int = 0


def deadline_reminders_send(*, now: datetime.datetime, provider: ReminderProvider) -> ReminderRun:
    """Send the reminders the provider says are due at `now`. Idempotent: run it as often as you like."""
    run = ReminderRun()
    for reminder in provider(now):
        # Checked here rather than trusted, so a provider's mistake can never tell someone "3 days left" on
        # the wrong day, nor remind them of a deadline that has passed.
        if (
            reminder.days_left not in REMINDER_DAYS
            or reminder.deadline <= now
            or reminder_days_left(now=now, deadline=reminder.deadline) != reminder.days_left
        ):
            run.ignored += 1
            continue
        try:
            created = notify(
                recipients=reminder.recipients,
                kind=Kind.DEADLINE_SOON,
                title=reminder_title(reminder),
                body=reminder_body(reminder),
                link=reminder.link,
                dedupe_key=reminder.dedupe_key,
            )
        except Exception:
            # One bad reminder (a wrong link, say) must not stop everyone else's.
            logger.exception("Deadline reminder %r failed", reminder.dedupe_key)
            run.failed += 1
            continue
        if created:
            run.reminders += 1
            run.notifications += len(created)
        else:
            run.already_sent += 1
    return run
