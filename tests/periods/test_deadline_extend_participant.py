"""periods.services.deadline_extend: only a unit taking part in the period gets an extension."""

from datetime import timedelta

import pytest

from parindex.periods.models import DeadlineChange, Phase
from parindex.periods.services import MSG_UNIT_NOT_IN_PERIOD, PeriodError, deadline_extend
from tests.cycle import deadline_of, make_period


def test_a_unit_outside_the_period_gets_no_extension(organizer, unit_a, unit_b):
    period = make_period(organizer, [unit_a])
    with pytest.raises(PeriodError) as error:
        deadline_extend(
            actor=organizer,
            period=period,
            unit=unit_b,
            phase=Phase.SELF_ASSESSMENT,
            deadline=deadline_of(period, Phase.SELF_ASSESSMENT) + timedelta(days=1),
            reason="Lý do",
        )
    assert error.value.problems == [MSG_UNIT_NOT_IN_PERIOD.format(unit=unit_b.name)]
    assert not DeadlineChange.objects.exists()
