from django.urls import path

from sigap.console import views

app_name = "console"
urlpatterns = [
    path("", views.home, name="home"),
    path("laporan/<str:tracking_number>/", views.case_detail, name="case_detail"),
]
