"""The progress page of a period (tiến độ): Sở Nội vụ and the administrator follow it, the council may read it.

Filters are plain GET parameters (giai-doan, trang-thai, nhom); a value the page does not know is ignored
rather than refused, so an old bookmark still opens the page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from parindex.accounts.models import Role
from parindex.core.permissions import role_required, user_has_role
from parindex.periods.models import Period
from parindex.periods.progress import STATUS_LABELS, STATUS_ORDER, TRACKED_PHASES, filter_rows, progress_page
from parindex.periods.screens import period_rows

PROGRESS_READERS = (Role.ORGANIZER, Role.ADMIN, Role.COUNCIL)


@role_required(*PROGRESS_READERS)
@require_GET
def progress_index(request: HttpRequest) -> HttpResponse:
    """Every period with a link to its progress: where the home page's "Theo dõi tiến độ" leads."""
    return render(request, "periods/progress_index.html", {"rows": period_rows(timezone.now())})


@role_required(*PROGRESS_READERS)
@require_GET
def progress_view(request: HttpRequest, pk: int) -> HttpResponse:
    period = get_object_or_404(Period, pk=pk)
    page = progress_page(period, timezone.now())
    phase = request.GET.get("giai-doan", "")
    status = request.GET.get("trang-thai", "")
    group = request.GET.get("nhom", "")
    phase = phase if phase in TRACKED_PHASES else ""
    status = status if status in STATUS_LABELS else ""
    groups = sorted({row.assessment.group for row in page.rows}, key=lambda group: group.ordering)
    group = group if group in {known.code for known in groups} else ""
    count_rows = [
        (
            status_key,
            STATUS_LABELS[status_key],
            [(phase_key, page.counts[phase_key][status_key]) for phase_key in TRACKED_PHASES],
        )
        for status_key in STATUS_ORDER
        if any(page.counts[phase_key][status_key] for phase_key in TRACKED_PHASES)
    ]
    return render(
        request,
        "periods/progress.html",
        {
            "period": period,
            "page": page,
            "rows": filter_rows(page, phase=phase, status=status, group=group),
            "count_rows": count_rows,
            "current_counts": [
                (key, STATUS_LABELS[key], page.current_counts[key]) for key in STATUS_ORDER if page.current_counts[key]
            ],
            "groups": groups,
            "statuses": list(STATUS_LABELS.items()),
            "chosen": {"phase": phase, "status": status, "group": group},
            "filtered": bool(phase or status or group),
            "is_manager": user_has_role(request.user, Role.ORGANIZER, Role.ADMIN),
        },
    )
