"""Writing and verifying the audit log. Every state-changing service calls audit_record() inside its own
transaction, so the change and its event are committed together or not at all."""

from __future__ import annotations

import datetime
import decimal
import hashlib
import json
import math
import re
import uuid
from typing import Any

from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from parindex.audit.models import GENESIS_HASH, AuditEvent

AUDIT_ACTION_INVALID = _("Tên hành động nhật ký phải có dạng “đối_tượng.hành_động”, ví dụ “criteria_set.uploaded”.")
AUDIT_CHAIN_LINK_BROKEN = _(
    "Sự kiện nhật ký #%(id)s không nối tiếp sự kiện trước nó (mã băm trước không khớp): "
    "có sự kiện đã bị xóa, chèn thêm hoặc sửa."
)
AUDIT_CHAIN_HASH_MISMATCH = _("Sự kiện nhật ký #%(id)s có mã băm không khớp với nội dung: nội dung đã bị sửa.")

_ACTION_RE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")
# Any fixed 64-bit number: the key of the PostgreSQL advisory lock that serialises writers of the chain.
_CHAIN_LOCK_KEY = 0x70617269_6E646578 & 0x7FFFFFFFFFFFFFFF  # "parindex"
_SNAPSHOT_EXCLUDED_FIELDS = frozenset({"password"})


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = value.astimezone(datetime.UTC)
        return value.isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, set | frozenset):
        return sorted(value, key=str)
    if isinstance(value, models.Model):
        return value.pk
    # Lazy translation strings and the like.
    return str(value)


def canonical_json(value: Any) -> str:
    """One byte-exact text for one value: sorted keys, no spaces, UTF-8 kept as is."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_json_default)


def _plain_floats(value: Any) -> Any:
    # PostgreSQL's jsonb rewrites 1e+16 as 10000000000000000 (an int when read back), which would change the
    # hash; such floats, and non-finite ones, are kept as text instead.
    if isinstance(value, float) and ("e" in repr(value) or not math.isfinite(value)):
        return repr(value)
    if isinstance(value, dict):
        return {key: _plain_floats(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain_floats(item) for item in value]
    return value


def _to_json_value(value: Any) -> Any:
    # Stored exactly as it was hashed: what comes back from the database must hash the same way.
    # (No sort_keys here: it would fail on mixed int and str keys before json turns them all into text.)
    if value is None:
        return None
    return _plain_floats(json.loads(json.dumps(value, ensure_ascii=False, default=_json_default)))


def _format_at(at: datetime.datetime) -> str:
    return at.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def audit_event_compute_hash(event: AuditEvent) -> str:
    payload = {
        "v": 1,
        "at": _format_at(event.at),
        "actor_id": event.actor_id,
        "action": event.action,
        "target_type": event.target_type,
        "target_id": event.target_id,
        "summary": event.summary,
        "before": event.before,
        "after": event.after,
        "prev_hash": event.prev_hash,
    }
    return hashlib.sha256(canonical_json(payload).encode("utf-8")).hexdigest()


def model_snapshot(instance: models.Model, *, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
    """The concrete field values of `instance`, JSON-ready, for an event's before/after. Never the password."""
    snapshot: dict[str, Any] = {}
    for field in instance._meta.concrete_fields:
        if field.name in _SNAPSHOT_EXCLUDED_FIELDS or field.name in exclude:
            continue
        snapshot[field.attname] = getattr(instance, field.attname)
    return _to_json_value(snapshot)


def _lock_chain() -> None:
    # SQLite needs nothing here: settings open every transaction with BEGIN IMMEDIATE, so writers are
    # already serialised. PostgreSQL needs a lock held until commit, or two writers could both read the same
    # latest hash; the transaction-scoped advisory lock is released by the commit itself.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK_KEY])


def audit_record(
    *,
    actor: Any,
    action: str,
    target: models.Model | None = None,
    summary: str = "",
    before: Any = None,
    after: Any = None,
) -> AuditEvent:
    """Append one event to the chain. Call it inside the transaction of the change it records."""
    if not _ACTION_RE.match(action):
        raise ValueError(str(AUDIT_ACTION_INVALID))
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None  # AnonymousUser: a failed login, say, is recorded as done by nobody
    with transaction.atomic():
        _lock_chain()
        prev_hash = AuditEvent.objects.order_by("-id").values_list("hash", flat=True).first() or GENESIS_HASH
        event = AuditEvent(
            at=timezone.now(),
            actor=actor,
            action=action,
            target_type=target._meta.label_lower if target is not None else "",
            target_id=str(target.pk) if target is not None else "",
            summary=str(summary),
            before=_to_json_value(before),
            after=_to_json_value(after),
            prev_hash=prev_hash,
        )
        event.hash = audit_event_compute_hash(event)
        event.save()
    return event


def audit_verify_chain() -> list[str]:
    """Recompute the whole chain. Returns the problems found, in order (the first is the first broken link);
    an empty list means the log is intact."""
    problems: list[str] = []
    expected_prev = GENESIS_HASH
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        if event.prev_hash != expected_prev:
            problems.append(str(AUDIT_CHAIN_LINK_BROKEN) % {"id": event.pk})
        if audit_event_compute_hash(event) != event.hash:
            problems.append(str(AUDIT_CHAIN_HASH_MISMATCH) % {"id": event.pk})
        expected_prev = event.hash
    return problems
