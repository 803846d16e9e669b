from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet

from parindex.organization.models import Unit, UnitGroup


def units_active_on(date: datetime.date, *, group: UnitGroup | None = None) -> QuerySet[Unit]:
    """Units that existed on `date`.

    `active_to` is the last active day (inclusive); `merged_on` is the first day the unit no longer acts on
    its own, so a unit merged on 01/07/2025 is still active on 30/06/2025 and not on 01/07/2025.
    """
    units = Unit.objects.filter(active_from__lte=date).filter(
        Q(active_to__isnull=True) | Q(active_to__gte=date),
        Q(merged_on__isnull=True) | Q(merged_on__gt=date),
    )
    if group is not None:
        units = units.filter(group=group)
    return units.select_related("group")


def unit_group_list() -> QuerySet[UnitGroup]:
    return UnitGroup.objects.all()
