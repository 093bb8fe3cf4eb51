from __future__ import annotations

from django.db import models


class Heartbeat(models.Model):
    """Last sign of life of a background process (worker, clock), shown by /healthz."""

    name = models.CharField(max_length=64, unique=True)
    beat_at = models.DateTimeField()
    detail = models.CharField(max_length=200, blank=True)

    def __str__(self) -> str:
        return f"{self.name} @ {self.beat_at:%Y-%m-%d %H:%M:%S}"


class PeriodicJob(models.Model):
    """When each periodic job may next be enqueued.

    The clock claims a due job with a conditional UPDATE, so several clock processes never
    enqueue the same run twice.
    """

    name = models.CharField(max_length=64, unique=True)
    next_run_at = models.DateTimeField()
    last_run_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.name
