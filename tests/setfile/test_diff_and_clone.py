from datetime import date
from decimal import Decimal

from parindex.setfile import parse_criteria_set
from parindex.setfile.clone import criteria_set_for_year
from parindex.setfile.diff import diff_criteria_sets
from tests.engine.builders import rule_of

OLD = """
name: "Bộ tiêu chí sở, ban, ngành năm 2024"
year: 2024
group: so
bands: [{name: "Tốt", min: 90}, {name: "Khá", min: 80}]
criteria:
  - code: "1"
    title: "Chỉ đạo, điều hành"
    max: 5
    children:
      - {code: "1.1", title: "Kế hoạch CCHC", max: 2, rule: {type: binary}}
      - {code: "1.2", title: "Báo cáo CCHC", max: 2, rule: {type: timeliness, late: 0.5, deadline: 2024-02-29}}
      - {code: "1.3", title: "Tuyên truyền", max: 1, rule: {type: count, per_item: 0.25}}
"""

NEW = """
name: "Bộ tiêu chí sở, ban, ngành năm 2025"
year: 2025
group: so
bands: [{name: "Tốt", min: 90}, {name: "Khá", min: 75}]
criteria:
  - code: "1"
    title: "Công tác chỉ đạo, điều hành CCHC"
    max: 5
    children:
      - {code: "1.1", title: "Kế hoạch CCHC", max: 1.5, rule: {type: binary}}
      - {code: "1.2", title: "Báo cáo CCHC", max: 2, rule: {type: timeliness, late: 0.5, deadline: 2024-02-29}}
      - {code: "1.4", title: "Sáng kiến CCHC", max: 1.5, rule: {type: count, per_item: 0.5}}
"""


def test_the_diff_lists_settings_added_removed_and_changed_criteria():
    diff = diff_criteria_sets(parse_criteria_set(OLD), parse_criteria_set(NEW))
    assert [(c.field, c.before, c.after) for c in diff.set_changes] == [
        ("name", "Bộ tiêu chí sở, ban, ngành năm 2024", "Bộ tiêu chí sở, ban, ngành năm 2025"),
        ("year", "2024", "2025"),
        ("bands", "Tốt ≥ 90; Khá ≥ 80", "Tốt ≥ 90; Khá ≥ 75"),
    ]
    assert [(c.kind, c.code) for c in diff.node_changes] == [
        ("changed", "1"),
        ("changed", "1.1"),
        ("added", "1.4"),
        ("removed", "1.3"),
    ]
    changed = {c.code: c for c in diff.node_changes}
    assert [(f.label, f.before, f.after) for f in changed["1.1"].changes] == [
        ("Điểm tối đa", "2", "1,5"),
        ("Cách chấm", "binary: Có: 2 điểm; Không: 0 điểm", "binary: Có: 1,5 điểm; Không: 0 điểm"),
    ]
    assert (diff.count("added"), diff.count("removed"), diff.count("changed")) == (1, 1, 2)


def test_a_set_compared_with_itself_has_no_differences():
    criteria_set = parse_criteria_set(OLD)
    assert diff_criteria_sets(criteria_set, criteria_set).is_empty


def test_a_set_carried_to_a_new_year_renames_and_moves_deadlines():
    carried, notes = criteria_set_for_year(parse_criteria_set(OLD), 2025)
    assert carried.year == 2025
    assert carried.name == "Bộ tiêu chí sở, ban, ngành năm 2025"
    assert rule_of(carried, "1.2").deadline == date(2025, 2, 28)  # no 29 February in 2025
    assert notes == [
        "Tên bộ tiêu chí: “Bộ tiêu chí sở, ban, ngành năm 2024” thành “Bộ tiêu chí sở, ban, ngành năm 2025”",
        "Tiêu chí “1.2”: hạn 29/02/2024 chuyển thành 28/02/2025",
    ]
    assert carried.node("1.1").maximum == Decimal(2)
    assert len(carried.leaves) == 3
