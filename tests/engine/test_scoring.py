from decimal import Decimal

import pytest

from parindex.engine import NOT_APPLICABLE, InputError, parse_answers, score_unit
from parindex.engine.answers import MSG_NA_NOT_ALLOWED, MSG_NOT_A_LEAF, MSG_UNKNOWN_CODE, explain_answer
from tests.engine.builders import TWO_FIELDS, make_set, score

D = Decimal

FULL = {"1.1.1": "Có", "1.1.2": "3/4", "1.2.1": "90", "1.2.2": "2,5", "2.1": "3", "2.2": "1"}


def test_leaf_points_roll_up_to_fields_and_the_total():
    result = score(make_set(TWO_FIELDS), FULL)
    assert result.node("1.1").points == D("3.5")
    assert result.node("1.2").points == D(4)
    assert result.node("1").points == D("7.5")
    assert result.node("2").points == D("8.5")
    assert (result.points, result.maximum, result.index) == (D(16), D(20), D(80))


def test_component_indices_are_per_field_and_criterion():
    result = score(make_set(TWO_FIELDS), FULL)
    assert result.node("1").index == D(75)
    assert result.node("1.1").index == D("87.5")
    assert {code: node.index for code, node in result.field_scores().items()} == {"1": D(75), "2": D(85)}


def test_not_applicable_leaves_leave_the_maximum_up_the_tree():
    answers = {**FULL, "1.2.1": "KAD", "1.2.2": "không áp dụng", "2.2": "KAD"}
    result = score(make_set(TWO_FIELDS), answers)
    assert result.node("1.2").not_applicable
    assert result.node("1.2").index is None
    assert (result.node("1").points, result.node("1").maximum) == (D("3.5"), D(4))
    assert (result.points, result.maximum) == (D("6.5"), D(8))
    assert result.index == D("81.25")


def test_a_unit_with_16_points_not_applicable_is_scored_out_of_84():
    criteria_set = make_set("""
name: "Trăm điểm"
year: 2025
group: so
criteria:
  - {code: "1", title: "Áp dụng", max: 84, rule: {type: manual}}
  - {code: "2", title: "Có thể không áp dụng", max: 16, allow_na: true, rule: {type: manual}}
""")
    result = score(criteria_set, {"1": "42", "2": "KAD"})
    assert (result.points, result.maximum, result.index) == (D(42), D(84), D(50))


def test_an_empty_answer_scores_zero_against_the_full_maximum_and_is_listed_missing():
    result = score(make_set(TWO_FIELDS), {**FULL, "2.1": ""})
    assert result.missing == ("2.1",)
    assert result.node("2.1").points == 0
    assert result.maximum == D(20)


def test_not_applicable_is_refused_where_the_set_does_not_allow_it():
    criteria_set = make_set(TWO_FIELDS)
    _, errors = parse_answers(criteria_set, {**FULL, "1.1.1": "KAD"})
    assert [(e.code, e.message) for e in errors] == [("1.1.1", MSG_NA_NOT_ALLOWED.format(code="1.1.1"))]
    with pytest.raises(InputError):
        score_unit(criteria_set, {"1.1.1": NOT_APPLICABLE})


def test_answers_for_unknown_codes_or_parents_are_errors_not_ignored():
    _, errors = parse_answers(make_set(TWO_FIELDS), {"9.9": "1", "1.1": "Có"})
    assert [e.message for e in errors] == [MSG_UNKNOWN_CODE.format(code="9.9"), MSG_NOT_A_LEAF.format(code="1.1")]


def test_every_bad_answer_is_reported_at_once():
    _, errors = parse_answers(make_set(TWO_FIELDS), {**FULL, "1.1.1": "có lẽ", "2.1": "-2", "1.2.2": "4"})
    assert [e.code for e in errors] == ["1.1.1", "1.2.2", "2.1"]


def test_explanations_cover_not_applicable_and_not_scored():
    criteria_set = make_set(TWO_FIELDS)
    assert explain_answer(criteria_set, "2.2", NOT_APPLICABLE) == "Không áp dụng → không tính 6 điểm vào điểm tối đa"
    assert explain_answer(criteria_set, "2.1", None) == "Chưa chấm → 0 điểm (tối đa 4)"


CAPPED = """
name: "Có trần"
year: 2025
group: so
criteria:
  - code: "1"
    title: "Tuyên truyền CCHC"
    max: 2
    capped: true
    children:
      - {code: "1.1", title: "Trên cổng thông tin", max: 1.5, allow_na: true, rule: {type: count, per_item: 0.5}}
      - {code: "1.2", title: "Trên báo, đài", max: 1.5, rule: {type: count, per_item: 0.5}}
"""


def test_a_capped_parent_never_exceeds_its_maximum():
    result = score(make_set(CAPPED), {"1.1": "3", "1.2": "3"})
    assert (result.node("1").points, result.node("1").maximum) == (D(2), D(2))


def test_a_capped_parent_applicable_maximum_shrinks_with_not_applicable_children():
    result = score(make_set(CAPPED), {"1.1": "KAD", "1.2": "2"})
    assert (result.points, result.maximum) == (D(1), D("1.5"))


BONUS_PENALTY = """
name: "Thưởng và trừ"
year: 2025
group: xa
criteria:
  - {code: "1", title: "Chính", max: 10, rule: {type: manual}}
bonus:
  cap: 1
  criteria:
    - {code: "T.1", title: "Sáng kiến CCHC được công nhận", max: 1, rule: {type: count, per_item: 0.5}}
    - {code: "T.2", title: "Giải thưởng", max: 1, rule: {type: binary}}
penalty:
  cap: 2
  criteria:
    - {code: "P.1", title: "Văn bản chậm", max: 3, rule: {type: count, per_item: 0.5}}
"""


@pytest.mark.parametrize(
    ("main", "bonus_count", "award", "late_documents", "expected_points", "expected_bonus", "expected_penalty"),
    [
        ("8", "1", "Không", "0", "8.5", "0.5", "0"),
        ("8", "2", "Có", "0", "9", "1", "0"),  # bonus 2 capped at 1
        ("9.5", "2", "Không", "0", "10", "1", "0"),  # never above the applicable maximum
        ("8", "0", "Không", "6", "6", "0", "2"),  # penalty 3 capped at 2
        ("1", "0", "Không", "4", "0", "0", "2"),  # never below 0
        ("10", "2", "Có", "2", "9", "1", "1"),  # bonus cannot lift above 10, then the penalty applies
    ],
)
def test_bonus_and_penalty_are_capped_and_the_total_stays_within_the_scale(
    main, bonus_count, award, late_documents, expected_points, expected_bonus, expected_penalty
):
    result = score(make_set(BONUS_PENALTY), {"1": main, "T.1": bonus_count, "T.2": award, "P.1": late_documents})
    assert (result.points, result.bonus, result.penalty) == (D(expected_points), D(expected_bonus), D(expected_penalty))
    assert result.maximum == D(10)


def test_empty_bonus_and_penalty_cells_mean_nothing_and_are_not_missing():
    result = score(make_set(BONUS_PENALTY), {"1": "7"})
    assert (result.points, result.missing) == (D(7), ())


SURVEY = """
name: "Có điều tra xã hội học"
year: 2025
group: so
survey: {{mode: {mode}}}
criteria:
  - code: "1"
    title: "Thẩm định"
    max: 70
    children:
      - {{code: "1.1", title: "Tự chấm, thẩm định", max: 60, rule: {{type: manual}}}}
      - {{code: "1.2", title: "Có thể không áp dụng", max: 10, allow_na: true, rule: {{type: manual}}}}
  - code: "2"
    title: "Điều tra xã hội học"
    max: 30
    children:
      - {{code: "2.1", title: "Hài lòng của người dân", max: 20, rule: {{type: survey}}}}
      - {{code: "2.2", title: "Đánh giá của lãnh đạo", max: 10, rule: {{type: survey, scale: 10}}}}
"""


def test_survey_points_are_ordinary_points_in_points_mode():
    result = score(make_set(SURVEY.format(mode="points")), {"1.1": "48", "1.2": "7", "2.1": "80", "2.2": "9"})
    assert (result.points, result.maximum, result.survey_rescaled) == (D(80), D(100), False)


def test_a_missing_survey_in_points_mode_is_zero_and_missing():
    result = score(make_set(SURVEY.format(mode="points")), {"1.1": "48", "1.2": "7"})
    assert (result.points, result.maximum) == (D(55), D(100))
    assert result.missing == ("2.1", "2.2")


def test_an_optional_survey_not_held_rescales_the_appraised_part_to_the_full_scale():
    result = score(make_set(SURVEY.format(mode="optional")), {"1.1": "48", "1.2": "7"})
    # 55 of 70 appraised, rescaled to 100: 55 × 100 ÷ 70; the index is the same as 55 ÷ 70.
    assert result.survey_rescaled
    assert result.maximum == D(100)
    assert result.points == D(55) * D(100) / D(70)
    assert result.index == D(5500) / D(70)
    assert result.missing == ()


def test_rescaling_uses_the_applicable_maximum_when_criteria_are_not_applicable():
    result = score(make_set(SURVEY.format(mode="optional")), {"1.1": "48", "1.2": "KAD"})
    # Appraised 48 of 60; the full applicable scale is 90 (100 less the 10 not applicable).
    assert result.maximum == D(90)
    assert result.points == D(48) * D(90) / D(60)
    assert result.index == D(80)


def test_an_optional_survey_that_was_held_counts_normally():
    result = score(make_set(SURVEY.format(mode="optional")), {"1.1": "48", "1.2": "7", "2.1": "80"})
    assert (result.points, result.maximum, result.survey_rescaled) == (D(71), D(100), False)
    assert result.missing == ("2.2",)


def test_a_unit_with_nothing_applicable_has_no_index():
    criteria_set = make_set("""
name: "Không áp dụng hết"
year: 2025
group: so
allow_na: true
criteria:
  - {code: "1", title: "A", max: 5, rule: {type: manual}}
""")
    result = score(criteria_set, {"1": "KAD"})
    assert (result.maximum, result.index) == (0, None)


def test_every_node_knows_its_field_and_sections_count_as_fields():
    criteria_set = make_set(BONUS_PENALTY)
    assert criteria_set.field_of == {"1": "1", "T.1": "bonus", "T.2": "bonus", "P.1": "penalty"}
    assert criteria_set.field_codes == ("1", "bonus", "penalty")
    two = make_set(TWO_FIELDS)
    assert two.field_of["1.2.1"] == "1"
    assert two.field_of["2.2"] == "2"
