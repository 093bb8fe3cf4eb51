"""Who may see what: every scoped read in Sigap starts from ``staff_scope``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest

from sigap.agencies.models import (
    Agency,
    AgencyKind,
    ApiToken,
    DutyKind,
    DutyOverride,
    DutyShift,
    Membership,
    Pemda,
    Role,
    User,
)

if TYPE_CHECKING:
    from sigap.sla.calendar import BusinessCalendar as BusinessCalendarClock

# Roles that read every case of their Pemda.
PEMDA_WIDE_ROLES = {Role.COORDINATOR, Role.LEADER}


@dataclass(frozen=True)
class StaffScope:
    """The case-visibility rights of one staff member, computed once per request."""

    user_id: int | None
    is_superuser: bool = False
    # Pemdas where the user reads every case (coordinator, leader).
    pemda_wide: frozenset[int] = frozenset()
    # Pemdas where the user may reveal anonymous reporters (coordinator only).
    reveal_reporter_pemdas: frozenset[int] = frozenset()
    # Pemdas where the user is command-center operator (sees every emergency).
    operator_pemdas: frozenset[int] = frozenset()
    # Materialised paths of agencies whose subtree the user works in.
    agency_paths: tuple[str, ...] = ()
    agency_ids: frozenset[int] = frozenset()
    roles: frozenset[str] = field(default_factory=frozenset)

    @property
    def sees_nothing(self) -> bool:
        return not (
            self.is_superuser or self.pemda_wide or self.operator_pemdas or self.agency_paths
        )

    def can_reveal_reporter(self, pemda_id: int) -> bool:
        return self.is_superuser or pemda_id in self.reveal_reporter_pemdas

    def is_coordinator_of(self, pemda_id: int) -> bool:
        return self.is_superuser or pemda_id in self.reveal_reporter_pemdas

    @property
    def can_triage(self) -> bool:
        """The coordinator's triage queue (verification, holds, privacy review) is theirs alone."""
        return self.is_superuser or bool(self.reveal_reporter_pemdas)


def staff_scope(user: User | AnonymousUser | None) -> StaffScope:
    if user is None or not user.is_authenticated or not user.is_active:
        return StaffScope(user_id=None)
    memberships = list(
        Membership.objects.filter(user_id=user.pk, agency__is_active=True).select_related("agency")
    )
    pemda_wide = {m.agency.pemda_id for m in memberships if m.role in PEMDA_WIDE_ROLES}
    coordinator = {m.agency.pemda_id for m in memberships if m.role == Role.COORDINATOR}
    operator = {m.agency.pemda_id for m in memberships if m.role == Role.OPERATOR}
    agency_members = [
        m for m in memberships if m.role in {Role.AGENCY_ADMIN, Role.AGENCY_OFFICER, Role.OPERATOR}
    ]
    return StaffScope(
        user_id=user.pk,
        is_superuser=bool(user.is_superuser),
        pemda_wide=frozenset(pemda_wide),
        reveal_reporter_pemdas=frozenset(coordinator),
        operator_pemdas=frozenset(operator),
        agency_paths=tuple(sorted({m.agency.path for m in agency_members})),
        agency_ids=frozenset(m.agency_id for m in agency_members),
        roles=frozenset(m.role for m in memberships),
    )


def staff_scope_for_request(request: HttpRequest) -> StaffScope:
    """The signed-in user's scope, read once per request: the view and the navigation bar
    (``sigap.console.context_processors``) share it."""
    scope = getattr(request, "_sigap_staff_scope", None)
    if not isinstance(scope, StaffScope) or scope.user_id != request.user.pk:
        scope = staff_scope(request.user)
        setattr(request, "_sigap_staff_scope", scope)  # noqa: B010 (HttpRequest has no such slot)
    return scope


def agency_subtree_q(paths: tuple[str, ...], field_prefix: str = "") -> Q:
    """Q matching agencies (or rows pointing at them via ``field_prefix``) under any path."""
    query = Q(pk__in=[])
    for path in paths:
        query |= Q(**{f"{field_prefix}path__startswith": path})
    return query


def agency_list_for_scope(scope: StaffScope) -> QuerySet[Agency]:
    """Agencies whose work the user may see (for filters and assignment pickers)."""
    agencies = Agency.objects.filter(is_active=True)
    if scope.is_superuser:
        return agencies
    query = Q(pemda_id__in=scope.pemda_wide | scope.operator_pemdas) | agency_subtree_q(
        scope.agency_paths
    )
    return agencies.filter(query)


def staff_list_for_agency(agency: Agency) -> QuerySet[User]:
    """Active staff who work in this agency (to assign cases to)."""
    return (
        User.objects.filter(
            is_active=True,
            memberships__agency=agency,
            memberships__role__in=[Role.AGENCY_ADMIN, Role.AGENCY_OFFICER, Role.OPERATOR],
        )
        .distinct()
        .order_by("full_name", "username")
    )


def api_token_list_for_user(user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("-created_at")


# --- who may manage which staff accounts (the Django admin) ---------------------------------------

# The roles an agency admin may hand out inside their own subtree. Every other role reads across
# the Pemda or configures it, so only a system administrator grants it: otherwise an agency admin
# could make anyone, themselves included, coordinator.
DELEGABLE_ROLES = frozenset({Role.AGENCY_OFFICER, Role.AGENCY_ADMIN})


@dataclass(frozen=True)
class StaffAuthority:
    """What one admin-site user may do to staff accounts and memberships."""

    # System administrators (and superusers) manage every account and grant every role.
    unrestricted: bool
    # Otherwise: the subtrees where the user is agency admin (officer rights elsewhere give
    # no say over other people's accounts).
    agency_paths: tuple[str, ...] = ()

    def covers(self, agency: Agency) -> bool:
        return self.unrestricted or any(agency.path.startswith(p) for p in self.agency_paths)

    def may_grant(self, role: str) -> bool:
        return self.unrestricted or role in DELEGABLE_ROLES


def user_is_system_admin(user: User | AnonymousUser) -> bool:
    if user.is_superuser:
        return True
    return bool(
        user.is_authenticated
        and Membership.objects.filter(user_id=user.pk, role=Role.SYSTEM_ADMIN).exists()
    )


def staff_authority(user: User | AnonymousUser) -> StaffAuthority:
    if user_is_system_admin(user):
        return StaffAuthority(unrestricted=True)
    if not user.is_authenticated or not user.is_active:
        return StaffAuthority(unrestricted=False)
    paths = Membership.objects.filter(
        user_id=user.pk, role=Role.AGENCY_ADMIN, agency__is_active=True
    ).values_list("agency__path", flat=True)
    return StaffAuthority(unrestricted=False, agency_paths=tuple(sorted(set(paths))))


def staff_list_managed(authority: StaffAuthority) -> QuerySet[User]:
    """Accounts with a membership in the authority's subtrees (what its admin lists show)."""
    users = User.objects.all()
    if authority.unrestricted:
        return users
    return users.filter(
        agency_subtree_q(authority.agency_paths, "memberships__agency__")
    ).distinct()


def staff_list_editable(authority: StaffAuthority) -> QuerySet[User]:
    """Managed accounts the authority may change: never a superuser, and only when every
    membership of the account is a delegable role inside the authority's subtrees. An account
    with any right beyond that (a coordinator who also helps out in the agency) belongs to a
    system administrator, or editing it (its password above all) would take over those rights."""
    if authority.unrestricted:
        return User.objects.all()
    within = agency_subtree_q(authority.agency_paths, "agency__") & Q(role__in=DELEGABLE_ROLES)
    beyond = Membership.objects.exclude(within).values("user_id")
    return staff_list_managed(authority).filter(is_superuser=False).exclude(pk__in=beyond)


# --- standby rosters (piket) ----------------------------------------------------------------------

_DAY = 24 * 3600
_WEEK = 7 * _DAY


@dataclass(frozen=True)
class RosterClock:
    """An agency's wall clock (its calendar's time zone) and office hours."""

    tz: ZoneInfo
    calendar: BusinessCalendarClock

    def local(self, at: datetime) -> datetime:
        return at.astimezone(self.tz)

    def in_office_hours(self, at: datetime) -> bool:
        """Open now, or in a break (lunch, Friday prayer) between two openings of the same day.

        The after-hours officer takes over after closing and on days off, not at lunch.
        """
        day = self.local(at).date()
        if not self.calendar.is_working_day(day):
            return False
        day_start = datetime.combine(day, time.min, tzinfo=self.tz)
        first_opening = self.calendar.next_opening(day_start)
        return first_opening <= at and self.local(self.calendar.next_opening(at)).date() == day


@lru_cache(maxsize=16)
def _national_calendar(tz_name: str) -> BusinessCalendarClock:
    from sigap.sla.calendar import indonesian_calendar

    return indonesian_calendar(tz=tz_name)


def roster_clock(agency: Agency) -> RosterClock:
    """The calendar of the agency or its nearest ancestor; else national hours in the Pemda's
    time zone (a WITA Pemda without calendars still keeps WITA office hours)."""
    from sigap.sla.selectors import agency_lineage, calendar_for

    lineage = agency_lineage(agency)
    rows = {
        row.pk: row
        for row in Agency.objects.filter(pk__in=lineage, calendar__isnull=False).select_related(
            "calendar"
        )
    }
    for agency_id in reversed(lineage):
        row = rows[agency_id].calendar if agency_id in rows else None
        if row is not None:
            return RosterClock(tz=ZoneInfo(row.timezone), calendar=calendar_for(row))
    tz_name = Pemda.objects.values_list("timezone", flat=True).get(pk=agency.pemda_id)
    return RosterClock(tz=ZoneInfo(tz_name), calendar=_national_calendar(tz_name))


def _seconds(value: time) -> int:
    return value.hour * 3600 + value.minute * 60 + value.second


def shift_span(weekday: int, starts_at: time, ends_at: time) -> tuple[int, int]:
    """The slot as seconds since Monday 00:00, ``[start, end)``; overnight slots end next day."""
    start = weekday * _DAY + _seconds(starts_at)
    end = weekday * _DAY + _seconds(ends_at)
    return start, end + _DAY if end <= start else end


def shift_covers(shift: DutyShift, local: datetime) -> bool:
    start, end = shift_span(shift.weekday, shift.starts_at, shift.ends_at)
    moment = local.weekday() * _DAY + _seconds(local.time())
    # Sunday's night slot runs into Monday morning, the start of the next week.
    return start <= moment < end or start <= moment + _WEEK < end


def spans_overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two weekly slots overlap, the week wrapping around from Sunday to Monday."""
    return any(a[0] < b[1] + shift and b[0] + shift < a[1] for shift in (-_WEEK, 0, _WEEK))


def on_duty_kind(agency: Agency, at: datetime, *, clock: RosterClock | None = None) -> str:
    """``office`` or ``after_hours``: which roster is in force at ``at``."""
    in_office = (clock or roster_clock(agency)).in_office_hours(at)
    return DutyKind.OFFICE if in_office else DutyKind.AFTER_HOURS


def on_duty_staff(agency: Agency, at: datetime, *, clock: RosterClock | None = None) -> list[User]:
    """Who answers this agency's cases at ``at``, by its standby roster (piket).

    During office hours (the agency's business calendar, lunch breaks included) the office
    shifts apply; outside them, on weekends and holidays, the after-hours duty officers do.
    An agency that keeps no roster of the needed kind falls back to every active officer and
    admin, so nobody silently misses a case. Absences (leave, sick) always take a person off.
    """
    clock = clock or roster_clock(agency)
    kind = DutyKind.OFFICE if clock.in_office_hours(at) else DutyKind.AFTER_HOURS
    overrides = list(
        DutyOverride.objects.filter(agency=agency, starts_at__lte=at, ends_at__gt=at).only(
            "user_id", "kind", "is_absence"
        )
    )
    absent = {o.user_id for o in overrides if o.is_absence}
    extra = {o.user_id for o in overrides if not o.is_absence and o.kind == kind}
    shifts = DutyShift.objects.filter(agency=agency, kind=kind).only(
        "user_id", "weekday", "starts_at", "ends_at"
    )
    shift_list = list(shifts)
    if not shift_list and not extra:
        fallback = User.objects.filter(
            is_active=True,
            memberships__agency=agency,
            memberships__role__in=[Role.AGENCY_ADMIN, Role.AGENCY_OFFICER],
        ).distinct()
        return [
            user for user in fallback.order_by("full_name", "username") if user.pk not in absent
        ]
    local = clock.local(at)
    on = {s.user_id for s in shift_list if shift_covers(s, local)} | extra
    return [user for user in staff_list_for_agency(agency) if user.pk in on - absent]


# --- the roster page ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RosterAgency:
    agency: Agency
    can_manage: bool


def roster_agencies_for_user(user: User) -> list[RosterAgency]:
    """Agencies whose roster the user sees: their own (admins manage, officers read); every
    agency of their Pemda for the coordinator and leaders (read, to know whom to call) and
    for Diskominfo's system admins (manage)."""
    found: dict[int, RosterAgency] = {}
    memberships = Membership.objects.filter(user_id=user.pk, agency__is_active=True)
    pemda_wide: dict[int, bool] = {}  # pemda id -> may manage
    for membership in memberships.select_related("agency").order_by("agency__path"):
        pemda_id = membership.agency.pemda_id
        if membership.role == Role.SYSTEM_ADMIN:
            pemda_wide[pemda_id] = True
        elif membership.role in PEMDA_WIDE_ROLES:
            pemda_wide.setdefault(pemda_id, False)
        else:
            previous = found.get(membership.agency_id)
            manage = membership.role == Role.AGENCY_ADMIN or bool(previous and previous.can_manage)
            found[membership.agency_id] = RosterAgency(membership.agency, manage)
    if pemda_wide or user.is_superuser:
        everything = Agency.objects.filter(is_active=True).exclude(kind=AgencyKind.EXTERNAL)
        if not user.is_superuser:
            everything = everything.filter(pemda_id__in=pemda_wide)
        for agency in everything.order_by("pemda_id", "path"):
            manage = user.is_superuser or pemda_wide.get(agency.pemda_id, False)
            own = found.get(agency.pk)
            found[agency.pk] = RosterAgency(agency, manage or bool(own and own.can_manage))
    return sorted(found.values(), key=lambda item: (item.agency.pemda_id, item.agency.path))


@dataclass(frozen=True)
class RosterEntry:
    user: User
    starts: time
    ends: time
    kind: str
    overnight: bool = False
    shift_id: int | None = None
    override_id: int | None = None
    is_absence: bool = False
    note: str = ""


@dataclass(frozen=True)
class RosterDay:
    day: date
    entries: list[RosterEntry]
    is_today: bool
    is_working_day: bool


def roster_week(
    agency: Agency, week_start: date, today: date, *, clock: RosterClock | None = None
) -> list[RosterDay]:
    """Seven days from ``week_start`` (a Monday, local time): weekly slots and overrides."""
    clock = clock or roster_clock(agency)
    shifts = list(
        DutyShift.objects.filter(agency=agency)
        .select_related("user")
        .order_by("weekday", "starts_at", "id")
    )
    week_begins = datetime.combine(week_start, time.min, tzinfo=clock.tz)
    overrides = list(
        DutyOverride.objects.filter(
            agency=agency, starts_at__lt=week_begins + timedelta(days=7), ends_at__gt=week_begins
        )
        .select_related("user")
        .order_by("starts_at", "id")
    )
    days = []
    for offset in range(7):
        day = week_start + timedelta(days=offset)
        entries = [_shift_entry(s) for s in shifts if s.weekday == day.weekday()]
        entries += [_override_entry(o, day, clock.tz) for o in overrides if _touches(o, day, clock)]
        days.append(RosterDay(day, entries, day == today, clock.calendar.is_working_day(day)))
    return days


def _shift_entry(shift: DutyShift) -> RosterEntry:
    return RosterEntry(
        user=shift.user, starts=shift.starts_at, ends=shift.ends_at, kind=shift.kind,
        overnight=shift.is_overnight, shift_id=shift.pk,
    )  # fmt: skip


def _touches(override: DutyOverride, day: date, clock: RosterClock) -> bool:
    begins = datetime.combine(day, time.min, tzinfo=clock.tz)
    return override.starts_at < begins + timedelta(days=1) and override.ends_at > begins


def _override_entry(override: DutyOverride, day: date, tz: ZoneInfo) -> RosterEntry:
    starts, ends = override.starts_at.astimezone(tz), override.ends_at.astimezone(tz)
    return RosterEntry(
        user=override.user,
        starts=starts.time() if starts.date() == day else time.min,
        ends=ends.time() if ends.date() == day else time.max.replace(microsecond=0),
        kind=override.kind,
        override_id=override.pk,
        is_absence=override.is_absence,
        note=override.note,
    )


@dataclass(frozen=True)
class RosterMemberRow:
    user: User
    open_cases: int
    own_cap: int | None
    cap: int
    last_assigned_at: datetime | None
    on_duty: bool


def roster_member_rows(
    agency: Agency, *, default_cap: int, on_duty_ids: set[int]
) -> list[RosterMemberRow]:
    """The agency's staff with their open assigned cases, caps and round-robin position."""
    from sigap.agencies.models import RosterMember
    from sigap.cases.models import OPEN_STATUSES, Case

    staff = list(staff_list_for_agency(agency))
    members = {m.user_id: m for m in RosterMember.objects.filter(agency=agency)}
    counts = dict(
        Case.objects.filter(agency=agency, status__in=OPEN_STATUSES, assignee__isnull=False)
        .values_list("assignee_id")
        .annotate(n=Count("id"))
        .values_list("assignee_id", "n")
    )
    rows = []
    for user in staff:
        member = members.get(user.pk)
        own = member.case_cap if member else None
        rows.append(
            RosterMemberRow(
                user=user,
                open_cases=counts.get(user.pk, 0),
                own_cap=own,
                cap=default_cap if own is None else own,
                last_assigned_at=member.last_assigned_at if member else None,
                on_duty=user.pk in on_duty_ids,
            )
        )
    return rows
