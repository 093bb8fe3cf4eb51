"""Reads for the SLA engine: calendars as clock objects, the policy of a case, recipients,
notifications, and the inbox predicates for cases at risk or overdue."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from functools import lru_cache

from django.db.models import Q, QuerySet

from sigap.agencies.models import Agency, Membership, Role, User
from sigap.cases.models import OPEN_STATUSES, Case, CaseStatus
from sigap.sla import calendar
from sigap.sla.calendar import Pause
from sigap.sla.models import (
    BusinessCalendar,
    EscalationRole,
    SlaNotification,
    SlaPause,
    SlaPolicy,
    SlaRule,
)

DEFAULT_FIRST_RESPONSE_MINUTES = 15


def _schedule(rows: dict[str, list[list[str]]]) -> dict[int, list[tuple[str, str]]]:
    return {int(day): [(start, end) for start, end in spans] for day, spans in rows.items()}


@lru_cache(maxsize=256)
def _calendar_cached(
    calendar_id: int, version: str
) -> calendar.BusinessCalendar:  # version busts the cache on edits
    row = BusinessCalendar.objects.get(pk=calendar_id)
    return _calendar_from_row(row)


def _calendar_from_row(row: BusinessCalendar) -> calendar.BusinessCalendar:
    if row.always_open:
        return calendar.ALWAYS_OPEN
    if row.use_national_holidays:
        return calendar.indonesian_calendar(
            tz=row.timezone,
            schedule=_schedule(row.schedule),
            extra_closed=row.extra_closed_dates,
            extra_open=row.extra_open_dates,
        )
    return calendar.BusinessCalendar.from_data(
        tz_name=row.timezone,
        schedule=_schedule(row.schedule),
        holidays=row.extra_closed_dates,
        extra_open=row.extra_open_dates,
    )


def calendar_for(row: BusinessCalendar | None) -> calendar.BusinessCalendar:
    if row is None:
        return calendar.indonesian_calendar()
    version = f"{row.timezone}|{row.always_open}|{row.schedule}|{row.extra_closed_dates}|" + (
        f"{row.extra_open_dates}|{row.use_national_holidays}"
    )
    return _calendar_cached(row.pk, version)


def calendar_for_agency(agency: Agency | None) -> calendar.BusinessCalendar:
    """The agency's calendar, else its nearest ancestor's, else the national office calendar.

    One query over the materialised path instead of one per tree level.
    """
    if agency is None:
        return calendar_for(None)
    lineage = agency_lineage(agency)
    if not lineage or lineage[-1] != agency.pk:  # path not maintained: walk the parents
        node: Agency | None = agency
        while node is not None:
            if node.calendar_id:
                return calendar_for(node.calendar)
            node = node.parent
        return calendar_for(None)
    with_calendar = {
        row.pk: row
        for row in Agency.objects.filter(pk__in=lineage, calendar__isnull=False).select_related(
            "calendar"
        )
    }
    for agency_id in reversed(lineage):
        if agency_id in with_calendar:
            return calendar_for(with_calendar[agency_id].calendar)
    return calendar_for(None)


def first_response_minutes(policy: SlaPolicy | None) -> int:
    return policy.first_response_minutes if policy else DEFAULT_FIRST_RESPONSE_MINUTES


# --- policy selection -----------------------------------------------------------------------------


def sla_policy_default() -> SlaPolicy:
    """The built-in LAPOR! policy (15 minutes, 3/5 working days, 14 days, close after 10)."""
    return SlaPolicy(code="bawaan", name="Bawaan (LAPOR!)")


def sla_rule_list_for_pemda(pemda_id: int) -> list[SlaRule]:
    return list(SlaRule.objects.filter(pemda_id=pemda_id).select_related("policy"))


def agency_lineage(agency: Agency | None) -> tuple[int, ...]:
    """The agency's id and its ancestors' ids, root first (from the materialised path)."""
    if agency is None:
        return ()
    ids = tuple(int(part) for part in agency.path.strip("/").split("/") if part)
    return ids or (agency.pk,)


def sla_policy_select(
    rules: Iterable[SlaRule],
    *,
    category_id: int | None,
    lineage: tuple[int, ...],
    priority: str,
    category_policy: SlaPolicy | None,
) -> SlaPolicy:
    """The most specific matching rule's policy; else the category's; else the default.

    Specificity is (category, agency, priority) in that order of weight, so a category rule
    beats an agency+priority rule; among agency rules the one on the nearer unit wins; then
    the lower ``order``, then the older rule.
    """
    best: tuple[tuple[int, ...], SlaRule] | None = None
    for rule in rules:
        if rule.category_id is not None and rule.category_id != category_id:
            continue
        if rule.agency_id is not None and rule.agency_id not in lineage:
            continue
        if rule.priority and rule.priority != priority:
            continue
        depth = lineage.index(rule.agency_id) + 1 if rule.agency_id is not None else 0
        key = (
            int(rule.category_id is not None),
            int(rule.agency_id is not None),
            int(bool(rule.priority)),
            depth,
            -rule.order,
            -rule.pk,
        )
        if best is None or key > best[0]:
            best = (key, rule)
    if best is not None:
        return best[1].policy
    return category_policy or sla_policy_default()


def sla_policy_for_case(case: Case, rules: Iterable[SlaRule] | None = None) -> SlaPolicy:
    category = case.category if case.category_id else None
    return sla_policy_select(
        sla_rule_list_for_pemda(case.pemda_id) if rules is None else rules,
        category_id=case.category_id,
        lineage=agency_lineage(case.agency if case.agency_id else None),
        priority=case.priority,
        category_policy=category.sla_policy if category is not None else None,
    )


# --- pauses ---------------------------------------------------------------------------------------


def pauses_for_cases(case_ids: Iterable[int]) -> dict[int, tuple[Pause, ...]]:
    found: dict[int, list[Pause]] = defaultdict(list)
    rows = SlaPause.objects.filter(case_id__in=list(case_ids)).order_by("case_id", "started_at")
    for case_id, started_at, ended_at in rows.values_list("case_id", "started_at", "ended_at"):
        found[case_id].append((started_at, ended_at))
    return {case_id: tuple(pauses) for case_id, pauses in found.items()}


# --- the sweeper's per-run cache ------------------------------------------------------------------


class SlaContext:
    """Policies, rules, calendars and staff of the Pemdas one sweep touches, loaded once each."""

    def __init__(self) -> None:
        self._policies: dict[int, SlaPolicy] | None = None
        self._rules: dict[int, list[SlaRule]] = {}
        self._agencies: dict[int, dict[int, Agency]] = {}
        self._staff: dict[int, dict[tuple[int | None, str], list[int]]] = {}

    def policy_for(self, case: Case) -> SlaPolicy:
        if self._policies is None:
            self._policies = {policy.pk: policy for policy in SlaPolicy.objects.all()}
        if case.pemda_id not in self._rules:
            self._rules[case.pemda_id] = sla_rule_list_for_pemda(case.pemda_id)
        category = case.category if case.category_id else None
        category_policy = (
            self._policies.get(category.sla_policy_id)
            if category is not None and category.sla_policy_id
            else None
        )
        return sla_policy_select(
            self._rules[case.pemda_id],
            category_id=case.category_id,
            lineage=agency_lineage(case.agency if case.agency_id else None),
            priority=case.priority,
            category_policy=category_policy,
        )

    def _agencies_of(self, pemda_id: int) -> dict[int, Agency]:
        if pemda_id not in self._agencies:
            rows = Agency.objects.filter(pemda_id=pemda_id).select_related("calendar")
            self._agencies[pemda_id] = {agency.pk: agency for agency in rows}
        return self._agencies[pemda_id]

    def calendar_for(self, case: Case) -> calendar.BusinessCalendar:
        """``calendar_for_agency`` for the case's agency, walking the tree in memory."""
        agencies = self._agencies_of(case.pemda_id)
        for agency_id in reversed(agency_lineage(case.agency if case.agency_id else None)):
            agency = agencies.get(agency_id)
            if agency is not None and agency.calendar_id:
                return calendar_for(agency.calendar)
        return calendar_for(None)

    def _staff_of(self, pemda_id: int) -> dict[tuple[int | None, str], list[int]]:
        """Active members by (agency id, role); Pemda-wide roles under (None, role)."""
        if pemda_id not in self._staff:
            staff: dict[tuple[int | None, str], list[int]] = defaultdict(list)
            rows = Membership.objects.filter(
                agency__pemda_id=pemda_id, user__is_active=True, agency__is_active=True
            ).order_by("user_id")
            for agency_id, role, user_id in rows.values_list("agency_id", "role", "user_id"):
                staff[(agency_id, role)].append(user_id)
                staff[(None, "*")].append(user_id)
                if role in (Role.COORDINATOR, Role.LEADER):
                    staff[(None, role)].append(user_id)
            self._staff[pemda_id] = staff
        return self._staff[pemda_id]

    def recipients(self, case: Case, role: str) -> list[int]:
        """Who hears about a step at ``role``; nobody there means the coordinators do."""
        found = self._recipients(case, role)
        if not found and role != EscalationRole.COORDINATOR:
            found = self._recipients(case, EscalationRole.COORDINATOR)
        return sorted(set(found))

    def _recipients(self, case: Case, role: str) -> list[int]:
        staff = self._staff_of(case.pemda_id)
        agency_id = case.agency_id
        if role == EscalationRole.ASSIGNEE:
            if case.assignee_id and case.assignee_id in staff.get((None, "*"), ()):
                return [case.assignee_id]
            # Unassigned: the agency's standby officers share the inbox, so all of them hear.
            return staff.get((agency_id, Role.AGENCY_OFFICER), []) + staff.get(
                (agency_id, Role.OPERATOR), []
            ) or staff.get((agency_id, Role.AGENCY_ADMIN), [])
        if role == EscalationRole.AGENCY_ADMIN:
            # The head of the unit, else of the OPD above it.
            for ancestor in reversed(agency_lineage(case.agency if agency_id else None)):
                if admins := staff.get((ancestor, Role.AGENCY_ADMIN)):
                    return admins
            return []
        return staff.get((None, role), [])


# --- the console ----------------------------------------------------------------------------------


def sla_notification_list_for_user(
    user: User, *, unread_only: bool = False
) -> QuerySet[SlaNotification]:
    notifications = SlaNotification.objects.filter(recipient=user).select_related("case")
    return notifications.filter(read_at__isnull=True) if unread_only else notifications


def sla_notification_unread_count(user: User) -> int:
    return SlaNotification.objects.filter(recipient=user, read_at__isnull=True).count()


_FOLLOWUP_STATUSES = [CaseStatus.VERIFIED, CaseStatus.IN_PROGRESS]
_RUNNING_STATUSES = [status for status in OPEN_STATUSES if status != CaseStatus.WAITING_CITIZEN]


def case_overdue_q(now: datetime) -> Q:
    """Cases with a running clock past its deadline (paused cases are not overdue)."""
    return (
        Q(status__in=_RUNNING_STATUSES, first_response_at__isnull=True)
        & Q(first_response_due_at__lt=now)
        | Q(status=CaseStatus.NEW, verification_due_at__lt=now)
        | Q(status__in=_FOLLOWUP_STATUSES, followup_due_at__lt=now)
        | Q(status__in=_RUNNING_STATUSES, resolution_due_at__lt=now)
    )


def case_warned_q() -> Q:
    """Cases warned (or escalated) about on a clock that is still running."""
    return (
        Q(status__in=_RUNNING_STATUSES, first_response_at__isnull=True)
        & Q(first_response_sla_level__gte=1)
        | Q(status=CaseStatus.NEW, verification_sla_level__gte=1)
        | Q(status__in=_FOLLOWUP_STATUSES, followup_sla_level__gte=1)
        | Q(status__in=_RUNNING_STATUSES, resolution_sla_level__gte=1)
    )


def case_at_risk_q(now: datetime) -> Q:
    """Overdue cases and cases warned (or escalated) about on a clock that is still running."""
    return case_warned_q() | case_overdue_q(now)
