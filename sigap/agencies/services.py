from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sigap.agencies.admin_groups import staff_admin_rights_sync
from sigap.agencies.models import Agency, ApiToken, LoginFailure, Membership, Role, User
from sigap.agencies.selectors import StaffAuthority, staff_list_editable
from sigap.core.errors import DomainError, PermissionDenied


def _path_for(agency: Agency) -> str:
    parent_path = agency.parent.path if agency.parent_id and agency.parent else "/"
    return f"{parent_path}{agency.pk}/"


@transaction.atomic
def agency_save(*, agency: Agency) -> Agency:
    """Create or update an agency, keeping the materialised path of it and its subtree."""
    if agency.parent_id and agency.parent and agency.parent.pemda_id != agency.pemda_id:
        raise DomainError(_("Induk instansi harus berada pada Pemda yang sama."))
    if agency.pk and agency.parent and f"/{agency.pk}/" in agency.parent.path + "/":
        raise DomainError(_("Instansi tidak boleh menjadi induk dirinya sendiri."))
    old_path = agency.path if agency.pk else None
    was_active = Agency.objects.filter(pk=agency.pk).values_list("is_active", flat=True).first()
    agency.save()
    if was_active is not None and was_active != agency.is_active:
        # Roles in a switched-off agency give no admin rights (agencies.admin_groups).
        for user in User.objects.filter(memberships__agency=agency).distinct():
            staff_admin_rights_sync(user)
    new_path = _path_for(agency)
    if new_path != agency.path:
        Agency.objects.filter(pk=agency.pk).update(path=new_path)
        agency.path = new_path
        if old_path and old_path != "/":
            for child in Agency.objects.filter(path__startswith=old_path).exclude(pk=agency.pk):
                child.path = new_path + child.path[len(old_path) :]
                child.save(update_fields=["path"])
    return agency


def membership_add(*, user: User, agency: Agency, role: str) -> Membership:
    if role not in Role.values:
        raise DomainError(_("Peran %(role)s tidak dikenal.") % {"role": role})
    membership, _created = Membership.objects.get_or_create(user=user, agency=agency, role=role)
    staff_admin_rights_sync(user)
    return membership


def membership_grant_validate(*, authority: StaffAuthority, agency: Agency, role: str) -> None:
    """Refuse a role, or an agency, beyond what the editor administers."""
    if not authority.may_grant(role):
        raise PermissionDenied(
            _("Anda hanya dapat memberi peran Petugas instansi atau Admin instansi.")
        )
    if not authority.covers(agency):
        raise PermissionDenied(_("Anda hanya dapat memberi peran di instansi yang Anda kelola."))


def staff_edit_validate(*, authority: StaffAuthority, user: User) -> None:
    """Refuse changes to a stored account that holds rights beyond the editor's."""
    if authority.unrestricted or user.pk is None or _holds_no_rights(user):
        return
    if not staff_list_editable(authority).filter(pk=user.pk).exists():
        raise PermissionDenied(
            _(
                "Staf ini memiliki peran atau hak di luar wewenang Anda; "
                "hanya admin sistem yang dapat mengubahnya."
            )
        )


def _holds_no_rights(user: User) -> bool:
    """An account just made on the admin's add page, before its memberships are saved."""
    return not (
        user.is_superuser
        or user.is_staff
        or user.memberships.exists()
        or user.groups.exists()
        or user.user_permissions.exists()
    )


@transaction.atomic
def membership_save(*, membership: Membership, authority: StaffAuthority) -> Membership:
    """Create or change a membership on behalf of an editor, within the editor's rights."""
    membership_grant_validate(authority=authority, agency=membership.agency, role=membership.role)
    staff_edit_validate(authority=authority, user=membership.user)
    stored = None
    if membership.pk is not None:
        # The stored row, not the edited copy: moving a membership out of someone else's
        # agency is as much a change to it as moving one in.
        stored = Membership.objects.select_related("agency", "user").get(pk=membership.pk)
        membership_grant_validate(authority=authority, agency=stored.agency, role=stored.role)
        staff_edit_validate(authority=authority, user=stored.user)
    membership.save()
    staff_admin_rights_sync(membership.user)
    if stored is not None and stored.user_id != membership.user_id:
        staff_admin_rights_sync(stored.user)  # the account the membership was moved from
    return membership


@transaction.atomic
def membership_delete(*, membership: Membership, authority: StaffAuthority) -> None:
    membership_grant_validate(authority=authority, agency=membership.agency, role=membership.role)
    staff_edit_validate(authority=authority, user=membership.user)
    membership.delete()  # the post_delete receiver brings the account's admin rights in line


def login_is_locked(*, username: str, ip_address: str | None) -> bool:
    window = timezone.now() - timedelta(minutes=settings.SIGAP_LOGIN_LOCKOUT_MINUTES)
    failures = LoginFailure.objects.filter(username__iexact=username, created_at__gte=window)
    # Lock on failures for this username from anywhere: a distributed guesser gains nothing.
    return failures.count() >= settings.SIGAP_LOGIN_MAX_FAILURES


def login_failure_record(*, username: str, ip_address: str | None) -> None:
    LoginFailure.objects.create(username=username[:150], ip_address=ip_address)


def login_failures_clear(*, username: str) -> None:
    LoginFailure.objects.filter(username__iexact=username).delete()


def _hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def api_token_create(
    *, user: User, name: str, expires_at: datetime | None = None
) -> tuple[ApiToken, str]:
    """Return the token row and the raw token, which is never stored and shown only once."""
    raw = "sgp_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name, prefix=raw[:12], token_hash=_hash_token(raw), expires_at=expires_at
    )
    return token, raw


def api_token_authenticate(raw: str) -> User | None:
    if not raw or not raw.startswith("sgp_"):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(token_hash=_hash_token(raw), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.expires_at and token.expires_at <= now:
        return None
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=5):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def api_token_revoke(*, token: ApiToken, actor: User) -> ApiToken:
    if token.user_id != actor.pk:
        raise DomainError(_("Token tidak ditemukan."), code="not_found")
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token
