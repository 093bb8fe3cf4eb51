from django.urls import path

from sigap.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("lacak/<str:token>/", views.track, name="track"),
    path("lacak/<str:token>/nilai/", views.rate, name="rate"),
]
