"""Units: the list by group, and the Excel import with its template. Organizer and administrator only."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from parindex.accounts.models import Role
from parindex.core.permissions import role_required
from parindex.organization.forms import ImportUploadForm
from parindex.organization.imports import UNIT_COLUMNS, unit_import_template, units_import_xlsx
from parindex.organization.selectors import unit_group_list, unit_list_by_group
from parindex.organization.sheets import XLSX_CONTENT_TYPE

UNIT_MANAGERS = (Role.ORGANIZER, Role.ADMIN)


def xlsx_attachment(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@role_required(*UNIT_MANAGERS)
@require_GET
def unit_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return render(request, "organization/unit_list.html", {"groups": unit_list_by_group(on=today), "today": today})


@role_required(*UNIT_MANAGERS)
@require_http_methods(["GET", "POST"])
def unit_import(request: HttpRequest) -> HttpResponse:
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        result = units_import_xlsx(actor=request.user, content=form.cleaned_data["file"].read())
        if result.ok:
            return render(request, "organization/unit_import_result.html", {"result": result})
        errors = result.errors
    return render(
        request,
        "organization/unit_import.html",
        {"form": form, "errors": errors, "columns": UNIT_COLUMNS, "groups": unit_group_list()},
    )


@role_required(*UNIT_MANAGERS)
@require_GET
def unit_import_template_download(request: HttpRequest) -> HttpResponse:
    return xlsx_attachment(unit_import_template(), "mau-nhap-don-vi.xlsx")
