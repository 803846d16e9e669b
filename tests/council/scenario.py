"""A group of four departments taken through the real cycle (self-assessment, appraisal rounds, explanation)
so that the council's figures can be checked against the engine, computed independently from the answers.

Final answers and the figures they give (CYCLE_SET, 20 points, 1.4 "không áp dụng" allowed):

    Sở Tư pháp         16,9 / 18 (1.4 KAD)  93,89 %  Tốt         rank 1
    Sở Đối ngoại       16,3 / 20            81,50 %  Khá         rank 2 (đồng hạng)
    Sở Giáo dục và ĐT  16,3 / 20            81,50 %  Khá         rank 2 (đồng hạng)
    Sở Y tế            13,7 / 18 (1.4 KAD)  76,11 %  Trung bình  rank 4 (1.2 re-appraised in round 2)

Sở Đối ngoại is listed before Sở Giáo dục: Đ comes right after D in Vietnamese, whereas code-point order
would put it after Z.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from parindex.appraisals.services import (
    appraisal_accept,
    appraisal_close_round,
    appraisal_save,
    explanation_save,
    explanation_submit,
)
from parindex.assessments.models import Answer, Assessment, Stage
from parindex.engine import CriteriaSet, RankedUnit, UnitScore, parse_answers, rank_group, score_units
from parindex.organization.models import Unit
from parindex.periods.models import Period
from parindex.vn import sort_key
from tests.cycle import SELF_ANSWERS, SELF_LEAVES, assessment_of, submit_self_assessment

SELF = {
    "a": SELF_ANSWERS,
    "b": SELF_ANSWERS,
    "c": {"1.1": "Có", "1.2": "40/40", "1.3": "10/12/2025", "1.4": "3", "2.1": "Đạt"},
    "d": {"1.1": "Có", "1.2": "40/40", "1.3": "10/12/2025", "1.4": "3", "2.1": "Đạt"},
}
# Entered by Sở Nội vụ as round-1 answers: the directives ratio (1.5) and the survey (2.2).
EXTERNAL = {
    "a": {"1.5": "9/10", "2.2": "85"},
    "b": {"1.5": "1/2", "2.2": "70"},
    "c": {"1.5": "2/2", "2.2": "80"},
    "d": {"1.5": "2/2", "2.2": "80"},
}
# Sở Y tế: round 1 finds 30 of 40 tasks (75 %: 0 points) and asks for an explanation; round 2 accepts 36/40.
ROUND_1_FLAGGED = {"b": {"1.2": "30/40"}}
ROUND_2 = {"b": {"1.2": "36/40"}}

FINAL = {key: {**SELF[key], **EXTERNAL[key], **ROUND_2.get(key, {})} for key in SELF}

NAMES = {"a": "Sở Tư pháp", "b": "Sở Y tế", "c": "Sở Giáo dục và Đào tạo", "d": "Sở Đối ngoại"}


@dataclass
class Scenario:
    period: Period
    organizer: Any
    units: dict[str, Unit]
    people: dict[str, tuple[Any, Any]]  # key → (officer, head)
    keys_by_unit: dict[int, str] = field(default_factory=dict)

    def assessment(self, key: str) -> Assessment:
        return assessment_of(self.period, self.units[key])

    @property
    def group(self) -> Any:
        return self.units["a"].group

    @property
    def criteria_set(self) -> CriteriaSet:
        return self.assessment("a").criteria_set

    def submit(self, key: str) -> None:
        officer, head = self.people[key]
        submit_self_assessment(officer, head, self.assessment(key), SELF[key])

    def appraise(self, key: str) -> Assessment:
        """Round 1 (and, for Sở Y tế, the explanation and round 2) through the real services."""
        organizer, assessment = self.organizer, self.assessment(key)
        flagged = ROUND_1_FLAGGED.get(key, {})
        for code in SELF_LEAVES:
            if code in flagged:
                appraisal_save(
                    actor=organizer,
                    assessment=assessment,
                    code=code,
                    raw=flagged[code],
                    note="Báo cáo chỉ chứng minh 30 nhiệm vụ",
                    expected_version=None,
                    explanation_requested=True,
                )
            else:
                appraisal_accept(actor=organizer, assessment=assessment, code=code)
        for code, raw in EXTERNAL[key].items():
            appraisal_save(actor=organizer, assessment=assessment, code=code, raw=raw, note="", expected_version=None)
        assessment = appraisal_close_round(actor=organizer, assessment=assessment)
        if flagged:
            officer, _ = self.people[key]
            for code in flagged:
                explanation_save(
                    actor=officer,
                    assessment=assessment,
                    code=code,
                    raw=ROUND_2[key][code],
                    note="Bổ sung báo cáo 6 nhiệm vụ còn lại",
                    expected_version=None,
                )
            assessment = explanation_submit(actor=officer, assessment=assessment)
            for code, raw in ROUND_2[key].items():
                appraisal_save(
                    actor=organizer, assessment=assessment, code=code, raw=raw, note="", expected_version=None
                )
            assessment = appraisal_close_round(actor=organizer, assessment=assessment)
        return assessment

    @property
    def results_url(self) -> str:
        return f"/hoi-dong/{self.period.pk}/{self.group.code}/"

    def detail_url(self, key: str) -> str:
        return f"/hoi-dong/ket-qua/{self.assessment(key).pk}/"

    def final_answers_in_db(self, key: str) -> dict[str, str]:
        rows = Answer.objects.filter(assessment=self.assessment(key), stage__in=(Stage.APPRAISAL_1, Stage.APPRAISAL_2))
        answers: dict[str, str] = {}
        for answer in sorted(rows, key=lambda row: row.stage == Stage.APPRAISAL_2):
            answers[answer.code] = answer.raw
        return answers


def expected_ranking(criteria_set: CriteriaSet, finals: dict[str, dict[str, str]] = FINAL) -> list[RankedUnit[str]]:
    """The engine's own ranking of the final answers, keyed by unit name: no database, no parindex.council."""
    names = sorted(finals, key=lambda key: sort_key(NAMES[key]))
    parsed = [parse_answers(criteria_set, finals[key])[0] for key in names]
    scores: dict[str, UnitScore] = dict(
        zip([NAMES[key] for key in names], score_units(criteria_set, parsed), strict=True)
    )
    return rank_group(criteria_set, scores)
