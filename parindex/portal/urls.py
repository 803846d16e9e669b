from django.urls import path

from parindex.portal import views

app_name = "portal"

# Stable addresses: the open data URLs are cited by others and must not move.
urlpatterns = [
    path("", views.index, name="index"),
    path("du-lieu/", views.catalogue, name="catalogue"),
    path("du-lieu/danh-muc.json", views.catalogue_json_view, name="catalogue_json"),
    path("du-lieu/<int:year>/<slug:group>.csv", views.results_csv_view, name="csv"),
    path("du-lieu/<int:year>/<slug:group>.json", views.results_json_view, name="json"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("<int:year>/<slug:group>/", views.group_page, name="group"),
    path("<int:year>/<slug:group>/<int:pk>/", views.unit_page, name="unit"),
]
