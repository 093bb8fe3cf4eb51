from django.contrib.auth import views as auth_views
from django.urls import path

from sigap.agencies.views import LoginView, api_token_revoke_view, api_tokens

urlpatterns = [
    path("masuk/", LoginView.as_view(), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("token/", api_tokens, name="api_tokens"),
    path("token/<str:prefix>/cabut/", api_token_revoke_view, name="api_token_revoke"),
]
