from django.urls import path

from parindex.appraisals import assignment_views
from parindex.periods import progress_views, views

app_name = "periods"

urlpatterns = [
    path("", views.period_list, name="list"),
    path("tao/", views.period_create_view, name="create"),
    path("<int:pk>/", views.period_detail, name="detail"),
    path("<int:pk>/them-don-vi/", views.period_add_units_view, name="add_units"),
    path("<int:pk>/mo-ky/", views.period_open_view, name="open"),
    path("<int:pk>/gia-han/", views.deadline_extend_view, name="extend"),
    path("<int:pk>/mo-lai-giai-doan/", views.phase_reopen_view, name="reopen"),
    path("tien-do/", progress_views.progress_index, name="progress_index"),
    path("<int:pk>/tien-do/", progress_views.progress_view, name="progress"),
    path("<int:pk>/phan-cong/", assignment_views.assignment_list, name="assignments"),
    path(
        "<int:pk>/phan-cong/<int:assignment_pk>/xoa/", assignment_views.assignment_delete_view, name="assignment_delete"
    ),
]
