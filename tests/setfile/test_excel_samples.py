"""Criteria sets the Excel tests share: one that uses every feature of the file format, and the demo sets."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from parindex.engine import CriteriaSet
from parindex.setfile import parse_criteria_set

DEMO_SETS = sorted((Path(__file__).resolve().parents[2] / "parindex" / "demo" / "sets").glob("*.yaml"))

# Every rule type, N/A set-wide and per node, a capped parent, bonus and penalty, an optional survey,
# truncation to 3 places, bands, every source, guidance and evidence (one multi-line, one starting with "="),
# and maxima that need decimals.
RICH_SET_YAML = """
name: "Bộ tiêu chí thử nghiệm đủ mọi cách chấm"
year: 2025
group: xa
source_note: "Soạn cho kiểm thử: không phải văn bản chính thức"
max_points: 100
rounding: {places: 3, mode: truncate}
allow_na: true
bands:
  - {name: "Xuất sắc", min: 90}
  - {name: "Tốt", min: 80.5}
  - {name: "Chưa đạt", min: 0}
survey: {mode: optional}
criteria:
  - code: "1"
    title: "Công tác chỉ đạo, điều hành"
    max: 20.5
    guidance: "Lĩnh vực 1 tính theo tổng các tiêu chí"
    children:
      - code: "1.1"
        title: "Ban hành kế hoạch CCHC"
        max: 10.5
        children:
          - code: "1.1.1"
            title: "Kế hoạch ban hành đúng hạn"
            max: 2
            rule: {type: timeliness, on_time: 2, late: 1, not_done: 0, deadline: 2025-01-31}
            evidence: "Quyết định ban hành kế hoạch"
          - code: "1.1.2"
            title: "Có kế hoạch kiểm tra"
            max: 1.25
            rule: {type: binary, "yes": 1.25, "no": 0.25}
            allow_na: false
          - code: "1.1.3"
            title: "Tỷ lệ nhiệm vụ hoàn thành"
            max: 3.25
            rule: {type: tiers, "on": percent, tiers: [{min: 100, points: 3.25}, {min: 80, points: 2}, {min: 50, points: 0.5}]}
            guidance: |-
              Hoàn thành 100%: 3,25 điểm
              Từ 80% đến dưới 100%: 2 điểm
          - code: "1.1.4"
            title: "Số báo cáo gửi đủ"
            max: 4
            rule: {type: tiers, "on": count, tiers: [{min: 4, points: 4}, {min: 2, points: 1.5}]}
            source: organizer
      - code: "1.2"
        title: "Thực hiện nhiệm vụ UBND tỉnh giao"
        max: 10
        capped: true
        children:
          - code: "1.2.1"
            title: "Nhiệm vụ hoàn thành đúng hạn"
            max: 6
            rule: {type: ratio}
            source: directives
          - code: "1.2.2"
            title: "Nhiệm vụ trễ hạn"
            max: 6
            rule: {type: deduction, per_occurrence: 0.5, severe: true}
            source: directives
  - code: "2"
    title: "Cải cách thủ tục hành chính"
    max: 49.5
    allow_na: false
    children:
      - code: "2.1"
        title: "Văn bản được ban hành"
        max: 5
        rule: {type: count, per_item: 0.5, cap: 4}
        guidance: "=Mỗi văn bản 0,5 điểm"
      - code: "2.2"
        title: "Đạt theo chỉ tiêu giao"
        max: 4.5
        rule: {type: ratio, required: 12}
        allow_na: true
      - code: "2.3"
        title: "Chất lượng giải quyết hồ sơ"
        max: 20
        rule:
          type: quality
          levels:
            - {key: xs, label: "Xuất sắc", share: 1}
            - {key: tot, label: "Tốt, đầy đủ", share: 0.75}
            - {key: ht, label: "Hoàn thành", share: 0.5}
      - code: "2.4"
        title: "Chỉ số thành phần do Bộ công bố"
        max: 10
        rule: {type: scale, scale: 10}
        source: external
      - code: "2.5"
        title: "Chấm trực tiếp"
        max: 10
        rule: {type: manual, step: 0.25}
        source: unit
  - code: "3"
    title: "Khảo sát sự hài lòng"
    max: 30
    children:
      - code: "3.1"
        title: "Hài lòng của người dân"
        max: 15
        rule: {type: survey}
      - code: "3.2"
        title: "Hài lòng của doanh nghiệp"
        max: 15
        rule: {type: survey, scale: 10}
        source: survey
bonus:
  cap: 3
  criteria:
    - code: "T1"
      title: "Sáng kiến CCHC được công nhận"
      max: 2
      rule: {type: count, per_item: 1}
    - code: "T2"
      title: "Giải thưởng"
      max: 1.5
      children:
        - code: "T2.1"
          title: "Giải cấp tỉnh"
          max: 1.5
          rule: {type: binary}
penalty:
  cap: 5.5
  criteria:
    - code: "TR1"
      title: "Văn bản chậm gửi"
      max: 5.5
      rule: {type: count, per_item: 0.5}
      allow_na: false
"""


def rich_set() -> CriteriaSet:
    return parse_criteria_set(RICH_SET_YAML)


def open_workbook(data: bytes) -> Workbook:
    return load_workbook(BytesIO(data))


def test_the_rich_set_is_a_valid_criteria_set() -> None:
    criteria_set = rich_set()

    assert {leaf.rule.type_name for leaf in criteria_set.all_leaves if leaf.rule is not None} == {
        "manual",
        "binary",
        "tiers",
        "ratio",
        "count",
        "timeliness",
        "quality",
        "deduction",
        "scale",
        "survey",
    }
