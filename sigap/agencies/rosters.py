"""Standby rosters (piket): duty shifts, caps, round-robin auto-assignment and rebalancing.

Who is on duty is a read (``sigap.agencies.selectors.on_duty_staff``); this module holds the
writes. Auto-assignment is opt-in per agency (``RosterSetting.autoassign``): many OPD work a
shared inbox where officers claim cases themselves, and that must keep working unchanged.

Fairness: among the on-duty staff under their cap, the one with the fewest open cases in the
agency gets the case; ties go to whoever was auto-assigned longest ago (round robin).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, time

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from sigap.agencies.models import (
    Agency,
    DutyKind,
    DutyOverride,
    DutyShift,
    Role,
    RosterMember,
    RosterSetting,
    User,
)
from sigap.agencies.selectors import on_duty_staff, shift_span, spans_overlap
from sigap.cases.models import OPEN_STATUSES, Case, CaseStatus, EventKind
from sigap.cases.services import case_assign, case_row_for_hooks, event_record
from sigap.core.errors import DomainError, PermissionDenied

logger = logging.getLogger(__name__)

# Cases nobody has started: not answered yet and not being worked. A case someone replied to
# or set in progress stays with them, because the citizen already talks to that person.
REBALANCE_STATUSES = (CaseStatus.NEW, CaseStatus.VERIFIED)
REBALANCE_BATCH = 200
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_ROSTER_ROLES = (Role.AGENCY_ADMIN, Role.AGENCY_OFFICER, Role.OPERATOR)


# --- permissions ----------------------------------------------------------------------------------


def roster_can_manage(user: User | None, agency: Agency) -> bool:
    """Agency admins keep their agency's roster; Diskominfo (system admin) keeps every one."""
    if user is None:
        return True  # the system itself
    if user.is_superuser:
        return True
    return (
        user.memberships.filter(agency__pemda_id=agency.pemda_id, role=Role.SYSTEM_ADMIN).exists()
        or user.memberships.filter(agency=agency, role=Role.AGENCY_ADMIN).exists()
    )


def _ensure_can_manage(actor: User | None, agency: Agency) -> None:
    if not roster_can_manage(actor, agency):
        raise PermissionDenied(_("Hanya admin instansi yang dapat mengubah jadwal piket."))


def roster_member_validate(user: User, agency: Agency) -> None:
    """Only the agency's own active officers and admins go on its roster."""
    is_member = (
        user.is_active and user.memberships.filter(agency=agency, role__in=_ROSTER_ROLES).exists()
    )
    if not is_member:
        raise DomainError(
            _("%(name)s bukan petugas %(agency)s.") % {"name": user, "agency": agency},
            code="not_member",
        )


# --- weekly shifts --------------------------------------------------------------------------------


def duty_shift_validate(
    *, agency: Agency, user: User, weekday: int, starts_at: time, ends_at: time, kind: str,
    exclude_id: int | None = None,
) -> None:  # fmt: skip
    roster_member_validate(user, agency)
    if weekday not in range(7):
        raise DomainError(_("Hari tidak dikenal."), code="invalid_weekday")
    if kind not in DutyKind.values:
        raise DomainError(_("Jenis piket tidak dikenal."), code="invalid_kind")
    if starts_at == ends_at:
        raise DomainError(_("Jam selesai harus berbeda dari jam mulai."), code="empty_shift")
    if ends_at < starts_at and kind == DutyKind.OFFICE:
        raise DomainError(
            _("Jam selesai harus setelah jam mulai. Piket melewati tengah malam adalah piket di "
              "luar jam kerja."),
            code="ends_before_start",
        )  # fmt: skip
    span = shift_span(weekday, starts_at, ends_at)
    others = DutyShift.objects.filter(agency=agency, user=user)
    if exclude_id is not None:
        others = others.exclude(pk=exclude_id)
    for other in others:
        if spans_overlap(span, shift_span(other.weekday, other.starts_at, other.ends_at)):
            raise DomainError(
                _("Jadwal ini bertabrakan dengan jadwal %(name)s yang lain (%(slot)s).")
                % {
                    "name": user,
                    "slot": f"{other.get_weekday_display()} "
                    f"{other.starts_at:%H:%M}–{other.ends_at:%H:%M}",
                },
                code="overlap",
            )


@transaction.atomic
def duty_shift_create(
    *, agency: Agency, user: User, weekday: int, starts_at: time, ends_at: time,
    kind: str = DutyKind.OFFICE, actor: User | None,
) -> DutyShift:  # fmt: skip
    """A weekly duty slot in the agency's calendar time; an end before the start is overnight."""
    _ensure_can_manage(actor, agency)
    duty_shift_validate(
        agency=agency, user=user, weekday=weekday, starts_at=starts_at, ends_at=ends_at, kind=kind
    )
    return DutyShift.objects.create(
        agency=agency, user=user, weekday=weekday, starts_at=starts_at, ends_at=ends_at, kind=kind
    )


@transaction.atomic
def duty_shifts_create(
    *, agency: Agency, user: User, weekdays: list[int], starts_at: time, ends_at: time,
    kind: str = DutyKind.OFFICE, actor: User | None,
) -> list[DutyShift]:  # fmt: skip
    """The same slot on several days (Monday to Friday); one refused day stores none."""
    if not weekdays:
        raise DomainError(_("Pilih minimal satu hari."), code="no_weekday")
    created = []
    for weekday in sorted(set(weekdays)):
        shift = duty_shift_create(
            agency=agency, user=user, weekday=weekday, starts_at=starts_at, ends_at=ends_at,
            kind=kind, actor=actor,
        )  # fmt: skip
        created.append(shift)
    return created


@transaction.atomic
def duty_shift_update(
    *, shift: DutyShift, weekday: int, starts_at: time, ends_at: time, kind: str,
    actor: User | None,
) -> DutyShift:  # fmt: skip
    _ensure_can_manage(actor, shift.agency)
    duty_shift_validate(
        agency=shift.agency, user=shift.user, weekday=weekday, starts_at=starts_at,
        ends_at=ends_at, kind=kind, exclude_id=shift.pk,
    )  # fmt: skip
    shift.weekday, shift.starts_at, shift.ends_at, shift.kind = weekday, starts_at, ends_at, kind
    shift.save(update_fields=["weekday", "starts_at", "ends_at", "kind"])
    return shift


@transaction.atomic
def duty_shift_delete(*, shift: DutyShift, actor: User | None) -> None:
    _ensure_can_manage(actor, shift.agency)
    shift.delete()


# --- one-off overrides ----------------------------------------------------------------------------


def duty_override_validate(
    *, agency: Agency, user: User, starts_at: datetime, ends_at: datetime, kind: str,
    exclude_id: int | None = None,
) -> None:  # fmt: skip
    """The console's and the admin's rules for an override, with the same Indonesian messages."""
    roster_member_validate(user, agency)
    if timezone.is_naive(starts_at) or timezone.is_naive(ends_at):
        raise ValueError("override times must be aware")
    if ends_at <= starts_at:
        raise DomainError(_("Waktu selesai harus setelah waktu mulai."), code="ends_before_start")
    if kind not in DutyKind.values:
        raise DomainError(_("Jenis piket tidak dikenal."), code="invalid_kind")
    others = DutyOverride.objects.filter(
        agency=agency, user=user, starts_at__lt=ends_at, ends_at__gt=starts_at
    )
    if exclude_id is not None:
        others = others.exclude(pk=exclude_id)
    if others.exists():
        raise DomainError(
            _("%(name)s sudah memiliki perubahan piket pada waktu tersebut.") % {"name": user},
            code="overlap",
        )


@transaction.atomic
def duty_override_create(
    *, agency: Agency, user: User, starts_at: datetime, ends_at: datetime,
    is_absence: bool = False, kind: str = DutyKind.OFFICE, note: str = "", actor: User | None,
) -> DutyOverride:  # fmt: skip
    """Extra duty (covering for someone) or an absence (leave, sick) for one stretch of time."""
    _ensure_can_manage(actor, agency)
    duty_override_validate(
        agency=agency, user=user, starts_at=starts_at, ends_at=ends_at, kind=kind
    )
    return DutyOverride.objects.create(
        agency=agency, user=user, starts_at=starts_at, ends_at=ends_at, is_absence=is_absence,
        kind=kind, note=note.strip()[:200],
    )  # fmt: skip


@transaction.atomic
def duty_override_delete(*, override: DutyOverride, actor: User | None) -> None:
    _ensure_can_manage(actor, override.agency)
    override.delete()


# --- settings and caps ----------------------------------------------------------------------------


@transaction.atomic
def roster_setting_update(
    *, agency: Agency, autoassign: bool, default_cap: int, actor: User | None
) -> RosterSetting:
    _ensure_can_manage(actor, agency)
    if not 0 <= default_cap <= 1000:
        raise DomainError(_("Batas laporan harus antara 0 dan 1000."), code="invalid_cap")
    setting, _created = RosterSetting.objects.update_or_create(
        agency=agency, defaults={"autoassign": autoassign, "default_cap": default_cap}
    )
    return setting


@transaction.atomic
def roster_member_cap_set(
    *, agency: Agency, user: User, case_cap: int | None, actor: User | None
) -> RosterMember:
    """One person's own cap (None: the agency's default; 0: no limit)."""
    _ensure_can_manage(actor, agency)
    roster_member_validate(user, agency)
    if case_cap is not None and not 0 <= case_cap <= 1000:
        raise DomainError(_("Batas laporan harus antara 0 dan 1000."), code="invalid_cap")
    member, _created = RosterMember.objects.update_or_create(
        agency=agency, user=user, defaults={"case_cap": case_cap}
    )
    return member


# --- choosing an officer --------------------------------------------------------------------------


@dataclass
class _Load:
    """The candidates' open cases and round-robin positions, kept current while assigning."""

    caps: dict[int, int]
    open_cases: dict[int, int]
    last_assigned: dict[int, datetime]

    def pick(self, candidates: list[User]) -> User | None:
        under_cap = [
            user
            for user in candidates
            if not self.caps[user.pk] or self.open_cases.get(user.pk, 0) < self.caps[user.pk]
        ]
        if not under_cap:
            return None
        return min(
            under_cap,
            key=lambda user: (
                self.open_cases.get(user.pk, 0),
                self.last_assigned.get(user.pk, _EPOCH),
                user.pk,
            ),
        )

    def took(self, user: User, now: datetime) -> None:
        self.open_cases[user.pk] = self.open_cases.get(user.pk, 0) + 1
        self.last_assigned[user.pk] = now


def _load(agency: Agency, setting: RosterSetting, candidates: list[User]) -> _Load:
    ids = [user.pk for user in candidates]
    members = {m.user_id: m for m in RosterMember.objects.filter(agency=agency, user_id__in=ids)}
    counts = (
        Case.objects.filter(agency=agency, status__in=OPEN_STATUSES, assignee_id__in=ids)
        .values("assignee_id")
        .annotate(n=Count("id"))
    )
    return _Load(
        caps={pk: _cap(members.get(pk), setting) for pk in ids},
        open_cases={row["assignee_id"]: row["n"] for row in counts},
        last_assigned={
            pk: m.last_assigned_at for pk, m in members.items() if m.last_assigned_at is not None
        },
    )


def _cap(member: RosterMember | None, setting: RosterSetting) -> int:
    if member is not None and member.case_cap is not None:
        return member.case_cap
    return setting.default_cap


def _mark_assigned(agency: Agency, user: User, now: datetime) -> None:
    RosterMember.objects.update_or_create(
        agency=agency, user=user, defaults={"last_assigned_at": now}
    )


def _locked_setting(agency_id: int) -> RosterSetting | None:
    """The agency's setting row, locked: concurrent assigners of one agency take turns, so two
    cases arriving together never both go to the same "least busy" officer."""
    return (
        RosterSetting.objects.select_for_update(of=("self",))
        .select_related("agency")
        .filter(agency_id=agency_id)
        .first()
    )


@transaction.atomic
def case_autoassign(*, case: Case, now: datetime | None = None) -> User | None:
    """Give a newly arrived case to the on-duty officer next in turn (actor: the system).

    Idempotent: a case that already has an assignee (or is closed, or has no agency) is left
    alone, so a repeated or late task never takes a case away from someone.
    """
    if case.agency_id is None:
        return None
    setting = _locked_setting(case.agency_id)
    if setting is None or not setting.autoassign:
        return None
    case = Case.objects.select_related("agency").get(pk=case.pk)
    if case.assignee_id is not None or not case.is_open or case.agency_id != setting.agency_id:
        return None
    now = now or timezone.now()
    candidates = on_duty_staff(setting.agency, now)
    chosen = _load(setting.agency, setting, candidates).pick(candidates)
    if chosen is None:
        logger.info("no on-duty officer under cap for case %s", case.pk)
        return None
    case_assign(case=case, assignee=chosen, actor=None, expected_version=case.version)
    _mark_assigned(setting.agency, chosen, now)
    return chosen


@transaction.atomic
def roster_rebalance(*, agency: Agency, now: datetime | None = None) -> int:
    """Move cases nobody has started away from staff who went off duty; assign waiting ones.

    Only cases still new or verified and without a first response move (see
    ``REBALANCE_STATUSES``); each move is an assignment on the timeline plus a note saying why.
    With nobody on duty (or everyone at their cap) cases stay where they are.
    """
    setting = _locked_setting(agency.pk)
    if setting is None or not setting.autoassign:
        return 0
    now = now or timezone.now()
    on_duty = on_duty_staff(agency, now)
    if not on_duty:
        return 0
    stranded = (
        Case.objects.filter(
            agency=agency, status__in=REBALANCE_STATUSES, first_response_at__isnull=True
        )
        .exclude(assignee_id__in=[user.pk for user in on_duty])
        .select_related("assignee")
        .order_by("created_at", "id")[:REBALANCE_BATCH]
    )
    load = _load(agency, setting, on_duty)
    moved = 0
    for case in stranded:
        target = load.pick(on_duty)
        if target is None:
            break
        if _move(case, target):
            load.took(target, now)
            _mark_assigned(agency, target, now)
            moved += 1
    return moved


def _move(case: Case, target: User) -> bool:
    previous = case.assignee
    try:
        case_assign(case=case, assignee=target, actor=None, expected_version=case.version)
    except DomainError:  # changed meanwhile (claimed, answered): leave it to its new owner
        return False
    if previous is not None:
        event_record(
            case=case,
            kind=EventKind.NOTE,
            note=_("Dialihkan otomatis dari %(name)s yang tidak sedang piket.")
            % {"name": previous},
            data={"rebalanced_from": previous.pk, "assignee_id": target.pk},
        )
    return True


def roster_rebalance_all(*, now: datetime | None = None) -> int:
    """Rebalance every agency that assigns automatically; one failing agency stops no other."""
    moved = 0
    for agency in Agency.objects.filter(is_active=True, roster_setting__autoassign=True):
        try:
            moved += roster_rebalance(agency=agency, now=now)
        except Exception:
            logger.exception("roster rebalance failed for agency %s", agency.pk)
    return moved


# --- the case hook --------------------------------------------------------------------------------

AUTOASSIGN_ON = frozenset({"created", "routed", "disposed"})


def roster_case_changed(case_id: int, change: str) -> None:
    """``case_hook_register`` subscriber: a case landed in an agency; assign it in a task.

    One indexed lookup first, so agencies without auto-assignment cost no task row; none when
    the change's writer left the committed row for the hooks (``case_row_for_hooks``: the
    channel intake, which loads the agency's roster setting with it).
    """
    if change not in AUTOASSIGN_ON:
        return
    wanted = _autoassign_known(case_row_for_hooks(case_id))
    if wanted is None:
        wanted = Case.objects.filter(
            pk=case_id,
            assignee__isnull=True,
            status__in=OPEN_STATUSES,
            agency__roster_setting__autoassign=True,
        ).exists()
    if wanted:
        from sigap.agencies.tasks import case_autoassign_task

        case_autoassign_task.enqueue(case_id=case_id)


def _autoassign_known(case: Case | None) -> bool | None:
    """Whether the committed row wants auto-assignment, or None when that needs a query (no
    row, or its agency's roster setting was not loaded with it)."""
    if case is None:
        return None
    if case.assignee_id is not None or case.status not in OPEN_STATUSES or case.agency_id is None:
        return False
    agency = case.agency if Case.agency.is_cached(case) else None
    if agency is None or not Agency.roster_setting.is_cached(agency):
        return None
    setting = getattr(agency, "roster_setting", None)  # loaded as None when there is none
    return setting is not None and setting.autoassign
