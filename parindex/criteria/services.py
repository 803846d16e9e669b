"""Writes on criteria sets: upload, clone to a new year, issue. Each is one transaction with its audit event."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path
from typing import Any, TextIO

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from parindex.audit.services import audit_record
from parindex.criteria.models import CriteriaSetVersion, Status
from parindex.engine import CriteriaSet
from parindex.organization.models import UnitGroup
from parindex.setfile import check_criteria_set, dump_criteria_set
from parindex.setfile.clone import criteria_set_for_year

MSG_UNSUPPORTED_FILE = "Chỉ nhận tệp bộ tiêu chí dạng .yaml, .yml hoặc .xlsx; tệp “{name}” không phải."
MSG_FILE_TOO_LARGE = "Tệp “{name}” lớn hơn giới hạn {limit} MB."
MSG_EMPTY_FILE = "Tệp “{name}” rỗng."
MSG_NOT_UTF8 = "Tệp “{name}” phải là văn bản mã hóa UTF-8."
MSG_NOT_XLSX = "Tệp “{name}” không phải là tệp Excel (.xlsx) hợp lệ."
MSG_XLSX_TOO_LARGE_UNPACKED = "Tệp “{name}” khi giải nén quá lớn ({size} MB) — không mở để bảo vệ hệ thống."
MSG_UNKNOWN_GROUP = "Nhóm đơn vị “{code}” của bộ tiêu chí chưa có trong hệ thống; các nhóm hiện có: {known}."
MSG_ALREADY_ISSUED = "Bộ tiêu chí này đã được ban hành."
MSG_YEAR_OUT_OF_RANGE = "Năm phải từ 2000 đến 2100."
MSG_CLONE_SAME_YEAR = "Năm mới phải khác năm {year} của bộ tiêu chí gốc."

# A criteria-set workbook is a few hundred KB; unpacked it never needs more than this.
XLSX_MAX_UNPACKED_BYTES = 50 * 1024 * 1024


class CriteriaSetUploadError(Exception):
    """An uploaded file that cannot become a criteria set; `problems` are Vietnamese lines to show in place."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def _check_xlsx_container(name: str, content: bytes) -> None:
    """Refuse a zip bomb before openpyxl unpacks anything: sum the declared sizes of the members."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except zipfile.BadZipFile:
        raise CriteriaSetUploadError([MSG_NOT_XLSX.format(name=name)]) from None
    if unpacked > XLSX_MAX_UNPACKED_BYTES:
        raise CriteriaSetUploadError([MSG_XLSX_TOO_LARGE_UNPACKED.format(name=name, size=unpacked // 2**20)])


def criteria_set_read_upload(*, filename: str, content: bytes, **template_fields: Any) -> CriteriaSet:
    """The criteria set in an uploaded YAML or Excel file, or CriteriaSetUploadError with every problem.

    `template_fields` (name, year, group) are used only by an Excel file laid out as a plain provincial
    template, which has no sheet of set information.
    """
    name = Path(filename).name
    limit = settings.CRITERIA_SET_MAX_UPLOAD_BYTES
    if len(content) > limit:
        raise CriteriaSetUploadError([MSG_FILE_TOO_LARGE.format(name=name, limit=limit // 2**20)])
    if not content:
        raise CriteriaSetUploadError([MSG_EMPTY_FILE.format(name=name)])
    suffix = Path(name).suffix.lower()
    if suffix in (".yaml", ".yml"):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise CriteriaSetUploadError([MSG_NOT_UTF8.format(name=name)]) from None
        criteria_set, problems = check_criteria_set(text)
    elif suffix == ".xlsx":
        from parindex.setfile.excel import check_criteria_set_xlsx

        _check_xlsx_container(name, content)
        fields = {key: value for key, value in template_fields.items() if value not in (None, "")}
        criteria_set, problems = check_criteria_set_xlsx(content, **fields)
    else:
        raise CriteriaSetUploadError([MSG_UNSUPPORTED_FILE.format(name=name)])
    if criteria_set is None:
        raise CriteriaSetUploadError([str(problem) for problem in problems])
    return criteria_set


def _group_for(criteria_set: CriteriaSet) -> UnitGroup:
    group = UnitGroup.objects.filter(code=criteria_set.group).first()
    if group is None:
        known = ", ".join(f"{g.code} ({g.name})" for g in UnitGroup.objects.all()) or "chưa có nhóm nào"
        raise CriteriaSetUploadError([MSG_UNKNOWN_GROUP.format(code=criteria_set.group, known=known)])
    return group


def _store(
    *, actor: Any, criteria_set: CriteriaSet, filename: str = "", decision: str = "", cloned_from=None
) -> CriteriaSetVersion:
    """A new draft version of (year, group); two uploads racing for the same number retry with the next one."""
    group = _group_for(criteria_set)
    text = dump_criteria_set(criteria_set)
    for _attempt in range(3):
        try:
            with transaction.atomic():
                latest = CriteriaSetVersion.objects.filter(year=criteria_set.year, group=group).aggregate(
                    latest=Max("version")
                )["latest"]
                return CriteriaSetVersion.objects.create(
                    name=criteria_set.name,
                    year=criteria_set.year,
                    group=group,
                    version=(latest or 0) + 1,
                    source_yaml=text,
                    sha256=hashlib.sha256(text.encode()).hexdigest(),
                    original_filename=filename,
                    leaf_count=len(criteria_set.leaves),
                    max_points=criteria_set.maximum,
                    decision=decision,
                    cloned_from=cloned_from,
                    created_by=actor,
                )
        except IntegrityError:
            continue
    raise RuntimeError("could not allocate a criteria-set version number")


def _summary(version: CriteriaSetVersion) -> dict[str, Any]:
    return {
        "name": version.name,
        "year": version.year,
        "group": version.group.code,
        "version": version.version,
        "status": version.status,
        "sha256": version.sha256,
        "leaf_count": version.leaf_count,
    }


def criteria_set_upload(
    *, actor: Any, filename: str, content: bytes, decision: str = "", **template_fields: Any
) -> CriteriaSetVersion:
    criteria_set = criteria_set_read_upload(filename=filename, content=content, **template_fields)
    with transaction.atomic():
        version = _store(actor=actor, criteria_set=criteria_set, filename=Path(filename).name, decision=decision)
        audit_record(
            actor=actor,
            action="criteria_set.uploaded",
            target=version,
            summary=_("Tải lên bộ tiêu chí “%(name)s”, phiên bản %(version)s")
            % {"name": version.name, "version": version.version},
            after=_summary(version),
        )
    return version


def criteria_set_clone(*, actor: Any, source: CriteriaSetVersion, year: int) -> tuple[CriteriaSetVersion, list[str]]:
    """A draft copy of `source` for another year; returns it with notes on what was carried over."""
    if not 2000 <= year <= 2100:
        raise CriteriaSetUploadError([MSG_YEAR_OUT_OF_RANGE])
    if year == source.year:
        raise CriteriaSetUploadError([MSG_CLONE_SAME_YEAR.format(year=source.year)])
    carried, notes = criteria_set_for_year(source.criteria_set, year)
    with transaction.atomic():
        version = _store(actor=actor, criteria_set=carried, cloned_from=source)
        audit_record(
            actor=actor,
            action="criteria_set.cloned",
            target=version,
            summary=_("Nhân bản bộ tiêu chí năm %(old)s sang năm %(new)s") % {"old": source.year, "new": year},
            before=_summary(source),
            after={**_summary(version), "notes": notes},
        )
    return version, notes


def criteria_set_issue(*, actor: Any, version: CriteriaSetVersion, decision: str = "") -> CriteriaSetVersion:
    """Mark a draft as issued (đã ban hành): from then on it never changes."""
    with transaction.atomic():
        # Conditional update: two clicks (or two organizers) cannot both issue, on SQLite as on PostgreSQL.
        changed = CriteriaSetVersion.objects.filter(pk=version.pk, status=Status.DRAFT).update(
            status=Status.ISSUED, issued_at=timezone.now(), decision=decision or version.decision
        )
        if not changed:
            raise CriteriaSetUploadError([MSG_ALREADY_ISSUED])
        before = _summary(version)
        version.refresh_from_db()
        audit_record(
            actor=actor,
            action="criteria_set.issued",
            target=version,
            summary=_("Ban hành bộ tiêu chí “%(name)s”, phiên bản %(version)s")
            % {"name": version.name, "version": version.version},
            before=before,
            after={**_summary(version), "decision": version.decision},
        )
    return version


DEMO_SETS_DIR = Path(__file__).resolve().parent.parent / "demo" / "sets"


def criteria_set_load_demo(*, stdout: TextIO | None = None, actor: Any = None) -> list[CriteriaSetVersion]:
    """Load the shipped demonstration sets as issued versions; a set already loaded (same text) is skipped.

    Recorded as done by the first organizer (or superuser) account, as the demo province's Sở Nội vụ would.
    """
    from parindex.accounts.models import Role, User

    if actor is None:
        accounts = User.objects.order_by("pk")
        actor = accounts.filter(role=Role.ORGANIZER).first() or accounts.filter(is_superuser=True).first()
    if actor is None:
        raise RuntimeError("criteria_set_load_demo needs an organizer or superuser account to record as the author")
    loaded = []
    for path in sorted(DEMO_SETS_DIR.glob("*.yaml")):
        criteria_set = criteria_set_read_upload(filename=path.name, content=path.read_bytes())
        digest = hashlib.sha256(dump_criteria_set(criteria_set).encode()).hexdigest()
        if CriteriaSetVersion.objects.filter(sha256=digest).exists():
            continue
        version = criteria_set_upload(
            actor=actor, filename=path.name, content=path.read_bytes(), decision="Dữ liệu minh họa"
        )
        criteria_set_issue(actor=actor, version=version)
        loaded.append(version)
        if stdout is not None:
            stdout.write(f"Bộ tiêu chí: {version.name} ({version.leaf_count} tiêu chí thành phần)\n")
    return loaded
