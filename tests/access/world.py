"""The world the access matrix walks: one period of two departments of the same group, taken through the real
services up to a phase of the cycle.

    unit A  Sở Tư pháp   officer_a, head_a     unit B  Sở Y tế   officer_b, head_b
    appraiser             assigned field 1 for every unit of the period
    appraiser_from_a      comes from unit A, assigned field 1 too (so never to see A)
    appraiser_unassigned  assigned nothing

Each unit has one evidence document cited by leaf 1.1 from the moment the period opens, and answers whose
notes (and file names) are its own: the markers by which a leak of one unit's data into the other's pages is
found. Nothing here sets a state directly: every step is the service a user's click would call.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from parindex.accounts.models import Role, User
from parindex.appraisals.models import Assignment
from parindex.appraisals.services import (
    appraisal_accept,
    appraisal_close_round,
    appraisal_save,
    assignment_create,
    explanation_save,
    explanation_submit,
)
from parindex.assessments.models import Assessment
from parindex.assessments.services import answer_save_self, assessment_mark_completed, assessment_submit
from parindex.council.services import approval_record, results_publish
from parindex.criteria.models import CriteriaSetVersion
from parindex.criteria.services import criteria_set_upload
from parindex.evidence.models import Citation, EvidenceDocument
from parindex.evidence.services import citation_add, evidence_upload
from parindex.notifications.models import Kind, Notification
from parindex.notifications.services import notify
from parindex.organization.models import Unit
from parindex.periods.models import Period, PeriodGroup
from parindex.periods.services import period_open
from tests.cycle import CYCLE_SET, assessment_of, make_period
from tests.evidence.documents import pdf
from tests.factories import UserFactory

# The phases of the matrix, in the order the cycle reaches them.
PHASES = ("a", "b", "c", "d", "e", "f", "g")
PHASE_NAMES = {
    "a": "period created, not open",
    "b": "self-assessment open (drafts with answers)",
    "c": "A submitted, round 1 open",
    "d": "explanation requested for A",
    "e": "A reappraised, B appraised (before approval)",
    "f": "approved, not published",
    "g": "published",
}
PUBLISHED_PHASES = ("g",)


@dataclass(frozen=True)
class UnitData:
    """What only this unit's people (and those who see every unit) may read before publication."""

    name: str
    file_name: str
    document_number: str
    self_note: str
    answers: dict[str, str]
    explanation_note: str = ""

    @property
    def private_markers(self) -> tuple[str, ...]:
        """Its evidence and its answers: never published, so never in a page of someone who may not see the
        unit's assessment, in any phase."""
        return tuple(
            text for text in (self.file_name, self.document_number, self.self_note, self.explanation_note) if text
        )


UNIT_DATA = {
    "a": UnitData(
        name="Sở Tư pháp",
        file_name="KH-12-STP kế hoạch cải cách hành chính.pdf",
        document_number="12/KH-STP",
        self_note="Kế hoạch số 12/KH-STP ngày 05/01/2025 của Giám đốc",
        answers={"1.1": "Có", "1.2": "40/40", "1.3": "10/12/2025", "1.4": "KAD", "2.1": "Tốt"},
        explanation_note="Bổ sung báo cáo sáu nhiệm vụ hoàn thành trong quý IV",
    ),
    "b": UnitData(
        name="Sở Y tế",
        file_name="KH-34-SYT kế hoạch cải cách hành chính.pdf",
        document_number="34/KH-SYT",
        self_note="Kế hoạch số 34/KH-SYT ngày 07/01/2025 của Giám đốc",
        answers={"1.1": "Có", "1.2": "36/40", "1.3": "12/12/2025", "1.4": "3", "2.1": "Đạt"},
    ),
}
# Points Sở Nội vụ enters for the leaves no unit answers (directives ratio, survey).
EXTERNAL_ANSWERS = {"a": {"1.5": "9/10", "2.2": "85"}, "b": {"1.5": "1/2", "2.2": "70"}}
DECISION_NUMBER = "45/QĐ-HĐĐG"
DECISION_DATE = datetime.date(2025, 12, 20)


@dataclass
class World:
    phase: str
    period: Period
    units: dict[str, Unit]
    assessments: dict[str, Assessment]
    users: dict[str, User]
    issued_set: CriteriaSetVersion
    draft_set: CriteriaSetVersion
    assignment: Assignment  # the cast's appraiser, field 1
    notification: Notification  # officer_a's
    documents: dict[str, EvidenceDocument] = field(default_factory=dict)
    citations: dict[str, Citation] = field(default_factory=dict)

    @property
    def group(self) -> Any:
        return self.units["a"].group


def build_world(phase: str, cast: dict[str, User]) -> World:
    """The world as it stands in `phase`, every step before it taken through the services."""
    organizer, appraiser = cast["organizer"], cast["appraiser"]
    officer_a, head_a, officer_b = cast["officer_a"], cast["head_a"], cast["officer_b"]
    unit_a, unit_b = officer_a.unit, officer_b.unit
    assert unit_a is not None
    assert unit_b is not None
    assert unit_a.group_id == unit_b.group_id, "A and B must share a group: one ranked table, one approval"
    users = dict(cast)
    users["head_b"] = UserFactory.create(
        username="thutruong_b", full_name="Lý Văn Bình", role=Role.UNIT_HEAD, unit=unit_b
    )
    users["appraiser_from_a"] = UserFactory.create(
        username="thamdinh_stp", full_name="Lê Thị Thanh Tra", role=Role.APPRAISER, unit=unit_a
    )
    users["appraiser_unassigned"] = UserFactory.create(
        username="thamdinh_khac", full_name="Đặng Văn Chưa Giao", role=Role.APPRAISER
    )
    units = {"a": unit_a, "b": unit_b}
    heads = {"a": head_a, "b": users["head_b"]}
    officers = {"a": officer_a, "b": officer_b}

    period = make_period(organizer, [unit_a, unit_b], opened=False)
    issued_set = PeriodGroup.objects.get(period=period, group=unit_a.group).criteria_set
    draft_set = criteria_set_upload(
        actor=organizer,
        filename="du-thao-2026.yaml",
        content=CYCLE_SET.replace("year: 2025", "year: 2026")
        .replace("năm 2025 (kiểm thử)", "năm 2026 (dự thảo)")
        .replace("group: so", f"group: {unit_a.group.code}")
        .encode(),
    )
    assignment = assignment_create(actor=organizer, period=period, appraiser=appraiser, field_code="1")
    assignment_create(actor=organizer, period=period, appraiser=users["appraiser_from_a"], field_code="1")
    (notification,) = notify(
        recipients=[officer_a],
        kind=Kind.INFO,
        title="Lịch tập huấn phần mềm chấm điểm",
        body="Tập huấn cho cán bộ đầu mối vào thứ Năm.",
        link="/",
        email=False,
    )
    assessments = {key: assessment_of(period, unit) for key, unit in units.items()}
    world = World(
        phase=phase,
        period=period,
        units=units,
        assessments=assessments,
        users=users,
        issued_set=issued_set,
        draft_set=draft_set,
        assignment=assignment,
        notification=notification,
    )
    reached = PHASES.index(phase)

    def refresh() -> None:
        for key in units:
            assessments[key] = Assessment.objects.get(pk=assessments[key].pk)

    if reached >= PHASES.index("b"):
        period_open(actor=organizer, period=period)
        refresh()
        for key in units:
            _self_assess(world, key, officers[key])
    if reached >= PHASES.index("c"):
        for key in units:
            assessment_mark_completed(actor=officers[key], assessment=assessments[key])
            assessment_submit(actor=heads[key], assessment=assessments[key])
        refresh()
    if reached >= PHASES.index("d"):
        # Round 1 for A: the appraiser of field 1 asks for an explanation of 1.2, Sở Nội vụ does the rest.
        a = assessments["a"]
        for code in ("1.1", "1.3", "1.4"):
            appraisal_accept(actor=appraiser, assessment=a, code=code)
        appraisal_save(
            actor=appraiser,
            assessment=a,
            code="1.2",
            raw="30/40",
            note="Báo cáo chỉ chứng minh 30 nhiệm vụ",
            expected_version=None,
            explanation_requested=True,
        )
        appraisal_accept(actor=organizer, assessment=a, code="2.1")
        _enter_external(organizer, a, "a")
        appraisal_close_round(actor=organizer, assessment=a)
        refresh()
        explanation_save(
            actor=officer_a,
            assessment=assessments["a"],
            code="1.2",
            raw="36/40",
            note=UNIT_DATA["a"].explanation_note,
            expected_version=None,
        )
    if reached >= PHASES.index("e"):
        explanation_submit(actor=officer_a, assessment=assessments["a"])
        refresh()
        appraisal_save(
            actor=appraiser, assessment=assessments["a"], code="1.2", raw="36/40", note="", expected_version=None
        )
        appraisal_close_round(actor=organizer, assessment=assessments["a"])
        b = assessments["b"]
        for code in UNIT_DATA["b"].answers:
            appraisal_accept(actor=organizer, assessment=b, code=code)
        _enter_external(organizer, b, "b")
        appraisal_close_round(actor=organizer, assessment=b)
        refresh()
    if reached >= PHASES.index("f"):
        approval_record(
            actor=organizer,
            period=period,
            group=world.group,
            decision_number=DECISION_NUMBER,
            decision_date=DECISION_DATE,
        )
        refresh()
    if reached >= PHASES.index("g"):
        results_publish(actor=organizer, period=period, group=world.group)
        refresh()
    return world


def _self_assess(world: World, key: str, officer: User) -> None:
    """The unit's answers (its note on 1.1), one document in its registry, cited by 1.1."""
    data, assessment = UNIT_DATA[key], world.assessments[key]
    for code, raw in data.answers.items():
        note = data.self_note if code == "1.1" else ""
        answer_save_self(actor=officer, assessment=assessment, code=code, raw=raw, note=note, expected_version=None)
    document = evidence_upload(
        actor=officer,
        assessment=assessment,
        uploaded_file=SimpleUploadedFile(data.file_name, pdf(f"Ke hoach {data.document_number}")),
        number=data.document_number,
        issued_on=timezone.localdate() - datetime.timedelta(days=30),
        issuer=data.name,
        summary="Kế hoạch cải cách hành chính năm 2025",
    )
    world.documents[key] = document
    world.citations[key] = citation_add(
        actor=officer, document=document, code="1.1", stage="self", locator="trang 2", assessment=assessment
    )


def _enter_external(organizer: User, assessment: Assessment, key: str) -> None:
    for code, raw in EXTERNAL_ANSWERS[key].items():
        appraisal_save(actor=organizer, assessment=assessment, code=code, raw=raw, note="", expected_version=None)
