import re
from decimal import Decimal

import pytest
from django.db import connection

from parindex.audit.models import GENESIS_HASH, AuditEvent
from parindex.audit.services import (
    AUDIT_ACTION_INVALID,
    AUDIT_CHAIN_HASH_MISMATCH,
    AUDIT_CHAIN_LINK_BROKEN,
    audit_record,
    audit_verify_chain,
)


def _record_three(actor, target):
    return [
        audit_record(actor=actor, action="criteria_set.uploaded", target=target, summary="Tải lên bộ tiêu chí"),
        audit_record(actor=None, action="assessment.opened", summary="Mở kỳ đánh giá 2025"),
        audit_record(
            actor=actor,
            action="score.appraised",
            target=target,
            summary="Thẩm định điểm",
            before={"points": Decimal("1.50")},
            after={"points": Decimal("2.25"), "note": "Đủ tài liệu kiểm chứng"},
        ),
    ]


@pytest.fixture
def untouchable(db):
    # On PostgreSQL the trigger refuses raw UPDATE/DELETE too; tampering tests act as a database owner would.
    # DDL is transactional there: the test's rollback turns the trigger back on.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER audit_auditevent_append_only")


def test_it_records_an_event_with_its_target_and_actor(organizer, unit_a):
    event = audit_record(actor=organizer, action="unit.renamed", target=unit_a, summary="Đổi tên", before={"name": "A"})

    event.refresh_from_db()
    assert event.actor == organizer
    assert (event.target_type, event.target_id) == ("organization.unit", str(unit_a.pk))
    assert event.summary == "Đổi tên"
    assert event.before == {"name": "A"}
    assert event.after is None
    assert len(event.hash) == 64


def test_events_form_a_chain_from_the_genesis(organizer, unit_a):
    first, second, third = _record_three(organizer, unit_a)

    assert first.prev_hash == GENESIS_HASH
    assert second.prev_hash == first.hash
    assert third.prev_hash == second.hash


def test_an_intact_chain_verifies(organizer, unit_a):
    _record_three(organizer, unit_a)

    assert audit_verify_chain() == []


def test_an_empty_log_verifies(db):
    assert audit_verify_chain() == []


def test_values_come_back_as_they_were_hashed(organizer, unit_a):
    *_, event = _record_three(organizer, unit_a)

    stored = AuditEvent.objects.get(pk=event.pk)
    assert stored.after == {"points": "2.25", "note": "Đủ tài liệu kiểm chứng"}
    assert audit_verify_chain() == []


def test_awkward_json_values_still_verify(db):
    audit_record(
        actor=None,
        action="test.recorded",
        after={"big": 1e16, "small": 1e-7, "float": 0.1, "nested": [{"b": 1, "a": "Đ"}], 3: None},
    )

    assert audit_verify_chain() == []


def test_editing_a_row_with_raw_sql_is_detected(organizer, unit_a, untouchable):
    _first, second, _third = _record_three(organizer, unit_a)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET summary = %s WHERE id = %s", ["Đã sửa lén", second.pk])

    problems = audit_verify_chain()

    assert problems == [str(AUDIT_CHAIN_HASH_MISMATCH) % {"id": second.pk}]


def test_editing_a_row_and_its_hash_is_detected_at_the_next_link(organizer, unit_a, untouchable):
    _first, second, third = _record_three(organizer, unit_a)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET hash = %s WHERE id = %s", ["f" * 64, second.pk])

    problems = audit_verify_chain()

    assert problems[0] == str(AUDIT_CHAIN_HASH_MISMATCH) % {"id": second.pk}
    assert str(AUDIT_CHAIN_LINK_BROKEN) % {"id": third.pk} in problems


def test_deleting_a_row_with_raw_sql_is_detected(organizer, unit_a, untouchable):
    _first, second, third = _record_three(organizer, unit_a)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [second.pk])

    assert audit_verify_chain() == [str(AUDIT_CHAIN_LINK_BROKEN) % {"id": third.pk}]


def test_the_verify_command_fails_on_a_broken_chain(organizer, unit_a, untouchable):
    from django.core.management import CommandError, call_command

    _record_three(organizer, unit_a)
    call_command("audit_verify")
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET action = 'x.y' WHERE id = (SELECT MIN(id) FROM audit_auditevent)")

    with pytest.raises(CommandError):
        call_command("audit_verify")


def test_the_problem_messages_are_vietnamese():
    assert str(AUDIT_CHAIN_HASH_MISMATCH) % {"id": 7} == (
        "Sự kiện nhật ký #7 có mã băm không khớp với nội dung: nội dung đã bị sửa."
    )


@pytest.mark.parametrize("action", ["uploaded", "Criteria.Uploaded", "criteria set.uploaded", "a.", ""])
def test_it_refuses_an_action_that_is_not_dotted(db, action):
    with pytest.raises(ValueError, match=re.escape(str(AUDIT_ACTION_INVALID))):
        audit_record(actor=None, action=action)
