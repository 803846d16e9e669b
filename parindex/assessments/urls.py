from django.urls import path

from parindex.assessments import views

app_name = "assessments"

urlpatterns = [
    path("", views.assessment_list, name="list"),
    path("<int:pk>/tu-danh-gia/", views.self_assessment, name="self_assessment"),
    path("<int:pk>/tu-danh-gia/<str:code>/luu/", views.self_assessment_save, name="self_assessment_save"),
    path("<int:pk>/hoan-thanh/", views.self_assessment_complete, name="complete"),
    path("<int:pk>/sua-lai/", views.self_assessment_reopen, name="reopen"),
    path("<int:pk>/chot/", views.self_assessment_submit, name="submit"),
]
