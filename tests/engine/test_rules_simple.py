from decimal import Decimal

import pytest

from parindex.engine import InputError, RuleParamError
from parindex.engine.rules.simple import MSG_NOT_A_STEP, MSG_NOT_YES_NO
from tests.engine.builders import leaf_rule

D = Decimal


class TestManual:
    def test_it_gives_the_points_typed(self):
        rule = leaf_rule("manual", "2", step="0.25")
        value = rule.parse("1,75")
        assert rule.points(value) == D("1.75")
        assert rule.explain(value) == "Chấm trực tiếp: 1,75 điểm (tối đa 2)"

    def test_it_rejects_points_above_the_maximum(self):
        with pytest.raises(InputError, match="2,5 nằm ngoài khoảng cho phép từ 0 đến 2"):
            leaf_rule("manual", "2").parse("2.5")

    def test_it_rejects_negative_points(self):
        with pytest.raises(InputError, match="ngoài khoảng"):
            leaf_rule("manual", "2").parse("-0.5")

    def test_it_rejects_points_off_the_step(self):
        with pytest.raises(InputError) as error:
            leaf_rule("manual", "2", step="0.25").parse("0.3")
        assert str(error.value) == MSG_NOT_A_STEP.format(value="0,3", step="0,25")

    def test_it_rejects_text(self):
        with pytest.raises(InputError, match="“abc” không phải là số"):
            leaf_rule("manual", "2").parse("abc")

    def test_a_step_larger_than_the_maximum_is_a_set_error(self):
        with pytest.raises(RuleParamError, match="bước chấm 3 lớn hơn điểm tối đa 2"):
            leaf_rule("manual", "2", step="3")

    def test_it_describes_itself(self):
        assert leaf_rule("manual", "2", step="0.5").describe() == "Chấm trực tiếp từ 0 đến 2 điểm, bước chấm 0,5 điểm"


class TestBinary:
    @pytest.mark.parametrize("answer", ["Có", "có", "CO", "co", "1", "x", True])
    def test_yes_answers_give_the_maximum(self, answer):
        rule = leaf_rule("binary", "1.5")
        assert rule.points(rule.parse(answer)) == D("1.5")

    @pytest.mark.parametrize("answer", ["Không", "không", "khong", "0", False])
    def test_no_answers_give_zero(self, answer):
        rule = leaf_rule("binary", "1.5")
        assert rule.points(rule.parse(answer)) == 0

    def test_yes_and_no_points_can_be_set(self):
        rule = leaf_rule("binary", "2", yes="2", no="0.5")
        assert rule.points(False) == D("0.5")
        assert rule.describe() == "Có: 2 điểm; Không: 0,5 điểm"
        assert rule.explain(False) == "Không → 0,5 điểm"

    def test_it_rejects_anything_else(self):
        with pytest.raises(InputError) as error:
            leaf_rule("binary", "1").parse("có lẽ")
        assert str(error.value) == MSG_NOT_YES_NO.format(raw="có lẽ")

    def test_points_above_the_maximum_are_a_set_error(self):
        with pytest.raises(RuleParamError, match="tham số “yes” = 3 phải nằm trong khoảng 0 đến 2 điểm"):
            leaf_rule("binary", "2", yes="3")


class TestScale:
    def test_a_score_on_ten_becomes_a_share_of_the_maximum(self):
        rule = leaf_rule("scale", "3", scale="10")
        value = rule.parse("7,5")
        assert rule.points(value) == D("2.25")
        assert rule.explain(value) == "Điểm 7,5/10 × 3 = 2,25 điểm"

    def test_a_score_on_a_hundred(self):
        rule = leaf_rule("scale", "2", scale="100")
        assert rule.points(rule.parse("85")) == D("1.7")

    def test_it_rejects_a_score_above_the_scale(self):
        with pytest.raises(InputError, match="10,5 nằm ngoài khoảng cho phép từ 0 đến 10"):
            leaf_rule("scale", "3", scale="10").parse("10.5")


class TestSurvey:
    def test_the_survey_result_is_on_a_hundred_by_default(self):
        rule = leaf_rule("survey", "4")
        value = rule.parse("82,5")
        assert rule.points(value) == D("3.3")
        assert rule.explain(value) == "Kết quả điều tra xã hội học 82,5/100 × 4 = 3,3 điểm"
        assert rule.params() == {}

    def test_the_scale_can_be_ten(self):
        rule = leaf_rule("survey", "4", scale="10")
        assert rule.points(rule.parse("8")) == D("3.2")
        assert rule.params() == {"scale": D(10)}


def test_every_rule_has_a_vietnamese_label_and_a_distinct_type_name():
    from parindex.engine import RULE_TYPES

    labels = [rule.label for rule in RULE_TYPES.values()]
    assert len(set(labels)) == len(RULE_TYPES) == 10
    assert RULE_TYPES["binary"].label == "Có / Không"


class TestNumbersInAnswers:
    """Every answer is read with the product's one number rule (parindex.vn), whatever the rule."""

    @pytest.mark.parametrize(
        ("text", "value"),
        [("0,5", "0.5"), ("0.5", "0.5"), ("1.000", "1000"), ("1.234,5", "1234.5"), (" 7 ", "7"), ("-0", "0")],
    )
    def test_text_numbers_follow_the_vietnamese_rule(self, text, value):
        from parindex.engine.rules.base import read_number

        assert read_number(text) == D(value)
        assert str(read_number(text)) == value or read_number(text) == D(value)

    def test_negative_zero_is_plain_zero(self):
        from parindex.engine.rules.base import read_number

        assert str(read_number("-0")) == "0"

    @pytest.mark.parametrize("text", ["1e1", "٣", "1,234.5", "", "1/2"])
    def test_other_forms_are_refused(self, text):
        from parindex.engine.rules.base import read_number

        with pytest.raises(InputError, match="không phải là số"):
            read_number(text)
