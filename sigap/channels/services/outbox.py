"""The outbox: every outbound message is a row, sent by a task with backoff, tracked to 'read'."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, OuterRef, Q, Subquery
from django.utils import timezone

from sigap.agencies.models import User
from sigap.cases.models import Case, EventKind, Message, MessageDirection, MessageStatus
from sigap.cases.services import case_changed, event_record
from sigap.channels.adapters import (
    RecipientUnreachableError,
    SendError,
    StatusUpdate,
    WindowClosedError,
    adapter_for,
)
from sigap.channels.models import ChannelAccount, Conversation, OutboundMessage, OutboundStatus
from sigap.contacts.models import ContactIdentity

logger = logging.getLogger(__name__)

MAX_SEND_ATTEMPTS = 8
# A row left 'sending' longer than settings.SIGAP_OUTBOX_SENDING_LEASE_SECONDS belonged to a
# worker that died between the provider call and the commit; it is sent again (at-least-once,
# see docs/channels.md).
# Delivery statuses only move forward; a late 'delivered' never hides a 'read'.
_RANK = {
    OutboundStatus.QUEUED: 0,
    OutboundStatus.SENDING: 1,
    OutboundStatus.SENT: 2,
    OutboundStatus.DELIVERED: 3,
    OutboundStatus.READ: 4,
}


def outbound_create(
    *,
    case: Case | None,
    account: ChannelAccount,
    identity: ContactIdentity,
    text: str,
    purpose: str,
    idempotency_key: str,
    author: User | None = None,
    data: dict[str, Any] | None = None,
    enqueue: bool = True,
    savepoint: bool = True,
) -> OutboundMessage:
    """Record a message to send; the same ``idempotency_key`` returns the existing row.

    No look-up first: a key used before is the rare case (a re-delivery racing the first
    delivery to the acknowledgement), and its unique constraint sends us to the existing row,
    the savepoint taking back the rows written for nothing. ``savepoint=False``: the caller
    knows the key is unused and holds a lock that keeps it so (the intake's first
    acknowledgement); the rows are written as they are, two statements fewer.
    """
    rows = (case, account, identity, text, purpose, idempotency_key, author, data or {})
    if not savepoint:
        outbound = _create_rows(*rows)
    else:
        try:
            with transaction.atomic():
                outbound = _create_rows(*rows)
        except IntegrityError:
            return OutboundMessage.objects.get(idempotency_key=idempotency_key)
    if enqueue:
        _enqueue_send(outbound.pk)
    return outbound


def _create_rows(
    case: Case | None,
    account: ChannelAccount,
    identity: ContactIdentity,
    text: str,
    purpose: str,
    idempotency_key: str,
    author: User | None,
    data: dict[str, Any],
) -> OutboundMessage:
    now = timezone.now()
    message = Message.objects.create(
        pemda=account.pemda,
        case=case,
        contact=identity.contact,
        channel=account.kind,
        account=account,
        direction=MessageDirection.OUTBOUND,
        text=text,
        author=author,
        status=MessageStatus.QUEUED,
        data={"purpose": purpose, **data},
        created_at=now,
    )
    if case is not None:
        event_record(
            case=case,
            kind=EventKind.MESSAGE_OUT,
            actor=author,
            to_value=purpose,
            note=text[:2000],
            data={"message_id": message.pk},
        )
        if author is not None:  # a person answered: the first-response clock stops
            case_changed(case, "message_out")
    return OutboundMessage.objects.create(
        pemda=account.pemda,
        account=account,
        message=message,
        identity=identity,
        purpose=purpose,
        idempotency_key=idempotency_key,
        next_attempt_at=now,
        created_at=now,
    )


def _enqueue_send(outbound_id: int) -> None:
    from sigap.channels.tasks import outbound_send_task

    transaction.on_commit(lambda: outbound_send_task.enqueue(outbound_id=outbound_id))


def _claim(outbound_id: int) -> bool:
    now = timezone.now()
    return (
        OutboundMessage.objects.filter(
            pk=outbound_id, status=OutboundStatus.QUEUED, next_attempt_at__lte=now
        ).update(status=OutboundStatus.SENDING, claimed_at=now, attempts=F("attempts") + 1)
        == 1
    )


def outbound_send(outbound_id: int) -> str:
    """Send one queued row. The claim commits before the provider call, so two workers never
    send the same row at once."""
    if not _claim(outbound_id):
        return "skipped"
    outbound = (
        OutboundMessage.objects.select_related(
            "account", "identity", "message", "identity__contact"
        )
        .annotate(window_opened_at=_conversation_inbound_at())
        .get(pk=outbound_id)
    )
    adapter = adapter_for(outbound.account.kind)
    try:
        window_open = _window_open(outbound, outbound.window_opened_at)
        result = adapter.send(outbound, window_open=window_open)
    except SendError as exc:
        return _send_failed(outbound, exc)
    _mark(
        outbound,
        OutboundStatus.SENT,
        provider_message_id=result.provider_message_id,
        used_template=result.used_template,
        sent_at=timezone.now(),
        last_error="",
        error_code="",
    )
    Conversation.objects.filter(account=outbound.account, identity=outbound.identity).update(
        last_outbound_at=timezone.now()
    )
    return "sent"


def window_is_open(outbound: OutboundMessage) -> bool:
    """Whether free-form text may be sent now (the provider's customer-service window)."""
    last_inbound_at = (
        Conversation.objects.filter(account=outbound.account, identity=outbound.identity)
        .values_list("last_inbound_at", flat=True)
        .first()
    )
    return _window_open(outbound, last_inbound_at)


def _conversation_inbound_at() -> Subquery:
    """The citizen's last message on the row's conversation, read with the row it sends."""
    conversation = Conversation.objects.filter(
        account_id=OuterRef("account_id"), identity_id=OuterRef("identity_id")
    )
    return Subquery(conversation.values("last_inbound_at")[:1])


def _window_open(outbound: OutboundMessage, last_inbound_at: datetime | None) -> bool:
    if last_inbound_at is None:
        return False
    hours = outbound.account.config.get("window_hours", settings.SIGAP_REPLY_WINDOW_HOURS)
    return timezone.now() - last_inbound_at < timedelta(hours=hours)


def _send_failed(outbound: OutboundMessage, exc: SendError) -> str:
    if isinstance(exc, RecipientUnreachableError):
        ContactIdentity.objects.filter(pk=outbound.identity_id).update(is_reachable=False)
    final = not exc.retryable or outbound.attempts >= MAX_SEND_ATTEMPTS
    if final:
        _mark(outbound, OutboundStatus.FAILED, last_error=exc.message[:2000], error_code=exc.code)
        logger.warning("outbound %s failed for good: %s", outbound.pk, exc.message)
        return "failed"
    delay = exc.retry_after if exc.retry_after is not None else 2**outbound.attempts
    if isinstance(exc, WindowClosedError):
        # The provider says the window is closed whatever our clock says: next try, a template.
        delay = 0
        Conversation.objects.filter(account=outbound.account, identity=outbound.identity).update(
            last_inbound_at=None
        )
    _mark(
        outbound,
        OutboundStatus.QUEUED,
        last_error=exc.message[:2000],
        error_code=exc.code,
        next_attempt_at=timezone.now() + timedelta(seconds=min(delay, 3600)),
    )
    _enqueue_send(outbound.pk)
    return "retry"


def _mark(outbound: OutboundMessage, status: str, **fields: Any) -> None:
    OutboundMessage.objects.filter(pk=outbound.pk).update(status=status, **fields)
    message_status = {
        OutboundStatus.QUEUED: MessageStatus.QUEUED,
        OutboundStatus.SENDING: MessageStatus.QUEUED,
    }.get(OutboundStatus(status), status)
    Message.objects.filter(pk=outbound.message_id).update(status=message_status)


def outbound_status_apply(*, update: StatusUpdate) -> OutboundMessage | None:
    """Apply a delivery report; out-of-order and duplicate reports never move status back."""
    outbound = _outbound_for(update)
    if outbound is None:
        return None
    if update.status == "failed":
        return _apply_failure(outbound, update)
    if update.status not in _RANK or outbound.status == OutboundStatus.FAILED:
        return outbound
    if _RANK[OutboundStatus(update.status)] <= _RANK[OutboundStatus(outbound.status)]:
        return outbound
    stamp = {"delivered": "delivered_at", "read": "read_at", "sent": "sent_at"}[update.status]
    _mark(outbound, update.status, **{stamp: update.at or timezone.now()})
    return outbound


def _outbound_for(update: StatusUpdate) -> OutboundMessage | None:
    query = Q(provider_message_id=update.provider_message_id) if update.provider_message_id else Q()
    if update.callback_data.startswith("outbox:"):
        query |= Q(pk=int(update.callback_data.split(":", 1)[1] or 0))
    if not query:
        return None
    return OutboundMessage.objects.select_for_update().filter(query).first()


def _apply_failure(outbound: OutboundMessage, update: StatusUpdate) -> OutboundMessage:
    if outbound.status in {OutboundStatus.DELIVERED, OutboundStatus.READ}:
        return outbound  # a stale failure report for a message the citizen already got
    adapter = adapter_for(outbound.account.kind)
    retry_as_template = getattr(adapter, "retry_with_template", None)
    if retry_as_template is not None and retry_as_template(outbound, update):
        # Outside the window: the same content goes again as an approved template.
        _mark(
            outbound,
            OutboundStatus.QUEUED,
            next_attempt_at=timezone.now(),
            last_error=update.error_title,
            error_code=update.error_code,
        )
        Conversation.objects.filter(account=outbound.account, identity=outbound.identity).update(
            last_inbound_at=None
        )
        _enqueue_send(outbound.pk)
        return outbound
    if update.error_code in getattr(adapter, "unreachable_codes", ()):
        ContactIdentity.objects.filter(pk=outbound.identity_id).update(is_reachable=False)
    _mark(
        outbound,
        OutboundStatus.FAILED,
        last_error=update.error_title or "gagal terkirim",
        error_code=update.error_code,
    )
    return outbound


def outbox_due(limit: int = 500) -> list[int]:
    """Rows to send now, including rows whose sending worker died (lease expired)."""
    now = timezone.now()
    OutboundMessage.objects.filter(
        status=OutboundStatus.SENDING,
        claimed_at__lt=now - timedelta(seconds=settings.SIGAP_OUTBOX_SENDING_LEASE_SECONDS),
    ).update(status=OutboundStatus.QUEUED, next_attempt_at=now)
    due = OutboundMessage.objects.filter(status=OutboundStatus.QUEUED, next_attempt_at__lte=now)
    return list(due.order_by("next_attempt_at").values_list("pk", flat=True)[:limit])
