"""Every kind of bad criteria-set file gets a Vietnamese message naming the node (and line) and what is wrong."""

import pytest

from parindex.setfile import CriteriaSetError, check_criteria_set, load_criteria_set, parse_criteria_set
from tests.engine.builders import rule_of

HEADER = 'name: "Thử"\nyear: 2025\ngroup: so\n'


def problems(text: str) -> list[str]:
    criteria_set, found = check_criteria_set(text)
    assert criteria_set is None
    return [str(problem) for problem in found]


def test_children_that_do_not_add_up_are_named_with_both_sums():
    text = (
        HEADER
        + """criteria:
  - code: "1"
    title: "Chỉ đạo, điều hành"
    max: 10.5
    children:
      - code: "1.2"
        title: "Kế hoạch"
        max: 10.5
        children:
          - {code: "1.2.1", title: "Ban hành", max: 5.05, rule: {type: binary}}
          - {code: "1.2.2", title: "Thực hiện", max: 5, rule: {type: manual}}
"""
    )
    assert problems(text) == ["Tiêu chí “1.2” (dòng 9): các tiêu chí con cộng lại 10,05 điểm nhưng điểm tối đa là 10,5"]


def test_the_fields_must_add_up_to_max_points():
    text = HEADER + 'max_points: 100\ncriteria:\n  - {code: "1", title: "A", max: 99.5, rule: {type: manual}}\n'
    assert problems(text) == ["Bộ tiêu chí (dòng 1): các lĩnh vực cộng lại 99,5 điểm nhưng max_points là 100"]


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        (
            '{code: "1", title: "A", max: 1, rule: {type: manual}, weight: 2}',
            "Tiêu chí “1” (dòng 5): khóa “weight” không thuộc định dạng bộ tiêu chí",
        ),
        (
            '{code: "1", title: "A", max: "một", rule: {type: manual}}',
            "Tiêu chí “1” (dòng 5): “max” phải là một số, không phải “một”",
        ),
        (
            '{code: "1", title: "A", max: 0, rule: {type: manual}}',
            "Tiêu chí “1” (dòng 5): “max” phải lớn hơn 0, không phải 0",
        ),
        ('{code: "1", title: "A", rule: {type: manual}}', "Tiêu chí “1” (dòng 5): thiếu khóa bắt buộc “max”"),
        (
            '{code: "1", title: "", max: 1, rule: {type: manual}}',
            "Tiêu chí “1” (dòng 5): “title” phải là văn bản không rỗng",
        ),
        (
            '{code: 1.1, title: "A", max: 1, rule: {type: manual}}',
            'Tiêu chí thứ 1 trong Bộ tiêu chí (dòng 5): mã 1.1 phải viết trong dấu nháy ("1.1") để không bị đọc thành số',
        ),
        (
            '{code: "1 a", title: "A", max: 1, rule: {type: manual}}',
            "Tiêu chí thứ 1 trong Bộ tiêu chí (dòng 5): mã tiêu chí phải là văn bản không rỗng, không chứa khoảng trắng",
        ),
        (
            '{code: "1", title: "A", max: 1}',
            "Tiêu chí “1” (dòng 5): cần có tiêu chí con (children) hoặc cách chấm (rule)",
        ),
        (
            '{code: "1", title: "A", max: 1, rule: {type: manual}, children: []}',
            "Tiêu chí “1” (dòng 5): một tiêu chí có tiêu chí con (children) thì không có cách chấm (rule), và ngược lại",
        ),
        (
            '{code: "1", title: "A", max: 1, rule: {type: points}}',
            "Tiêu chí “1” (dòng 5): cách chấm “points” không tồn tại; các cách chấm: manual, binary, tiers, ratio, "
            "count, timeliness, quality, deduction, scale, survey",
        ),
        (
            '{code: "1", title: "A", max: 1, rule: {type: count}}',
            "Tiêu chí “1” (dòng 5): cách chấm count: thiếu tham số “per_item”",
        ),
        (
            '{code: "1", title: "A", max: 1, rule: {type: binary, points: 1}}',
            "Tiêu chí “1” (dòng 5): cách chấm binary: tham số “points” không có ở cách chấm này (các tham số: yes, no)",
        ),
        (
            '{code: "1", title: "A", max: 1, rule: {type: count, per_item: "nửa"}}',
            "Tiêu chí “1” (dòng 5): cách chấm count: tham số “per_item” phải là một số, không phải “nửa”",
        ),
        (
            '{code: "1", title: "A", max: 1, rule: {type: count, per_item: 2}}',
            "Tiêu chí “1” (dòng 5): cách chấm count: tham số “per_item” = 2 phải nằm trong khoảng 0 đến 1 điểm",
        ),
        (
            '{code: "1", title: "A", max: 1, rule: {type: tiers, on: ratio, tiers: [{min: 1, points: 1}]}}',
            "Tiêu chí “1” (dòng 5): cách chấm tiers: tham số “on” phải là percent hoặc count, không phải “ratio”",
        ),
        (
            '{code: "1", title: "A", max: 1, rule: {type: tiers, on: count, tiers: [{min: 1, points: 1, point: 1}]}}',
            "Tiêu chí “1” (dòng 5): cách chấm tiers: tiers[1]: khóa “point” không dùng ở đây (chỉ có min, points)",
        ),
        (
            '{code: "1", title: "A", max: 1, rule: {type: quality, levels: [{key: a, share: 1}]}}',
            "Tiêu chí “1” (dòng 5): cách chấm quality: levels[1]: thiếu “label”",
        ),
        (
            '{code: "1", title: "A", max: 1, rule: {type: timeliness, deadline: "31/02/2025"}}',
            "Tiêu chí “1” (dòng 5): cách chấm timeliness: tham số “deadline” phải là một ngày (2025-12-31 hoặc "
            "31/12/2025), không phải “31/02/2025”",
        ),
        (
            '{code: "1", title: "A", max: 1, rule: {type: manual}, capped: true}',
            "Tiêu chí “1” (dòng 5): “capped” chỉ dùng cho tiêu chí có tiêu chí con",
        ),
        (
            '{code: "1", title: "A", max: 1, rule: {type: manual}, allow_na: "có"}',
            "Tiêu chí “1” (dòng 5): “allow_na” phải là true hoặc false, không phải “có”",
        ),
        (
            '{code: "1", title: "A", max: 1, rule: {type: manual}, source: khảo sát}',
            "Tiêu chí “1” (dòng 5): “source” phải là một trong unit, survey, directives, organizer, external, không phải “khảo sát”",
        ),
        (
            '{code: "1", title: "A", max: 1, rule: {type: survey}, source: directives}',
            "Tiêu chí “1” (dòng 5): cách chấm survey lấy điểm từ điều tra xã hội học, “source” không thể là “directives”",
        ),
        (
            '"1"',
            "Tiêu chí thứ 1 trong Bộ tiêu chí (dòng 1): phải là một bảng khóa: giá trị (mapping), không phải văn bản “1”",
        ),
    ],
)
def test_each_node_problem_is_named(fragment, expected):
    text = HEADER + "criteria:\n  - " + fragment + "\n"
    assert problems(text) == [expected]


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        ("colour: red\n", "Bộ tiêu chí (dòng 1): khóa “colour” không thuộc định dạng bộ tiêu chí"),
        ("year: 1890\n", None),
        ("rounding: {places: 7}\n", "Khóa “rounding” (dòng 4): “places” phải là số nguyên từ 0 đến 4, không phải “7”"),
        (
            "rounding: {mode: round}\n",
            "Khóa “rounding” (dòng 4): “mode” phải là half_up hoặc truncate, không phải “round”",
        ),
        (
            "bands: [{name: Khá, min: 80}, {name: Tốt, min: 90}]\n",
            "Khóa “bands” (dòng 1): các ngưỡng xếp loại phải giảm dần (ngưỡng cao nhất trước) và không trùng nhau",
        ),
        ("bands: [{name: Tốt, min: 120}]\n", "Xếp loại thứ 1 (dòng 4): ngưỡng 120 phải nằm trong khoảng 0 đến 100"),
        (
            "survey: {mode: sometimes}\n",
            "Khóa “survey” (dòng 4): “mode” phải là points hoặc optional, không phải “sometimes”",
        ),
        (
            "bonus: {cap: 2, criteria: [{code: T, title: Thưởng, max: 1, allow_na: true, rule: {type: binary}}]}\n",
            "Tiêu chí “T” (dòng 4): điểm thưởng và điểm trừ không có “không áp dụng”",
        ),
        (
            "penalty: {criteria: [{code: P, title: Trừ, max: 1, rule: {type: binary}}]}\n",
            "Điểm trừ (penalty) (dòng 4): thiếu khóa bắt buộc “cap”",
        ),
    ],
)
def test_each_top_level_problem_is_named(top, expected):
    text = HEADER.replace("year: 2025\n", "year: 1890\n" if top.startswith("year") else "year: 2025\n")
    text += (
        "" if top.startswith("year") else top
    ) + 'criteria:\n  - {code: "1", title: "A", max: 1, rule: {type: manual}}\n'
    if expected is None:
        expected = "Bộ tiêu chí (dòng 1): “year” phải là một năm từ 2000 đến 2100, không phải “1890”"
    assert problems(text) == [expected]


def test_required_top_level_keys_are_listed():
    assert problems("name: Thử\n") == [
        "Bộ tiêu chí (dòng 1): thiếu khóa bắt buộc “year”",
        "Bộ tiêu chí (dòng 1): thiếu khóa bắt buộc “group”",
        "Bộ tiêu chí (dòng 1): thiếu khóa bắt buộc “criteria”",
    ]


def test_duplicate_codes_point_at_both_lines():
    text = (
        HEADER
        + """criteria:
  - {code: "1", title: "A", max: 1, rule: {type: manual}}
  - {code: "1", title: "B", max: 1, rule: {type: manual}}
"""
    )
    assert problems(text) == ["Tiêu chí “1” (dòng 6): mã “1” trùng với tiêu chí ở dòng 5"]


def test_every_problem_in_a_file_is_reported_at_once():
    text = (
        HEADER
        + """criteria:
  - code: "1"
    title: "A"
    max: 2
    children:
      - {code: "1.1", title: "A1", max: 1, rule: {type: binary, yes: 5}}
      - {code: "1.2", title: "A2", max: 1, rule: {type: manual, step: 2}}
  - {code: "2", title: "B", max: 1, rule: {type: count}}
"""
    )
    found = problems(text)
    assert [p.split(":")[0] for p in found] == [
        "Tiêu chí “1.1” (dòng 9)",
        "Tiêu chí “1.2” (dòng 10)",
        "Tiêu chí “2” (dòng 11)",
    ]


def test_broken_yaml_says_where():
    found = problems(HEADER + 'criteria:\n  - {code: "1", title: "A"\n')
    assert len(found) == 1
    assert found[0].startswith("Tệp, cột ")
    assert "(dòng 6)" in found[0] or "(dòng 5)" in found[0]
    assert "tệp không đúng cú pháp YAML: bảng {…} chưa được đóng hoặc thiếu dấu phẩy" in found[0]


def test_a_key_written_twice_is_an_error_not_silently_overwritten():
    found = problems(HEADER + 'criteria:\n  - {code: "1", title: "A", title: "B", max: 1, rule: {type: manual}}\n')
    assert found == [
        "Tệp, cột 29 (dòng 5): tệp không đúng cú pháp YAML: khóa “title” được viết hai lần (dòng 5 và dòng 5)"
    ]


@pytest.mark.parametrize("text", ["", "- 1\n- 2\n", "just text\n"])
def test_a_file_that_is_not_a_mapping_is_refused(text):
    found = problems(text)
    assert len(found) == 1
    assert found[0].startswith("Tệp: phải là một bảng khóa: giá trị (mapping)")


def test_yaml_1_1_booleans_do_not_eat_rule_parameters():
    # In YAML 1.1, `on`, `yes` and `no` are booleans; here they are ordinary keys and words.
    criteria_set = parse_criteria_set(
        HEADER
        + """criteria:
  - {code: "1", title: "A", max: 2, rule: {type: tiers, on: percent, tiers: [{min: 50, points: 2}]}}
  - {code: "2", title: "B", max: 2, rule: {type: binary, yes: 2, no: 1}}
"""
    )
    assert rule_of(criteria_set, "1").on == "percent"
    assert rule_of(criteria_set, "2").no_points == 1


def test_numbers_are_read_as_exact_decimals():
    criteria_set = parse_criteria_set(
        HEADER + 'criteria:\n  - {code: "1", title: "A", max: 10.05, rule: {type: manual}}\n'
    )
    assert str(criteria_set.node("1").maximum) == "10.05"


def test_whole_number_codes_are_accepted_unquoted():
    criteria_set = parse_criteria_set(HEADER + "criteria:\n  - {code: 1, title: A, max: 1, rule: {type: manual}}\n")
    assert criteria_set.node("1").title == "A"


def test_load_names_the_file_and_refuses_non_utf8(tmp_path):
    path = tmp_path / "bo-tieu-chi.yaml"
    path.write_bytes(b"name: Th\xe1\xbb\n")  # cut in the middle of a UTF-8 character
    with pytest.raises(CriteriaSetError) as error:
        load_criteria_set(path)
    assert str(error.value) == f"{path}: Tệp: tệp phải là văn bản mã hóa UTF-8"


def test_load_explains_a_missing_file_or_a_folder_in_vietnamese(tmp_path):
    with pytest.raises(CriteriaSetError) as error:
        load_criteria_set(tmp_path / "khong-co.yaml")
    assert str(error.value).endswith("Tệp: không tìm thấy tệp")
    with pytest.raises(CriteriaSetError) as error:
        load_criteria_set(tmp_path)
    assert str(error.value).endswith("Tệp: đây là một thư mục, không phải tệp")


@pytest.mark.parametrize(
    ("text", "explanation"),
    [
        ("name: Thử\n\tyear: 2025\n", "có ký tự Tab: YAML chỉ dùng dấu cách để thụt lề"),
        ("name: Thử: năm 2025\n", "dấu “:” không đúng chỗ (văn bản có dấu hai chấm cần đặt trong dấu nháy)"),
        ("bands: [{name: Tốt, min: 90}\n", "danh sách […] chưa được đóng hoặc thiếu dấu phẩy"),
        ('name: "Thử\n', "dấu nháy chưa được đóng"),
    ],
)
def test_common_yaml_mistakes_are_explained_in_vietnamese(text, explanation):
    found = problems(text)
    assert len(found) == 1
    assert found[0].endswith("tệp không đúng cú pháp YAML: " + explanation)


def test_a_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(
        ("\ufeff" + HEADER + 'criteria:\n  - {code: "1", title: "A", max: 1, rule: {type: manual}}\n').encode()
    )
    assert load_criteria_set(path).name == "Thử"


def test_penalty_leaves_only_use_rules_that_read_right_when_deducted():
    text = HEADER + 'criteria:\n  - {code: "1", title: "A", max: 1, rule: {type: manual}}\n'
    text += "penalty: {cap: 2, criteria: [{code: P1, title: Trễ hạn, max: 1, rule: {type: deduction, per_occurrence: 0.5}}]}\n"
    assert problems(text) == [
        "Tiêu chí “P1” (dòng 6): điểm trừ không dùng cách chấm deduction (điểm của nó bị trừ nên sẽ tính ngược); "
        "dùng một trong: count, binary, manual, tiers"
    ]


def test_a_missing_name_is_reported_once():
    assert problems(
        'year: 2025\ngroup: so\ncriteria:\n  - {code: "1", title: "A", max: 1, rule: {type: manual}}\n'
    ) == ["Bộ tiêu chí (dòng 1): thiếu khóa bắt buộc “name”"]


def test_a_value_shared_in_memory_is_dumped_plainly_without_yaml_anchors():
    from decimal import Decimal

    from parindex.engine import CriteriaSet, Node
    from parindex.engine.rules import BinaryRule
    from parindex.setfile import dump_criteria_set

    shared = Decimal("1.5")
    criteria_set = CriteriaSet("Thử", 2025, "so", (Node("1", "A", shared, rule=BinaryRule(shared, yes=shared)),))
    text = dump_criteria_set(criteria_set)
    assert "&" not in text
    assert "*" not in text
    assert parse_criteria_set(text) == criteria_set


def test_a_wrong_sum_is_reported_even_when_a_child_has_another_problem():
    text = (
        HEADER
        + """criteria:
  - code: "1"
    title: "A"
    max: 10.5
    children:
      - {code: "1.1", title: "B", max: 5.05, rule: {type: binary}}
      - {code: "1.2", title: "C", max: 5.5, rule: {type: count}}
"""
    )
    assert problems(text) == [
        "Tiêu chí “1” (dòng 5): các tiêu chí con cộng lại 10,55 điểm nhưng điểm tối đa là 10,5",
        "Tiêu chí “1.2” (dòng 10): cách chấm count: thiếu tham số “per_item”",
    ]
