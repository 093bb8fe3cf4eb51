"""Who may see what: every scoped read in Sigap starts from ``staff_scope``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet

from sigap.agencies.models import Agency, ApiToken, Membership, Role, User

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


def on_duty_staff(agency: Agency, at: datetime) -> list[User]:
    """Who answers this agency's cases at ``at``.

    Without a duty roster every active officer and admin of the agency is on duty; the roster
    (standby schedules) narrows this down when the agency keeps one.
    """
    del at  # used once rosters exist
    staff = User.objects.filter(
        is_active=True,
        memberships__agency=agency,
        memberships__role__in=[Role.AGENCY_ADMIN, Role.AGENCY_OFFICER],
    )
    return list(staff.distinct().order_by("full_name", "username"))
