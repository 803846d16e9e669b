"""A period with one unit at every step of the cycle, built through the real services, for the progress tests.

key       state reached                          self-assessment  round 1        explanation    round 2
new       draft, nothing answered                Chưa bắt đầu     Chưa đến       Chưa đến       Chưa đến
draft     draft, one leaf answered               Đang thực hiện   Chưa đến       Chưa đến       Chưa đến
sub       submitted                              Đã chốt          Chưa bắt đầu   Chưa đến       Chưa đến
r1        submitted, one leaf appraised          Đã chốt          Đang thực hiện Chưa đến       Chưa đến
done      appraised, nothing to explain          Đã chốt          Đã thẩm định   Không phải     Không phải
asked     explanation requested on 1.2           Đã chốt          Đã thẩm định   Chưa bắt đầu   Chưa đến
expl      explained                              Đã chốt          Đã thẩm định   Đã giải trình  Chưa bắt đầu
re        reappraised                            Đã chốt          Đã thẩm định   Đã giải trình  Đã thẩm định
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from parindex.accounts.models import Role
from parindex.appraisals.services import (
    appraisal_accept,
    appraisal_close_round,
    appraisal_save,
    assignment_create,
    explanation_save,
    explanation_submit,
)
from parindex.assessments.models import Assessment
from parindex.assessments.services import answer_save_self
from parindex.organization.models import Unit
from parindex.periods.models import Period
from tests.cycle import SELF_LEAVES, assessment_of, make_period, new_unit, submit_self_assessment
from tests.factories import UserFactory

KEYS = ("new", "draft", "sub", "r1", "done", "asked", "expl", "re")
NAMES = {
    "new": "Sở Công Thương",
    "draft": "Sở Du lịch",
    "sub": "Sở Đối ngoại",
    "r1": "Sở Giáo dục",
    "done": "Sở Khoa học",
    "asked": "Sở Nội vụ",
    "expl": "Sở Tài chính",
    "re": "Sở Xây dựng",
}
EXTERNAL = {"1.5": "1/1", "2.2": "80"}


@dataclass
class World:
    period: Period
    organizer: Any
    units: dict[str, Unit]
    people: dict[str, tuple[Any, Any]]
    appraiser_1: Any  # field 1 of every unit
    appraiser_2: Any  # field 2 of every unit

    def assessment(self, key: str) -> Assessment:
        return assessment_of(self.period, self.units[key])


def _round_1(organizer: Any, assessment: Assessment, flag: bool) -> Assessment:
    for code in SELF_LEAVES:
        if flag and code == "1.2":
            appraisal_save(
                actor=organizer,
                assessment=assessment,
                code=code,
                raw="30/40",
                note="Thiếu báo cáo",
                expected_version=None,
                explanation_requested=True,
            )
        else:
            appraisal_accept(actor=organizer, assessment=assessment, code=code)
    for code, raw in EXTERNAL.items():
        appraisal_save(actor=organizer, assessment=assessment, code=code, raw=raw, note="", expected_version=None)
    return appraisal_close_round(actor=organizer, assessment=assessment)


def build(organizer: Any, group: Any) -> World:
    units = {key: new_unit(name=NAMES[key], code=f"T{index}", group=group) for index, key in enumerate(KEYS)}
    period = make_period(organizer, list(units.values()))
    people = {
        key: (
            UserFactory.create(username=f"dm_{key}", role=Role.UNIT_OFFICER, unit=unit),
            UserFactory.create(username=f"tt_{key}", role=Role.UNIT_HEAD, unit=unit),
        )
        for key, unit in units.items()
    }
    appraiser_1 = UserFactory.create(username="td_1", full_name="Bùi Thẩm Định Một", role=Role.APPRAISER)
    appraiser_2 = UserFactory.create(username="td_2", full_name="An Thẩm Định Hai", role=Role.APPRAISER)
    assignment_create(actor=organizer, period=period, appraiser=appraiser_1, field_code="1")
    assignment_create(actor=organizer, period=period, appraiser=appraiser_2, field_code="2")
    world = World(period, organizer, units, people, appraiser_1, appraiser_2)

    officer, _ = people["draft"]
    answer_save_self(
        actor=officer, assessment=world.assessment("draft"), code="1.1", raw="Có", note="", expected_version=None
    )
    for key in ("sub", "r1", "done", "asked", "expl", "re"):
        officer, head = people[key]
        submit_self_assessment(officer, head, world.assessment(key))
    appraisal_accept(actor=organizer, assessment=world.assessment("r1"), code="1.1")
    _round_1(organizer, world.assessment("done"), flag=False)
    for key in ("asked", "expl", "re"):
        _round_1(organizer, world.assessment(key), flag=True)
    for key in ("expl", "re"):
        officer, _ = people[key]
        assessment = world.assessment(key)
        explanation_save(
            actor=officer, assessment=assessment, code="1.2", raw="36/40", note="Bổ sung", expected_version=None
        )
        explanation_submit(actor=officer, assessment=assessment)
    assessment = world.assessment("re")
    appraisal_save(actor=organizer, assessment=assessment, code="1.2", raw="36/40", note="", expected_version=None)
    appraisal_close_round(actor=organizer, assessment=assessment)
    return world
