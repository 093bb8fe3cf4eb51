"""Writes of console-only state: saved inbox views."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from sigap.agencies.models import Agency, Membership, User
from sigap.console.models import SavedView
from sigap.core.errors import Conflict, DomainError, NotFound, PermissionDenied

# Inbox parameters a saved view keeps; paging and the live-update token are not a "view".
SAVED_VIEW_KEYS = (
    "view",
    "q",
    "status",
    "priority",
    "channel",
    "category",
    "kecamatan",
    "agency",
    "date_from",
    "date_to",
    "sort",
)
NAME_MAX_LENGTH = 80
QUERY_MAX_LENGTH = 1000


def saved_view_query_clean(query: str) -> str:
    """The inbox query string reduced to the filter parameters, in a stable order."""
    pairs = [
        (key, value.strip())
        for key, value in parse_qsl(query.lstrip("?"), keep_blank_values=False)
        if key in SAVED_VIEW_KEYS and value.strip()
    ]
    pairs.sort(key=lambda pair: SAVED_VIEW_KEYS.index(pair[0]))
    return urlencode(pairs)


@transaction.atomic
def saved_view_create(
    *, owner: User, name: str, query: str, shared_with: Agency | None = None
) -> SavedView:
    """Save the inbox's current filters under a name, private or shared with an agency."""
    name = " ".join(name.split())
    if not name:
        raise DomainError(_("Nama tampilan wajib diisi."), code="name_required")
    if len(name) > NAME_MAX_LENGTH:
        raise DomainError(
            _("Nama tampilan paling panjang %(n)d karakter.") % {"n": NAME_MAX_LENGTH},
            code="name_too_long",
        )
    cleaned = saved_view_query_clean(query)
    if len(cleaned) > QUERY_MAX_LENGTH:
        raise DomainError(_("Filter terlalu panjang untuk disimpan."), code="query_too_long")
    if (
        shared_with is not None
        and not Membership.objects.filter(user_id=owner.pk, agency_id=shared_with.pk).exists()
    ):
        raise PermissionDenied(_("Anda hanya dapat berbagi dengan instansi Anda sendiri."))
    if SavedView.objects.filter(owner_id=owner.pk, name__iexact=name).exists():
        raise Conflict(_("Anda sudah punya tampilan bernama «%(name)s».") % {"name": name})
    try:
        with transaction.atomic():
            return SavedView.objects.create(
                owner=owner, name=name, query=cleaned, shared_with=shared_with
            )
    except IntegrityError:  # a double click raced the check above
        raise Conflict(
            _("Anda sudah punya tampilan bernama «%(name)s».") % {"name": name}
        ) from None


@transaction.atomic
def saved_view_delete(*, view_id: int, actor: User) -> None:
    """Delete one of the actor's own views; other people's views are "not found"."""
    deleted, _rows = SavedView.objects.filter(pk=view_id, owner_id=actor.pk).delete()
    if not deleted:
        raise NotFound(_("Tampilan tidak ditemukan."))
