from datetime import timedelta

import pytest
from django.utils import timezone

from parindex.audit.models import AuditEvent
from parindex.periods.models import Phase
from parindex.periods.selectors import DeadlineBook
from parindex.periods.services import (
    MSG_DEADLINE_NOT_LATER,
    MSG_REASON_REQUIRED,
    PeriodError,
    deadline_extend,
    phase_reopen,
)
from tests.cycle import deadline_of, deadlines_from, make_period


@pytest.fixture
def period(organizer, unit_a, unit_b):
    return make_period(organizer, [unit_a, unit_b], deadlines=deadlines_from(timezone.now(), days=2))


def test_a_phase_is_open_until_its_deadline_inclusive(period, unit_a):
    book = DeadlineBook.load(period)
    deadline = deadline_of(period, Phase.SELF_ASSESSMENT, unit_a)
    assert book.is_open(Phase.SELF_ASSESSMENT, unit_a.pk, deadline)
    assert not book.is_open(Phase.SELF_ASSESSMENT, unit_a.pk, deadline + timedelta(seconds=1))


def test_nothing_is_open_before_the_period_opens(organizer, unit_a):
    period = make_period(organizer, [unit_a], opened=False)
    assert not DeadlineBook.load(period).is_open(Phase.SELF_ASSESSMENT, unit_a.pk, timezone.now())


def test_an_extension_applies_to_that_unit_only_and_is_audited(period, organizer, unit_a, unit_b):
    base = deadline_of(period, Phase.SELF_ASSESSMENT)
    later = base + timedelta(days=3)
    deadline_extend(
        actor=organizer, period=period, unit=unit_a, phase=Phase.SELF_ASSESSMENT, deadline=later, reason="Mất điện"
    )
    book = DeadlineBook.load(period)
    assert book.deadline(Phase.SELF_ASSESSMENT, unit_a.pk) == later
    assert book.deadline(Phase.SELF_ASSESSMENT, unit_b.pk) == base
    event = AuditEvent.objects.get(action="deadline.extended")
    assert (event.after or {})["reason"] == "Mất điện"


def test_reopening_for_everyone_never_shortens_an_extension(period, organizer, unit_a, unit_b):
    base = deadline_of(period, Phase.SELF_ASSESSMENT)
    deadline_extend(
        actor=organizer,
        period=period,
        unit=unit_a,
        phase=Phase.SELF_ASSESSMENT,
        deadline=base + timedelta(days=5),
        reason="Đơn vị mới sáp nhập",
    )
    phase_reopen(
        actor=organizer,
        period=period,
        phase=Phase.SELF_ASSESSMENT,
        deadline=base + timedelta(days=2),
        reason="Lỗi mạng toàn tỉnh",
    )
    book = DeadlineBook.load(period)
    assert book.deadline(Phase.SELF_ASSESSMENT, unit_a.pk) == base + timedelta(days=5)
    assert book.deadline(Phase.SELF_ASSESSMENT, unit_b.pk) == base + timedelta(days=2)


def test_a_change_needs_a_reason_and_a_later_deadline(period, organizer, unit_a):
    base = deadline_of(period, Phase.SELF_ASSESSMENT)
    with pytest.raises(PeriodError) as error:
        deadline_extend(
            actor=organizer, period=period, unit=unit_a, phase=Phase.SELF_ASSESSMENT, deadline=base, reason="  "
        )
    assert error.value.problems[0] == MSG_REASON_REQUIRED
    assert error.value.problems[1].startswith(MSG_DEADLINE_NOT_LATER.split("{")[0])


def test_the_book_reads_in_two_queries_whatever_the_number_of_units(period, django_assert_num_queries, unit_a):
    with django_assert_num_queries(2):
        book = DeadlineBook.load(period)
    for _ in range(100):
        book.is_open(Phase.SELF_ASSESSMENT, unit_a.pk, timezone.now())
