"""The demonstration province's 2024 results: the 14 departments assessed, appraised, approved by the council
and published, so that the change against last year, each unit's years and the trends have data out of the box.

Built like the 2025 period (parindex/demo/cycle.py) through the real services: the 2025 departments' set
cloned for 2024 and issued, the period opened, each department's self-assessment (answers drawn from its own
2024 seed, a little less diligent than in 2025, so most units improve and some do not), one appraisal round
with Sở Nội vụ's survey and task-tracking points, then approval with a decision and publication. Idempotent:
an existing 2024 demo period is left as it is.
"""

from __future__ import annotations

import datetime
import random
from datetime import timedelta
from typing import Any, Protocol

from django.db import transaction
from django.utils import timezone

from parindex.accounts.models import Role, User
from parindex.appraisals.external import external_answers_save, external_leaves
from parindex.appraisals.services import appraisal_accept, appraisal_close_round, appraisal_save
from parindex.assessments.models import Assessment
from parindex.assessments.services import answer_save_self, assessment_mark_completed, assessment_submit
from parindex.assessments.workflow import self_assessed_leaves
from parindex.council.services import approval_record, results_publish
from parindex.criteria.models import CriteriaSetVersion, Status
from parindex.criteria.services import criteria_set_clone, criteria_set_issue
from parindex.demo.answers import demo_answer
from parindex.organization.models import Unit, UnitGroup
from parindex.periods.models import Period, Phase, PhaseDeadline
from parindex.periods.services import period_add_units, period_create, period_open

DEMO_2024_NAME = "Kỳ đánh giá, xác định Chỉ số CCHC năm 2024 (minh họa)"
YEAR = 2024
DECISION_NUMBER = "215/QĐ-UBND"
DECISION_DATE = datetime.date(2025, 2, 14)
# When each phase of 2024 really ended: the period is played through the services today (they refuse a
# phase whose deadline has passed), then given the dates a 2024 assessment had, so that no reminder or open
# phase is ever shown for it.
DEADLINES_2024 = {
    Phase.SELF_ASSESSMENT: datetime.datetime(2024, 11, 30, 17),
    Phase.APPRAISAL_1: datetime.datetime(2024, 12, 20, 17),
    Phase.EXPLANATION: datetime.datetime(2024, 12, 27, 17),
    Phase.APPRAISAL_2: datetime.datetime(2025, 1, 10, 17),
    Phase.COUNCIL: datetime.datetime(2025, 1, 24, 17),
    Phase.PUBLICATION: datetime.datetime(2025, 2, 28, 17),
}


class Writer(Protocol):
    def write(self, msg: str) -> Any: ...


def demo_history(*, stdout: Writer) -> Period | None:
    if Period.objects.filter(name=DEMO_2024_NAME).exists():
        stdout.write("Kết quả minh họa năm 2024: đã có, giữ nguyên.\n")
        return None
    organizer = User.objects.filter(role=Role.ORGANIZER).order_by("pk").first()
    source = (
        CriteriaSetVersion.objects.filter(year=YEAR + 1, status=Status.ISSUED, group__code="so").order_by("pk").first()
    )
    group = UnitGroup.objects.filter(code="so").first()
    if organizer is None or source is None or group is None:
        stdout.write("Kết quả minh họa năm 2024: thiếu tài khoản Sở Nội vụ hoặc bộ tiêu chí sở, ban, ngành, bỏ qua.\n")
        return None
    with transaction.atomic():
        period = _period(organizer, source, group)
        for assessment in Assessment.objects.filter(period=period).select_related("unit", "criteria_set_version"):
            _appraise(assessment, organizer)
        approval_record(
            actor=organizer, period=period, group=group, decision_number=DECISION_NUMBER, decision_date=DECISION_DATE
        )
        results_publish(actor=organizer, period=period, group=group)
        zone = timezone.get_current_timezone()
        for phase, moment in DEADLINES_2024.items():
            PhaseDeadline.objects.filter(period=period, phase=phase).update(deadline=moment.replace(tzinfo=zone))
    count = Assessment.objects.filter(period=period).count()
    stdout.write(f"Kết quả minh họa năm 2024: {count} sở, ban, ngành đã công bố (Quyết định {DECISION_NUMBER}).\n")
    return period


def _period(organizer: User, source: CriteriaSetVersion, group: UnitGroup) -> Period:
    version = CriteriaSetVersion.objects.filter(year=YEAR, status=Status.ISSUED, group=group).order_by("pk").first()
    if version is None:
        version, _notes = criteria_set_clone(actor=organizer, source=source, year=YEAR)
        version = criteria_set_issue(actor=organizer, version=version, decision="Dữ liệu minh họa")
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    period = period_create(
        actor=organizer,
        year=YEAR,
        name=DEMO_2024_NAME,
        criteria_sets={group: version},
        deadlines={phase: now + timedelta(days=10 * (position + 1)) for position, phase in enumerate(DEADLINES_2024)},
    )
    # The departments as they were in 2024 (all of today's existed then).
    units = Unit.objects.filter(group=group, active_from__lte=datetime.date(YEAR, 12, 31))
    period_add_units(actor=organizer, period=period, units=units)
    return period_open(actor=organizer, period=period)


def _appraise(assessment: Assessment, organizer: User) -> None:
    """Self-assessment by the unit (or Sở Nội vụ acting for it), submitted; one appraisal round."""
    rng = random.Random(f"parindex-demo-{YEAR}-{assessment.unit.code}")
    diligence = rng.uniform(0.62, 0.93)
    criteria_set = assessment.criteria_set
    na_allowed = {leaf.code: leaf.na_allowed for leaf in criteria_set.plan.leaves}
    officer = User.objects.filter(unit=assessment.unit, role=Role.UNIT_OFFICER).first() or organizer
    head = User.objects.filter(unit=assessment.unit, role=Role.UNIT_HEAD).first() or organizer
    leaves = self_assessed_leaves(criteria_set)
    for leaf in leaves:
        raw = demo_answer(leaf, rng, diligence, na_allowed[leaf.code])
        answer_save_self(actor=officer, assessment=assessment, code=leaf.code, raw=raw, note="", expected_version=None)
    assessment_mark_completed(actor=officer, assessment=assessment)
    assessment_submit(actor=head, assessment=assessment)
    values = {
        (assessment.pk, leaf.code): demo_answer(leaf, rng, diligence, False) for leaf in external_leaves(criteria_set)
    }
    external_answers_save(actor=organizer, assessments=[assessment], values=values, versions={})
    for leaf in leaves:
        if rng.random() < 0.88:
            appraisal_accept(actor=organizer, assessment=assessment, code=leaf.code)
        else:
            appraisal_save(
                actor=organizer,
                assessment=assessment,
                code=leaf.code,
                raw=demo_answer(leaf, rng, diligence * 0.8, na_allowed[leaf.code]),
                note="Điều chỉnh theo tài liệu kiểm chứng.",
                expected_version=None,
            )
    appraisal_close_round(actor=organizer, assessment=assessment)
