from __future__ import annotations

from pathlib import Path

import pytest

from parindex.criteria.models import CriteriaSetVersion
from parindex.criteria.services import criteria_set_issue, criteria_set_upload
from tests.factories import UnitGroupFactory

DEMO_SETS = Path(__file__).parents[2] / "parindex" / "demo" / "sets"

SMALL_SET = """
name: "Bộ tiêu chí sở, ban, ngành năm 2025"
year: 2025
group: so
max_points: 10
bands: [{name: "Tốt", min: 90}, {name: "Khá", min: 80}]
criteria:
  - code: "1"
    title: "Công tác chỉ đạo, điều hành CCHC"
    max: 10
    children:
      - {code: "1.1", title: "Ban hành kế hoạch CCHC năm", max: 4, rule: {type: binary}, evidence: "Kế hoạch CCHC"}
      - {code: "1.2", title: "Tỷ lệ TTHC giải quyết đúng hạn", max: 6, allow_na: true,
         rule: {type: tiers, on: percent, tiers: [{min: 100, points: 6}, {min: 80, points: 3}]}}
"""


@pytest.fixture
def groups(db):
    return {
        "so": UnitGroupFactory(code="so", name="Sở, ban, ngành", ordering=10),
        "xa": UnitGroupFactory(code="xa", name="UBND cấp xã, phường, đặc khu", ordering=30),
    }


@pytest.fixture
def draft_set(groups, organizer) -> CriteriaSetVersion:
    return criteria_set_upload(actor=organizer, filename="2025-so.yaml", content=SMALL_SET.encode())


@pytest.fixture
def issued_set(groups, organizer) -> CriteriaSetVersion:
    version = criteria_set_upload(actor=organizer, filename="2025-so.yaml", content=SMALL_SET.encode())
    return criteria_set_issue(actor=organizer, version=version, decision="Quyết định số 12/QĐ-UBND")
