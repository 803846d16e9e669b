"""What the assignment screen shows: who appraises which field of a period, and which units still have a
field nobody appraises. Read in a fixed number of queries however many units take part.

Whether an assignment covers a unit is asked of appraisals.selectors.appraiser_fields, the very rule the
appraisal screens apply, so the gaps shown here are the gaps the appraisers will meet (an appraiser never
covers the unit they come from, nor anything once they no longer have the appraiser role)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from parindex.accounts.models import Role, User
from parindex.appraisals.models import Assignment
from parindex.appraisals.selectors import appraiser_fields, assignments_of
from parindex.assessments.models import Assessment
from parindex.criteria.models import CriteriaSetVersion
from parindex.organization.models import Unit, UnitGroup
from parindex.periods.models import Period, PeriodGroup
from parindex.vn import sort_key

SECTION_FIELDS = {"bonus": "Điểm thưởng", "penalty": "Điểm trừ"}
SECTION_GAP_NAMES = {"bonus": "phần điểm thưởng", "penalty": "phần điểm trừ"}
SCOPE_EVERY_UNIT = "Mọi đơn vị"
SCOPE_GROUP = "Nhóm {group}"
SCOPE_UNIT = "Đơn vị {unit}"
MSG_NO_APPRAISER = "Chưa có người thẩm định {field} của: {units}."
MSG_NO_APPRAISER_AT_ALL = "Chưa có người thẩm định {field} của mọi đơn vị ({count} đơn vị)."


@dataclass(frozen=True)
class FieldInfo:
    code: str
    title: str

    @property
    def label(self) -> str:
        """As the select and the headings show it: "Lĩnh vực 1: Công tác chỉ đạo…", "Điểm thưởng"."""
        if self.code in SECTION_FIELDS:
            return SECTION_FIELDS[self.code]
        return f"Lĩnh vực {self.code}: {self.title}" if self.title else f"Lĩnh vực {self.code}"

    @property
    def gap_name(self) -> str:
        return SECTION_GAP_NAMES.get(self.code, f"lĩnh vực {self.code}")


@dataclass(frozen=True)
class AssignmentRow:
    assignment: Assignment
    scope: str
    lapsed: bool  # the appraiser no longer has the role: the assignment covers nothing


@dataclass(frozen=True)
class FieldAssignments:
    field: FieldInfo
    rows: list[AssignmentRow]


@dataclass(frozen=True)
class Gap:
    field: FieldInfo
    units: list[Unit]
    every_unit: bool

    @property
    def message(self) -> str:
        if self.every_unit:
            return MSG_NO_APPRAISER_AT_ALL.format(field=self.field.gap_name, count=len(self.units))
        return MSG_NO_APPRAISER.format(field=self.field.gap_name, units=", ".join(unit.name for unit in self.units))


@dataclass(frozen=True)
class AssignmentPage:
    period: Period
    fields: list[FieldInfo]
    by_field: list[FieldAssignments]
    gaps: list[Gap]
    groups: list[UnitGroup]
    units: list[Unit]  # taking part, by group then in Vietnamese alphabetical order
    appraisers: list[User]  # every active appraiser, in Vietnamese alphabetical order
    unit_count: int


def scope_of(assignment: Assignment) -> str:
    if assignment.unit is not None:
        return SCOPE_UNIT.format(unit=assignment.unit.name)
    if assignment.group is not None:
        return SCOPE_GROUP.format(group=assignment.group.name)
    return SCOPE_EVERY_UNIT


def period_fields(versions: list[CriteriaSetVersion]) -> list[FieldInfo]:
    """The fields of the period's sets, in the sets' order (groups in order), bonus and penalty last; a code
    titled differently in two sets shows both titles."""
    titles: dict[str, list[str]] = {}
    for version in versions:
        criteria_set = version.criteria_set
        for node in criteria_set.criteria:
            names = titles.setdefault(node.code, [])
            if node.title not in names:
                names.append(node.title)
        for code in criteria_set.field_codes:
            titles.setdefault(code, [])
    ordered = [code for code in titles if code not in SECTION_FIELDS] + [
        code for code in SECTION_FIELDS if code in titles
    ]
    return [FieldInfo(code=code, title=" / ".join(titles[code])) for code in ordered]


def active_appraisers() -> list[User]:
    appraisers = list(User.objects.filter(role=Role.APPRAISER, is_active=True).select_related("unit"))
    appraisers.sort(key=lambda user: sort_key(user.get_full_name()))
    return appraisers


def _gaps(
    fields: list[FieldInfo],
    assessments: list[Assessment],
    field_codes: dict[int, tuple[str, ...]],
    assignments: list[Assignment],
) -> list[Gap]:
    by_appraiser: dict[int, list[Assignment]] = defaultdict(list)
    for assignment in assignments:
        if assignment.appraiser.role == Role.APPRAISER:  # a lapsed assignment covers nothing
            by_appraiser[assignment.appraiser_id].append(assignment)
    missing: dict[str, list[Unit]] = defaultdict(list)
    for assessment in assessments:
        covered: set[str] = set()
        for own in by_appraiser.values():
            covered |= appraiser_fields(own[0].appraiser, assessment, own)
        for code in field_codes[assessment.criteria_set_version_id]:
            if code not in covered:
                missing[code].append(assessment.unit)
    having = {
        field.code: sum(field.code in field_codes[a.criteria_set_version_id] for a in assessments) for field in fields
    }
    gaps = []
    for field in fields:
        units = missing[field.code]
        if units:
            every_unit = len(units) > 1 and len(units) == having[field.code]
            gaps.append(Gap(field=field, units=units, every_unit=every_unit))
    return gaps


def assignment_page(period: Period) -> AssignmentPage:
    """Everything the assignment screen shows, in six queries."""
    period_groups = list(PeriodGroup.objects.filter(period=period).select_related("group"))
    assessments = list(Assessment.objects.filter(period=period).select_related("unit__group", "group"))
    version_ids = {pg.criteria_set_id for pg in period_groups} | {a.criteria_set_version_id for a in assessments}
    versions = {version.pk: version for version in CriteriaSetVersion.objects.filter(pk__in=version_ids)}
    assignments = list(assignments_of(period.pk).select_related("appraiser__unit"))

    fields = period_fields([versions[pg.criteria_set_id] for pg in period_groups])
    known = {field.code for field in fields}
    fields += [FieldInfo(code=code, title="") for code in sorted({a.field_code for a in assignments} - known)]
    field_codes = {pk: version.criteria_set.field_codes for pk, version in versions.items()}

    assessments.sort(key=lambda assessment: sort_key(assessment.unit.name))
    assessments.sort(key=lambda assessment: assessment.group.ordering)
    rows_by_field: dict[str, list[AssignmentRow]] = defaultdict(list)
    for assignment in sorted(assignments, key=lambda a: sort_key(a.appraiser.get_full_name())):
        rows_by_field[assignment.field_code].append(
            AssignmentRow(assignment, scope_of(assignment), lapsed=assignment.appraiser.role != Role.APPRAISER)
        )
    return AssignmentPage(
        period=period,
        fields=fields,
        by_field=[FieldAssignments(field, rows_by_field[field.code]) for field in fields if rows_by_field[field.code]],
        gaps=_gaps(fields, assessments, field_codes, assignments),
        groups=[pg.group for pg in period_groups],
        units=[assessment.unit for assessment in assessments],
        appraisers=active_appraisers(),
        unit_count=len(assessments),
    )
