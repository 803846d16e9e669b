"""A URLconf for tests of the permission decorators: the project's URLs plus a few probe views."""

from django.http import HttpResponse
from django.urls import include, path

from parindex.accounts.models import Role
from parindex.core.permissions import login_required, role_required


@role_required(Role.ORGANIZER, Role.APPRAISER)
def organizer_or_appraiser(request):
    return HttpResponse("vào được")


@login_required
def anyone_signed_in(request):
    return HttpResponse("vào được")


def unmarked(request):
    return HttpResponse("không ai kiểm tra quyền")


def boom(request):
    raise RuntimeError("chi tiết nội bộ không được lộ ra")


urlpatterns = [
    path("", include("config.urls")),
    path("thu/to-chuc-hoac-tham-dinh/", organizer_or_appraiser, name="probe_roles"),
    path("thu/dang-nhap-la-du/", anyone_signed_in, name="probe_login"),
    path("thu/khong-danh-dau/", unmarked, name="probe_unmarked"),
    path("thu/loi/", boom, name="probe_boom"),
]
