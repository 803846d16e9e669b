"""The demonstration period's building blocks: a unit can be taken to any state of the cycle, with answers
the engine accepts."""

import random

import pytest

from parindex.assessments.models import Answer, Stage, State
from parindex.demo.answers import demo_answer
from parindex.demo.cycle import ORDER, _play
from parindex.engine import parse_answer
from parindex.setfile import load_criteria_set
from tests.criteria.conftest import DEMO_SETS
from tests.cycle import assessment_of, make_period


@pytest.mark.parametrize("name", ["2025-so.yaml", "2025-xa.yaml", "2020-so.yaml", "2020-huyen.yaml"])
def test_every_demo_answer_is_accepted_by_its_rule(name):
    criteria_set = load_criteria_set(DEMO_SETS / name)
    na_allowed = {leaf.code: leaf.na_allowed for leaf in criteria_set.plan.leaves}
    for seed in range(20):
        rng = random.Random(seed)
        for leaf in criteria_set.all_leaves:
            parse_answer(criteria_set, leaf.code, demo_answer(leaf, rng, rng.uniform(0.5, 1), na_allowed[leaf.code]))


@pytest.mark.parametrize("target", ORDER)
def test_a_unit_is_taken_to_each_state_of_the_cycle(organizer, officer_a, head_a, unit_a, unit_b, target):
    period = make_period(organizer, [unit_a, unit_b])
    assessment = assessment_of(period, unit_a)
    _play(assessment, target, organizer)
    assessment.refresh_from_db()
    assert assessment.state == target
    if target != "draft":
        assert Answer.objects.filter(assessment=assessment, stage=Stage.SELF).count() == 5
    if target == State.REAPPRAISED:
        assert Answer.objects.filter(assessment=assessment, stage=Stage.APPRAISAL_2).exists()


def test_the_demo_province_has_a_period_with_units_in_every_state_and_runs_once(db):
    """What `make run` builds: the slowest test here (a whole province through the services), kept because it
    is exactly the first thing a new user sees."""
    import io

    from parindex.assessments.models import Assessment
    from parindex.audit.services import audit_verify_chain
    from parindex.core.demo import demo_setup

    demo_setup(stdout=io.StringIO())
    states = set(Assessment.objects.filter(period__year=2025).values_list("state", flat=True))
    assert states == set(ORDER)
    # The communes wait only for Phường Phủ Lý's explanation: a visitor can take that group to the council.
    from parindex.council.selectors import group_results
    from parindex.demo.cycle import DEMO_PERIOD_NAME
    from parindex.organization.models import UnitGroup
    from parindex.periods.models import Period

    communes = group_results(Period.objects.get(name=DEMO_PERIOD_NAME), UnitGroup.objects.get(code="xa"))
    assert [(item.unit.name, item.state) for item in communes.not_ready] == [
        ("Phường Phủ Lý", State.EXPLANATION_REQUESTED)
    ]
    assert len(communes.rows) == 39
    out = io.StringIO()
    demo_setup(stdout=out)
    assert "Kỳ đánh giá minh họa 2025: đã có, giữ nguyên." in out.getvalue()
    assert audit_verify_chain() == []
