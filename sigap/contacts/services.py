from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from sigap.agencies.models import Pemda
from sigap.contacts.models import STAFF_ENTRY_CHANNELS, Contact, ContactIdentity


@dataclass(frozen=True)
class SenderIdentity:
    """Who sent a message, as the channel knows them."""

    external_id: str = ""
    display_name: str = ""
    phone: str = ""
    email: str = ""
    alternate_id: str = ""


def normalize_msisdn(number: str) -> str:
    """Indonesian numbers to 62…: strip '+', spaces and dashes, leading 0 → 62. Decimal digits
    of other scripts (Arabic-Indic ٠٨١٢ from a phone's keyboard) become ASCII; other "digits"
    (superscripts) are dropped: a provider is sent ASCII digits only."""
    digits = "".join(
        str(value) for ch in number if (value := unicodedata.decimal(ch, None)) is not None
    )
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    return digits


@dataclass(frozen=True)
class ResolvedIdentity:
    """A sender's channel identity (its contact loaded) and whether this call created it."""

    identity: ContactIdentity
    created: bool

    @property
    def contact(self) -> Contact:
        return self.identity.contact


def contact_resolve(*, pemda: Pemda, channel: str, sender: SenderIdentity) -> Contact | None:
    """Find or create the contact behind a channel identity, never twice under concurrency.

    Returns None when the sender gave no identity (anonymous web form). Staff-typed channels
    (walk-in, phone, letter) have no identity to find: see ``contact_record``.
    """
    if channel in STAFF_ENTRY_CHANNELS:
        return contact_record(pemda=pemda, sender=sender)
    resolved = identity_resolve(pemda=pemda, channel=channel, sender=sender)
    return resolved.contact if resolved is not None else None


def contact_record(*, pemda: Pemda, sender: SenderIdentity) -> Contact | None:
    """A new contact holding exactly what staff typed for one case, without a channel identity.

    A phone number or address typed by staff proves nothing about who owns it. Matching it to
    an existing contact (by identity or by phone) would show the typist whoever stands behind
    the number, even the reporter of an anonymous case, and would hang the new case on a
    citizen's WhatsApp or Telegram identity (replies, ratings, flood limits). So every staff-
    entered reporter is a contact of its own; the price is that two visits of one person are
    not linked by their number (a coordinator links related cases). A reporter known only by
    name still becomes a contact, to see on the case and reach by letter. None without any of
    name, phone or e-mail.
    """
    name, phone, email = sender.display_name.strip(), sender.phone.strip(), sender.email.strip()
    if not (name or phone or email):
        return None
    return Contact.objects.create(
        pemda=pemda,
        display_name=name[:150],
        phone=normalize_msisdn(phone)[:20] if phone else "",
        email=email[:254],
    )


def identity_resolve(
    *, pemda: Pemda, channel: str, sender: SenderIdentity
) -> ResolvedIdentity | None:
    """``contact_resolve`` that also returns the identity, and says whether it is new: a
    contact created by this call has no history yet, which spares its callers the lookups."""
    if not sender.external_id:
        return None
    existing = _identity_get(pemda, channel, sender.external_id, sender.alternate_id)
    if existing is not None:
        _identity_touch(existing, sender)
        return ResolvedIdentity(existing, created=False)
    try:
        # The savepoint lets a concurrent insert of the same identity fail alone; the unique
        # constraint then points us at the winner's row.
        with transaction.atomic():
            contact = Contact.objects.create(
                pemda=pemda,
                display_name=sender.display_name[:150],
                phone=normalize_msisdn(sender.phone) if sender.phone else "",
                email=sender.email,
            )
            identity = ContactIdentity.objects.create(
                contact=contact,
                pemda=pemda,
                channel=channel,
                external_id=sender.external_id,
                alternate_id=sender.alternate_id,
                display_name=sender.display_name[:150],
                last_inbound_at=timezone.now(),
            )
            return ResolvedIdentity(identity, created=True)
    except IntegrityError:
        winner = _identity_get(pemda, channel, sender.external_id)
        if winner is None:
            raise
        return ResolvedIdentity(winner, created=False)


def _identity_get(
    pemda: Pemda, channel: str, external_id: str, alternate_id: str = ""
) -> ContactIdentity | None:
    identities = ContactIdentity.objects.select_related("contact").filter(
        pemda=pemda, channel=channel
    )
    found = identities.filter(external_id=external_id).first()
    if found is None and alternate_id:
        # WhatsApp: a user who hides their number arrives with only the business-scoped id.
        found = identities.filter(alternate_id=alternate_id).first()
    return found


def identity_get(*, pemda: Pemda, channel: str, sender: SenderIdentity) -> ContactIdentity | None:
    if not sender.external_id:
        return None
    return _identity_get(pemda, channel, sender.external_id, sender.alternate_id)


def identity_rename(*, old: str, new: str, channel: str = "whatsapp") -> int:
    """The provider reported a changed id (a citizen's new WhatsApp number)."""
    if not old or not new or old == new:
        return 0
    if ContactIdentity.objects.filter(channel=channel, external_id=new).exists():
        return 0
    return ContactIdentity.objects.filter(channel=channel, external_id=old).update(external_id=new)


def _identity_touch(identity: ContactIdentity, sender: SenderIdentity) -> None:
    updates: dict[str, object] = {"last_inbound_at": timezone.now(), "is_reachable": True}
    if sender.display_name and sender.display_name != identity.display_name:
        updates["display_name"] = sender.display_name[:150]
    if sender.alternate_id and not identity.alternate_id:
        updates["alternate_id"] = sender.alternate_id
    ContactIdentity.objects.filter(pk=identity.pk).update(**updates)
    for name, value in updates.items():  # the caller goes on with this row: keep it current
        setattr(identity, name, value)
