from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from parindex.core.permissions import login_required
from parindex.core.selectors import home_tasks_for

NO_ROLE_NOTICE = _(
    "Tài khoản của bạn chưa được phân vai trò nên chưa dùng được chức năng nào. Vui lòng liên hệ quản trị hệ thống."
)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "core/home.html",
        {"tasks": home_tasks_for(request.user), "no_role_notice": NO_ROLE_NOTICE},
    )
