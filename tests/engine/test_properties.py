"""Invariants of the engine, checked on random criteria sets and answers."""

from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from parindex.engine import NOT_APPLICABLE, competition_ranks, score_unit
from parindex.setfile import dump_criteria_set, parse_criteria_set
from tests.engine.strategies import answers_for, criteria_sets

D = Decimal


@st.composite
def set_and_answers(draw, with_sections=True):
    criteria_set = draw(criteria_sets(with_sections=with_sections))
    return criteria_set, draw(answers_for(criteria_set))


@given(set_and_answers())
def test_no_node_ever_exceeds_its_maximum_or_goes_below_zero(case):
    criteria_set, answers = case
    result = score_unit(criteria_set, answers)
    for _, node in criteria_set.walk():
        scored = result.node(node.code)
        assert 0 <= scored.points <= scored.maximum <= node.maximum


@given(set_and_answers())
def test_the_index_stays_within_0_and_100_whatever_is_not_applicable(case):
    criteria_set, answers = case
    result = score_unit(criteria_set, answers)
    assert 0 <= result.points <= result.maximum <= criteria_set.maximum
    if result.index is not None:
        assert 0 <= result.index <= 100
    for node in result.field_scores().values():
        assert node.index is None or 0 <= node.index <= 100


@given(set_and_answers(with_sections=False))
def test_not_applicable_takes_exactly_the_leaf_maxima_out(case):
    criteria_set, answers = case
    result = score_unit(criteria_set, answers)
    removed = sum((leaf.maximum for leaf in criteria_set.leaves if answers.get(leaf.code) is NOT_APPLICABLE), D(0))
    assert result.maximum == criteria_set.maximum - removed


@given(set_and_answers(with_sections=False))
def test_full_precision_matches_exact_fractions(case):
    criteria_set, answers = case
    result = score_unit(criteria_set, answers)
    exact_points = sum(
        (
            Fraction(criteria_set.node(code).rule.points(value))
            for code, value in answers.items()
            if value is not NOT_APPLICABLE
        ),
        Fraction(0),
    )
    # Children always add up to their parent here, so nothing is capped: the total is the leaves' sum.
    assert abs(Fraction(result.points) - exact_points) < Fraction(1, 10**20)
    if result.index is not None:
        exact_index = exact_points * 100 / Fraction(result.maximum)
        assert abs(Fraction(result.index) - exact_index) < Fraction(1, 10**20)


@given(set_and_answers(with_sections=False), st.data())
def test_a_better_answer_never_lowers_the_total(case, data):
    criteria_set, answers = case
    manual = [leaf for leaf in criteria_set.leaves if leaf.rule.type_name == "manual"]
    if not manual:
        return
    leaf = data.draw(st.sampled_from(manual))
    before = score_unit(criteria_set, {**answers, leaf.code: D(0)})
    after = score_unit(criteria_set, {**answers, leaf.code: leaf.maximum})
    assert after.points >= before.points


@given(st.dictionaries(st.text(min_size=1, max_size=3), st.one_of(st.none(), st.integers(0, 5).map(D)), max_size=12))
def test_ranking_is_competition_ranking_over_the_ranked_units(values):
    ranks = competition_ranks(values)
    assert set(ranks) == set(values)
    for key, value in values.items():
        if value is None:
            assert ranks[key] is None
        else:
            assert ranks[key] == 1 + sum(1 for other in values.values() if other is not None and other > value)


@settings(max_examples=50)
@given(criteria_sets())
def test_a_set_survives_a_yaml_round_trip(criteria_set):
    assert parse_criteria_set(dump_criteria_set(criteria_set)) == criteria_set


@given(set_and_answers())
def test_scoring_does_not_round(case):
    criteria_set, answers = case
    result = score_unit(criteria_set, answers)
    places = criteria_set.rounding.places
    shown = criteria_set.rounding.apply(result.points)
    assert abs(shown - result.points) < D(1).scaleb(-places)
