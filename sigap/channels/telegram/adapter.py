from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from sigap.channels.adapters import ParsedDelivery, SendResult
from sigap.channels.models import ChannelAccount, ChannelKind, InboundEvent, OutboundMessage
from sigap.channels.telegram import inbound, transport
from sigap.contacts.models import Contact, ContactIdentity
from sigap.contacts.services import normalize_msisdn


class TelegramAdapter:
    kind: str = ChannelKind.TELEGRAM
    # Telegram sends no delivery reports; 403 is what a refused send carries (blocked bot).
    unreachable_codes = frozenset({"403"})

    def parse(self, event: InboundEvent, *, final_attempt: bool) -> ParsedDelivery:
        parsed = inbound.parse(event, final_attempt=final_attempt)
        if event.account is not None:
            _identity_facts_apply(event.account, parsed)
        return parsed

    def send(self, outbound: OutboundMessage, *, window_open: bool) -> SendResult:
        # No customer-service window on Telegram: window_open does not matter.
        return transport.send(outbound)


def _identity_facts_apply(account: ChannelAccount, parsed: inbound.TelegramDelivery) -> None:
    """Apply what an update says about an identity rather than a message.

    The shared event processor only knows messages, statuses and id changes, so these two
    idempotent updates run here, before the messages are handled. A phone of a citizen we do
    not know yet is stored by ``contact_resolve`` when their message creates the contact.
    """
    with transaction.atomic():
        for user_id, reachable in parsed.reachability:
            identity_reachability_set(account=account, external_id=user_id, reachable=reachable)
        for user_id, phone in parsed.own_phones:
            contact_phone_confirm(account=account, external_id=user_id, phone=phone)


def identity_reachability_set(*, account: ChannelAccount, external_id: str, reachable: bool) -> int:
    """Blocked bot → no more sends to this identity (the outbox fails them at once)."""
    return ContactIdentity.objects.filter(
        pemda=account.pemda_id, channel=ChannelKind.TELEGRAM, external_id=external_id
    ).update(is_reachable=reachable)


def contact_phone_confirm(*, account: ChannelAccount, external_id: str, phone: str) -> int:
    """The citizen shared their own number (contact.user_id == from.id): it is theirs."""
    contact_ids = ContactIdentity.objects.filter(
        pemda=account.pemda_id, channel=ChannelKind.TELEGRAM, external_id=external_id
    ).values("contact_id")
    return Contact.objects.filter(pk__in=contact_ids).update(
        phone=normalize_msisdn(phone), updated_at=timezone.now()
    )
