from datetime import timedelta

import pytest
from django.utils import timezone

from parindex.assessments.models import Assessment, State
from parindex.audit.models import AuditEvent
from parindex.criteria.services import criteria_set_upload
from parindex.periods.models import Phase
from parindex.periods.services import (
    MSG_ALREADY_OPEN,
    MSG_DEADLINES_ORDER,
    MSG_SET_NOT_ISSUED,
    MSG_UNIT_ALREADY_IN,
    MSG_UNIT_GROUP_NOT_IN_PERIOD,
    MSG_UNIT_INACTIVE,
    PeriodError,
    period_add_units,
    period_create,
    period_open,
)
from tests.cycle import CYCLE_SET, cycle_set, deadlines_from, make_period, new_unit
from tests.factories import UnitGroupFactory


def test_a_period_gives_each_unit_its_groups_issued_set(organizer, unit_a, unit_b):
    period = make_period(organizer, [unit_a, unit_b])
    assessments = Assessment.objects.filter(period=period)
    assert {a.unit for a in assessments} == {unit_a, unit_b}
    assert {a.state for a in assessments} == {State.DRAFT}
    assert all(a.criteria_set.name.startswith("Bộ tiêu chí sở") for a in assessments)
    assert period.is_open


def test_creating_adding_and_opening_are_audited(organizer, unit_a):
    make_period(organizer, [unit_a])
    events = AuditEvent.objects.filter(action__startswith="period.").order_by("id")
    actions = list(events.values_list("action", flat=True))
    assert actions == ["period.created", "period.units_added", "period.opened"]


def test_only_an_issued_set_may_be_used(organizer, unit_a):
    draft = criteria_set_upload(actor=organizer, filename="d.yaml", content=CYCLE_SET.encode())
    with pytest.raises(PeriodError) as error:
        period_create(actor=organizer, year=2025, name="Kỳ 2025", criteria_sets={unit_a.group: draft}, deadlines={})
    assert error.value.problems == [MSG_SET_NOT_ISSUED.format(name=draft.name)]


def test_deadlines_must_follow_the_order_of_the_phases(organizer, unit_a):
    version = cycle_set(organizer, unit_a.group)
    deadlines = deadlines_from(timezone.now())
    deadlines[Phase.APPRAISAL_1] = deadlines[Phase.SELF_ASSESSMENT] - timedelta(days=1)
    with pytest.raises(PeriodError) as error:
        period_create(
            actor=organizer, year=2025, name="Kỳ 2025", criteria_sets={unit_a.group: version}, deadlines=deadlines
        )
    assert error.value.problems == [MSG_DEADLINES_ORDER.format(later="Thẩm định lần 1", earlier="Tự đánh giá")]


def test_units_of_another_group_inactive_or_already_in_are_refused(organizer, unit_a):
    period = make_period(organizer, [unit_a])
    commune = new_unit(name="Xã An Bình", group=UnitGroupFactory(code="xa", name="UBND cấp xã"))
    closed = new_unit(name="UBND huyện cũ", group=unit_a.group, active_to=timezone.now().date().replace(year=2024))
    with pytest.raises(PeriodError) as error:
        period_add_units(actor=organizer, period=period, units=[commune, closed, unit_a])
    assert error.value.problems == [
        MSG_UNIT_GROUP_NOT_IN_PERIOD.format(unit="Xã An Bình", group="UBND cấp xã"),
        MSG_UNIT_INACTIVE.format(unit="UBND huyện cũ", year=2025),
        MSG_UNIT_ALREADY_IN.format(unit=unit_a.name),
    ]
    assert Assessment.objects.filter(period=period).count() == 1


def test_a_period_opens_once(organizer, unit_a):
    period = make_period(organizer, [unit_a])
    with pytest.raises(PeriodError) as error:
        period_open(actor=organizer, period=period)
    assert error.value.problems == [MSG_ALREADY_OPEN]
