"""E-mail backends for the failure tests, named by dotted path in settings.EMAIL_BACKEND."""

from __future__ import annotations

from smtplib import SMTPRecipientsRefused

from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend

REFUSED_ADDRESS_MARK = "khong-nhan-thu"


class DownBackend(BaseEmailBackend):
    """A mail server that cannot be reached."""

    def open(self):
        raise ConnectionRefusedError("máy chủ thư không phản hồi")

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("máy chủ thư không phản hồi")


class RefusingBackend(LocmemBackend):
    """Delivers to mail.outbox, but refuses any address containing REFUSED_ADDRESS_MARK."""

    def send_messages(self, messages):
        for message in messages:
            refused = [address for address in message.to if REFUSED_ADDRESS_MARK in address]
            if refused:
                raise SMTPRecipientsRefused(dict.fromkeys(refused, (550, b"mailbox unavailable")))
        return super().send_messages(messages)
