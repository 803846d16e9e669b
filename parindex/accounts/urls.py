from django.urls import path

from parindex.accounts import views

# No namespace: settings name "login" as LOGIN_URL, and Django's password views reverse these names.
urlpatterns = [
    path("dang-nhap/", views.login, name="login"),
    path("dang-xuat/", views.logout, name="logout"),
    path("doi-mat-khau/", views.password_change, name="password_change"),
]
