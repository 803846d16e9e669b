from django.urls import path

from parindex.criteria import views

app_name = "criteria"

urlpatterns = [
    path("", views.criteria_set_list, name="list"),
    path("tai-len/", views.criteria_set_upload_view, name="upload"),
    path("so-sanh/", views.criteria_set_compare, name="compare"),
    path("<int:pk>/", views.criteria_set_detail, name="detail"),
    path("<int:pk>/tai-ve.yaml", views.criteria_set_download_yaml, name="download_yaml"),
    path("<int:pk>/tai-ve.xlsx", views.criteria_set_download_xlsx, name="download_xlsx"),
    path("<int:pk>/nhan-ban/", views.criteria_set_clone_view, name="clone"),
    path("<int:pk>/ban-hanh/", views.criteria_set_issue_view, name="issue"),
]
