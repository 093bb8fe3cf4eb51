from django.contrib import admin
from django.urls import include, path

from sigap.api import api
from sigap.core.views import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("api/", api.urls),
    path("webhooks/", include("sigap.channels.urls")),
    path("admin/", admin.site.urls),
    path("akun/", include("sigap.agencies.urls")),
    path("konsol/", include("sigap.console.urls")),
    path("", include("sigap.portal.urls")),
]
