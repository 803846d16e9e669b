"""Accounts as the organizer and the administrator manage them: the list, and the Excel import with its
template. (Sign-in and password change are in views.py.)"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from parindex.accounts.imports import USER_COLUMNS, user_import_template, users_import_xlsx
from parindex.accounts.models import Role
from parindex.accounts.selectors import user_list
from parindex.core.permissions import role_required
from parindex.organization.forms import ImportUploadForm
from parindex.organization.views import xlsx_attachment

USER_MANAGERS = (Role.ORGANIZER, Role.ADMIN)


@role_required(*USER_MANAGERS)
@require_GET
def user_list_view(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/user_list.html", {"users": user_list()})


@role_required(*USER_MANAGERS)
@never_cache  # the result page holds first passwords: no copy may stay in a browser's or a proxy's cache
@require_http_methods(["GET", "POST"])
def user_import(request: HttpRequest) -> HttpResponse:
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        result = users_import_xlsx(actor=request.user, content=form.cleaned_data["file"].read())
        if result.ok:
            # Rendered, not redirected: the first passwords exist only in this response, never in a session.
            return render(request, "accounts/user_import_result.html", {"result": result})
        errors = result.errors
    return render(request, "accounts/user_import.html", {"form": form, "errors": errors, "columns": USER_COLUMNS})


@role_required(*USER_MANAGERS)
@require_GET
def user_import_template_download(request: HttpRequest) -> HttpResponse:
    return xlsx_attachment(user_import_template(), "mau-nhap-nguoi-dung.xlsx")
