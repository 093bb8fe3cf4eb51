"""The Django admin's permission groups, kept in step with Sigap's roles.

Django's admin asks for model permissions before Sigap's role checks narrow the rows (an agency
admin sees their own subtree, Pemda-wide settings are the system admin's), so a role that
configures needs both. Before, only the demo seed made the groups: on a production install a
*system admin* opened almost nothing in `/admin/` until someone built them by hand.

`admin_rights_migrate` (after every `migrate`) keeps the groups' permissions as this module says
and brings every admin's rights in line; `staff_admin_rights_sync` gives an account `is_staff`
and the groups its roles call for whenever its memberships change (a membership deleted with its
agency included), or its agency is switched off or on. Other groups are left alone, and a
superuser keeps `is_staff`.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from sigap.agencies.models import Membership, Role, User

CONFIG_GROUP = "Pengelola konfigurasi"
DIAGNOSTICS_GROUP = "Diagnostik kanal"

# Rows in these are further scoped by role in their admin pages (an agency admin: their subtree).
_CONFIG_MANAGED = (
    ("agencies", "agency"),
    ("agencies", "membership"),
    ("agencies", "user"),
    ("agencies", "rostersetting"),
    ("agencies", "rostermember"),
    ("agencies", "dutyshift"),
    ("agencies", "dutyoverride"),
    ("catalog", "category"),
    ("channels", "channelaccount"),
    ("routing", "knowledgearticle"),
    ("console", "cannedreply"),
)
# Pemda-wide settings: readable by whoever configures (to pick one for their agency); their
# admin pages let system admins alone change them, whatever the group says.
_CONFIG_READ = (
    ("regions", "region"),
    ("sla", "slapolicy"),
    ("sla", "slarule"),
    ("sla", "businesscalendar"),
    ("routing", "triagepolicy"),
)
# Deliveries of every agency, metadata only (bodies and recipients are the superuser's): what a
# system admin needs to see why a message was not handled, and to replay dead events.
_DIAGNOSTICS = (
    ("channels", "inboundevent", ("view", "change")),
    ("channels", "outboundmessage", ("view",)),
    ("channels", "mailboxstate", ("view",)),
)

GROUPS_BY_ROLE: dict[str, tuple[str, ...]] = {
    Role.SYSTEM_ADMIN: (CONFIG_GROUP, DIAGNOSTICS_GROUP),
    Role.AGENCY_ADMIN: (CONFIG_GROUP,),
}
MANAGED_GROUPS = (CONFIG_GROUP, DIAGNOSTICS_GROUP)


def _group_permissions() -> dict[str, Q]:
    config = Q(pk__in=[])
    for app_label, model in _CONFIG_MANAGED:
        config |= Q(content_type__app_label=app_label, content_type__model=model)
    for app_label, model in _CONFIG_READ:
        config |= Q(
            content_type__app_label=app_label, content_type__model=model, codename=f"view_{model}"
        )
    diagnostics = Q(pk__in=[])
    for app_label, model, actions in _DIAGNOSTICS:
        codenames = [f"{action}_{model}" for action in actions]
        diagnostics |= Q(
            content_type__app_label=app_label, content_type__model=model, codename__in=codenames
        )
    return {CONFIG_GROUP: config, DIAGNOSTICS_GROUP: diagnostics}


def admin_groups_sync(**_signal: Any) -> dict[str, Group]:
    """Create the groups and set their permissions (idempotent)."""
    groups = {}
    for name, wanted in _group_permissions().items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(Permission.objects.filter(wanted))
        groups[name] = group
    return groups


def admin_rights_migrate(**_signal: Any) -> None:
    """After `migrate`: the groups as the code says, and the rights of every account whose
    roles call for them (admins of an install older than this module, too)."""
    admin_groups_sync()
    admins = User.objects.filter(
        memberships__role__in=list(GROUPS_BY_ROLE), memberships__agency__is_active=True
    )
    for user in admins.distinct():
        staff_admin_rights_sync(user)


def membership_deleted(*, instance: Membership, **_signal: Any) -> None:
    """post_delete: a membership gone with its agency (a cascade no service sees) takes the
    rights it gave with it; an account being deleted itself needs nothing."""
    user = User.objects.filter(pk=instance.user_id).first()
    if user is not None:
        staff_admin_rights_sync(user)


def staff_admin_rights_sync(user: User) -> None:
    """`is_staff` and the managed groups as the account's roles call for: set when a role
    configures, taken away when none does any more, unless granted otherwise by hand."""
    # Roles in a deactivated agency give no rights (as in `staff_authority`).
    roles = set(user.memberships.filter(agency__is_active=True).values_list("role", flat=True))
    wanted = {group for role in roles for group in GROUPS_BY_ROLE.get(role, ())}
    groups = {group.name: group for group in Group.objects.filter(name__in=MANAGED_GROUPS)}
    if len(groups) < len(MANAGED_GROUPS):  # deleted by hand since the last migrate
        groups = admin_groups_sync()
    user.groups.remove(*(groups[name] for name in MANAGED_GROUPS if name not in wanted))
    user.groups.add(*(groups[name] for name in wanted))
    # Admin access a superuser granted by hand (a group or a permission of its own) stays.
    granted_by_hand = (
        user.is_superuser
        or user.groups.exclude(name__in=MANAGED_GROUPS).exists()
        or user.user_permissions.exists()
    )
    is_staff = bool(wanted) or (user.is_staff and granted_by_hand)
    if user.is_staff != is_staff:
        user.is_staff = is_staff
        user.save(update_fields=["is_staff"])
