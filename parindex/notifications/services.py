"""Writes: notify people in the app and by e-mail, mark notifications read.

Other apps call notify() from inside their own services, in the transaction of the change that causes it
(an assessment submitted, an explanation requested …). The rows are part of that transaction; the e-mails
leave only after it commits, so a change that is rolled back never e-mails anybody.

Reading a notification records no audit event: it changes nothing in the assessment, only the reader's own
view, and an event per click would bury the trail that matters.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Sequence
from contextlib import suppress
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import Truncator

from parindex.accounts.models import User
from parindex.notifications.models import Kind, Notification

logger = logging.getLogger(__name__)

EMAIL_SUBJECT_PREFIX = "[Chỉ số CCHC] "
_TITLE_MAX_LENGTH = Notification._meta.get_field("title").max_length or 255


def is_relative_link(link: str) -> bool:
    """A path on this site ("/thong-bao/"), never a scheme, a host or a protocol-relative "//host"."""
    if not link.startswith("/") or link.startswith(("//", "/\\")):
        return False
    if any(ord(char) < 32 or ord(char) == 127 for char in link):
        return False  # browsers drop tabs and newlines, which can turn "/\t/evil.example" into "//evil.example"
    return url_has_allowed_host_and_scheme(link, allowed_hosts=None)


def absolute_url(link: str) -> str:
    """The address to put in an e-mail: PARINDEX_BASE_URL followed by the site path."""
    return settings.PARINDEX_BASE_URL.rstrip("/") + link


def _one_line(text: str) -> str:
    # A title becomes an e-mail subject: a newline in it would be refused as a header injection.
    return Truncator(" ".join(str(text).split())).chars(_TITLE_MAX_LENGTH)


def notify(
    *,
    recipients: Iterable[User],
    kind: str,
    title: str,
    body: str,
    link: str = "",
    dedupe_key: str = "",
    email: bool = True,
) -> list[Notification]:
    """Notify each active recipient in the app and, if `email`, by e-mail once the current transaction commits.

    `link` is a path on this site (reverse(...)). With a `dedupe_key`, a recipient who already has a
    notification with that key is skipped, so a job run twice notifies nobody twice. Returns the
    notifications created (the skipped ones are not in it).
    """
    if link and not is_relative_link(link):
        raise ValueError(f"A notification links only to a path on this site, not to {link!r}.")
    kind = Kind(kind)
    people = {user.pk: user for user in recipients if user.is_active}
    if not people:
        return []
    now = timezone.now()

    def row(user: User) -> Notification:
        return Notification(
            recipient=user,
            kind=kind,
            title=_one_line(title),
            body=str(body),
            link=link,
            created_at=now,
            dedupe_key=dedupe_key,
        )

    if dedupe_key:
        # Read and write in one transaction: on SQLite (IMMEDIATE) nobody can write in between.
        with transaction.atomic():
            already = _recipients_with_key(dedupe_key, list(people))
            rows = [row(user) for pk, user in people.items() if pk not in already]
            created = _insert_deduplicated(rows) if rows else []
    else:
        created = Notification.objects.bulk_create([row(user) for user in people.values()])
    if email:
        to_mail = [notification for notification in created if notification.recipient.email]
        if to_mail:
            # robust: whatever happens while mailing, the caller's commit has already succeeded and must not
            # see an exception from here (notifications_send_emails also catches and logs its own failures).
            transaction.on_commit(functools.partial(notifications_send_emails, notifications=to_mail), robust=True)
    return created


def _recipients_with_key(dedupe_key: str, recipient_ids: list[int]) -> set[int]:
    return set(
        Notification.objects.filter(dedupe_key=dedupe_key, recipient_id__in=recipient_ids).values_list(
            "recipient_id", flat=True
        )
    )


def _insert_deduplicated(rows: list[Notification]) -> list[Notification]:
    try:
        with transaction.atomic():
            return Notification.objects.bulk_create(rows)
    except IntegrityError:
        pass
    # On PostgreSQL another run of the same job can insert the same key between our read and this write:
    # keep the rows that are still new, one at a time.
    created = []
    for notification in rows:
        try:
            with transaction.atomic():
                notification.save(force_insert=True)
        except IntegrityError:
            notification.pk = None
            continue
        created.append(notification)
    return created


def notifications_send_emails(*, notifications: Sequence[Notification]) -> int:
    """E-mail each notification to its recipient unless already done; returns how many were sent.

    Never raises: a mail server that is down or refuses an address is logged, and the in-app notification
    stands anyway. Each person gets their own message, so no one sees who else was notified.
    """
    pending = [n for n in notifications if n.email_sent_at is None and n.recipient.email]
    if not pending:
        return 0
    try:
        connection = get_connection()
        connection.open()
    except Exception:
        logger.exception("Cannot open the e-mail connection; %d notification e-mails not sent", len(pending))
        return 0
    sent: list[Notification] = []
    try:
        for notification in pending:
            try:
                _email_message(notification, connection=connection).send()
            except Exception:
                logger.exception(
                    "E-mail of notification %s to user %s failed", notification.pk, notification.recipient_id
                )
                continue
            sent.append(notification)
    finally:
        with suppress(Exception):
            connection.close()
    if sent:
        at = timezone.now()
        Notification.objects.filter(pk__in=[n.pk for n in sent], email_sent_at__isnull=True).update(email_sent_at=at)
        for notification in sent:
            notification.email_sent_at = at
    return len(sent)


def _email_message(notification: Notification, *, connection: Any) -> EmailMultiAlternatives:
    list_url = absolute_url(reverse("notifications:list"))
    context = {
        "notification": notification,
        "recipient": notification.recipient,
        "url": absolute_url(notification.link) if notification.link else list_url,
        "list_url": list_url,
    }
    message = EmailMultiAlternatives(
        subject=EMAIL_SUBJECT_PREFIX + notification.title,
        body=render_to_string("notifications/email/notification.txt", context),
        to=[notification.recipient.email],
        connection=connection,
    )
    message.attach_alternative(render_to_string("notifications/email/notification.html", context), "text/html")
    return message


def notification_mark_read(*, user: User, notification: Notification) -> Notification:
    if notification.recipient_id != user.pk:
        # Views reach this only through notifications_of(user): getting here means a bug, not a user error.
        raise PermissionDenied
    if notification.read_at is None:
        at = timezone.now()
        # Conditional: a second tab marking the same notification keeps the first reading time.
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=at)
        notification.read_at = at
    return notification


def notifications_mark_all_read(*, user: User) -> int:
    """Returns how many were unread."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())
