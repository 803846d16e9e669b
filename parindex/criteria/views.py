"""Criteria-set screens: list, browse the tree, upload with errors in place, clone, issue, compare, download."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from parindex.accounts.models import Role
from parindex.core.permissions import role_required, user_has_role
from parindex.criteria.forms import (
    CriteriaSetCloneForm,
    CriteriaSetCompareForm,
    CriteriaSetIssueForm,
    CriteriaSetUploadForm,
)
from parindex.criteria.models import CriteriaSetVersion
from parindex.criteria.selectors import SET_EDITORS, criteria_set_rows, criteria_sets_visible_to
from parindex.criteria.services import (
    CriteriaSetUploadError,
    criteria_set_clone,
    criteria_set_issue,
    criteria_set_upload,
)
from parindex.setfile.advice import criteria_set_warnings
from parindex.setfile.diff import diff_criteria_sets

EVERY_ROLE = tuple(Role.values)


def _visible_version(request: HttpRequest, pk: int) -> CriteriaSetVersion:
    # A draft the user may not see is answered 404, not 403: its existence is not theirs to know.
    return get_object_or_404(criteria_sets_visible_to(request.user), pk=pk)


def _file_stem(version: CriteriaSetVersion) -> str:
    return f"bo-tieu-chi-{version.year}-{version.group.code}-v{version.version}"


@role_required(*EVERY_ROLE)
def criteria_set_list(request: HttpRequest) -> HttpResponse:
    versions = list(criteria_sets_visible_to(request.user))
    return render(
        request,
        "criteria/list.html",
        {"versions": versions, "can_edit": user_has_role(request.user, *SET_EDITORS)},
    )


@role_required(*EVERY_ROLE)
def criteria_set_detail(request: HttpRequest, pk: int) -> HttpResponse:
    version = _visible_version(request, pk)
    criteria_set = version.criteria_set
    return render(
        request,
        "criteria/detail.html",
        {
            "version": version,
            "criteria_set": criteria_set,
            "rows": list(criteria_set_rows(criteria_set)),
            "warnings": criteria_set_warnings(criteria_set),
            "can_edit": user_has_role(request.user, *SET_EDITORS),
            "clone_form": CriteriaSetCloneForm(initial={"year": version.year + 1}),
            "issue_form": CriteriaSetIssueForm(initial={"decision": version.decision}),
            "other_versions": criteria_sets_visible_to(request.user)
            .filter(group=version.group)
            .exclude(pk=version.pk)[:10],
        },
    )


@role_required(*SET_EDITORS)
@require_http_methods(["GET", "POST"])
def criteria_set_upload_view(request: HttpRequest) -> HttpResponse:
    problems: list[str] = []
    if request.method == "POST":
        form = CriteriaSetUploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            group = form.cleaned_data["group"]
            try:
                version = criteria_set_upload(
                    actor=request.user,
                    filename=upload.name,
                    content=upload.read(),
                    decision=form.cleaned_data["decision"],
                    name=form.cleaned_data["name"],
                    year=form.cleaned_data["year"],
                    group=group.code if group else None,
                )
            except CriteriaSetUploadError as error:
                problems = error.problems
            else:
                messages.success(
                    request,
                    _("Đã tải lên “%(name)s” (phiên bản %(version)s, %(leaves)s tiêu chí thành phần).")
                    % {"name": version.name, "version": version.version, "leaves": version.leaf_count},
                )
                return redirect("criteria:detail", pk=version.pk)
    else:
        form = CriteriaSetUploadForm()
    return render(request, "criteria/upload.html", {"form": form, "problems": problems})


@role_required(*SET_EDITORS)
@require_http_methods(["GET", "POST"])
def criteria_set_clone_view(request: HttpRequest, pk: int) -> HttpResponse:
    source = _visible_version(request, pk)
    problems: list[str] = []
    form = CriteriaSetCloneForm(request.POST or None, initial={"year": source.year + 1})
    if request.method == "POST" and form.is_valid():
        try:
            version, notes = criteria_set_clone(actor=request.user, source=source, year=form.cleaned_data["year"])
        except CriteriaSetUploadError as error:
            problems = error.problems
        else:
            messages.success(
                request,
                _("Đã tạo dự thảo bộ tiêu chí năm %(year)s từ phiên bản %(version)s năm %(old)s.")
                % {"year": version.year, "version": source.version, "old": source.year},
            )
            for note in notes:
                messages.info(request, note)
            return redirect("criteria:detail", pk=version.pk)
    return render(request, "criteria/clone.html", {"source": source, "form": form, "problems": problems})


@role_required(*SET_EDITORS)
@require_POST
def criteria_set_issue_view(request: HttpRequest, pk: int) -> HttpResponse:
    version = _visible_version(request, pk)
    form = CriteriaSetIssueForm(request.POST)
    decision = form.cleaned_data["decision"] if form.is_valid() else ""
    try:
        criteria_set_issue(actor=request.user, version=version, decision=decision)
    except CriteriaSetUploadError as error:
        for problem in error.problems:
            messages.error(request, problem)
    else:
        messages.success(request, _("Đã ban hành bộ tiêu chí; từ nay phiên bản này không thay đổi được nữa."))
    return redirect("criteria:detail", pk=version.pk)


@role_required(*EVERY_ROLE)
def criteria_set_compare(request: HttpRequest) -> HttpResponse:
    versions = criteria_sets_visible_to(request.user)
    form = CriteriaSetCompareForm(request.GET or None, versions=versions)
    diff = None
    if form.is_bound and form.is_valid():
        old, new = form.cleaned_data["old"], form.cleaned_data["new"]
        diff = diff_criteria_sets(old.criteria_set, new.criteria_set)
    return render(request, "criteria/compare.html", {"form": form, "diff": diff})


def _attachment(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@role_required(*EVERY_ROLE)
def criteria_set_download_yaml(request: HttpRequest, pk: int) -> HttpResponse:
    version = _visible_version(request, pk)
    return _attachment(version.source_yaml.encode(), f"{_file_stem(version)}.yaml", "application/yaml; charset=utf-8")


@role_required(*EVERY_ROLE)
def criteria_set_download_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    from parindex.setfile.excel import criteria_set_to_xlsx

    version = _visible_version(request, pk)
    return _attachment(
        criteria_set_to_xlsx(version.criteria_set),
        f"{slugify(_file_stem(version))}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
