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
