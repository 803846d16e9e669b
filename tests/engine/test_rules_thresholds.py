from decimal import Decimal

import pytest

from parindex.engine import InputError, RuleParamError
from parindex.engine.rules.thresholds import MSG_BAD_FRACTION, MSG_ZERO_DENOMINATOR
from tests.engine.builders import leaf_rule

D = Decimal

PERCENT_TIERS = [{"min": D(100), "points": D(1)}, {"min": D(80), "points": D("0.5")}]


def percent_rule():
    return leaf_rule("tiers", "1", on="percent", tiers=PERCENT_TIERS)


class TestTiersOnPercent:
    @pytest.mark.parametrize(
        ("answer", "points"),
        [("100", "1"), ("100%", "1"), ("99,99", "0.5"), ("80", "0.5"), ("79.9", "0"), ("0", "0"), ("40/40", "1")],
    )
    def test_each_threshold_is_inclusive_from_below(self, answer, points):
        rule = percent_rule()
        assert rule.points(rule.parse(answer)) == D(points)

    def test_a_fraction_is_turned_into_a_percentage_and_shown(self):
        rule = percent_rule()
        value = rule.parse("37/40")
        assert value.value == D("92.5")
        assert rule.explain(value) == "Đạt 92,5% (37/40): mức từ 80% → 0,5 điểm"

    def test_below_every_tier_it_explains_the_lowest_threshold(self):
        rule = percent_rule()
        assert rule.explain(rule.parse("50")) == "Đạt 50%: dưới mức thấp nhất (80%) → 0 điểm"

    def test_it_describes_the_tiers_as_published(self):
        assert percent_rule().describe() == "Từ 100%: 1 điểm; từ 80% đến dưới 100%: 0,5 điểm; dưới 80%: 0 điểm"

    def test_it_rejects_a_percentage_above_100(self):
        with pytest.raises(InputError, match="tỷ lệ 120% nằm ngoài khoảng 0% đến 100%"):
            percent_rule().parse("120")

    def test_it_rejects_more_achieved_than_the_total(self):
        with pytest.raises(InputError, match="nằm ngoài khoảng 0% đến 100%"):
            percent_rule().parse("41/40")

    def test_it_rejects_a_zero_total(self):
        with pytest.raises(InputError) as error:
            percent_rule().parse("0/0")
        assert str(error.value) == MSG_ZERO_DENOMINATOR.format(raw="0/0")

    def test_it_rejects_a_broken_fraction(self):
        with pytest.raises(InputError) as error:
            percent_rule().parse("a/40")
        assert str(error.value) == MSG_BAD_FRACTION.format(raw="a/40")


class TestTiersOnCount:
    def rule(self):
        return leaf_rule(
            "tiers",
            "2",
            on="count",
            tiers=[{"min": D(3), "points": D(2)}, {"min": D(1), "points": D(1)}],
        )

    @pytest.mark.parametrize(("count", "points"), [("5", "2"), ("3", "2"), ("2", "1"), ("1", "1"), ("0", "0")])
    def test_counts_map_to_points(self, count, points):
        rule = self.rule()
        assert rule.points(rule.parse(count)) == D(points)

    def test_it_rejects_a_fractional_count(self):
        with pytest.raises(InputError, match="không phải là số nguyên không âm"):
            self.rule().parse("1,5")

    def test_a_count_describes_without_percent_signs(self):
        assert self.rule().describe() == "Từ 3: 2 điểm; từ 1 đến dưới 3: 1 điểm; dưới 1: 0 điểm"


class TestTiersParameters:
    def test_tiers_must_go_from_highest_to_lowest(self):
        with pytest.raises(RuleParamError, match="giảm dần"):
            leaf_rule("tiers", "1", on="percent", tiers=list(reversed(PERCENT_TIERS)))

    def test_tier_points_cannot_exceed_the_maximum(self):
        with pytest.raises(RuleParamError, match=r"tiers\[1\].points"):
            leaf_rule("tiers", "1", on="percent", tiers=[{"min": D(100), "points": D(2)}])

    def test_a_percent_threshold_above_100_is_refused(self):
        with pytest.raises(RuleParamError, match="ngưỡng 150 phải là 0% đến 100%"):
            leaf_rule("tiers", "1", on="percent", tiers=[{"min": D(150), "points": D(1)}])
