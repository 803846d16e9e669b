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

# The self-assessment report (parindex/assessments/report_views.py).
from parindex.assessments import report_views  # noqa: E402

urlpatterns += [
    path("<int:pk>/bao-cao.pdf", report_views.report_pdf_view, name="report_pdf"),
    path("<int:pk>/bao-cao.xlsx", report_views.report_xlsx_view, name="report_xlsx"),
    path("<int:pk>/bao-cao-da-ky/", report_views.signed_report_upload, name="signed_report"),
]
