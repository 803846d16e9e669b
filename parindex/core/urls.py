from django.urls import path

from parindex.core import views

urlpatterns = [
    path("", views.home, name="home"),
]
