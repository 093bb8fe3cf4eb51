from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from sigap.cases.models import EventKind
from sigap.cases.selectors import case_get_by_citizen_token

# Timeline entries a citizen sees on their own status page (no internal notes, no staff names).
CITIZEN_VISIBLE_EVENTS = {
    EventKind.CREATED,
    EventKind.STATUS_CHANGED,
    EventKind.DISPOSED,
    EventKind.MESSAGE_OUT,
    EventKind.RATED,
}


@login_not_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/home.html")


@login_not_required
def track(request: HttpRequest, token: str) -> HttpResponse:
    """The citizen's own status page, reached by the unguessable link sent to them."""
    case = case_get_by_citizen_token(token)
    if case is None:
        raise Http404(_("Laporan tidak ditemukan."))
    events = case.events.filter(kind__in=CITIZEN_VISIBLE_EVENTS).order_by("created_at", "id")
    return render(request, "portal/track.html", {"case": case, "events": events})
