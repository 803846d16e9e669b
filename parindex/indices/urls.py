from django.urls import path

from parindex.indices import views

app_name = "indices"

urlpatterns = [
    path("", views.indices_index, name="index"),
    path("nhap/", views.indices_import_view, name="import"),
    path("mau.csv", views.import_template, name="template"),
    path("<slug:index>/", views.index_detail, name="detail"),
    path("<slug:index>/<slug:code>/don-vi/", views.component_responsible, name="responsible"),
]
