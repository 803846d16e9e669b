"""The demonstration period: Tỉnh Minh Họa's 2025 assessment in progress, with units in every state, so that
every screen has something real to show (docs: README "Demo accounts").

Built through the same services the screens use (answers parsed and scored by the engine, every step
audited), in one transaction; idempotent: an existing demo period is left as it is.
"""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any, Protocol

from django.db import transaction
from django.utils import timezone

from parindex.accounts.models import Role, User
from parindex.appraisals.external import external_answers_save, external_leaves
from parindex.appraisals.models import Assignment
from parindex.appraisals.services import (
    appraisal_accept,
    appraisal_close_round,
    appraisal_save,
    assignment_create,
    explanation_save,
    explanation_submit,
)
from parindex.assessments.models import Answer, Assessment, Stage, State
from parindex.assessments.services import (
    answer_save_self,
    assessment_mark_completed,
    assessment_submit,
)
from parindex.assessments.workflow import self_assessed_leaves
from parindex.criteria.models import CriteriaSetVersion, Status
from parindex.demo.answers import demo_answer
from parindex.organization.models import Unit, UnitGroup
from parindex.periods.models import Period, Phase
from parindex.periods.services import period_add_units, period_create, period_open

DEMO_PERIOD_NAME = "Kỳ đánh giá, xác định Chỉ số CCHC năm 2025 (minh họa)"
YEAR = 2025

# How far each unit has gone, by unit code; units not listed stay in draft with some answers.
DEPARTMENT_STATES = {
    "STP": "draft",  # the demo officer's own unit: half done, to be finished and submitted
    "SYT": "draft",
    "SCT": "completed",
    "SXD": "completed",
    "STC": "submitted",
    "SKHCN": "submitted",
    "SGDDT": "submitted",
    "SNNMT": "appraised",
    "VPUB": "appraised",
    "SVHTTDL": "explanation_requested",
    "SDTTG": "explanation_requested",
    "SNGV": "explained",
    "TTRT": "explained",
    "SNV": "reappraised",
}
# Every commune but Phường Phủ Lý has been appraised: once Phủ Lý explains and is re-appraised, the group is
# ready for the council, so a visitor can take one group through approval and publication in the browser.
COMMUNE_STATES = {"X01": "explanation_requested"}
COMMUNE_STATES |= {f"X{n:02d}": "reappraised" if n % 4 == 0 else "appraised" for n in range(2, 41)}
ORDER = ("draft", "completed", "submitted", "appraised", "explanation_requested", "explained", "reappraised")
# Fields per appraiser: Sở Tư pháp's member takes fields 1–4, Sở KH&CN's the rest.
APPRAISER_FIELDS = {"thamdinh1": ("1", "2", "3", "4"), "thamdinh2": ("5", "6", "7", "8", "bonus", "penalty")}
APPRAISER_UNITS = {"thamdinh1": "STP", "thamdinh2": "SKHCN"}


class Writer(Protocol):
    def write(self, msg: str) -> Any: ...


def _reached(target: str, state: str) -> bool:
    return ORDER.index(target) >= ORDER.index(state)


def demo_cycle(*, stdout: Writer) -> Period | None:
    if Period.objects.filter(name=DEMO_PERIOD_NAME).exists():
        stdout.write("Kỳ đánh giá minh họa 2025: đã có, giữ nguyên.\n")
        return None
    organizer = User.objects.filter(role=Role.ORGANIZER).order_by("pk").first()
    sets = {
        version.group.code: version
        for version in CriteriaSetVersion.objects.filter(year=YEAR, status=Status.ISSUED).select_related("group")
    }
    if organizer is None or not {"so", "xa"} <= set(sets):
        stdout.write("Kỳ đánh giá minh họa 2025: thiếu tài khoản Sở Nội vụ hoặc bộ tiêu chí 2025, bỏ qua.\n")
        return None
    with transaction.atomic():
        period = _period(organizer, sets)
        _assign(organizer, period)
        counts: dict[str, int] = {}
        for assessment in Assessment.objects.filter(period=period).select_related("unit", "criteria_set_version"):
            target = DEPARTMENT_STATES.get(assessment.unit.code) or COMMUNE_STATES.get(assessment.unit.code, "draft")
            _play(assessment, target, organizer)
            counts[target] = counts.get(target, 0) + 1
    summary = ", ".join(f"{State(state).label.lower()}: {count}" for state, count in sorted(counts.items()))
    stdout.write(f"Kỳ đánh giá minh họa 2025: {Assessment.objects.filter(period=period).count()} đơn vị ({summary}).\n")
    return period


def _period(organizer: User, sets: dict[str, CriteriaSetVersion]) -> Period:
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    days = {
        Phase.SELF_ASSESSMENT: 10,
        Phase.APPRAISAL_1: 25,
        Phase.EXPLANATION: 35,
        Phase.APPRAISAL_2: 45,
        Phase.COUNCIL: 55,
        Phase.PUBLICATION: 60,
    }
    groups = {group.code: group for group in UnitGroup.objects.filter(code__in=("so", "xa"))}
    period = period_create(
        actor=organizer,
        year=YEAR,
        name=DEMO_PERIOD_NAME,
        criteria_sets={groups[code]: sets[code] for code in ("so", "xa")},
        deadlines={phase: now + timedelta(days=count) for phase, count in days.items()},
    )
    units = Unit.objects.filter(group__code__in=("so", "xa"), active_to__isnull=True)
    period_add_units(actor=organizer, period=period, units=units)
    return period_open(actor=organizer, period=period)


def _assign(organizer: User, period: Period) -> None:
    for username, fields in APPRAISER_FIELDS.items():
        appraiser = User.objects.filter(username=username).first()
        if appraiser is None:
            continue
        if appraiser.unit_id is None:
            appraiser.unit = Unit.objects.filter(code=APPRAISER_UNITS[username]).first()
            appraiser.save(update_fields=["unit"])
        for field in fields:
            if not Assignment.objects.filter(period=period, appraiser=appraiser, field_code=field).exists():
                assignment_create(actor=organizer, period=period, appraiser=appraiser, field_code=field)


def _people(assessment: Assessment, organizer: User) -> tuple[User, User]:
    """The unit's officer and head, or Sở Nội vụ acting for units without demo accounts (recorded as such)."""
    officer = User.objects.filter(unit=assessment.unit, role=Role.UNIT_OFFICER).first() or organizer
    head = User.objects.filter(unit=assessment.unit, role=Role.UNIT_HEAD).first() or organizer
    return officer, head


def _play(assessment: Assessment, target: str, organizer: User) -> None:
    """Take the assessment through the cycle up to `target`, as its people and the appraisers would."""
    rng = random.Random(f"parindex-demo-{assessment.unit.code}")
    diligence = rng.uniform(0.72, 0.97)
    criteria_set = assessment.criteria_set
    na_allowed = {leaf.code: leaf.na_allowed for leaf in criteria_set.plan.leaves}
    leaves = self_assessed_leaves(criteria_set)
    officer, head = _people(assessment, organizer)
    share = 1.0 if target != "draft" else rng.uniform(0.3, 0.7)
    for leaf in leaves[: round(len(leaves) * share)]:
        raw = demo_answer(leaf, rng, diligence, na_allowed[leaf.code])
        answer_save_self(actor=officer, assessment=assessment, code=leaf.code, raw=raw, note="", expected_version=None)
    if target == "draft":
        return
    assessment_mark_completed(actor=officer, assessment=assessment)
    if target == "completed":
        return
    assessment_submit(actor=head, assessment=assessment)
    if target == "submitted":
        return
    # Round 1: Sở Nội vụ enters the survey and task-tracking points; most self-scores are accepted, a few
    # are corrected, and units headed for an explanation get two leaves flagged.
    values = {
        (assessment.pk, leaf.code): demo_answer(leaf, rng, diligence, False) for leaf in external_leaves(criteria_set)
    }
    external_answers_save(actor=organizer, assessments=[assessment], values=values, versions={})
    flagged = [leaf.code for leaf in leaves[3:5]] if _reached(target, "explanation_requested") else []
    for leaf in leaves:
        if leaf.code in flagged:
            appraisal_save(
                actor=organizer,
                assessment=assessment,
                code=leaf.code,
                raw=demo_answer(leaf, rng, diligence * 0.7, False),
                note="Tài liệu kiểm chứng chưa thể hiện đủ kết quả; đề nghị đơn vị giải trình.",
                expected_version=None,
                explanation_requested=True,
            )
        elif rng.random() < 0.9:
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
    if target in ("appraised", "explanation_requested"):
        return
    for code in flagged:
        explanation_save(
            actor=officer,
            assessment=assessment,
            code=code,
            raw="",
            note="Đơn vị đã bổ sung báo cáo kết quả thực hiện và quyết định liên quan.",
            expected_version=None,
        )
    explanation_submit(actor=head, assessment=assessment)
    if target == "explained":
        return
    for code in flagged:
        own = Answer.objects.get(assessment=assessment, code=code, stage=Stage.SELF)
        appraisal_save(
            actor=organizer,
            assessment=assessment,
            code=code,
            raw=own.raw,
            note="Chấp nhận giải trình.",
            expected_version=None,
        )
    appraisal_close_round(actor=organizer, assessment=assessment)
