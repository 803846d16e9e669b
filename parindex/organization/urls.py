from django.urls import path

from parindex.organization import views

app_name = "organization"

urlpatterns = [
    path("", views.unit_list, name="unit_list"),
    path("nhap-excel/", views.unit_import, name="unit_import"),
    path("mau-nhap.xlsx", views.unit_import_template_download, name="unit_import_template"),
]
