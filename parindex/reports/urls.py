from django.urls import path

from parindex.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("xuat/", views.export, name="export"),
    path("tep/<int:pk>/", views.job_detail, name="job"),
    path("tep/<int:pk>/tai-ve/", views.job_download, name="download"),
    path("don-vi/<int:pk>/bang-diem.xlsx", views.unit_sheet, name="unit_sheet"),
]
