"""Every index-level figure of the analysis is the council's own (live, then the approved snapshot), and the
per-leaf figures are the engine's over the final answers."""

from decimal import Decimal

import pytest

from parindex.analysis.selectors import findings
from parindex.assessments.selectors import final_raw_answers
from parindex.council.selectors import group_results
from parindex.engine import leaf_statistics, parse_answers, score_units
from tests.council.scenario import FINAL, NAMES


def _same_as_council(found, results):
    assert [unit.assessment_id for unit in found.units] == [row.assessment_id for row in results.rows]
    for unit, row in zip(found.units, results.rows, strict=True):
        assert (unit.unit_name, unit.rank, unit.band, unit.points, unit.maximum, unit.index) == (
            row.unit_name,
            row.rank,
            row.band,
            row.points,
            row.maximum,
            row.index,
        )
        assert unit.components == {code: component.index for code, component in row.components.items()}
    assert found.average_index == results.averages.index
    assert found.average_points == results.averages.points
    assert [field.average_index for field in found.fields] == results.averages.field_list


@pytest.mark.parametrize("stage", ["appraised", "approved"])
def test_unit_and_group_figures_are_the_council_tables(stage, request):
    scenario = request.getfixturevalue(stage)
    found = findings(scenario.period, scenario.group)
    _same_as_council(found, group_results(scenario.period, scenario.group))
    assert found.frozen is (stage == "approved")
    assert found.average_index is not None
    assert found.average_index.quantize(Decimal("0.01")) == Decimal("83.25")


def test_the_weakest_criteria_are_the_engines_leaf_statistics_on_the_final_answers(appraised):
    found = findings(appraised.period, appraised.group)
    criteria_set = appraised.criteria_set
    assessments = [appraised.assessment(key) for key in NAMES]
    finals = final_raw_answers(assessments)
    assert {NAMES[key]: finals[appraised.assessment(key).pk] for key in NAMES} == {
        NAMES[key]: FINAL[key] for key in NAMES
    }
    # Independently of the app: the engine on the scenario's final answers, keyed by name.
    names = list(NAMES.values())
    scores = score_units(criteria_set, [parse_answers(criteria_set, FINAL[key])[0] for key in NAMES])
    expected = [
        stat for stat in leaf_statistics(criteria_set, dict(zip(names, scores, strict=True))) if stat.points_lost
    ]

    assert [c.code for c in found.weakest_criteria] == [stat.code for stat in expected]
    for criterion, stat in zip(found.weakest_criteria, expected, strict=True):
        assert criterion.points_lost == stat.points_lost
        assert set(criterion.units_losing) == set(stat.units_losing)
        assert criterion.units_applicable == stat.units_applicable
        assert criterion.average_points == stat.average_points
    assert [c.code for c in found.weakest_criteria[:3]] == ["2.2", "2.1", "1.2"]
    assert found.weakest_criteria[2].units_losing == ("Sở Y tế",)


def test_the_gap_counts_only_what_the_unit_scores_itself(appraised):
    """Sở Y tế claimed 40/40 tasks (3 points) and was appraised 36/40 (1,5): 1,5 points over, all in field 1.
    The survey (2.2) and the directives (1.5), which no unit scores itself, make no gap."""
    found = findings(appraised.period, appraised.group)
    gaps = {unit.unit_name: unit.gap for unit in found.units}
    assert gaps == {name: Decimal(0) for name in NAMES.values()} | {"Sở Y tế": Decimal("1.5")}
    health = next(unit for unit in found.units if unit.unit_name == "Sở Y tế")
    assert health.field_gaps == {"1": Decimal("1.5"), "2": Decimal(0)}
    assert [unit.unit_name for unit in found.biggest_gaps] == ["Sở Y tế"]
    assert [(field.code, field.self_gap) for field in found.fields] == [("1", Decimal("1.5")), ("2", Decimal(0))]


def test_distribution_by_five_point_bins_and_by_band(approved):
    found = findings(approved.period, approved.group)
    assert [(b.label, b.count) for b in found.histogram] == [
        ("75–<80", 1),
        ("80–<85", 2),
        ("85–<90", 0),
        ("90–<95", 1),
        ("95–100", 0),
    ]
    assert [(band.name, band.count) for band in found.bands] == [("Tốt", 1), ("Khá", 2), ("Trung bình", 1), ("Yếu", 0)]


def test_best_and_weakest_units_and_fields(approved):
    found = findings(approved.period, approved.group)
    assert [unit.unit_name for unit in found.best_units] == ["Sở Tư pháp"]
    assert [unit.unit_name for unit in found.weakest_units] == ["Sở Y tế"]
    best, weakest = found.best_field, found.weakest_field
    assert best is not None
    assert weakest is not None
    assert (best.code, weakest.code) == ("1", "2")


def test_nothing_ranked_yet_gives_empty_findings(scenario):
    found = findings(scenario.period, scenario.group)
    assert found.units == []
    assert found.histogram == []
    assert found.weakest_criteria == []
    assert found.not_ready == 4
    assert found.average_index is None
