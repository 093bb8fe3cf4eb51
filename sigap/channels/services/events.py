"""Raw inbound events: stored first, processed by a task, retried until they succeed."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DataError, router, transaction
from django.db.models import F, Q
from django.utils import timezone

from sigap.channels.adapters import ParsedDelivery, adapter_for
from sigap.channels.models import ChannelAccount, EventStatus, InboundEvent
from sigap.channels.services.event_rows import event_rows_insert, tasks_share_the_database
from sigap.channels.services.normalise import incoming_message_cleaned
from sigap.core.errors import DomainError

logger = logging.getLogger(__name__)

# A claimed event is leased for settings.SIGAP_EVENT_LEASE_SECONDS; a worker killed mid-task
# loses the lease and the sweeper hands the event to another worker.
MAX_ATTEMPTS = 8


@dataclass(frozen=True)
class StoredEvent:
    """What storing a delivery did; a duplicate's existing row is read only when asked for."""

    channel: str
    external_id: str
    created: bool
    stored: InboundEvent | None = None

    @property
    def event(self) -> InboundEvent:
        if self.stored is not None:
            return self.stored
        existing = InboundEvent.objects.get(channel=self.channel, external_id=self.external_id)
        object.__setattr__(self, "stored", existing)
        return existing


def inbound_event_store(
    *,
    channel: str,
    external_id: str,
    body: str,
    headers: dict[str, str] | None = None,
    account: ChannelAccount | None = None,
    account_id: int | None = None,
    status: str = EventStatus.PENDING,
    note: str = "",
) -> StoredEvent:
    """Store a delivery once per ``(channel, external_id)`` and enqueue its processing.

    This is every webhook's hot path, so it bypasses the ORM's save machinery: the event and,
    with the database task backend, its task row are written by one statement on PostgreSQL
    (one round trip, atomic on its own) and in one transaction elsewhere. A duplicate hits
    ``ON CONFLICT DO NOTHING``, so no savepoint is needed to survive it.
    """
    event = InboundEvent(
        channel=channel,
        external_id=external_id[:255],
        body=body,
        headers=headers or {},
        account_id=account.pk if account is not None else account_id,
        status=status,
        last_error=note,
        received_at=timezone.now(),
    )
    enqueue = status == EventStatus.PENDING
    event_id = event_rows_insert(event, enqueue=enqueue)
    if event_id is None:
        return StoredEvent(channel=channel, external_id=event.external_id, created=False)
    event.pk = event_id
    event._state.adding = False
    event._state.db = router.db_for_write(InboundEvent)
    return StoredEvent(channel=channel, external_id=event.external_id, created=True, stored=event)


def _enqueue_processing(event_id: int) -> None:
    """Enqueue the processing of an already stored event (reprocessing) so that it runs only
    once the caller's transaction is committed: the database task backend's row joins that
    transaction, any other backend is handed the task after the commit."""
    from sigap.channels.tasks import inbound_event_process_task

    backend = inbound_event_process_task.get_backend()
    if tasks_share_the_database(backend, router.db_for_write(InboundEvent)):
        inbound_event_process_task.enqueue(event_id=event_id)
    else:
        transaction.on_commit(lambda: inbound_event_process_task.enqueue(event_id=event_id))


def _claim(event_id: int) -> bool:
    now = timezone.now()
    lease = timedelta(seconds=settings.SIGAP_EVENT_LEASE_SECONDS)
    due = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    return (
        InboundEvent.objects.filter(
            due, pk=event_id, status__in=[EventStatus.PENDING, EventStatus.FAILED]
        ).update(attempts=F("attempts") + 1, next_attempt_at=now + lease)
        == 1
    )


def inbound_event_process(event_id: int) -> str:
    """Parse and handle one event; safe to run twice (every step below is idempotent).

    Each message of a delivery is handled on its own: one that fails does not hold up the
    others. A failure that may pass (the database, a provider not answering) retries the event
    with backoff, and the messages already handled are recognised by their ids; one that will
    not (a value no repair makes acceptable, a bug) ends the event *dead* with the reason, for
    an admin to read and replay (`sigap events reprocess --dead`) once it is fixed.
    """
    if not _claim(event_id):
        return "skipped"
    # With the account's Pemda and agency: the adapter and the intake read them (no re-read).
    accounts = ("account__pemda", "account__agency")
    event = InboundEvent.objects.select_related(*accounts).get(pk=event_id)
    final_attempt = event.attempts >= MAX_ATTEMPTS
    try:
        parsed = adapter_for(event.channel).parse(event, final_attempt=final_attempt)
    except Exception as exc:
        _record_failure(event, exc, permanent=is_permanent(exc))
        return "failed"
    outcome = _handle(parsed)
    for note in parsed.notes:
        logger.warning("inbound %s event %s: %s", event.channel, event.pk, note)
    unfinished = outcome.failed + outcome.retry + parsed.deferred
    if unfinished:
        # Dead at once when nothing left may pass; otherwise retried, dead after the last try.
        permanent = final_attempt or not (outcome.retry or parsed.deferred)
        _record_failure(event, _Unfinished(unfinished + parsed.notes), permanent=permanent)
        status = "failed"
    else:
        status = EventStatus.PROCESSED if outcome.handled else EventStatus.IGNORED
        InboundEvent.objects.filter(pk=event.pk).update(
            status=status, processed_at=timezone.now(), last_error="\n".join(parsed.notes)[:4000]
        )
    _send_now(outcome.outbound_ids)
    return status


class _Unfinished(Exception):
    """Some parts of a delivery were not handled; the message lists which and why."""

    def __init__(self, reasons: list[str]) -> None:
        super().__init__("; ".join(reasons))


def is_permanent(exc: BaseException) -> bool:
    """Whether trying the same thing again cannot succeed: a value refused by our rules or the
    database, a shape our code cannot read. Anything else (a dropped connection, a lock, a
    provider not answering, a unique race another worker won) is tried again."""
    from sigap.channels.http import MediaError

    if isinstance(exc, MediaError):
        return not exc.retryable
    return isinstance(exc, _DETERMINISTIC)


_DETERMINISTIC = (
    DomainError, DataError, ValueError, TypeError, KeyError, AttributeError, LookupError,
    ArithmeticError, RecursionError, ValidationError,
)  # fmt: skip


@dataclass
class _Outcome:
    handled: int = 0  # messages, statuses and number changes taken
    outbound_ids: list[int] = field(default_factory=list)
    retry: list[str] = field(default_factory=list)  # may pass: the event is tried again
    failed: list[str] = field(default_factory=list)  # will not pass: the event ends dead


def _handle(parsed: ParsedDelivery) -> _Outcome:
    from sigap.channels.services.conversations import inbound_message_handle
    from sigap.channels.services.outbox import outbound_status_apply
    from sigap.contacts.services import identity_rename

    outcome = _Outcome()
    now = timezone.now()
    for account, raw_message in parsed.messages:
        message, notes = incoming_message_cleaned(raw_message, now)
        parsed.notes.extend(notes)
        if message is None:
            continue
        with _isolated(outcome, f"message {message.external_id!r}"):
            # It opens its own transactions (a new case commits before its triage).
            result = inbound_message_handle(account=account, message=message)
            outcome.outbound_ids.extend(result.outbound_ids)
            outcome.handled += 1
    for update in parsed.statuses:
        with _isolated(outcome, f"status of {update.provider_message_id!r}"), transaction.atomic():
            outbound_status_apply(update=update)
            outcome.handled += 1
    for change in parsed.identity_changes:
        with _isolated(outcome, f"number change {change.old_external_id!r}"):
            identity_rename(old=change.old_external_id, new=change.new_external_id)
            outcome.handled += 1
    return outcome


@contextmanager
def _isolated(outcome: _Outcome, what: str) -> Iterator[None]:
    """Run one part of a delivery; a failure is recorded against it, not raised."""
    try:
        yield
    except Exception as exc:
        reason = f"{what}: {type(exc).__name__}: {exc}"[:1000]
        (outcome.failed if is_permanent(exc) else outcome.retry).append(reason)
        logger.exception("inbound %s failed", what)


def _send_now(outbound_ids: list[int]) -> None:
    """Acknowledge in the same task: no second trip through the queue (the 2-second target).

    If this process dies here the rows stay queued and the outbox sweeper sends them.
    """
    from sigap.channels.services.outbox import outbound_send

    for outbound_id in outbound_ids:
        try:
            outbound_send(outbound_id)
        except Exception:  # the row records the error; the sweeper retries
            logger.exception("inline send of outbound %s failed", outbound_id)


def _record_failure(event: InboundEvent, exc: Exception, *, permanent: bool = False) -> None:
    attempts = event.attempts
    dead = permanent or attempts >= MAX_ATTEMPTS
    delay = timedelta(seconds=min(3600, 5 * 2 ** (attempts - 1)))
    InboundEvent.objects.filter(pk=event.pk).update(
        status=EventStatus.DEAD if dead else EventStatus.FAILED,
        last_error=f"{type(exc).__name__}: {exc}"[:4000],
        next_attempt_at=None if dead else timezone.now() + delay,
    )
    log = logger.error if dead else logger.warning
    log(
        "inbound %s event %s %s (attempt %s): %s: %s", event.channel, event.pk,
        "dead: an admin must look" if dead else "will be retried", attempts,
        type(exc).__name__, exc, exc_info=not isinstance(exc, _Unfinished),
    )  # fmt: skip


def inbound_events_due(limit: int = 500) -> list[int]:
    """Events to (re)process: failed ones whose backoff passed, pending ones never started or
    whose lease expired (their worker died)."""
    now = timezone.now()
    grace = now - timedelta(seconds=settings.SIGAP_EVENT_PICKUP_GRACE_SECONDS)
    due = InboundEvent.objects.filter(
        Q(status__in=[EventStatus.PENDING, EventStatus.FAILED], next_attempt_at__lte=now)
        | Q(status=EventStatus.PENDING, next_attempt_at__isnull=True, received_at__lte=grace)
    )
    return list(due.order_by("received_at").values_list("pk", flat=True)[:limit])


def inbound_events_reprocess(
    *, event_ids: list[int] | None = None, include_dead: bool = False
) -> int:
    """Put events back to pending (admin command `sigap events reprocess`)."""
    statuses = [EventStatus.FAILED, EventStatus.PENDING]
    if include_dead:
        statuses.append(EventStatus.DEAD)
    events = InboundEvent.objects.filter(status__in=statuses)
    if event_ids:
        events = InboundEvent.objects.filter(pk__in=event_ids)
    ids = list(events.values_list("pk", flat=True))
    InboundEvent.objects.filter(pk__in=ids).update(
        status=EventStatus.PENDING, next_attempt_at=None, attempts=0
    )
    for event_id in ids:
        _enqueue_processing(event_id)
    return len(ids)


def inbound_events_prune(*, older_than_days: int) -> int:
    """Retention: drop processed and ignored raw events after the configured age."""
    cutoff = timezone.now() - timedelta(days=older_than_days)
    deleted, _ = InboundEvent.objects.filter(
        status__in=[EventStatus.PROCESSED, EventStatus.IGNORED], received_at__lt=cutoff
    ).delete()
    return deleted
