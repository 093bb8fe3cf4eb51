"""Coordinator triage: unrouted and low-confidence cases, verification, anonymity review.

LAPOR! practice: the coordinator verifies a report and passes it to the responsible agency
within 3 working days (the ``verification_due_at`` clock). Routing here is one act: the case
goes to the agency and is verified, so the agency's follow-up clock starts at once. Every
choice is a person's routing decision, which the routing app learns from (its case hook).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sigap.agencies.models import Agency, User
from sigap.agencies.selectors import StaffScope, agency_list_for_scope, staff_scope_for_request
from sigap.cases.models import Case, CaseStatus, DispositionReason
from sigap.cases.selectors import case_get_for_user, case_list_for_user
from sigap.cases.services import case_dispose, case_route, case_set_flags, case_transition
from sigap.console.agency_choices import agency_groups
from sigap.console.forms.triage import (
    TriageActionForm,
    TriageFlagsForm,
    TriageRejectForm,
    TriageRouteForm,
    TriageVerifyForm,
)
from sigap.core.errors import Conflict, DomainError
from sigap.routing.holds import case_hold_confirm_spam, case_hold_release

PAGE_SIZE = 25


@dataclass(frozen=True)
class Suggestion:
    agency: Agency
    percent: int


@dataclass(frozen=True)
class TriageRow:
    case: Case
    suggestions: list[Suggestion] = field(default_factory=list)
    confidence: int | None = None
    personal_data: int = 0
    overdue: bool = False
    error: str = ""
    # Why triage held the case back (a flood or a contact over its limit), in Indonesian.
    hold_reasons: list[str] = field(default_factory=list)


def _staff(request: HttpRequest) -> User:
    if not isinstance(request.user, User):  # the login middleware already sent guests away
        raise PermissionDenied
    return request.user


def _coordinator_scope(request: HttpRequest) -> StaffScope:
    scope = staff_scope_for_request(request)
    if not scope.can_triage:
        raise PermissionDenied(_("Halaman triase hanya untuk koordinator."))
    return scope


def _queue(scope: StaffScope) -> QuerySet[Case]:
    """New cases the router could not place (no agency) or was unsure of (needs review)."""
    waiting = Q(agency__isnull=True) | Q(triage__needs_review=True)
    cases = case_list_for_user(scope).filter(waiting, status=CaseStatus.NEW)
    if not scope.is_superuser:
        cases = cases.filter(pemda_id__in=scope.reveal_reporter_pemdas)
    return cases.select_related("triage", "contact").order_by("created_at", "id")


def _agencies(scope: StaffScope) -> QuerySet[Agency]:
    agencies = agency_list_for_scope(scope)
    if not scope.is_superuser:
        agencies = agencies.filter(pemda_id__in=scope.reveal_reporter_pemdas)
    return agencies.order_by("pemda_id", "path")


def _row(case: Case, agencies: dict[int, Agency], now: datetime, error: str = "") -> TriageRow:
    triage = getattr(case, "triage", None)
    suggestions = []
    for item in (triage.suggestions if triage else []) or []:
        agency = agencies.get(item.get("agency_id") or 0)
        if agency is not None:
            suggestions.append(Suggestion(agency, round(100 * float(item["probability"]))))
    confidence = triage.confidence if triage and triage.confidence is not None else None
    due = case.verification_due_at
    return TriageRow(
        case=case,
        suggestions=suggestions,
        confidence=round(100 * confidence) if confidence is not None else None,
        personal_data=len(triage.personal_data) if triage else 0,
        overdue=due is not None and due < now,
        error=error,
        hold_reasons=[str(r.get("message", "")) for r in triage.hold_reasons]
        if triage and triage.held
        else [],
    )


def _rows(cases: Iterable[Case], agencies: list[Agency]) -> list[TriageRow]:
    by_id, now = {agency.pk: agency for agency in agencies}, timezone.now()
    return [_row(case, by_id, now) for case in cases]


@require_GET
def triage(request: HttpRequest) -> HttpResponse:
    scope = _coordinator_scope(request)
    page = Paginator(_queue(scope), PAGE_SIZE).get_page(request.GET.get("page"))
    agencies = list(_agencies(scope))
    context = {
        "page": page,
        "rows": _rows(page, agencies),
        "agency_groups": agency_groups(agencies),
    }
    return render(request, "console/triage.html", context)


# --- actions --------------------------------------------------------------------------------------


def _valid(form: TriageActionForm, case: Case) -> dict[str, object]:
    if not form.is_valid():
        raise DomainError(str(next(iter(form.errors.values()))[0]))
    if form.cleaned_data["version"] != case.version:
        raise Conflict(
            _("Laporan %(number)s sudah diubah oleh petugas lain. Muat ulang lalu coba lagi.")
            % {"number": case.tracking_number}
        )
    return form.cleaned_data


def _route(request: HttpRequest, scope: StaffScope, case: Case) -> str:
    data = _valid(TriageRouteForm(request.POST, agencies=_agencies(scope)), case)
    agency, note, actor = data["agency"], str(data["note"]).strip(), _staff(request)
    assert isinstance(agency, Agency)
    # Route (or move) and verify together: one coordinator decision, one transaction.
    with transaction.atomic():
        if case.agency_id is None:
            case = case_route(case=case, agency=agency, actor=actor)
        elif case.agency_id != agency.pk:
            reason_note = note or _("Dialihkan koordinator melalui triase.")
            case = case_dispose(
                case=case, to_agency=agency, reason=DispositionReason.REASSIGNED, actor=actor,
                note=reason_note,
            )  # fmt: skip
        case_transition(case=case, to_status=CaseStatus.VERIFIED, actor=actor, note=note)
    return _("Laporan %(number)s diverifikasi dan diteruskan ke %(agency)s.") % {
        "number": case.tracking_number,
        "agency": agency,
    }


def _verify(request: HttpRequest, scope: StaffScope, case: Case) -> str:
    data = _valid(TriageVerifyForm(request.POST), case)
    if case.agency_id is None:
        raise DomainError(_("Rutekan laporan ke instansi sebelum memverifikasinya."))
    case_transition(
        case=case, to_status=CaseStatus.VERIFIED, actor=_staff(request), note=str(data["note"]),
        expected_version=case.version,
    )  # fmt: skip
    return _("Laporan %(number)s diverifikasi.") % {"number": case.tracking_number}


def _reject(request: HttpRequest, scope: StaffScope, case: Case) -> str:
    data = _valid(TriageRejectForm(request.POST), case)
    case_transition(
        case=case, to_status=CaseStatus.REJECTED, actor=_staff(request),
        note=str(data["reason"]), expected_version=case.version,
    )  # fmt: skip
    return _("Laporan %(number)s ditolak.") % {"number": case.tracking_number}


def _flags(request: HttpRequest, scope: StaffScope, case: Case) -> str:
    data = _valid(TriageFlagsForm(request.POST), case)
    case_set_flags(
        case=case, actor=_staff(request), is_anonymous=bool(data["is_anonymous"]),
        is_confidential=bool(data["is_confidential"]), note=str(data["note"]),
    )  # fmt: skip
    return _("Status anonim/rahasia laporan %(number)s disimpan.") % {
        "number": case.tracking_number
    }


def _release(request: HttpRequest, scope: StaffScope, case: Case) -> str:
    _valid(TriageVerifyForm(request.POST), case)
    case_hold_release(case=case, actor=_staff(request))
    return _("Laporan %(number)s dilepas dari penahanan dan diproses seperti biasa.") % {
        "number": case.tracking_number
    }


def _spam(request: HttpRequest, scope: StaffScope, case: Case) -> str:
    data = _valid(TriageRejectForm(request.POST), case)
    case_hold_confirm_spam(case=case, actor=_staff(request), note=str(data["reason"]))
    return _("Laporan %(number)s ditolak sebagai spam.") % {"number": case.tracking_number}


_ACTIONS: dict[str, Callable[[HttpRequest, StaffScope, Case], str]] = {
    "rute": _route,
    "verifikasi": _verify,
    "tolak": _reject,
    "privasi": _flags,
    "lepas": _release,
    "spam": _spam,
}


@require_POST
def triage_action(request: HttpRequest, tracking_number: str, action: str) -> HttpResponse:
    scope = _coordinator_scope(request)
    handler = _ACTIONS.get(action)
    if handler is None:
        raise Http404
    case = case_get_for_user(scope, tracking_number=tracking_number)
    if not scope.is_coordinator_of(case.pemda_id):
        raise PermissionDenied(_("Halaman triase hanya untuk koordinator."))
    is_htmx = request.headers.get("HX-Request") == "true"
    try:
        done = handler(request, scope, case)
    except DomainError as error:
        if is_htmx:
            return _row_response(request, scope, case.pk, error=error.message)
        messages.error(request, error.message)
        return redirect("console:triage")
    if is_htmx:
        return _row_response(request, scope, case.pk, done=done)
    messages.success(request, done)
    return redirect("console:triage")


def _row_response(
    request: HttpRequest, scope: StaffScope, case_id: int, *, error: str = "", done: str = ""
) -> HttpResponse:
    """The case's row again (it may stay in the queue), or a note that it left the queue."""
    case = _queue(scope).filter(pk=case_id).first()
    if case is None:
        return render(request, "console/partials/triage_done.html", {"done": done or error})
    agencies = list(_agencies(scope))
    row = _row(case, {a.pk: a for a in agencies}, timezone.now(), error=error)
    context = {"row": row, "agency_groups": agency_groups(agencies), "done": done}
    return render(request, "console/partials/triage_row.html", context)


urlpatterns = [
    path("triase/", triage, name="triage"),
    path("triase/<str:tracking_number>/<slug:action>/", triage_action, name="triage_action"),
]
