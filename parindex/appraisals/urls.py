from django.urls import path

from parindex.appraisals import views

app_name = "appraisals"

urlpatterns = [
    path("tham-dinh/", views.appraisal_queue, name="queue"),
    path("tham-dinh/<int:pk>/", views.appraisal_screen, name="appraisal"),
    path("tham-dinh/<int:pk>/<str:code>/luu/", views.appraisal_autosave, name="appraisal_save"),
    path("tham-dinh/<int:pk>/<str:code>/chap-nhan/", views.appraisal_accept_view, name="accept"),
    path("tham-dinh/<int:pk>/ket-thuc-vong/", views.appraisal_close_view, name="close_round"),
    path("tham-dinh/nhap-diem/<int:period_id>/<int:group_id>/", views.external_grid, name="external_grid"),
    path("danh-gia/<int:pk>/giai-trinh/", views.explanation_screen, name="explanation"),
    path("danh-gia/<int:pk>/giai-trinh/<str:code>/luu/", views.explanation_autosave, name="explanation_save"),
    path("danh-gia/<int:pk>/giai-trinh/gui/", views.explanation_submit_view, name="explanation_submit"),
]
