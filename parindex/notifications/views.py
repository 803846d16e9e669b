"""A person's notifications: the list, opening one (marks it read), marking all read. Everyone sees only
their own; another person's notification is answered 404, as if it did not exist."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from parindex.accounts.models import User
from parindex.core.permissions import login_required
from parindex.notifications.selectors import notifications_of
from parindex.notifications.services import is_relative_link, notification_mark_read, notifications_mark_all_read

PAGE_SIZE = 20
PAGE_PARAMETER = "trang"

NOTIFICATIONS_ALL_READ = _("Đã đánh dấu tất cả thông báo là đã đọc.")
NOTIFICATION_LINK_REFUSED = _(
    "Đường dẫn của thông báo này không thuộc hệ thống nên không được mở. Vui lòng báo cho quản trị hệ thống."
)


def _me(request: HttpRequest) -> User:
    # Every view here is @login_required: request.user is a signed-in User, never AnonymousUser.
    return cast(User, request.user)


@login_required
@require_GET
def notification_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(notifications_of(_me(request)), PAGE_SIZE).get_page(request.GET.get(PAGE_PARAMETER))
    return render(request, "notifications/list.html", {"page": page, "page_parameter": PAGE_PARAMETER})


@login_required
@require_POST
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    notification = get_object_or_404(notifications_of(_me(request)), pk=pk)
    notification_mark_read(user=_me(request), notification=notification)
    if not notification.link:
        return redirect("notifications:list")
    # notify() accepts only site paths, but a row may have been edited since: never become an open redirect.
    if not is_relative_link(notification.link):
        messages.error(request, NOTIFICATION_LINK_REFUSED)
        return redirect("notifications:list")
    return redirect(notification.link)


@login_required
@require_POST
def notifications_read_all(request: HttpRequest) -> HttpResponse:
    notifications_mark_all_read(user=_me(request))
    messages.success(request, NOTIFICATIONS_ALL_READ)
    return redirect("notifications:list")
