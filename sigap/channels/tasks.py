from __future__ import annotations

from django.conf import settings
from django_tasks import task

from sigap.channels.services.events import (
    inbound_event_process,
    inbound_events_due,
    inbound_events_prune,
)
from sigap.channels.services.outbox import outbound_send, outbox_due


@task(queue_name="ingest")
def inbound_event_process_task(event_id: int) -> str:
    return inbound_event_process(event_id)


@task(queue_name="outbox")
def outbound_send_task(outbound_id: int) -> str:
    return outbound_send(outbound_id)


@task(queue_name="sweeper")
def channels_sweep_task() -> dict[str, int]:
    """Re-enqueue events and sends that a dead worker or a failure left behind."""
    event_ids = inbound_events_due()
    for event_id in event_ids:
        inbound_event_process_task.enqueue(event_id=event_id)
    outbound_ids = outbox_due()
    for outbound_id in outbound_ids:
        outbound_send_task.enqueue(outbound_id=outbound_id)
    return {"events": len(event_ids), "outbound": len(outbound_ids)}


@task(queue_name="sweeper")
def inbound_events_prune_task() -> int:
    return inbound_events_prune(older_than_days=settings.SIGAP_EVENT_RETENTION_DAYS)


@task(queue_name="ingest")
def email_poll_task() -> dict[str, str]:
    """Fetch new mail of every active mailbox over IMAP (periodic, see core.periodic)."""
    from sigap.channels.email.polling import mailboxes_poll

    return mailboxes_poll()


# Below everything citizens wait for (intake 0, incidents -10): a check may wait up to
# CHECK_TIMEOUT_SECONDS per provider call, and the embedded default has a single worker.
ACCOUNT_CHECK_PRIORITY = -20


@task(queue_name="default")
def channel_accounts_check_task() -> int:
    """Hourly: queue a check of each account not checked for a day (see core.periodic and
    services.connection), one task per account so that acknowledgements queued meanwhile go
    first on a worker that waits for a slow provider."""
    from sigap.channels.services.connection import accounts_due

    account_ids = accounts_due()
    for account_id in account_ids:
        channel_account_check_task.enqueue(account_id=account_id)
    return len(account_ids)


@task(queue_name="default", priority=ACCOUNT_CHECK_PRIORITY)
def channel_account_check_task(account_id: int, force: bool = False) -> list[str] | None:
    """One account's check; ``force`` (the admin's action) checks it even if checked lately."""
    from sigap.channels.services.connection import account_check_if_due

    outcome = account_check_if_due(account_id, force=force)
    return list(outcome) if outcome is not None else None
