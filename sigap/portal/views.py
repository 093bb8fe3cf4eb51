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

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from sigap.cases.models import Case, CaseEvent, CaseStatus, EventKind
from sigap.cases.selectors import case_get_by_citizen_token
from sigap.channels.services.ratings import citizen_rating_record
from sigap.core.errors import DomainError
from sigap.portal.forms import RatingForm

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
    return _track_page(request, case, _rating_form(case) if _can_rate(case) else None)


def _can_rate(case: Case) -> bool:
    return case.status in {CaseStatus.RESOLVED, CaseStatus.CLOSED} and case.rating is None


def _rating_form(case: Case, data: Any = None) -> RatingForm:
    # Only a resolved case can be disputed back into work; a closed one stays closed.
    return RatingForm(data, can_dispute=case.status == CaseStatus.RESOLVED)


def _track_page(
    request: HttpRequest, case: Case, form: RatingForm | None, status: int = 200
) -> HttpResponse:
    events = case.events.filter(kind__in=CITIZEN_VISIBLE_EVENTS).order_by("created_at", "id")
    context = {
        "case": case,
        "description": _public_text(case, case.description),
        "entries": [(event, _event_value(event), _event_text(case, event)) for event in events],
        "rating_form": form,
    }
    response = render(request, "portal/track.html", context, status=status)
    response["X-Robots-Tag"] = "noindex, nofollow"  # a status link is never a search result
    return response


@login_not_required
@never_cache
@require_POST
def rate(request: HttpRequest, token: str) -> HttpResponse:
    """The citizen rates the handling of their resolved case; "not solved" reopens it."""
    case = case_get_by_citizen_token(token)
    if case is None:
        raise Http404(_("Laporan tidak ditemukan."))
    if not _can_rate(case):
        messages.error(request, _("Laporan ini belum dapat dinilai atau sudah dinilai."))
        return redirect("portal:track", token=token)
    form = _rating_form(case, request.POST)
    if not form.is_valid():
        return _track_page(request, case, form, status=400)
    data = form.cleaned_data
    disputed = bool(data.get("disputed"))
    try:
        citizen_rating_record(
            case=case, rating=data["rating"], comment=data["comment"], disputed=disputed
        )
    except DomainError as error:
        form.add_error(None, error.message)
        return _track_page(request, case, form, status=400)
    if disputed:
        messages.success(request, _("Terima kasih. Laporan Anda dibuka kembali untuk petugas."))
    else:
        messages.success(request, _("Terima kasih atas penilaian Anda."))
    return redirect("portal:track", token=token)


def _public_text(case: Case, text: str) -> str:
    """Text of the case the page may show: none for a confidential case. The template masks
    personal data in it (`personal_data_masked`)."""
    if case.is_confidential or not text:
        return ""
    return text[:PUBLIC_TEXT_LIMIT]


def _event_value(event: CaseEvent) -> str:
    """A status change in the citizen's words ("Selesai", not `resolved`)."""
    if event.kind == EventKind.STATUS_CHANGED and event.to_value in CaseStatus.values:
        return str(CaseStatus(event.to_value).label)
    return ""


def _event_text(case: Case, event: CaseEvent) -> str:
    if event.kind == EventKind.MESSAGE_OUT and event.to_value in CITIZEN_MESSAGE_PURPOSES:
        return _public_text(case, event.note)
    if event.kind == EventKind.STATUS_CHANGED and event.to_value == CaseStatus.RESOLVED:
        # What was done is the answer the citizen is asked to rate; staff write it for them
        # ("Hasil penyelesaian"), unlike the notes of other changes, which stay internal.
        return _public_text(case, event.note)
    return ""
