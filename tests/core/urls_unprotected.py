"""A URLconf with one view that forgot every protection, to prove the URL walk catches it."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.urls import include, path


@login_not_required
def leaky(request, pk):
    return HttpResponse(f"bí mật số {pk}")


urlpatterns = [path("", include("config.urls")), path("ro-ri/<int:pk>/", leaky, name="leaky")]
