"""Bulk actions from the inbox: one action on many cases, each checked against the viewer."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sigap.agencies.models import User
from sigap.agencies.selectors import staff_scope_for_request
from sigap.cases import services as case_services
from sigap.cases.models import Case
from sigap.cases.selectors import case_get_for_user
from sigap.console.forms import case as case_forms
from sigap.core.errors import DomainError


@require_POST
def case_bulk(request: HttpRequest) -> HttpResponse:
    """One action on many cases from the inbox; each case checked against the viewer's scope."""
    target = _safe_next(request, request.POST.get("next", ""))
    form = case_forms.BulkForm(request.POST)
    if not form.is_valid():
        errors = [str(e) for field_errors in form.errors.values() for e in field_errors]
        messages.error(request, " ".join(errors))
        return _go(request, target)
    data = form.cleaned_data
    assignee = None
    if data["action"] == "assign":
        assignee = User.objects.filter(pk=data["assignee"], is_active=True).first()
        if assignee is None:
            messages.error(request, _("Petugas tidak dikenal."))
            return _go(request, target)
    scope = staff_scope_for_request(request)
    actor = cast(User, request.user)
    done: list[str] = []
    refused: list[str] = []
    for number in data["cases"]:
        try:
            case = case_get_for_user(scope, tracking_number=number)
            _bulk_one(data["action"], case, actor, assignee, data.get("priority") or "")
        except Http404:
            refused.append(_("%(n)s: tidak ditemukan") % {"n": number})
        except DomainError as exc:
            refused.append(f"{number}: {exc.message}")
        else:
            done.append(number)
    _bulk_summary(request, done, refused)
    return _go(request, target)


def _bulk_one(action: str, case: Case, actor: User, assignee: User | None, priority: str) -> None:
    if action == "claim":
        case_services.case_claim(case=case, actor=actor)
    elif action == "assign":
        case_services.case_assign(case=case, assignee=assignee, actor=actor)
    else:
        case_services.case_set_priority(case=case, priority=priority, actor=actor)


def _bulk_summary(request: HttpRequest, done: list[str], refused: list[str]) -> None:
    summary = _("%(done)d laporan diproses, %(refused)d ditolak.") % {
        "done": len(done),
        "refused": len(refused),
    }
    if refused:
        messages.warning(request, summary + " " + "; ".join(refused))
    else:
        messages.success(request, summary)


def _safe_next(request: HttpRequest, candidate: str) -> str:
    """Only a path on this site: never an open redirect to somewhere else."""
    if (
        candidate.startswith("/")
        and not candidate.startswith("//")
        and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return candidate
    return reverse("console:home")


def _go(request: HttpRequest, target: str) -> HttpResponse:
    if request.headers.get("HX-Request") == "true":  # HTMX follows HX-Redirect
        return HttpResponse(status=204, headers={"HX-Redirect": target})
    return redirect(target)


urlpatterns = [
    path("laporan/massal/", case_bulk, name="case_bulk"),
]
