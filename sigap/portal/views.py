"""The citizen's side: the public home page and each citizen's own status page.

Privacy rules, enforced here and proven in `tests/test_privacy.py`:
- No public page lists cases; the only page that shows a case is its status page, reached by
  the unguessable link sent to the reporter.
- That link may be forwarded or leak (a screenshot, a shared phone), so the status page masks
  every NIK, KK, phone number, e-mail address and account number in the case text and in the
  replies, even though its usual reader is the reporter who wrote them.
- A confidential (*rahasia*) case shows its status only: neither its text nor the replies.
- Internal notes, staff names and notifications to staff never reach the page.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from sigap.cases.models import Case, CaseEvent, EventKind
from sigap.cases.selectors import case_get_by_citizen_token

# Timeline entries a citizen sees on their own status page (no internal notes, no staff names).
CITIZEN_VISIBLE_EVENTS = {
    EventKind.CREATED,
    EventKind.STATUS_CHANGED,
    EventKind.DISPOSED,
    EventKind.MESSAGE_OUT,
    EventKind.RATED,
}
# Outbound messages to the citizen whose text the page repeats; anything else sent about the
# case (a notification to staff, for one) is listed without its text.
CITIZEN_MESSAGE_PURPOSES = {"ack", "reply", "status_update", "info_request", "rating_request"}
PUBLIC_TEXT_LIMIT = 2000


@login_not_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/home.html")


@login_not_required
@never_cache
def track(request: HttpRequest, token: str) -> HttpResponse:
    """The citizen's own status page, reached by the unguessable link sent to them."""
    case = case_get_by_citizen_token(token)
    if case is None:
        raise Http404(_("Laporan tidak ditemukan."))
    events = case.events.filter(kind__in=CITIZEN_VISIBLE_EVENTS).order_by("created_at", "id")
    context = {
        "case": case,
        "description": _public_text(case, case.description),
        "entries": [(event, _event_text(case, event)) for event in events],
    }
    response = render(request, "portal/track.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"  # a status link is never a search result
    return response


def _public_text(case: Case, text: str) -> str:
    """Text of the case the page may show: none for a confidential case. The template masks
    personal data in it (`personal_data_masked`)."""
    if case.is_confidential or not text:
        return ""
    return text[:PUBLIC_TEXT_LIMIT]


def _event_text(case: Case, event: CaseEvent) -> str:
    if event.kind == EventKind.MESSAGE_OUT and event.to_value in CITIZEN_MESSAGE_PURPOSES:
        return _public_text(case, event.note)
    return ""
