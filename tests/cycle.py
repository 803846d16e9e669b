"""Builders for tests of the assessment cycle: a small criteria set, a period with units, deadlines."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, cast

from django.utils import timezone

from parindex.assessments.models import Assessment
from parindex.criteria.models import CriteriaSetVersion
from parindex.criteria.services import criteria_set_issue, criteria_set_upload
from parindex.organization.models import Unit, UnitGroup
from parindex.periods.models import Period, Phase
from parindex.periods.services import period_add_units, period_create, period_open

CYCLE_SET = """
name: "Bộ tiêu chí sở, ban, ngành năm 2025 (kiểm thử)"
year: 2025
group: so
max_points: 20
bands: [{name: "Tốt", min: 90}, {name: "Khá", min: 80}, {name: "Trung bình", min: 65}, {name: "Yếu", min: 0}]
criteria:
  - code: "1"
    title: "Công tác chỉ đạo, điều hành CCHC"
    max: 10
    children:
      - {code: "1.1", title: "Ban hành kế hoạch CCHC năm", max: 2, rule: {type: binary},
         evidence: "Kế hoạch CCHC năm 2025"}
      - {code: "1.2", title: "Tỷ lệ nhiệm vụ hoàn thành", max: 3,
         rule: {type: tiers, on: percent, tiers: [{min: 100, points: 3}, {min: 80, points: 1.5}]}}
      - {code: "1.3", title: "Báo cáo CCHC quý", max: 1, rule: {type: timeliness, late: 0.5, deadline: 2025-12-15}}
      - {code: "1.4", title: "Kiểm tra CCHC", max: 2, allow_na: true, rule: {type: count, per_item: 0.5}}
      - {code: "1.5", title: "Nhiệm vụ UBND tỉnh giao", max: 2, source: directives, rule: {type: ratio}}
  - code: "2"
    title: "Cải cách thủ tục hành chính"
    max: 10
    children:
      - {code: "2.1", title: "Chất lượng công bố TTHC", max: 4, rule: {type: quality, levels: [
          {key: tot, label: "Tốt", share: 1}, {key: dat, label: "Đạt", share: 0.5}, {key: chua, label: "Chưa đạt", share: 0}]}}
      - {code: "2.2", title: "Hài lòng của người dân", max: 6, rule: {type: survey}}
"""
SELF_LEAVES = ("1.1", "1.2", "1.3", "1.4", "2.1")


def cycle_set(organizer: Any, group: UnitGroup, text: str = CYCLE_SET) -> CriteriaSetVersion:
    version = criteria_set_upload(
        actor=organizer, filename="cycle.yaml", content=text.replace("group: so", f"group: {group.code}").encode()
    )
    return criteria_set_issue(actor=organizer, version=version)


def deadlines_from(start: datetime, days: int = 10) -> dict[str, datetime]:
    """One deadline per phase, `days` apart, the first `days` after `start`."""
    return {phase: start + timedelta(days=days * (position + 1)) for position, phase in enumerate(Phase.values)}


def make_period(
    organizer: Any,
    units: list[Unit],
    *,
    opened: bool = True,
    deadlines: dict[str, datetime] | None = None,
    year: int = 2025,
) -> Period:
    groups = {unit.group for unit in units}
    sets = {group: cycle_set(organizer, group) for group in groups}
    period = period_create(
        actor=organizer,
        year=year,
        name=f"Kỳ đánh giá Chỉ số CCHC năm {year}",
        criteria_sets=sets,
        deadlines=deadlines or deadlines_from(timezone.now()),
    )
    period_add_units(actor=organizer, period=period, units=units)
    if opened:
        period_open(actor=organizer, period=period)
    return period


def assessment_of(period: Period, unit: Unit) -> Assessment:
    return Assessment.objects.get(period=period, unit=unit)


def deadline_of(period: Period, phase: str, unit: Unit | None = None) -> datetime:
    """A phase's effective deadline (for the unit, when given); every test period has one per phase."""
    from parindex.periods.selectors import DeadlineBook

    moment = DeadlineBook.load(period).deadline(phase, unit.pk if unit else None)
    assert moment is not None
    return moment


def new_unit(**fields: Any) -> Unit:
    from tests.factories import UnitFactory

    return cast(Unit, UnitFactory(**fields))


SELF_ANSWERS = {"1.1": "Có", "1.2": "40/40", "1.3": "10/12/2025", "1.4": "KAD", "2.1": "Tốt"}


def submit_self_assessment(
    officer: Any, head: Any, assessment: Assessment, answers: dict[str, str] | None = None
) -> Assessment:
    """Answer every leaf the unit answers, mark it complete (officer) and submit it (head)."""
    from parindex.assessments.services import answer_save_self, assessment_mark_completed, assessment_submit

    for code, raw in (answers or SELF_ANSWERS).items():
        answer_save_self(actor=officer, assessment=assessment, code=code, raw=raw, note="", expected_version=None)
    assessment_mark_completed(actor=officer, assessment=assessment)
    return assessment_submit(actor=head, assessment=assessment)
