from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sigap.agencies.models import Agency, ApiToken, LoginFailure, Membership, Role, User
from sigap.core.errors import DomainError


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
    agency.save()
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
    return membership


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
