"""Scoped reads of cases: a view never filters by agency itself.

The inbox (``sigap.console``) reads through ``case_inbox_for_user`` and ``case_inbox_counts``:
named views ("tabs"), filters, sorting and full-text search (``sigap.cases.search``), each
shaped to use the partial indexes of migration ``cases.0005``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Case as CaseWhen
from django.db.models import (
    DateTimeField,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Least
from django.db.models.lookups import In, LessThan
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from sigap.agencies.models import Agency, Role
from sigap.agencies.selectors import StaffScope, agency_subtree_q
from sigap.cases import permissions
from sigap.cases.models import OPEN_STATUSES, Case, CaseEvent, CaseStatus, Message
from sigap.cases.search import (
    case_search,
    case_search_ids,
    case_search_rank,
    ids_q,
    message_case_agency,
)
from sigap.catalog.models import Priority
from sigap.contacts.models import Contact
from sigap.regions.models import Region
from sigap.sla.selectors import case_warned_q


def _agency_ids_under(paths: tuple[str, ...]) -> QuerySet[Agency, Any]:
    """Ids of the agencies in these subtrees, as a subquery: cases are then filtered on their
    own ``agency_id`` column, which the inbox's (agency_id, created_at) indexes serve."""
    return Agency.objects.filter(agency_subtree_q(paths)).values("id")


def case_visible_q(scope: StaffScope, *, prefix: str = "") -> Q:
    """Cases the scope may read; ``prefix`` ("case__") applies it to rows pointing at cases."""
    if scope.is_superuser:
        return Q()
    query = Q(**{f"{prefix}pemda_id__in": scope.pemda_wide})
    query |= Q(
        **{f"{prefix}pemda_id__in": scope.operator_pemdas, f"{prefix}priority": Priority.EMERGENCY}
    )
    if scope.agency_paths:
        query |= Q(**{f"{prefix}agency_id__in": _agency_ids_under(scope.agency_paths)})
    return query


def case_masked_q(scope: StaffScope) -> Q | None:
    """Of the cases the scope may read, those it reads with personal data masked
    (``permissions.must_mask_personal_data``: anonymous, outside the Pemdas where it may reveal
    the reporter), as a query for the search; None when it reads every case as stored."""
    readable = scope.pemda_wide | scope.operator_pemdas
    if scope.is_superuser or (not scope.agency_paths and readable <= scope.reveal_reporter_pemdas):
        return None  # a coordinator reads every case of their Pemda as stored
    return Q(is_anonymous=True) & ~Q(pemda_id__in=scope.reveal_reporter_pemdas)


@dataclass(frozen=True)
class InboxScope:
    """A staff scope with its agency subtrees resolved into ids, once per inbox request.

    The inbox's queries then compare ``agency_id`` with literals, which PostgreSQL estimates
    from its statistics; a subquery made it guess two average agencies and plan for those
    (an officer's search ran the text index once per agency of the subtree).
    """

    scope: StaffScope
    agency_ids: tuple[int, ...] = ()
    # Whether any of those agencies has a case waiting for a hold decision. Usually none: the
    # inbox then needs no ``is_held`` test, which index-only scans could not answer.
    any_held: bool = False


def inbox_scope_for(scope: StaffScope | InboxScope) -> InboxScope:
    """One small query for agency staff, none for Pemda-wide roles and superusers."""
    if isinstance(scope, InboxScope):
        return scope
    if scope.is_superuser or not scope.agency_paths:
        return InboxScope(scope=scope)
    held = Case.objects.filter(agency_id=OuterRef("pk"), is_held=True)  # partial index, 0009
    rows = (
        Agency.objects.filter(agency_subtree_q(scope.agency_paths))
        .annotate(held=Exists(held))
        .order_by("id")
        .values_list("id", "held")
    )
    found = list(rows)
    return InboxScope(
        scope=scope,
        agency_ids=tuple(agency_id for agency_id, _held in found),
        any_held=any(held for _agency_id, held in found),
    )


def _inbox_visible_q(inbox: InboxScope) -> Q:
    """``case_visible_q`` for the inbox: agency subtrees as literal ids, and without the cases
    waiting for the coordinator's decision on a hold (a flood stays in the coordinator's
    triage, even when it came in on an agency's own number)."""
    scope = inbox.scope
    if scope.is_superuser:
        return Q()
    query = Q(pemda_id__in=scope.pemda_wide)
    query |= Q(pemda_id__in=scope.operator_pemdas, priority=Priority.EMERGENCY)
    if inbox.agency_ids:
        agencies = Q(agency_id__in=inbox.agency_ids)
        query |= agencies & Q(is_held=False) if inbox.any_held else agencies
    return query


def _messages_visible_q(inbox: InboxScope) -> Q:
    """Citizen messages whose case the inbox shows, told from the message row wherever it can
    be (its Pemda, its case's agency: PostgreSQL only, see ``message_case_agency``). Only
    picks search candidates: lists and counts check ``_inbox_visible_q`` on the cases."""
    scope = inbox.scope
    if scope.is_superuser:
        return Q()
    query = Q(pemda_id__in=scope.pemda_wide)
    if scope.operator_pemdas:
        emergency = Case.objects.filter(pk=OuterRef("case_id"), priority=Priority.EMERGENCY)
        query |= Q(Exists(emergency), pemda_id__in=scope.operator_pemdas)
    if inbox.agency_ids:
        query |= Q(In(message_case_agency(), list(inbox.agency_ids)))
    return query


class InboxView:
    """The inbox tabs (GET ``view=``)."""

    QUEUE = "queue"  # mine + unassigned in my agencies: an officer's working list
    MINE = "mine"
    UNASSIGNED = "unassigned"
    AT_RISK = "at_risk"
    WAITING = "waiting"
    EMERGENCY = "emergency"
    OPEN = "open"
    CLOSED = "closed"
    ALL = "all"
    ALL_VIEWS = (QUEUE, MINE, UNASSIGNED, AT_RISK, WAITING, EMERGENCY, OPEN, CLOSED, ALL)


class InboxSort:
    NEWEST = "newest"
    OLDEST = "oldest"
    DEADLINE = "deadline"
    RELEVANCE = "relevance"
    ALL_SORTS = (NEWEST, OLDEST, DEADLINE, RELEVANCE)


CLOSED_RECENT_DAYS = 30
# Tab counts stop at this many ("1000+"): counting every open case of a Pemda on each poll
# would cost more than the whole page.
COUNT_CAP = 1000
_FOLLOWUP_STATUSES = (CaseStatus.VERIFIED, CaseStatus.IN_PROGRESS)
_RUNNING_STATUSES = tuple(s for s in OPEN_STATUSES if s != CaseStatus.WAITING_CITIZEN)
_NO_DEADLINE = datetime(9999, 1, 1, tzinfo=UTC)


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
    # Inbox additions: a tab of ``InboxView``, a sort of ``InboxSort`` ("" = the tab's default)
    # and whether ``agency_id`` includes the agency's units.
    view: str = ""
    sort: str = ""
    agency_subtree: bool = False
    # ``query`` resolved once into case ids by ``case_inbox_search`` (None: not resolved).
    search_ids: tuple[int, ...] | None = None


def case_list_for_user(
    scope: StaffScope, filters: CaseFilters | None = None, *, now: datetime | None = None
) -> QuerySet[Case]:
    filters = filters or CaseFilters()
    cases = Case.objects.filter(case_visible_q(scope)).select_related(
        "agency", "category", "assignee", "region", "pemda"
    )
    cases = _apply_filters(cases, filters, masked=case_masked_q(scope))
    if filters.view in InboxView.ALL_VIEWS:
        cases = cases.filter(inbox_view_q(filters.view, scope, now=now or timezone.now()))
    return cases


def _apply_filters(
    cases: QuerySet[Case], f: CaseFilters, *, masked: Q | None, rank: bool = False
) -> QuerySet[Case]:
    """``masked`` (``case_masked_q``) is required: a search that forgot it would match the
    original text of cases the viewer reads masked."""
    exact = {
        "status": f.status,
        "priority": f.priority,
        "kind": f.kind,
        "channel": f.channel,
        "category_id": f.category_id,
        "assignee_id": f.assignee_id,
    }
    cases = cases.filter(**{k: v for k, v in exact.items() if v})
    if f.agency_id and f.agency_subtree:
        cases = cases.filter(
            agency_id__in=Agency.objects.filter(
                Q(pk=f.agency_id) | Q(path__contains=f"/{int(f.agency_id)}/")
            ).values("id")
        )
    elif f.agency_id:
        cases = cases.filter(agency_id=f.agency_id)
    if f.region_code:
        regions = Region.objects.filter(code__startswith=f.region_code).values("id")
        cases = cases.filter(region_id__in=regions)
    # Local-day bounds as instants (not ``created_at__date``) so the created_at index applies.
    if f.created_from:
        cases = cases.filter(created_at__gte=_day_start(f.created_from))
    if f.created_to:
        cases = cases.filter(created_at__lt=_day_start(f.created_to + timedelta(days=1)))
    if f.open_only:
        cases = cases.exclude(
            status__in=[CaseStatus.CLOSED, CaseStatus.REJECTED, CaseStatus.MERGED]
        )
    if f.search_ids is not None:
        cases = cases.filter(ids_q(f.search_ids, vendor=connections[cases.db].vendor))
        if rank:
            cases = case_search_rank(cases, f.query, masked=masked)
    elif f.query:
        cases = case_search(cases, f.query, rank=rank, masked=masked)
    return cases


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


# --- the inbox ------------------------------------------------------------------------------------


def inbox_view_default(scope: StaffScope) -> str:
    """Officers start on their queue, operators on emergencies, Pemda-wide roles on all open."""
    if scope.pemda_wide or scope.is_superuser or not scope.agency_paths:
        return InboxView.OPEN
    if scope.roles == {Role.OPERATOR}:
        return InboxView.EMERGENCY
    return InboxView.QUEUE


def inbox_view_q(view: str, scope: StaffScope | InboxScope, *, now: datetime) -> Q:
    """The condition of one tab (on top of the visibility of ``case_visible_q``)."""
    agency_ids: Any = None
    if isinstance(scope, InboxScope):
        scope, agency_ids = scope.scope, scope.agency_ids
    is_open = Q(status__in=OPEN_STATUSES)
    mine = Q(assignee_id=scope.user_id) if scope.user_id else Q(pk__in=[])
    unassigned = Q(assignee__isnull=True)
    if scope.agency_paths:  # "unassigned in my agencies"; Pemda-wide roles: in the whole Pemda
        if agency_ids is None:
            agency_ids = _agency_ids_under(scope.agency_paths)
        unassigned &= Q(agency_id__in=agency_ids)
    recently = now - timedelta(days=CLOSED_RECENT_DAYS)
    conditions = {
        InboxView.QUEUE: is_open & (mine | unassigned),
        InboxView.MINE: is_open & mine,
        InboxView.UNASSIGNED: is_open & unassigned,
        InboxView.AT_RISK: _at_risk_q(now),
        InboxView.WAITING: Q(status=CaseStatus.WAITING_CITIZEN),
        InboxView.EMERGENCY: is_open & Q(priority=Priority.EMERGENCY),
        InboxView.OPEN: is_open,
        InboxView.CLOSED: Q(
            status__in=[CaseStatus.RESOLVED, CaseStatus.CLOSED], resolved_at__gte=recently
        ),
        InboxView.ALL: Q(),
    }
    return conditions.get(view, Q())


def _at_risk_q(now: datetime) -> Q:
    """``case_at_risk_q`` as the planner likes it: "overdue" is exactly "the current deadline
    has passed", which the deadline indexes of migration ``cases.0007`` estimate and serve, and
    only running clocks can be at risk (those indexes' predicate, spelled out)."""
    overdue = LessThan(current_deadline_expression(), Value(now))
    return Q(status__in=_RUNNING_STATUSES) & (case_warned_q() | Q(overdue))


def current_deadline_expression() -> Least:
    """The earliest deadline of a clock still running (the DB twin of ``case_current_deadline``);
    cases without one sort last."""

    def due(condition: Q, column: str) -> CaseWhen:
        return CaseWhen(
            When(condition & Q(**{f"{column}__isnull": False}), then=F(column)),
            default=Value(_NO_DEADLINE),
            output_field=DateTimeField(),
        )

    running = Q(status__in=_RUNNING_STATUSES)
    return Least(
        due(running & Q(first_response_at__isnull=True), "first_response_due_at"),
        due(Q(status=CaseStatus.NEW), "verification_due_at"),
        due(Q(status__in=_FOLLOWUP_STATUSES), "followup_due_at"),
        due(running, "resolution_due_at"),
    )


def case_current_deadline(case: Case) -> datetime | None:
    """The earliest deadline whose clock is running now (None when paused or finished)."""
    if case.status not in _RUNNING_STATUSES:
        return None
    candidates = [case.resolution_due_at]
    if case.first_response_at is None:
        candidates.append(case.first_response_due_at)
    if case.status == CaseStatus.NEW:
        candidates.append(case.verification_due_at)
    if case.status in _FOLLOWUP_STATUSES:
        candidates.append(case.followup_due_at)
    return min((moment for moment in candidates if moment is not None), default=None)


def _inbox_ordering(cases: QuerySet[Case], f: CaseFilters, *, now: datetime) -> QuerySet[Case]:
    sort = f.sort or (InboxSort.RELEVANCE if f.query else "")
    if sort == InboxSort.RELEVANCE and "search_rank" in cases.query.annotations:
        return cases.order_by(F("search_rank").desc(nulls_last=True), "-created_at", "-id")
    if sort == InboxSort.OLDEST:
        return cases.order_by("created_at", "id")
    if sort == InboxSort.DEADLINE or (not sort and f.view == InboxView.AT_RISK):
        # Ascending deadline puts overdue cases (deadline < now) first by itself.
        cases = cases.alias(deadline=current_deadline_expression())
        return cases.order_by("deadline", "id")
    return cases.order_by("-created_at", "-id")


def case_inbox_search(
    scope: StaffScope | InboxScope, filters: CaseFilters
) -> tuple[CaseFilters, bool]:
    """Resolve the search text once into the ids of the newest matches (see
    ``sigap.cases.search``) for the list and every tab count; also whether matches were cut."""
    if not filters.query or filters.search_ids is not None:
        return filters, False
    inbox = inbox_scope_for(scope)
    scope = inbox.scope
    masked = case_masked_q(scope)
    base = _apply_filters(
        Case.objects.filter(_inbox_visible_q(inbox)),
        replace(filters, query="", view=""),
        masked=masked,
    )
    only_agencies = not (scope.is_superuser or scope.pemda_wide or scope.operator_pemdas)
    ids, truncated = case_search_ids(
        base,
        filters.query,
        messages_visible=_messages_visible_q(inbox),
        # Agency staff only: the text indexes narrow by agency themselves.
        agency_ids=inbox.agency_ids if only_agencies else None,
        masked=masked,
    )
    return replace(filters, search_ids=tuple(ids)), truncated


# What an inbox row shows and needs (``sigap.console.views.inbox``): the list reads only these
# columns, not the related rows' JSON (a region's boundary alone is kilobytes per row).
INBOX_ROW_FIELDS = (
    "pemda_id", "tracking_number", "status", "priority", "channel", "title", "description",
    "is_anonymous", "created_at", "updated_at", "version", "assignee_id",
    "first_response_at", "first_response_due_at", "verification_due_at", "followup_due_at",
    "resolution_due_at", "sla_next_at",
    "agency__name", "agency__short_name", "agency__path",
    "category__name",
    "assignee__username", "assignee__full_name",
)  # fmt: skip


def case_inbox_for_user(
    scope: StaffScope | InboxScope, filters: CaseFilters, *, now: datetime | None = None
) -> QuerySet[Case]:
    """One tab of the inbox, filtered, searched (ranked by relevance) and sorted."""
    now = now or timezone.now()
    inbox = inbox_scope_for(scope)
    ranked = bool(filters.query) and filters.sort in ("", InboxSort.RELEVANCE)
    cases = (
        Case.objects.filter(_inbox_visible_q(inbox))
        .select_related("agency", "category", "assignee")
        .only(*INBOX_ROW_FIELDS)
    )
    cases = _apply_filters(cases, filters, masked=case_masked_q(inbox.scope), rank=ranked)
    if filters.view in InboxView.ALL_VIEWS:
        cases = cases.filter(inbox_view_q(filters.view, inbox, now=now))
    return _inbox_ordering(cases, filters, now=now)


def case_inbox_counts(
    scope: StaffScope | InboxScope,
    filters: CaseFilters,
    *,
    now: datetime | None = None,
    cap: int = COUNT_CAP,
) -> dict[str, int]:
    """Cases per tab under the current filters, each capped at ``cap + 1`` ("1000+").

    One query: every tab is a LIMIT-ed scalar subquery, so the cost is bounded by ``cap`` index
    entries per tab however many cases the Pemda has.
    """
    now = now or timezone.now()
    inbox = inbox_scope_for(scope)
    base = _apply_filters(
        Case.objects.filter(_inbox_visible_q(inbox)),
        replace(filters, view=""),
        masked=case_masked_q(inbox.scope),
    )
    parts, params = [], []
    for index, view in enumerate(InboxView.ALL_VIEWS):
        tab = base.filter(inbox_view_q(view, inbox, now=now)).order_by().values("id")[: cap + 1]
        try:
            sql, tab_params = tab.query.get_compiler(using=tab.db).as_sql()
        except EmptyResultSet:  # e.g. a search that matched nothing: no need to ask
            parts.append("0")
            continue
        # Only ORM-compiled SQL is spliced in; user input stays in ``params``.
        parts.append(f"(SELECT COUNT(*) FROM ({sql}) AS tab_{index})")  # noqa: S608
        params.extend(tab_params)
    with connections[base.db].cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), params)
        row = cursor.fetchone()
    return dict(zip(InboxView.ALL_VIEWS, row, strict=True))


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


def case_attachment_names(scope: StaffScope, case: Case) -> dict[int, str]:
    """Each attachment's file name (by id) as this viewer may read it. A citizen's file name
    often is their name or NIK ("KTP_Budi_Santoso.jpg"): a viewer who reads the case masked gets
    "lampiran-<n>.<type>" instead, numbered in upload order, on the page, the timeline, the
    API and the download alike."""
    masked = permissions.must_mask_personal_data(scope, case)
    rows = case.attachments.order_by("id").values_list("id", "original_name", "extension")
    return {
        attachment_id: name if name and not masked else _neutral_name(number, extension)
        for number, (attachment_id, name, extension) in enumerate(rows, start=1)
    }


def _neutral_name(number: int, extension: str) -> str:
    return _("lampiran-%(number)d.%(extension)s") % {"number": number, "extension": extension}


def attachment_event_name(event: CaseEvent, names: dict[int, str]) -> str:
    """The file name of an attachment event (whose ``to_value`` holds the original name) from
    ``case_attachment_names``; a neutral word when the attachment is unknown."""
    attachment_id = event.data.get("attachment_id") if isinstance(event.data, dict) else None
    name = names.get(attachment_id) if isinstance(attachment_id, int) else None
    return name or _("lampiran")


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
