"""Scoped reads of cases: a view never filters by agency itself."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from sigap.agencies.selectors import StaffScope, agency_subtree_q
from sigap.cases import permissions
from sigap.cases.models import Case, CaseEvent, CaseStatus, Message
from sigap.catalog.models import Priority
from sigap.contacts.models import Contact


def case_visible_q(scope: StaffScope) -> Q:
    if scope.is_superuser:
        return Q()
    query = Q(pemda_id__in=scope.pemda_wide)
    query |= Q(pemda_id__in=scope.operator_pemdas, priority=Priority.EMERGENCY)
    query |= agency_subtree_q(scope.agency_paths, field_prefix="agency__")
    return query


@dataclass(frozen=True)
class CaseFilters:
    status: str = ""
    priority: str = ""
    kind: str = ""
    channel: str = ""
    category_id: int | None = None
    agency_id: int | None = None
    region_code: str = ""
    assignee_id: int | None = None
    created_from: date | None = None
    created_to: date | None = None
    open_only: bool = False
    query: str = ""


def case_list_for_user(scope: StaffScope, filters: CaseFilters | None = None) -> QuerySet[Case]:
    cases = Case.objects.filter(case_visible_q(scope)).select_related(
        "agency", "category", "assignee", "region", "pemda"
    )
    return _apply_filters(cases, filters or CaseFilters())


def _apply_filters(cases: QuerySet[Case], f: CaseFilters) -> QuerySet[Case]:
    exact = {
        "status": f.status,
        "priority": f.priority,
        "kind": f.kind,
        "channel": f.channel,
        "category_id": f.category_id,
        "agency_id": f.agency_id,
        "assignee_id": f.assignee_id,
    }
    cases = cases.filter(**{k: v for k, v in exact.items() if v})
    if f.region_code:
        cases = cases.filter(region__code__startswith=f.region_code)
    if f.created_from:
        cases = cases.filter(created_at__date__gte=f.created_from)
    if f.created_to:
        cases = cases.filter(created_at__date__lte=f.created_to)
    if f.open_only:
        cases = cases.exclude(
            status__in=[CaseStatus.CLOSED, CaseStatus.REJECTED, CaseStatus.MERGED]
        )
    if f.query:
        cases = cases.filter(
            Q(tracking_number__iexact=f.query.strip()) | Q(description__icontains=f.query)
        )
    return cases


def case_get_for_user(scope: StaffScope, *, tracking_number: str) -> Case:
    """The case if the user may see it; 404 otherwise (never reveal that it exists)."""
    case = (
        Case.objects.select_related("agency", "category", "assignee", "region", "pemda", "contact")
        .filter(tracking_number=tracking_number.strip().upper())
        .first()
    )
    if case is None or not permissions.can_view(scope, case):
        raise Http404(_("Laporan tidak ditemukan."))
    return case


def case_timeline(case: Case) -> QuerySet[CaseEvent]:
    return case.events.select_related("actor").order_by("created_at", "id")


def case_messages(case: Case) -> QuerySet[Message]:
    return case.messages.select_related("author").prefetch_related("attachments")


def case_reporter_for(scope: StaffScope, case: Case) -> Contact | None:
    """The reporter, or None when the viewer may not know who it is (anonymous cases)."""
    if not permissions.can_see_reporter(scope, case):
        return None
    return case.contact


def case_get_by_citizen_token(token: str) -> Case | None:
    if not token or len(token) > 64:
        return None
    return (
        Case.objects.select_related("agency", "category", "pemda")
        .filter(citizen_token=token)
        .first()
    )
