from django.urls import path

from parindex.accounts import views_admin

app_name = "users"

urlpatterns = [
    path("", views_admin.user_list_view, name="user_list"),
    path("nhap-excel/", views_admin.user_import, name="user_import"),
    path("mau-nhap.xlsx", views_admin.user_import_template_download, name="user_import_template"),
]
