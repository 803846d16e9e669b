"""Writes to units and unit groups. Each one validates the model and records its audit event."""

from __future__ import annotations

import datetime

from django.db import transaction

from parindex.audit.services import audit_record, model_snapshot
from parindex.organization.models import Unit, UnitGroup


def unit_group_create(*, actor, code: str, name: str, ordering: int = 0) -> UnitGroup:
    group = UnitGroup(code=code, name=name, ordering=ordering)
    group.full_clean()
    with transaction.atomic():
        group.save()
        audit_record(
            actor=actor,
            action="unit_group.created",
            target=group,
            summary=f"Tạo nhóm đơn vị “{group.name}” ({group.code}).",
            after=model_snapshot(group),
        )
    return group


def unit_create(
    *,
    actor,
    code: str,
    name: str,
    group: UnitGroup,
    active_from: datetime.date,
    short_name: str = "",
    active_to: datetime.date | None = None,
) -> Unit:
    unit = Unit(
        code=code,
        name=name,
        short_name=short_name,
        group=group,
        active_from=active_from,
        active_to=active_to,
    )
    unit.full_clean()
    with transaction.atomic():
        unit.save()
        audit_record(
            actor=actor,
            action="unit.created",
            target=unit,
            summary=f"Tạo đơn vị “{unit.name}” ({unit.code}) thuộc nhóm “{group.name}”.",
            after=model_snapshot(unit),
        )
    return unit
