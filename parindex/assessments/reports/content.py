"""What the self-assessment report says, as plain data both renderers (PDF, Excel) lay out.

Every figure is computed here, once, by the engine (the same score the self-assessment screen shows), and
rounded here to the set's rounding: a renderer never rounds or adds anything itself, so the PDF and the
Excel file cannot show different numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from django.utils import timezone

from parindex.accounts.models import Role, User
from parindex.assessments.models import Answer, Assessment, Stage, State
from parindex.assessments.screen import SOURCE_NOTES, explanation_for
from parindex.assessments.selectors import self_assessment_progress
from parindex.assessments.workflow import UNIT_SOURCES
from parindex.engine import Node, Rounding
from parindex.engine.answers import is_na_word
from parindex.engine.numbers import plain
from parindex.engine.text import num
from parindex.vn import format_date, format_decimal

TITLE = "BÁO CÁO KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}"
ANSWER_NOT_APPLICABLE = "Không áp dụng"
ANSWER_MISSING = "Chưa trả lời"
SECTION_TITLES = {"bonus": "Điểm thưởng", "penalty": "Điểm trừ"}

RowKind = Literal["section", "field", "criterion", "leaf"]


@dataclass(frozen=True)
class Figure:
    """A number as the report shows it: `value` is what an Excel cell holds, `text` what the PDF prints."""

    value: Decimal
    text: str


@dataclass(frozen=True)
class EvidenceRef:
    """A document a leaf cites, as a reader finds it in the unit's files: number, date, trích yếu, page."""

    number: str
    issued_on: date | None
    summary: str
    locator: str
    file_name: str

    @property
    def text(self) -> str:
        """ "Số 12/KH-UBND ngày 15/01/2025: Kế hoạch CCHC năm 2025 (trang 3)"; the file name when unnumbered."""
        head = f"Số {self.number}" if self.number else self.file_name
        if self.issued_on is not None:
            head += f" ngày {format_date(self.issued_on)}"
        if self.summary:
            head += f": {self.summary}"
        return f"{head} ({self.locator})" if self.locator else head


@dataclass(frozen=True)
class ReportRow:
    kind: RowKind
    code: str
    title: str
    depth: int
    maximum: Figure | None  # None on a section heading (bonus, penalty): its cap is in the title
    # Điểm tự chấm; None for a not-applicable leaf, a leaf the unit does not score, a section heading.
    points: Figure | None = None
    answer: str = ""  # as the unit gave it: "37/40", "Có", "Không áp dụng"
    explanation: str = ""  # the engine's, or who scores a leaf the unit does not
    note: str = ""
    evidence: tuple[EvidenceRef, ...] = ()
    not_applicable: bool = False
    self_scored: bool = True


@dataclass(frozen=True)
class FieldTotal:
    code: str
    title: str
    maximum: Figure
    applicable_maximum: Figure
    points: Figure
    index: Figure | None  # chỉ số thành phần (%); None when nothing of the field applies


@dataclass(frozen=True)
class LeafMention:
    code: str
    title: str
    maximum: Figure


@dataclass(frozen=True)
class SelfAssessmentReport:
    unit_name: str
    unit_code: str
    period_name: str
    year: int
    criteria_set_name: str
    criteria_set_decision: str
    draft: bool  # not yet marked complete: the report is a working copy, not one to sign
    head_name: str
    made_on: date
    places: int
    rows: tuple[ReportRow, ...]
    fields: tuple[FieldTotal, ...]
    total: Figure
    maximum: Figure  # the full scale (usually 100)
    applicable_maximum: Figure  # less the "không áp dụng" leaves
    index: Figure | None
    bonus: Figure | None  # present when the set has the section
    penalty: Figure | None
    not_applicable: tuple[LeafMention, ...]
    not_self_scored: tuple[LeafMention, ...]  # survey, directives …: scored by others later
    unanswered: tuple[str, ...]

    @property
    def title(self) -> str:
        return TITLE.format(year=self.year)

    @property
    def filename_stem(self) -> str:
        """bao-cao-tu-danh-gia-STP-2025: the unit's code kept readable, anything but letters and digits a dash."""
        code = re.sub(r"[^A-Za-z0-9_]+", "-", self.unit_code).strip("-") or "don-vi"
        return f"bao-cao-tu-danh-gia-{code}-{self.year}"


def points_figure(value: Decimal, rounding: Rounding) -> Figure:
    """Points at the set's rounding, written without trailing zeros: 1,5 · 0,25 · 2."""
    rounded = rounding.apply(value)
    text = format_decimal(rounded, places=rounding.places, mode=rounding.mode)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return Figure(plain(rounded), text)


def index_figure(value: Decimal | None, rounding: Rounding) -> Figure | None:
    """An index in %, always with the set's number of places, as published: 86,92 · 100,00."""
    if value is None:
        return None
    rounded = rounding.apply(value)
    return Figure(rounded, format_decimal(rounded, places=rounding.places, mode=rounding.mode))


def maximum_figure(value: Decimal) -> Figure:
    """A maximum exactly as the set declares it (never rounded: 0,25 stays 0,25 with one place)."""
    return Figure(plain(value), num(value))


def date_in_words(day: date) -> str:
    """ "ngày 05 tháng 01 năm 2026": Nghị định 30/2020 writes days below 10 and months 1 and 2 with a 0."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def answer_text(raw: str) -> str:
    raw = raw.strip()
    if not raw:
        return ANSWER_MISSING
    return ANSWER_NOT_APPLICABLE if is_na_word(raw) else raw


def _evidence_by_code(assessment: Assessment) -> dict[str, list[EvidenceRef]]:
    from parindex.evidence.models import Citation

    cited: dict[str, list[EvidenceRef]] = {}
    citations = (
        Citation.objects.filter(assessment=assessment, stage=Stage.SELF)
        .select_related("document")
        .order_by("created_at", "id")
    )
    for citation in citations:
        document = citation.document
        cited.setdefault(citation.code, []).append(
            EvidenceRef(
                number=document.number,
                issued_on=document.issued_on,
                summary=document.summary,
                locator=citation.locator,
                file_name=document.original_name,
            )
        )
    return cited


def head_name(assessment: Assessment) -> str:
    """Who signs: the head who submitted, else the unit's one active head account, else blank (written by
    hand under the signature)."""
    if assessment.submitted_by_id is not None:
        return assessment.submitted_by.get_full_name() if assessment.submitted_by else ""
    heads = list(User.objects.filter(unit_id=assessment.unit_id, role=Role.UNIT_HEAD, is_active=True)[:2])
    return heads[0].get_full_name() if len(heads) == 1 else ""


def self_assessment_report(assessment: Assessment, *, today: date | None = None) -> SelfAssessmentReport:
    """Everything the report shows, for the PDF and the Excel file alike. Four queries, whatever the size."""
    criteria_set = assessment.criteria_set
    rounding = criteria_set.rounding
    answers = {answer.code: answer for answer in Answer.objects.filter(assessment=assessment, stage=Stage.SELF)}
    evidence = _evidence_by_code(assessment)
    citations = {code: len(refs) for code, refs in evidence.items()}
    score = self_assessment_progress(assessment, answers, citations).score

    def leaf_row(node: Node, depth: int) -> ReportRow:
        if node.input_source not in UNIT_SOURCES:
            return ReportRow(
                kind="leaf",
                code=node.code,
                title=node.title,
                depth=depth,
                maximum=maximum_figure(node.maximum),
                explanation=SOURCE_NOTES.get(node.input_source, ""),
                self_scored=False,
            )
        answer = answers.get(node.code)
        raw = answer.raw if answer else ""
        not_applicable = score.node(node.code).not_applicable
        return ReportRow(
            kind="leaf",
            code=node.code,
            title=node.title,
            depth=depth,
            maximum=maximum_figure(node.maximum),
            points=None if not_applicable else points_figure(score.node(node.code).points, rounding),
            answer=answer_text(raw),
            explanation=explanation_for(assessment, node.code, raw) if raw.strip() else "",
            note=answer.note if answer else "",
            evidence=tuple(evidence.get(node.code, ())),
            not_applicable=not_applicable,
        )

    def visit(node: Node, depth: int) -> Iterator[ReportRow]:
        if node.is_leaf:
            yield leaf_row(node, depth)
            return
        node_score = score.node(node.code)
        yield ReportRow(
            kind="field" if depth == 0 else "criterion",
            code=node.code,
            title=node.title,
            depth=depth,
            maximum=maximum_figure(node.maximum),
            points=None if node_score.not_applicable else points_figure(node_score.points, rounding),
            not_applicable=node_score.not_applicable,
        )
        for child in node.children:
            yield from visit(child, depth + 1)

    rows: list[ReportRow] = []
    for kind, roots in criteria_set.sections():
        if kind != "criteria":
            section = criteria_set.bonus if kind == "bonus" else criteria_set.penalty
            assert section is not None  # sections() yields only the sections the set has
            title = f"{SECTION_TITLES[kind]} (tối đa {num(section.cap)} điểm)"
            rows.append(ReportRow(kind="section", code="", title=title, depth=0, maximum=None))
        for root in roots:
            rows.extend(visit(root, 0))

    fields = tuple(
        FieldTotal(
            code=root.code,
            title=root.title,
            maximum=maximum_figure(root.maximum),
            applicable_maximum=maximum_figure(score.node(root.code).maximum),
            points=points_figure(score.node(root.code).points, rounding),
            index=index_figure(score.node(root.code).index, rounding),
        )
        for root in criteria_set.criteria
    )
    leaves = [row for row in rows if row.kind == "leaf"]
    version = assessment.criteria_set_version
    return SelfAssessmentReport(
        unit_name=assessment.unit.name,
        unit_code=assessment.unit.code,
        period_name=assessment.period.name,
        year=assessment.period.year,
        criteria_set_name=criteria_set.name,
        criteria_set_decision=version.decision,
        draft=assessment.state == State.DRAFT,
        head_name=head_name(assessment),
        made_on=today or timezone.localdate(),
        places=rounding.places,
        rows=tuple(rows),
        fields=fields,
        total=points_figure(score.points, rounding),
        maximum=maximum_figure(criteria_set.max_points or criteria_set.maximum),
        applicable_maximum=maximum_figure(score.maximum),
        index=index_figure(score.index, rounding),
        bonus=points_figure(score.bonus, rounding) if criteria_set.bonus is not None else None,
        penalty=points_figure(score.penalty, rounding) if criteria_set.penalty is not None else None,
        not_applicable=tuple(
            LeafMention(row.code, row.title, row.maximum) for row in leaves if row.not_applicable and row.maximum
        ),
        not_self_scored=tuple(
            LeafMention(row.code, row.title, row.maximum) for row in leaves if not row.self_scored and row.maximum
        ),
        unanswered=tuple(row.code for row in leaves if row.self_scored and row.answer == ANSWER_MISSING),
    )
