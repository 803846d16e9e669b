from django.urls import path

from parindex.council import views

app_name = "council"

urlpatterns = [
    path("", views.council_index, name="index"),
    path("ket-qua/<int:pk>/", views.unit_detail, name="detail"),
    path("ket-qua/<int:pk>/dieu-chinh/", views.correct, name="correct"),
    path("<int:period>/<slug:group>/", views.group_results_view, name="results"),
    path("<int:period>/<slug:group>/y-kien/", views.comment_add, name="comment"),
    path("<int:period>/<slug:group>/thong-qua/", views.approve, name="approve"),
    path("<int:period>/<slug:group>/cong-bo/", views.publish, name="publish"),
    path("<int:period>/<slug:group>/mo-lai/", views.reopen, name="reopen"),
]
