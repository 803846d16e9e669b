"""The provincial indices pages (/chi-so-tinh/): every index at a glance, one index over the years, the import,
and the departments responsible for each component.

Who: every signed-in role reads (the figures are published nationally; the mapping tells departments what the
province expects of them, so they must see it); only Sở Nội vụ imports and edits the mapping. Anonymous
visitors are sent to sign in. See docs/provincial-indices.md."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from parindex.accounts.models import Role
from parindex.core.permissions import role_required, user_has_role
from parindex.indices.catalogue import CATALOGUE, CATALOGUE_BY_KEY, IndexSpec
from parindex.indices.forms import IndicesImportForm, ResponsibleUnitsForm
from parindex.indices.imports import COLUMNS
from parindex.indices.models import IndexComponent
from parindex.indices.selectors import index_page, index_summaries, responsible_choices
from parindex.indices.services import component_set_responsible, indices_import

READERS = tuple(Role.values)
EDITORS = (Role.ORGANIZER,)

MSG_IMPORTED = "Đã nhập {count} dòng kết quả."
MSG_RESPONSIBLE_SAVED = "Đã lưu đơn vị chịu trách nhiệm cho “{name}”."
TEMPLATE_CSV = (
    "Chỉ số;Năm;Thành phần;Giá trị;Xếp hạng;Nhóm, xếp loại\n"
    "PAPI;2024;tong;43,52;12;Nhóm trung bình cao\n"
    "PAPI;2024;1;5,31;20;\n"
    "PCI;2024;tong;67,10;15;Khá\n"
)


def _spec_or_404(index: str) -> IndexSpec:
    spec = CATALOGUE_BY_KEY.get(index)
    if spec is None:
        raise Http404
    return spec


@role_required(*READERS)
@require_GET
def indices_index(request: HttpRequest) -> HttpResponse:
    summaries = index_summaries()
    return render(
        request,
        "indices/index.html",
        {
            "summaries": summaries,
            "any_illustrative": any(summary.illustrative for summary in summaries),
            "can_edit": user_has_role(request.user, *EDITORS),
        },
    )


@role_required(*READERS)
@require_GET
def index_detail(request: HttpRequest, index: str) -> HttpResponse:
    _spec_or_404(index)
    page = index_page(index)
    return render(
        request,
        "indices/detail.html",
        {
            "page": page,
            "chart_data": page.chart_data(),
            "can_edit": user_has_role(request.user, *EDITORS),
            "catalogue": CATALOGUE,
        },
    )


@role_required(*EDITORS)
@require_http_methods(["GET", "POST"])
def indices_import_view(request: HttpRequest) -> HttpResponse:
    form = IndicesImportForm(request.POST, request.FILES) if request.method == "POST" else IndicesImportForm()
    outcome = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        outcome = indices_import(actor=request.user, filename=upload.name, content=upload.read())
        if outcome.ok:
            messages.success(request, MSG_IMPORTED.format(count=sum(year.rows for year in outcome.years)))
    return render(
        request,
        "indices/import.html",
        {"form": form, "outcome": outcome, "columns": COLUMNS, "catalogue": CATALOGUE},
    )


@role_required(*EDITORS)
@require_GET
def import_template(request: HttpRequest) -> HttpResponse:
    # UTF-8 with a BOM, ";" between columns: what Excel opens directly in a Vietnamese locale.
    response = HttpResponse("\ufeff" + TEMPLATE_CSV, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="mau-chi-so-tinh.csv"'
    return response


@role_required(*EDITORS)
@require_http_methods(["GET", "POST"])
def component_responsible(request: HttpRequest, index: str, code: str) -> HttpResponse:
    _spec_or_404(index)
    component = get_object_or_404(IndexComponent, index=index, code=code)
    units = responsible_choices()
    current = [str(pk) for pk in component.responsible_units.values_list("pk", flat=True)]
    form = ResponsibleUnitsForm(request.POST or None, units=units, initial={"units": current})
    if request.method == "POST" and form.is_valid():
        component_set_responsible(actor=request.user, component=component, units=form.chosen_units())
        messages.success(request, MSG_RESPONSIBLE_SAVED.format(name=component.name))
        return redirect("indices:detail", index=index)
    return render(request, "indices/responsible.html", {"component": component, "form": form, "units": units})
