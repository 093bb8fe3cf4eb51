from __future__ import annotations

from django_tasks import task

from sigap.core.services import heartbeat_record, task_results_prune


@task(queue_name="default")
def worker_heartbeat_task() -> None:
    """Enqueued by the clock; running it proves a worker is taking tasks."""
    heartbeat_record(name="worker")


@task(queue_name="sweeper")
def task_results_prune_task() -> int:
    return task_results_prune()
