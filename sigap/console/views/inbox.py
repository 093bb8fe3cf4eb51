"""The inbox: scoped case lists in tabs, filters, full-text search, saved views, live updates.

A full page for ordinary requests; for HTMX requests only the results partial (tabs with
counts, the table, the pager), and ``204 No Content`` to a poll whose ``since`` token still
matches what is on screen, so an idle inbox costs two indexed queries and no rendering.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast
from urllib.parse import quote

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, path, reverse
from django.utils import timezone
from django.utils.dates import MONTHS_3
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import Truncator
from django.utils.timesince import timesince, timeuntil
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sigap.agencies.models import User
from sigap.agencies.selectors import StaffScope, staff_scope_for_request, user_is_system_admin
from sigap.cases import permissions
from sigap.cases.models import Case, CaseStatus
from sigap.cases.search import SEARCH_LIMIT, case_find_by_tracking_number
from sigap.cases.selectors import (
    COUNT_CAP,
    CaseFilters,
    InboxScope,
    case_current_deadline,
    case_inbox_counts,
    case_inbox_for_user,
    case_inbox_search,
    case_list_for_user,
    inbox_scope_for,
    inbox_view_default,
)
from sigap.catalog.models import Priority
from sigap.console.forms.inbox import (
    MAX_PAGE,
    SORT_LABELS,
    VIEW_LABELS,
    InboxFilterForm,
    SavedViewForm,
)
from sigap.console.selectors import (
    inbox_options_for_scope,
    saved_view_list_for_user,
    saved_view_share_target,
)
from sigap.console.services import saved_view_create, saved_view_delete, saved_view_query_clean
from sigap.contacts.models import Channel
from sigap.core.errors import DomainError, NotFound
from sigap.core.templatetags.privacy import personal_data_masked

PAGE_SIZE = 50
POLL_SECONDS = 20
# The poll token changes at least this often, so "time left" labels do not go stale forever.
TOKEN_BUCKET_SECONDS = 300
_NOT_FILTERS = ("page", "since", "view")
_NUMBER_SLOT = "__tracking_number__"  # stands for the number in the case page URL
# Labels by value, built once (``get_FOO_display`` rebuilds a choices dict on every call).
_STATUS_LABELS = dict(CaseStatus.choices)
_PRIORITY_LABELS = dict(Priority.choices)
_CHANNEL_LABELS = dict(Channel.choices)


def _user(request: HttpRequest) -> User:
    """The logged-in staff member (the login middleware lets nobody else in)."""
    return cast(User, request.user)


@dataclass(frozen=True)
class InboxRow:
    """One case of the list with what its row shows, worked out here: 50 rows of template
    filters and lookups cost more than the queries of the page."""

    case: Case
    url: str
    masked: bool  # anonymous case read by an agency: personal data masked in the text
    title: str
    text: str
    status: str
    priority: str  # "" for normal priority (no badge)
    channel: str
    deadline: datetime | None
    overdue: bool
    due_text: str
    due_title: str
    created_iso: str
    created_text: str
    selectable: bool


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    scope = staff_scope_for_request(request)
    if scope.sees_nothing and request.user.is_staff and user_is_system_admin(request.user):
        # The system admin configures and reads no case: their work is in the admin.
        return redirect("admin:index")
    form = InboxFilterForm(request.GET, default_view=inbox_view_default(scope))
    filters = form.filters()
    if filters.query:
        target = case_find_by_tracking_number(case_list_for_user(scope), filters.query)
        if target is not None:
            return _redirect(request, reverse("console:case_detail", args=[target.tracking_number]))
    inbox_scope = inbox_scope_for(scope)  # the agency subtrees, once for every query below
    filters, truncated = case_inbox_search(inbox_scope, filters)
    inbox = _inbox_context(request, inbox_scope, form, filters, request.GET)
    inbox |= {"search_truncated": truncated, "search_limit": SEARCH_LIMIT}
    if _wants_partial(request):
        if request.GET.get("since") == inbox["token"]:
            return HttpResponse(status=204)
        return render(request, "console/partials/inbox_results.html", {**inbox, "oob": True})
    return _page(request, scope, form, inbox)


def _wants_partial(request: HttpRequest) -> bool:
    # A history restore (back button after hx-push-url) needs the whole page.
    return bool(request.headers.get("HX-Request")) and not request.headers.get(
        "HX-History-Restore-Request"
    )


def _redirect(request: HttpRequest, url: str) -> HttpResponse:
    if _wants_partial(request):
        response = HttpResponse()
        response["HX-Redirect"] = url
        return response
    return redirect(url)


def _inbox_context(
    request: HttpRequest,
    inbox_scope: InboxScope,
    form: InboxFilterForm,
    filters: CaseFilters,
    params: QueryDict,
) -> dict[str, Any]:
    now = timezone.now()
    scope = inbox_scope.scope
    offset = (form.page_number - 1) * PAGE_SIZE
    # One row more than a page tells whether there is a next page, without a COUNT(*).
    listed = case_inbox_for_user(inbox_scope, filters, now=now)
    cases = list(listed[offset : offset + PAGE_SIZE + 1])
    has_next = len(cases) > PAGE_SIZE
    cases = cases[:PAGE_SIZE]
    counts = case_inbox_counts(inbox_scope, filters, now=now)
    bulk_url = _bulk_url(request.path) if _works_cases(scope) else None
    case_url = reverse("console:case_detail", args=[_NUMBER_SLOT])  # once, not once per row
    token = _token(cases, counts, now)
    base = _query(params, drop=_NOT_FILTERS)
    view_part = f"view={filters.view}"
    home = reverse("console:home")
    return {
        "rows": [_row(scope, case, now, bulk_url is not None, case_url) for case in cases],
        "tabs": _tabs(counts, filters.view, f"{home}?{base}"),
        "current_view": filters.view,
        "current_view_label": VIEW_LABELS.get(filters.view, ""),
        "page_number": form.page_number,
        "previous_url": f"{home}?{_join(base, view_part, f'page={form.page_number - 1}')}"
        if form.page_number > 1
        else "",
        "next_url": f"{home}?{_join(base, view_part, f'page={form.page_number + 1}')}"
        if has_next and form.page_number < MAX_PAGE
        else "",
        "poll_url": f"{home}?{_join(_query(params, drop=('since',)), f'since={token}')}",
        "poll_seconds": POLL_SECONDS,
        "token": token,
        "bulk_url": bulk_url,
        "searching": bool(filters.query),
        "problems": _problems(form),
    }


def _row(scope: StaffScope, case: Case, now: datetime, bulk: bool, url: str) -> InboxRow:
    masked = permissions.must_mask_personal_data(scope, case)
    deadline = case_current_deadline(case)
    overdue = deadline is not None and deadline < now
    due_text = due_title = ""
    if deadline is not None and overdue:
        due_text = _("lewat %(time)s") % {"time": timesince(deadline, now)}
    elif deadline is not None:
        due_text = _("%(time)s lagi") % {"time": timeuntil(deadline, now)}
        due_title = _date_text(localtime(deadline))
    created = localtime(case.created_at)
    priority = _PRIORITY_LABELS.get(case.priority, case.priority)
    return InboxRow(
        case=case,
        url=url.replace(_NUMBER_SLOT, quote(case.tracking_number)),
        masked=masked,
        title=_shown(case.title, masked, 80),
        text=_shown(case.description, masked, 110),
        status=str(_STATUS_LABELS.get(case.status, case.status)),
        priority="" if case.priority == Priority.NORMAL else str(priority),
        channel=str(_CHANNEL_LABELS.get(case.channel, case.channel)),
        deadline=deadline,
        overdue=overdue,
        due_text=due_text,
        due_title=due_title,
        created_iso=created.isoformat(),
        created_text=_date_text(created),
        selectable=bulk and permissions.can_act(scope, case),
    )


def _shown(text: str, masked: bool, length: int) -> str:
    """Personal data masked first (a cut number must not slip through), then shortened like
    the ``truncatechars`` filter."""
    text = personal_data_masked(text, masked)
    return text if len(text) <= length else Truncator(text).chars(length)


def _date_text(moment: datetime) -> str:
    """``moment|date:"d M Y H:i"`` of a local time, without the template filter's machinery."""
    month = str(MONTHS_3[moment.month]).title()
    return f"{moment.day:02d} {month} {moment.year} {moment.hour:02d}:{moment.minute:02d}"


def _tabs(counts: dict[str, int], current: str, prefix: str) -> list[dict[str, Any]]:
    return [
        {
            "view": view,
            "label": label,
            "count": f"{COUNT_CAP}+" if counts[view] > COUNT_CAP else str(counts[view]),
            "url": prefix + ("&" if not prefix.endswith("?") else "") + f"view={view}",
            "active": view == current,
        }
        for view, label in VIEW_LABELS.items()
    ]


def _token(cases: list[Case], counts: dict[str, int], now: datetime) -> str:
    """What the page shows, hashed: rows and their versions, deadlines, the counts, and a
    coarse clock bucket."""
    digest = hashlib.blake2b(digest_size=8)
    digest.update(repr(sorted(counts.items())).encode())
    digest.update(str(int(now.timestamp()) // TOKEN_BUCKET_SECONDS).encode())
    for case in cases:
        digest.update(
            repr(
                (case.pk, case.version, case.status, case.assignee_id, case.priority,
                 case.sla_next_at, case.first_response_at, case.updated_at)
            ).encode()
        )  # fmt: skip
    return digest.hexdigest()


def _query(params: QueryDict, *, drop: tuple[str, ...]) -> str:
    kept = params.copy()
    for key in drop:
        kept.pop(key, None)
    return kept.urlencode()


def _join(*parts: str) -> str:
    return "&".join(part for part in parts if part)


def _problems(form: InboxFilterForm) -> list[str]:
    return [
        f"{form.fields[name].label}: {' '.join(str(error) for error in errors)}"
        for name, errors in form.errors.items()
        if name in form.fields
    ] + [str(error) for error in form.non_field_errors()]


def _works_cases(scope: StaffScope) -> bool:
    """Anyone but a read-only role (leaders) may act on some cases."""
    return bool(
        scope.is_superuser or scope.reveal_reporter_pemdas or scope.operator_pemdas
    ) or bool(scope.agency_paths)


def _bulk_url(inbox_path: str) -> str | None:
    """The bulk-action URL, relative to the inbox when it lives below it: the page then holds
    no absolute case URL but the rows' own links (which tests and scrapers count)."""
    try:
        url = reverse("console:case_bulk")
    except NoReverseMatch:  # the bulk actions are not installed (yet)
        return None
    return (
        url[len(inbox_path) :] if url.startswith(inbox_path) and inbox_path.endswith("/") else url
    )


def _page(
    request: HttpRequest,
    scope: StaffScope,
    form: InboxFilterForm,
    inbox: dict[str, Any],
    *,
    saved_view_form: SavedViewForm | None = None,
    status: int = 200,
) -> HttpResponse:
    query = saved_view_query_clean(request.GET.urlencode())
    context = {
        **inbox,
        "form": form,
        "values": {name: form.data.get(name, "") for name in form.fields},
        "options": inbox_options_for_scope(scope),
        "statuses": CaseStatus.choices,
        "priorities": Priority.choices,
        "channels": Channel.choices,
        "sorts": list(SORT_LABELS.items()),
        "saved_views": saved_view_list_for_user(_user(request)),
        "saved_view_form": saved_view_form or SavedViewForm(initial={"query": query}),
        "current_url": request.get_full_path(),
        "sees_nothing": scope.sees_nothing,
    }
    return render(request, "console/home.html", context, status=status)


@require_POST
def saved_view_create_view(request: HttpRequest) -> HttpResponse:
    form = SavedViewForm(request.POST)
    form.is_valid()
    data = form.cleaned_data
    query = saved_view_query_clean(data.get("query") or "")
    shared_with = saved_view_share_target(_user(request)) if data.get("share") else None
    try:
        saved = saved_view_create(
            owner=_user(request), name=data.get("name") or "", query=query, shared_with=shared_with
        )
    except DomainError as error:
        # Show the inbox the user was looking at, with the form and its error: nothing lost.
        form.add_error("name", error.message)
        request.GET = QueryDict(query)
        scope = staff_scope_for_request(request)
        filters_form = InboxFilterForm(request.GET, default_view=inbox_view_default(scope))
        inbox_scope = inbox_scope_for(scope)
        filters, _cut = case_inbox_search(inbox_scope, filters_form.filters())
        inbox = _inbox_context(request, inbox_scope, filters_form, filters, request.GET)
        return _page(request, scope, filters_form, inbox, saved_view_form=form, status=400)
    messages.success(request, _("Tampilan «%(name)s» disimpan.") % {"name": saved.name})
    return redirect(reverse("console:home") + (f"?{saved.query}" if saved.query else ""))


@require_POST
def saved_view_delete_view(request: HttpRequest, view_id: int) -> HttpResponse:
    try:
        saved_view_delete(view_id=view_id, actor=_user(request))
    except NotFound as error:
        raise Http404(error.message) from error
    messages.success(request, _("Tampilan dihapus."))
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("console:home")
    return redirect(target)


urlpatterns = [
    path("", home, name="home"),
    path("tampilan/", saved_view_create_view, name="saved_view_create"),
    path("tampilan/<int:view_id>/hapus/", saved_view_delete_view, name="saved_view_delete"),
]
