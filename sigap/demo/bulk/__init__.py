"""Many realistic demo cases, fast: ``sigap demo --cases N`` (benchmarks, dashboards, demos).

``case_create`` takes a few milliseconds per case: fine for a citizen, hours for a million. This
package writes the same rows ``case_create`` and the workflow services would have written (case,
contact and identity, inbound message, initial disposition, timeline events, SLA pauses) directly
in batches: PostgreSQL ``COPY`` or, on SQLite, ``bulk_create``. What keeps it consistent:

* tracking numbers come from ``TrackingCounter``: the ranges of every month are reserved up
  front with the same ``UPDATE … last_value + k`` that ``case_create`` uses, so a real case
  created afterwards (or meanwhile) gets the next number and never collides;
* primary keys of cases and contacts are drawn from the tables' own sequences (PostgreSQL), so
  later ordinary inserts never collide either;
* SLA columns of open and resolved cases are computed by the SLA engine itself
  (``sigap.sla.clocks``, the arithmetic ``case_deadlines_recompute`` and the sweeper share),
  with escalation levels as a sweeper that kept up would have left them: the first sweep finds
  only what fell due since. Closed and rejected cases keep no deadline columns, exactly what
  ``sigap sla_recompute`` would leave them with.

The timeline table is append-only (database triggers refuse UPDATE and DELETE); these are inserts.
Demo data only: ``demo_seed`` already refuses to run in production.

Speed: rows are built in this thread while a second one COPYs the previous batch (PostgreSQL,
outside a transaction), and from ``BULK_LOAD_FROM`` cases on the filled tables lose their
secondary indexes and constraints until the end of the load, when they are rebuilt in one pass
each (the tables are unfit for other users meanwhile: demo and benchmark databases only).

Layout: ``story`` (what happens to one case, the words people write), ``rows`` (the rows of one
batch, SLA columns included), ``load`` (ids, COPY / bulk_create, the writer thread, indexes).
"""

from __future__ import annotations

import bisect
import itertools
import math
import random
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from sigap.agencies.models import Pemda
from sigap.cases.models import TrackingCounter
from sigap.demo.bulk.load import (
    BATCH_SIZE,
    LOADED,
    BulkResult,
    Flusher,
    Progress,
    Writer,
    indexes_rebuilt_after,
)
from sigap.demo.bulk.rows import BatchBuilder, References
from sigap.sla.models import SlaPause

__all__ = ["BulkResult", "demo_cases_generate"]

# From this many cases on PostgreSQL, indexes are rebuilt after the load instead of maintained.
BULK_LOAD_FROM = 100_000
SPAN_DAYS = 730  # about two years of history
# Local hour of arrival: office hours and the evening after work.
HOUR_WEIGHTS = [0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1.2, 2.5, 4.5, 5.5, 5.5, 5, 4, 4.5, 4.5, 4, 3, 2.5,
                2.5, 3, 3.2, 2.8, 1.8, 0.8]  # fmt: skip
WEEKDAY_WEIGHTS = [1.0, 0.95, 0.92, 0.9, 0.8, 0.5, 0.4]  # Monday first


def demo_cases_generate(
    *,
    pemda: Pemda,
    count: int,
    seed: int | None = None,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> BulkResult:
    """Add ``count`` generated cases to ``pemda`` (the demo Pemda, already seeded)."""
    started = time.perf_counter()
    rng = random.Random(seed)
    now = now or timezone.now()
    refs = References.load(pemda, rng)
    arrivals = arrival_times(rng, count, now, ZoneInfo(pemda.timezone))
    numbers = tracking_numbers_reserve(pemda, arrivals)
    writer, result = Writer(), BulkResult()
    big = count >= BULK_LOAD_FROM and connection.vendor == "postgresql"
    with indexes_rebuilt_after(big and not connection.in_atomic_block):
        flusher = Flusher(writer, result, progress, count)
        try:
            for offset in range(0, count, BATCH_SIZE):
                builder = BatchBuilder(refs, rng, now, writer)
                for arrival, number in zip(
                    arrivals[offset : offset + BATCH_SIZE],
                    numbers[offset : offset + BATCH_SIZE],
                    strict=True,
                ):
                    builder.add_case(arrival, number)
                flusher.submit(builder)
        finally:
            flusher.close()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for model in (*LOADED, SlaPause):
                cursor.execute(f"ANALYZE {model._meta.db_table}")
    result.seconds = time.perf_counter() - started
    return result


# --- arrivals and tracking numbers ----------------------------------------------------------


def arrival_times(rng: random.Random, count: int, now: datetime, zone: ZoneInfo) -> list[datetime]:
    """Sorted arrival instants over two years: growing use, weekday and office-hour peaks."""
    hours = list(itertools.accumulate(HOUR_WEIGHTS))
    today = now.astimezone(zone).date()
    arrivals: list[datetime] = []
    while len(arrivals) < count:
        # Half uniform, half weighted towards today: use grew since launch.
        u = rng.random()
        days_ago = int(SPAN_DAYS * (u if rng.random() < 0.5 else 1 - math.sqrt(u)))
        day = today - timedelta(days=days_ago)
        if rng.random() > WEEKDAY_WEIGHTS[day.weekday()]:
            continue
        hour = bisect.bisect(hours, rng.random() * hours[-1])
        local = datetime(day.year, day.month, day.day, hour, tzinfo=zone) + timedelta(
            seconds=rng.randrange(3600)
        )
        moment = local.astimezone(UTC)
        if moment < now - timedelta(minutes=1):
            arrivals.append(moment)
    arrivals.sort()
    return arrivals


@transaction.atomic
def tracking_numbers_reserve(pemda: Pemda, arrivals: list[datetime]) -> list[str]:
    """Reserve each month's range like ``case_create`` does (UPDATE under the row lock)."""
    zone = ZoneInfo(pemda.timezone)
    periods = [moment.astimezone(zone).strftime("%y%m") for moment in arrivals]
    next_value: dict[str, int] = {}
    for period, wanted in Counter(periods).items():
        counter, _created = TrackingCounter.objects.get_or_create(pemda=pemda, period=period)
        TrackingCounter.objects.filter(pk=counter.pk).update(last_value=F("last_value") + wanted)
        last = TrackingCounter.objects.values_list("last_value", flat=True).get(pk=counter.pk)
        next_value[period] = last - wanted + 1
    numbers = []
    for period in periods:
        numbers.append(f"{pemda.tracking_prefix}-{period}-{next_value[period]:05d}")
        next_value[period] += 1
    return numbers
