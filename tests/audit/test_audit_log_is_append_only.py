import pytest
from django.db import DatabaseError, connection, transaction

from parindex.audit.models import AUDIT_EVENT_IMMUTABLE, AuditEvent, AuditLogImmutableError
from parindex.audit.services import audit_record


@pytest.fixture
def event(db):
    return audit_record(actor=None, action="test.recorded", summary="Gốc")


def test_saving_an_existing_event_is_refused(event):
    event.summary = "Sửa"

    with pytest.raises(AuditLogImmutableError, match=str(AUDIT_EVENT_IMMUTABLE)):
        event.save()


def test_deleting_an_event_is_refused(event):
    with pytest.raises(AuditLogImmutableError):
        event.delete()
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_queryset_update_and_delete_are_refused(event):
    with pytest.raises(AuditLogImmutableError):
        AuditEvent.objects.filter(pk=event.pk).update(summary="Sửa")
    with pytest.raises(AuditLogImmutableError):
        AuditEvent.objects.all().delete()
    with pytest.raises(AuditLogImmutableError):
        AuditEvent.objects.bulk_update([event], ["summary"])


def test_events_cannot_be_created_around_the_service(db):
    with pytest.raises(AuditLogImmutableError):
        AuditEvent.objects.create(action="test.forged", prev_hash="a" * 64)
    with pytest.raises(AuditLogImmutableError):
        AuditEvent.objects.bulk_create([AuditEvent(action="test.forged")])


def test_an_actor_with_history_cannot_be_deleted(organizer):
    from django.db.models import ProtectedError

    audit_record(actor=organizer, action="test.recorded")

    with pytest.raises(ProtectedError):
        organizer.delete()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL only")
@pytest.mark.parametrize("sql", ["UPDATE audit_auditevent SET summary = 'Sửa'", "DELETE FROM audit_auditevent"])
def test_postgresql_refuses_raw_update_and_delete(event, sql):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
    assert AuditEvent.objects.get(pk=event.pk).summary == "Gốc"
