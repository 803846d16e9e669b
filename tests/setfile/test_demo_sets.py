"""The shipped demonstration sets: valid, realistic in size, and between them using every rule."""

from pathlib import Path

import pytest

from parindex.engine import RULE_TYPES
from parindex.setfile import dump_criteria_set, load_criteria_set, parse_criteria_set

SETS_DIR = Path(__file__).parents[2] / "parindex" / "demo" / "sets"
EXPECTED = {
    "2020-so.yaml": ("so", 2020),
    "2020-huyen.yaml": ("huyen", 2020),
    "2025-so.yaml": ("so", 2025),
    "2025-xa.yaml": ("xa", 2025),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_demo_set_is_valid_and_on_a_100_point_scale(name):
    criteria_set = load_criteria_set(SETS_DIR / name)
    assert (criteria_set.group, criteria_set.year) == EXPECTED[name]
    assert criteria_set.maximum == 100
    assert 60 <= len(criteria_set.leaves) <= 100
    assert "mô phỏng" in criteria_set.name.lower() or "minh họa" in criteria_set.name.lower()
    assert len(criteria_set.criteria) == 8


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_demo_set_survives_a_yaml_round_trip(name):
    criteria_set = load_criteria_set(SETS_DIR / name)
    assert parse_criteria_set(dump_criteria_set(criteria_set)) == criteria_set


def test_the_demo_sets_use_every_rule_between_them():
    used = {
        leaf.rule.type_name for name in EXPECTED for leaf in load_criteria_set(SETS_DIR / name).all_leaves if leaf.rule
    }
    assert used == set(RULE_TYPES)


@pytest.mark.parametrize("name", ["2025-so.yaml", "2025-xa.yaml"])
def test_the_2025_sets_have_bonus_penalty_and_the_provincial_directives_criterion(name):
    criteria_set = load_criteria_set(SETS_DIR / name)
    assert criteria_set.bonus is not None
    assert criteria_set.bonus.criteria
    assert criteria_set.penalty is not None
    assert criteria_set.penalty.criteria
    assert any(leaf.input_source == "directives" for leaf in criteria_set.leaves)
    assert len({leaf.rule.type_name for leaf in criteria_set.all_leaves if leaf.rule}) >= 8
