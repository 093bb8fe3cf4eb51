from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import Count, Min
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from sigap.core.models import Heartbeat

logger = logging.getLogger(__name__)


def health_report() -> dict[str, Any]:
    """Database reachability, worker and clock liveness, and the task backlog."""
    report: dict[str, Any] = {"status": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        report["database"] = {"status": "ok", "vendor": connection.vendor}
    except Exception as exc:  # any driver error means the database is down for us
        # /healthz is public: the driver's message can name the host, port and user, so it goes
        # to the log and the page says only what kind of failure it was.
        logger.warning("health check: database unreachable: %s", exc)
        report["status"] = "error"
        report["database"] = {"status": "error", "error": type(exc).__name__}
        return report
    stale_after = timedelta(seconds=settings.SIGAP_WORKER_STALE_SECONDS)
    now = timezone.now()
    beats = {b.name: b for b in Heartbeat.objects.filter(name__in=["worker", "clock"])}
    for name in ("worker", "clock"):
        beat = beats.get(name)
        if beat is None:
            report[name] = {"status": "unknown", "last_seen": None}
        else:
            fresh = now - beat.beat_at <= stale_after
            report[name] = {
                "status": "ok" if fresh else "stale",
                "last_seen": beat.beat_at.isoformat(),
            }
    report["tasks"] = task_backlog(now)
    report["inbound"] = inbound_trouble(now)
    return report


# Dead events older than this were seen and either replayed or accepted; alert on new ones.
DEAD_EVENTS_WINDOW = timedelta(days=7)


def inbound_trouble(now: datetime) -> dict[str, int]:
    """Inbound deliveries waiting for a retry, and those given up in the last week: a dead
    one holds a citizen's message nobody has answered (`sigap events reprocess --dead`)."""
    from sigap.channels.models import EventStatus, InboundEvent

    events = InboundEvent.objects
    return {
        "failed": events.filter(status=EventStatus.FAILED, next_attempt_at__isnull=False).count(),
        "dead_7d": events.filter(
            status=EventStatus.DEAD, received_at__gte=now - DEAD_EVENTS_WINDOW
        ).count(),
    }


# How long the oldest task of a queue may wait before /healthz calls the queue late: citizens
# wait on the intake and the outbox for their acknowledgement; incident linking yields to the
# intake in a burst; the rest (sweeps, checks, heartbeats) runs every minute or less.
QUEUE_LATE_SECONDS = {"ingest": 60, "outbox": 60, "triage": 900}
QUEUE_LATE_DEFAULT_SECONDS = 300


def task_backlog(now: datetime) -> dict[str, Any]:
    """Tasks waiting to run: in all, per queue, and how long the oldest of each has waited.

    A queue that keeps growing is the signal to add workers. The intake (``ingest``) should
    stay near empty; ``triage`` holds incident linking, which waits behind the intake in a
    burst and catches up after (one aggregate over the ready-task index)."""
    waiting = (
        DBTaskResult.objects.ready()
        .values("queue_name")
        .annotate(ready=Count("pk"), oldest=Min("enqueued_at"))
        .order_by("queue_name")
    )
    queues = {}
    for row in waiting:
        age = round(max((now - row["oldest"]).total_seconds(), 0.0), 1)
        late = age > QUEUE_LATE_SECONDS.get(row["queue_name"], QUEUE_LATE_DEFAULT_SECONDS)
        queues[row["queue_name"]] = {"ready": row["ready"], "oldest_seconds": age, "late": late}
    return {
        "ready": sum(queue["ready"] for queue in queues.values()),
        # Queues whose oldest task waited too long: no worker serves them, or too few do.
        # The worker heartbeat runs on `default` and cannot see a dead intake worker.
        "late": sorted(name for name, queue in queues.items() if queue["late"]),
        "queues": queues,
    }
