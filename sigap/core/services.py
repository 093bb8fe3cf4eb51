from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from sigap.core.models import Heartbeat

# Rows deleted per statement: a prune after a long pause must not lock the table for minutes.
PRUNE_BATCH = 5000


def heartbeat_record(*, name: str, detail: str = "") -> None:
    Heartbeat.objects.update_or_create(
        name=name, defaults={"beat_at": timezone.now(), "detail": detail[:200]}
    )


def task_results_prune(*, now: datetime | None = None) -> int:
    """Delete task rows finished more than ``SIGAP_TASK_RETENTION_DAYS`` ago; how many.

    Every inbound message leaves one or two rows, so the table grows by millions a year. Also
    pruned: rows left RUNNING that long by a worker that was killed; what they were doing is
    made good elsewhere (event and outbox leases, the incident catch-up). Waiting rows stay.
    Finished rows go in batches along the index on ``finished_at`` (migration core.0002);
    abandoned ones are few, in one statement."""
    now = now or timezone.now()
    before = now - timedelta(days=settings.SIGAP_TASK_RETENTION_DAYS)
    done = (TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED)
    # No ordering: the model's default one (priority, run_after, ...) would sort the table.
    finished = DBTaskResult.objects.filter(finished_at__lt=before, status__in=done).order_by()
    deleted = 0
    while batch := list(finished.values_list("pk", flat=True)[:PRUNE_BATCH]):
        deleted += DBTaskResult.objects.filter(pk__in=batch).delete()[0]
    abandoned = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=before)
    return deleted + abandoned.delete()[0]
