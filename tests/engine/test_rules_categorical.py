from datetime import date
from decimal import Decimal

import pytest

from parindex.engine import InputError, RuleParamError
from parindex.engine.rules.categorical import MSG_NOT_A_TIMELINESS, MSG_NOT_A_TIMELINESS_OR_DATE
from tests.engine.builders import leaf_rule

D = Decimal


class TestTimeliness:
    def test_defaults_are_full_points_on_time_and_zero_otherwise(self):
        rule = leaf_rule("timeliness", "1")
        assert [rule.points(rule.parse(word)) for word in ("Đúng hạn", "Trễ hạn", "Không thực hiện")] == [1, 0, 0]

    def test_late_can_earn_part_of_the_points(self):
        rule = leaf_rule("timeliness", "1", late="0.5")
        value = rule.parse("trễ hạn")
        assert rule.points(value) == D("0.5")
        assert rule.explain(value) == "Trễ hạn → 0,5 điểm"

    def test_a_date_on_the_deadline_is_on_time(self):
        rule = leaf_rule("timeliness", "1", late="0.5", deadline=date(2025, 12, 15))
        value = rule.parse("15/12/2025")
        assert rule.points(value) == D(1)
        assert rule.explain(value) == "Thực hiện ngày 15/12/2025, hạn 15/12/2025: đúng hạn → 1 điểm"

    def test_a_date_after_the_deadline_is_late(self):
        rule = leaf_rule("timeliness", "1", late="0.5", deadline=date(2025, 12, 15))
        assert rule.points(rule.parse("16/12/2025")) == D("0.5")
        assert rule.points(rule.parse(date(2025, 12, 16))) == D("0.5")

    def test_dates_are_read_day_first(self):
        rule = leaf_rule("timeliness", "1", deadline=date(2025, 4, 1))
        # 04/03/2025 is 4 March (on time), never 3 April (late).
        assert rule.points(rule.parse("04/03/2025")) == D(1)

    def test_without_a_deadline_a_date_is_refused(self):
        with pytest.raises(InputError) as error:
            leaf_rule("timeliness", "1").parse("15/12/2025")
        assert str(error.value) == MSG_NOT_A_TIMELINESS.format(raw="15/12/2025")

    def test_an_impossible_date_is_refused(self):
        with pytest.raises(InputError) as error:
            leaf_rule("timeliness", "1", deadline=date(2025, 12, 15)).parse("31/02/2025")
        assert str(error.value) == MSG_NOT_A_TIMELINESS_OR_DATE.format(raw="31/02/2025")

    def test_it_describes_every_case(self):
        rule = leaf_rule("timeliness", "1", late="0.5", deadline=date(2025, 12, 15))
        assert rule.describe() == "Đúng hạn (hạn 15/12/2025): 1 điểm; trễ hạn: 0,5 điểm; không thực hiện: 0 điểm"


LEVELS = [
    {"key": "xuat_sac", "label": "Hoàn thành xuất sắc", "share": D(1)},
    {"key": "tot", "label": "Hoàn thành tốt", "share": D("0.75")},
    {"key": "hoan_thanh", "label": "Hoàn thành", "share": D("0.5")},
    {"key": "khong", "label": "Không hoàn thành", "share": D(0)},
]


class TestQuality:
    def rule(self):
        return leaf_rule("quality", "2", levels=LEVELS)

    def test_a_level_gives_its_share_of_the_maximum(self):
        rule = self.rule()
        value = rule.parse("Hoàn thành tốt")
        assert rule.points(value) == D("1.5")
        assert rule.explain(value) == "Mức “Hoàn thành tốt” = 75% × 2 → 1,5 điểm"

    @pytest.mark.parametrize("answer", ["tot", "hoàn thành tốt", "HOAN THANH TOT", "  Hoàn thành   tốt "])
    def test_a_level_is_found_by_key_or_label_whatever_the_case_and_accents(self, answer):
        assert self.rule().parse(answer).key == "tot"

    def test_an_unknown_level_lists_the_levels(self):
        with pytest.raises(InputError, match="các mức: “Hoàn thành xuất sắc”, “Hoàn thành tốt”"):
            self.rule().parse("Khá")

    def test_a_share_above_one_is_a_set_error(self):
        with pytest.raises(RuleParamError, match="tỷ lệ 1,5 phải nằm trong khoảng 0 đến 1"):
            leaf_rule("quality", "2", levels=[{"key": "a", "label": "A", "share": D("1.5")}])

    def test_duplicate_levels_are_a_set_error(self):
        levels = [{"key": "a", "label": "Tốt", "share": D(1)}, {"key": "b", "label": "tot", "share": D("0.5")}]
        with pytest.raises(RuleParamError, match="trùng"):
            leaf_rule("quality", "2", levels=levels)

    def test_it_describes_the_levels_in_points(self):
        assert self.rule().describe() == (
            "Hoàn thành xuất sắc: 2 điểm; Hoàn thành tốt: 1,5 điểm; Hoàn thành: 1 điểm; Không hoàn thành: 0 điểm"
        )
