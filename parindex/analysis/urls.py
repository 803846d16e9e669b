from django.urls import path

from parindex.analysis import views

app_name = "analysis"

urlpatterns = [
    path("", views.analysis_index, name="index"),
    path("don-vi/<int:pk>/", views.unit_analysis, name="unit"),
    path("<int:period>/<slug:group>/", views.group_analysis, name="group"),
    path("<int:period>/<slug:group>/nhan-dinh/", views.summary_edit, name="summary_save"),
    path("<int:period>/<slug:group>/nhan-dinh/tu-dong/", views.summary_back_to_generated, name="summary_revert"),
]
