from __future__ import annotations

from django_tasks import task

from sigap.core.services import heartbeat_record


@task(queue_name="default")
def worker_heartbeat_task() -> None:
    """Enqueued by the clock; running it proves a worker is taking tasks."""
    heartbeat_record(name="worker")
