from parindex.setfile import parse_criteria_set
from parindex.setfile.advice import criteria_set_warnings

HEADER = 'name: "Thử"\nyear: 2025\ngroup: so\ncriteria:\n'


def warnings_for(leaf: str, extra: str = "") -> list[str]:
    criteria_set = parse_criteria_set(HEADER + "  - " + leaf + "\n" + extra)
    return [str(w) for w in criteria_set_warnings(criteria_set)]


def test_a_sound_leaf_has_no_warning():
    assert (
        warnings_for('{code: "1", title: A, max: 1, rule: {type: tiers, on: percent, tiers: [{min: 100, points: 1}]}}')
        == []
    )


def test_a_top_tier_below_the_maximum_is_flagged():
    assert warnings_for(
        '{code: "1", title: A, max: 1, rule: {type: tiers, on: percent, tiers: [{min: 100, points: 0.5}]}}'
    ) == [
        "Tiêu chí “1”: theo cách chấm, điểm cao nhất đạt được là 0,5, thấp hơn điểm tối đa 1: kiểm tra lại nếu không cố ý"
    ]


def test_quality_levels_without_a_full_share_are_flagged():
    leaf = '{code: "1", title: A, max: 2, rule: {type: quality, levels: [{key: a, label: Tốt, share: 0.75}]}}'
    assert "điểm cao nhất đạt được là 1,5" in warnings_for(leaf)[0]


def test_a_manual_step_that_does_not_divide_the_maximum_is_flagged():
    assert (
        "điểm cao nhất đạt được là 0,5"
        in warnings_for('{code: "1", title: A, max: 0.75, rule: {type: manual, step: 0.5}}')[0]
    )


def test_a_count_cap_and_timeliness_points_below_the_maximum_are_flagged():
    assert warnings_for('{code: "1", title: A, max: 2, rule: {type: count, per_item: 0.5, cap: 1}}')
    assert warnings_for('{code: "1", title: A, max: 2, rule: {type: timeliness, on_time: 1.5}}')
    assert warnings_for('{code: "1", title: A, max: 2, rule: {type: binary, yes: 1}}')


def test_a_bonus_cap_the_criteria_can_never_reach_is_flagged():
    leaf = '{code: "1", title: A, max: 1, rule: {type: manual}}'
    bonus = "bonus: {cap: 3, criteria: [{code: T1, title: B, max: 1, rule: {type: binary}}]}\n"
    assert warnings_for(leaf, bonus) == ["Điểm thưởng: các tiêu chí chỉ cộng được 1 điểm, chưa tới mức trần 3"]


def test_the_demo_sets_have_no_warnings():
    from pathlib import Path

    from parindex.setfile import load_criteria_set

    for path in sorted((Path(__file__).parents[2] / "parindex" / "demo" / "sets").glob("*.yaml")):
        assert criteria_set_warnings(load_criteria_set(path)) == [], path.name
