"""Each unit's status in each phase on the progress page's selector, for every step of the cycle, overdue with
and without an extension, and the counts per status."""

from datetime import timedelta

import pytest
from django.utils import timezone

from parindex.periods.models import Phase
from parindex.periods.progress import (
    APPRAISED,
    EXPLAINED,
    IN_PROGRESS,
    NOT_NEEDED,
    NOT_STARTED,
    OVERDUE,
    SUBMITTED,
    WAITING,
    filter_rows,
    progress_page,
)
from parindex.periods.services import deadline_extend
from tests.cycle import deadline_of
from tests.periods.progress_world import build

S, A1, E, A2 = Phase.SELF_ASSESSMENT, Phase.APPRAISAL_1, Phase.EXPLANATION, Phase.APPRAISAL_2

EXPECTED = {
    "new": (NOT_STARTED, WAITING, WAITING, WAITING),
    "draft": (IN_PROGRESS, WAITING, WAITING, WAITING),
    "sub": (SUBMITTED, NOT_STARTED, WAITING, WAITING),
    "r1": (SUBMITTED, IN_PROGRESS, WAITING, WAITING),
    "done": (SUBMITTED, APPRAISED, NOT_NEEDED, NOT_NEEDED),
    "asked": (SUBMITTED, APPRAISED, NOT_STARTED, WAITING),
    "expl": (SUBMITTED, APPRAISED, EXPLAINED, NOT_STARTED),
    "re": (SUBMITTED, APPRAISED, EXPLAINED, APPRAISED),
}


@pytest.fixture
def world(organizer, unit_a):
    return build(organizer, unit_a.group)


def _statuses(page):
    return {row.assessment.unit.code: tuple(cell.status for cell in row.ordered_cells) for row in page.rows}


def test_every_step_of_the_cycle_has_its_status_in_each_phase(world):
    page = progress_page(world.period, timezone.now())
    statuses = _statuses(page)
    for key, expected in EXPECTED.items():
        assert statuses[world.units[key].code] == expected, key


def test_the_counts_add_up_per_phase_and_at_each_units_current_step(world):
    page = progress_page(world.period, timezone.now())
    assert page.counts[S] == {NOT_STARTED: 1, IN_PROGRESS: 1, SUBMITTED: 6}
    assert page.counts[A1][APPRAISED] == 4
    assert page.counts[E] == {WAITING: 4, NOT_NEEDED: 1, NOT_STARTED: 1, EXPLAINED: 2}
    # Current step: new and draft (self), sub and r1 (round 1), asked (explanation), expl (round 2); done and
    # re have nothing left.
    assert page.current_counts == {NOT_STARTED: 4, IN_PROGRESS: 2, APPRAISED: 2}


def test_a_unit_past_its_deadline_is_overdue_unless_its_deadline_was_extended(world):
    after = deadline_of(world.period, S) + timedelta(hours=1)
    deadline_extend(
        actor=world.organizer,
        period=world.period,
        unit=world.units["draft"],
        phase=S,
        deadline=after + timedelta(days=2),
        reason="Mất điện",
    )
    page = progress_page(world.period, after)
    statuses = _statuses(page)
    assert statuses[world.units["new"].code][0] == OVERDUE
    assert statuses[world.units["draft"].code][0] == IN_PROGRESS  # extended: still within its own deadline
    assert statuses[world.units["sub"].code][0] == SUBMITTED  # past the phase: never overdue
    draft_row = next(row for row in page.rows if row.assessment.unit_id == world.units["draft"].pk)
    assert draft_row.cells[S].extended
    assert [change.reason for change in page.extensions_ahead] == ["Mất điện"]
    # Once the extension too has passed, the unit is overdue as well.
    later = progress_page(world.period, after + timedelta(days=3))
    assert _statuses(later)[world.units["draft"].code][0] == OVERDUE


def test_round_1_and_the_explanation_are_overdue_after_their_deadlines(world):
    after_round_1 = deadline_of(world.period, A1) + timedelta(hours=1)
    statuses = _statuses(progress_page(world.period, after_round_1))
    assert statuses[world.units["sub"].code][1] == OVERDUE
    assert statuses[world.units["r1"].code][1] == OVERDUE
    assert statuses[world.units["done"].code][1] == APPRAISED
    after_explanation = deadline_of(world.period, E) + timedelta(hours=1)
    statuses = _statuses(progress_page(world.period, after_explanation))
    assert statuses[world.units["asked"].code][2] == OVERDUE
    assert statuses[world.units["expl"].code][2] == EXPLAINED
    after_round_2 = deadline_of(world.period, A2) + timedelta(hours=1)
    statuses = _statuses(progress_page(world.period, after_round_2))
    assert statuses[world.units["expl"].code][3] == OVERDUE
    assert statuses[world.units["re"].code][3] == APPRAISED


def test_each_appraiser_has_assigned_done_and_left(world):
    page = progress_page(world.period, timezone.now())
    by_name = {appraiser.name: appraiser for appraiser in page.appraisers}
    assert list(by_name) == ["An Thẩm Định Hai", "Bùi Thẩm Định Một"]  # Vietnamese order
    one, two = by_name["Bùi Thẩm Định Một"], by_name["An Thẩm Định Hai"]
    assert (one.fields, one.assigned, len(one.units)) == (["1"], 8, 8)
    # Field 1 is done for done and re; asked and expl still wait for round 2 of 1.2; r1 has one leaf of four.
    assert (one.done, one.left) == (2, 6)
    # Field 2 (2.1) is done for every unit appraised in round 1.
    assert (two.done, two.left) == (4, 4)


def test_filters_keep_a_status_in_a_phase_and_a_group(world):
    page = progress_page(world.period, timezone.now())
    rows = filter_rows(page, phase=A1, status=NOT_STARTED)
    assert [row.assessment.unit.name for row in rows] == ["Sở Đối ngoại"]
    assert len(filter_rows(page, status=NOT_STARTED)) == 4
    assert filter_rows(page, group="khong-co") == []
