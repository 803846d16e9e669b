from decimal import Decimal

import pytest

from parindex.engine import InputError, RuleParamError
from parindex.engine.rules import SEVERE
from parindex.engine.rules.proportional import MSG_NOT_SEVERE
from tests.engine.builders import leaf_rule

D = Decimal


class TestRatio:
    def test_points_are_the_achieved_share_of_the_maximum(self):
        rule = leaf_rule("ratio", "3")
        value = rule.parse("8/10")
        assert rule.points(value) == D("2.4")
        assert rule.explain(value) == "8/10 × 3 = 2,4 điểm"

    def test_more_than_required_is_capped_at_the_maximum(self):
        rule = leaf_rule("ratio", "2", required="10")
        value = rule.parse("12")
        assert rule.points(value) == D(2)
        assert rule.explain(value) == "12/10 × 2 = 2,4 điểm, tối đa 2 điểm"

    def test_a_repeating_share_keeps_full_precision(self):
        rule = leaf_rule("ratio", "1")
        assert rule.points(rule.parse("1/3")) == D(1) / D(3)

    def test_the_required_number_can_come_from_the_set(self):
        rule = leaf_rule("ratio", "2", required="4")
        assert rule.points(rule.parse("3")) == D("1.5")
        assert rule.describe() == "Điểm = 2 × số đạt được ÷ số phải đạt (4), tối đa 2 điểm"

    def test_it_rejects_a_negative_achievement(self):
        with pytest.raises(InputError, match="phải là số không âm"):
            leaf_rule("ratio", "2", required="4").parse("-1")

    def test_it_rejects_a_zero_requirement_in_the_answer(self):
        with pytest.raises(InputError, match="mẫu số"):
            leaf_rule("ratio", "2").parse("3/0")


class TestCount:
    def test_points_per_item(self):
        rule = leaf_rule("count", "2", per_item="0.5")
        assert rule.points(rule.parse("3")) == D("1.5")
        assert rule.explain(3) == "3 × 0,5 = 1,5 điểm"

    def test_it_is_capped_at_the_maximum(self):
        rule = leaf_rule("count", "2", per_item="0.5")
        assert rule.points(rule.parse("7")) == D(2)
        assert rule.explain(7) == "7 × 0,5 = 3,5 điểm, tối đa 2 điểm"

    def test_it_is_capped_at_its_own_cap(self):
        rule = leaf_rule("count", "2", per_item="0.5", cap="1")
        assert rule.points(5) == D(1)
        assert rule.describe() == "Mỗi trường hợp 0,5 điểm, tối đa 1 điểm"

    def test_a_cap_above_the_maximum_is_a_set_error(self):
        with pytest.raises(RuleParamError, match="tham số “cap” = 3"):
            leaf_rule("count", "2", per_item="0.5", cap="3")

    def test_zero_per_item_is_a_set_error(self):
        with pytest.raises(RuleParamError, match="“per_item” phải lớn hơn 0"):
            leaf_rule("count", "2", per_item="0")

    @pytest.mark.parametrize("answer", ["-1", "1,5", "ba"])
    def test_it_accepts_only_whole_counts(self, answer):
        with pytest.raises(InputError, match="không phải là số nguyên không âm"):
            leaf_rule("count", "2", per_item="0.5").parse(answer)

    def test_a_whole_number_written_with_decimals_is_accepted(self):
        assert leaf_rule("count", "2", per_item="0.5").parse("3,0") == 3


class TestDeduction:
    def rule(self, severe: bool = False):
        return leaf_rule("deduction", "2", per_occurrence="0.5", severe=severe)

    def test_no_violation_keeps_the_maximum(self):
        assert self.rule().points(self.rule().parse("0")) == D(2)
        assert self.rule().explain(0) == "Không có vi phạm → 2 điểm"

    def test_each_violation_deducts(self):
        rule = self.rule()
        assert rule.points(rule.parse("3")) == D("0.5")
        assert rule.explain(3) == "3 vi phạm × 0,5 = trừ 1,5 điểm: 2 − 1,5 → 0,5 điểm"

    def test_it_never_goes_below_zero(self):
        assert self.rule().points(9) == 0

    def test_a_severe_violation_gives_zero_where_the_set_allows(self):
        rule = self.rule(severe=True)
        value = rule.parse("Nghiêm trọng")
        assert value == SEVERE
        assert rule.points(value) == 0
        assert rule.explain(value) == "Vi phạm nghiêm trọng → 0 điểm"

    def test_a_severe_answer_is_refused_where_the_set_does_not_allow_it(self):
        with pytest.raises(InputError, match="không phải là số nguyên không âm"):
            self.rule().parse("nghiêm trọng")

    def test_a_bad_answer_names_both_choices_when_severe_is_allowed(self):
        with pytest.raises(InputError) as error:
            self.rule(severe=True).parse("nhiều")
        assert str(error.value) == MSG_NOT_SEVERE.format(raw="nhiều")
