"""The council's four departments (tests/council) with a published year before: 2024.

2024 (published, decision 45/QĐ-UBND), answers written straight as round 1 (the cycle's services are tested
elsewhere; this is about reading results across years):

    Sở Tư pháp      the 2025 answers but 1.1 "Không": 14,9 / 18 = 82,78 %  → 2025: 93,89 %, change +11,11
    Sở Y tế         the same answers as in 2025: 13,7 / 18 = 76,11 %        → change 0,00
    Sở Giáo dục     16,3 / 20 = 81,50 %, but it absorbed Sở Khoa học on 01/03/2025: no change ("—")
    Sở Khoa học     1.1 "Không" else as Sở Giáo dục: 14,3 / 20 = 71,50 %   (merged into Sở Giáo dục)
    Sở Đối ngoại    not assessed in 2024: no change ("—")
"""

import datetime

import pytest
from django.utils import timezone

from parindex.assessments.models import Answer, Assessment, Stage, State
from parindex.council.services import approval_record, results_publish
from parindex.periods.services import period_add_units, period_create, period_open
from tests.council.conftest import (  # noqa: F401  (fixtures)
    appraised,
    approved,
    head_b,
    published,
    scenario,
    unit_c,
    unit_d,
)
from tests.council.scenario import FINAL
from tests.cycle import CYCLE_SET, cycle_set, deadlines_from
from tests.factories import UnitFactory

LAST_YEAR = 2024
MERGED_ON = datetime.date(2025, 3, 1)
ANSWERS_2024 = {
    "a": {**FINAL["a"], "1.1": "Không"},
    "b": FINAL["b"],
    "c": FINAL["c"],
    "k": {**FINAL["c"], "1.1": "Không"},
}


@pytest.fixture
def unit_k(unit_c):  # noqa: F811  (the imported fixture, requested)
    """Sở Khoa học, merged into Sở Giáo dục on 01/03/2025: it keeps its own 2024 result."""
    return UnitFactory.create(
        code="SK", name="Sở Khoa học", group=unit_c.group, merged_into=unit_c, merged_on=MERGED_ON
    )


def past_period(organizer, units, year=LAST_YEAR):
    text = CYCLE_SET.replace("year: 2025", f"year: {year}")
    groups = {unit.group for unit in units}
    period = period_create(
        actor=organizer,
        year=year,
        name=f"Kỳ đánh giá Chỉ số CCHC năm {year}",
        criteria_sets={group: cycle_set(organizer, group, text) for group in groups},
        deadlines=deadlines_from(timezone.now()),
    )
    period_add_units(actor=organizer, period=period, units=units)
    return period_open(actor=organizer, period=period)


def appraise_directly(period, organizer, answers_by_unit):
    rows = []
    for assessment in Assessment.objects.filter(period=period):
        for code, raw in answers_by_unit[assessment.unit_id].items():
            rows.append(
                Answer(assessment=assessment, code=code, stage=Stage.APPRAISAL_1, raw=raw, updated_by=organizer)
            )
    Answer.objects.bulk_create(rows)
    Assessment.objects.filter(period=period).update(state=State.APPRAISED)


def approve(period, organizer, group, *, publish=True, number="45/QĐ-UBND"):
    approval_record(
        actor=organizer, period=period, group=group, decision_number=number, decision_date=datetime.date(2024, 12, 20)
    )
    if publish:
        results_publish(actor=organizer, period=period, group=group)


@pytest.fixture
def last_year_approved(scenario, unit_k):  # noqa: F811
    """2024 approved by the council but not yet published."""
    units = {**scenario.units, "k": unit_k}
    keys = ("a", "b", "c", "k")
    period = past_period(scenario.organizer, [units[key] for key in keys])
    appraise_directly(period, scenario.organizer, {units[key].pk: ANSWERS_2024[key] for key in keys})
    approve(period, scenario.organizer, scenario.group, publish=False)
    return period


@pytest.fixture
def last_year(last_year_approved, scenario):  # noqa: F811
    results_publish(actor=scenario.organizer, period=last_year_approved, group=scenario.group)
    return last_year_approved
