from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from sigap.agencies.forms import ApiTokenForm, LockoutAuthenticationForm
from sigap.agencies.models import User
from sigap.agencies.selectors import api_token_list_for_user
from sigap.agencies.services import api_token_create, api_token_revoke


@method_decorator(login_not_required, name="dispatch")
class LoginView(auth_views.LoginView):
    template_name = "agencies/login.html"
    authentication_form = LockoutAuthenticationForm
    redirect_authenticated_user = True


@require_http_methods(["GET", "POST"])
def api_tokens(request: HttpRequest) -> HttpResponse:
    """Personal API tokens: create (shown once) and list; the raw token is never stored."""
    user = request.user
    assert isinstance(user, User)
    form = ApiTokenForm(request.POST or None)
    raw_token = None
    if request.method == "POST" and form.is_valid():
        _token, raw_token = api_token_create(user=user, name=form.cleaned_data["name"])
        form = ApiTokenForm()
    return render(
        request,
        "agencies/api_tokens.html",
        {"form": form, "raw_token": raw_token, "tokens": api_token_list_for_user(user)},
    )


@require_POST
def api_token_revoke_view(request: HttpRequest, prefix: str) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    token = get_object_or_404(api_token_list_for_user(user), prefix=prefix)
    api_token_revoke(token=token, actor=user)
    messages.success(request, _("Token %(name)s dicabut.") % {"name": token.name})
    return redirect("api_tokens")
