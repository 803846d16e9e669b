from importlib.util import find_spec

from django.contrib import admin
from django.urls import include, path

from parindex.portal import views as portal_views

admin.site.site_header = "parindex — Quản trị"
admin.site.site_title = "parindex — Quản trị"
admin.site.index_title = "Quản trị hệ thống"

urlpatterns = [
    path("quan-tri/", admin.site.urls),
    path("", include("parindex.accounts.urls")),  # dang-nhap/, dang-xuat/, doi-mat-khau/
    path("", include("parindex.core.urls")),  # the home page
    path("danh-gia/", include("parindex.assessments.urls")),
    path("", include("parindex.appraisals.urls")),  # tham-dinh/, danh-gia/<id>/giai-trinh/
    path("ky-danh-gia/", include("parindex.periods.urls")),
    path("thong-bao/", include("parindex.notifications.urls")),
    path("hoi-dong/", include("parindex.council.urls")),
    path("cong-khai/", include("parindex.portal.urls")),  # the public portal and open data: no login
    path("robots.txt", portal_views.robots_txt, name="robots_txt"),
    path("bao-cao/", include("parindex.reports.urls")),
    path("chi-so-tinh/", include("parindex.indices.urls")),  # the province's national indices
    path("phan-tich/", include("parindex.analysis.urls")),  # the analysis for the council
    path("don-vi/", include("parindex.organization.urls")),
    path("nguoi-dung/", include("parindex.accounts.urls_admin")),
    # danh-gia/<id>/tai-lieu/, danh-gia/<id>/trich-dan/…, tai-lieu/<id>/(sua|xoa|tai-ve|xem)/, trich-dan/<id>/xoa/
    path("", include("parindex.evidence.urls")),
]

# The criteria app is being written separately: its URLs join as soon as parindex/criteria/urls.py exists.
if find_spec("parindex.criteria.urls") is not None:
    urlpatterns.append(path("bo-tieu-chi/", include("parindex.criteria.urls")))
