from django.urls import path

from parindex.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("<int:pk>/doc/", views.notification_open, name="open"),
    path("doc-tat-ca/", views.notifications_read_all, name="read_all"),
]
