from __future__ import annotations

import logging
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import import_string

from sigap.core.models import PeriodicJob
from sigap.core.periodic import PERIODIC_JOBS, Periodic
from sigap.core.services import heartbeat_record

logger = logging.getLogger(__name__)


def _claim(job: Periodic) -> bool:
    now = timezone.now()
    PeriodicJob.objects.get_or_create(name=job.name, defaults={"next_run_at": now})
    claimed = PeriodicJob.objects.filter(Q(name=job.name) & Q(next_run_at__lte=now)).update(
        next_run_at=now + timedelta(seconds=job.every_seconds), last_run_at=now
    )
    return claimed == 1


def clock_tick(jobs: list[Periodic] | None = None) -> list[str]:
    """Enqueue every due job once; return the names enqueued."""
    heartbeat_record(name="clock")
    enqueued = []
    for job in jobs if jobs is not None else PERIODIC_JOBS:
        if _claim(job):
            import_string(job.task_path).enqueue()
            enqueued.append(job.name)
    if enqueued:
        logger.debug("clock enqueued %s", ", ".join(enqueued))
    return enqueued
