from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.utils.decorators import method_decorator

from sigap.agencies.forms import LockoutAuthenticationForm


@method_decorator(login_not_required, name="dispatch")
class LoginView(auth_views.LoginView):
    template_name = "agencies/login.html"
    authentication_form = LockoutAuthenticationForm
    redirect_authenticated_user = True
